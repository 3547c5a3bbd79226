//! Browser entry point of the island bundle (built with `--features
//! island-bundle` only, no Yew): makes the share bars of server-rendered
//! widgets live in place and hands any widget that needs more to the full
//! client (see `warta::client`).

fn main() {
    warta::client::start();
}

// talc, not Rust's default dlmalloc: the bundle every reader downloads is
// 2.5 KB gzip smaller, and no slower in paired runs (docs/performance.md,
// "Allocator"). The bundle allocates little: a widget's JSON text and its
// share settings.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
