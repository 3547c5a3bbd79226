//! The full client's browser tests, in one test binary (one link step):
//! `wasm-pack test --headless --chrome --features ssr,hydration` runs them
//! in headless Chromium. Each server-renders in the page, then hydrates or
//! renders, and waits with `yew::scheduler::flush` rather than sleeping.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../cases/reader.rs"]
mod cases;
#[path = "../common/mod.rs"]
mod common;

mod host_changes;
mod hostile;
mod hydration;
mod lifecycle;
mod reader;
mod share;
