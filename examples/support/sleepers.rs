//! The sleepers workload written against the runtime directly (the compiled path), shared by
//! `bench_go` and `bench_sleepers`: N goroutines each sleep 100 ms once, then `wg.Done()`.

use std::time::Duration;

use goroutines_notebook::runtime::Program;

pub fn compiled_sleepers(n: usize) -> Program {
    Program::new("sleepers", move |rt| async move {
        let wg = rt.wait_group();
        for _ in 0..n {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.sleep(Duration::from_millis(100)).await;
                w.done();
            });
        }
        wg.wait().await;
        rt.println(n.to_string());
    })
}
