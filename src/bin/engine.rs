//! The engine's Web Worker (`src/web/engine_loader.js` loads what trunk builds of it): the Go
//! interpreter and the runtime, fetched only when a program first runs.
fn main() {
    #[cfg(target_arch = "wasm32")]
    goroutines_notebook::web::engine_worker::run_worker();
}
