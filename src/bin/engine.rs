//! The engine's Web Worker entry point (trunk builds it as `engine_loader.js`): the Go
//! interpreter and the runtime, fetched only when a program first runs.
fn main() {
    #[cfg(target_arch = "wasm32")]
    goroutines_notebook::web::engine_worker::run_worker();
}
