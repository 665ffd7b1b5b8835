use goroutines_notebook::go;
use goroutines_notebook::runtime::{TraceLevel, VirtualRun};
fn main() {
    let src = std::fs::read_to_string("tests/bench/interp/fib.go").unwrap();
    let mut best = f64::MAX;
    for _ in 0..7 {
        let p = go::build(&src, go::vm::Limits { cpu_budget: None, ..Default::default() }).unwrap();
        let t = std::time::Instant::now();
        let mut run = VirtualRun::new(p, TraceLevel::Counts);
        run.run_to_end();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("fib best {best:.1} ms");
}
