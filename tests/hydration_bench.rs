//! Browser benchmark, not a pass/fail test: prints the median time to
//! hydrate server markup (mount + scheduler flush), to render an empty
//! mount, and the wasm memory afterwards. The first figures count the
//! first, cold mounts; a warm line (after untimed
//! mounts) measures the code rather than the compiler's state. Budgets: sample ≤ 5 ms, 200 blocks ≤ 30 ms, memory ≤ 2 MB.
//! Run: `bash benches/hydration.sh`, which builds it twice: with
//! `--features ssr,hydration` for the full client (Yew hydrates the share
//! bar), and with `--features ssr,island` for the island bundle's way (the
//! bar made live without Yew; it renders nothing, so its empty-mount line
//! is left out).
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{server_fragment, Stage};
use warta::client::{mount_one, Mounting};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 25;
/// The warm line: untimed mounts first, then a median of more.
const WARM_UP: usize = 50;
const WARM_RUNS: usize = 101;

fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// An article with `blocks` body blocks: the sample's paragraphs and cards, repeated.
fn article_with_blocks(blocks: usize) -> String {
    let mut value: serde_json::Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    let body = value["body"].as_array().unwrap().clone();
    value["body"] = body.iter().cycle().take(blocks).cloned().collect();
    value.to_string()
}

/// Median time from `mount_one` until Yew is done, over `runs` fresh copies
/// of `html`.
async fn median_mount_ms(html: &str, expected: Mounting, runs: usize) -> f64 {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let stage = Stage::new(html);
        let start = now();
        assert_eq!(mount_one(&stage.mount(0)), expected);
        yew::scheduler::flush().await;
        times.push(now() - start);
    }
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The median of `RUNS` hydrations of server markup, first mounts included.
async fn median_hydration_ms(html: &str) -> f64 {
    median_mount_ms(html, Mounting::Hydrating, RUNS).await
}

/// The same after `WARM_UP` untimed mounts, over `WARM_RUNS`.
async fn warm_median_hydration_ms(html: &str) -> f64 {
    median_mount_ms(html, Mounting::Hydrating, WARM_UP).await;
    median_mount_ms(html, Mounting::Hydrating, WARM_RUNS).await
}

/// An empty mount: the whole article rendered in the browser.
#[cfg(feature = "hydration")]
async fn median_render_ms(json: &str) -> f64 {
    use warta::client::reason;
    use warta::embed::{empty_mount_html, script_safe_json};
    let html = empty_mount_html(&script_safe_json(json));
    median_mount_ms(&html, Mounting::Rendering(reason::EMPTY_MOUNT), RUNS).await
}

#[wasm_bindgen_test]
async fn hydration_benchmark() {
    // Server markup once per article; the cold figures come first, the
    // warm ones after.
    let sample_html = server_fragment(common::SAMPLE_JSON).await;
    let large_html = server_fragment(&article_with_blocks(200)).await;
    let sample = median_hydration_ms(&sample_html).await;
    let large = median_hydration_ms(&large_html).await;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let bytes = js_sys::ArrayBuffer::from(memory.buffer()).byte_length();
    let how = if cfg!(feature = "hydration") {
        "full client, Yew"
    } else {
        "island bundle, no Yew"
    };
    console_log!(
        "hydration ({how}) median of {RUNS}: sample {sample:.2} ms, 200 blocks {large:.2} ms"
    );
    let (sample, large) = (
        warm_median_hydration_ms(&sample_html).await,
        warm_median_hydration_ms(&large_html).await,
    );
    console_log!(
        "warm hydration, median of {WARM_RUNS} after {WARM_UP} untimed: sample {sample:.2} ms, 200 blocks {large:.2} ms"
    );
    #[cfg(feature = "hydration")]
    {
        let (sample, large) = (
            median_render_ms(common::SAMPLE_JSON).await,
            median_render_ms(&article_with_blocks(200)).await,
        );
        console_log!(
            "empty-mount render median of {RUNS}: sample {sample:.2} ms, 200 blocks {large:.2} ms"
        );
    }
    console_log!(
        "wasm linear memory after the runs: {:.2} MB",
        f64::from(bytes) / 1_048_576.0
    );
}
