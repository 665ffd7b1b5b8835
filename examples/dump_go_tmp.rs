fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(path).unwrap();
    let p = goroutines_notebook::go::compile::compile_source(&src).unwrap_or_else(|_| panic!("compile"));
    for f in &p.funcs {
        println!(
            "== {} params={} results={} locals={} captures={} rt={:?}",
            f.name, f.params, f.results, f.locals, f.captures, f.result_types
        );
        for (i, op) in f.code.iter().enumerate() {
            println!("  {i:3} L{:<3} {op:?}", f.lines[i]);
        }
    }
}
