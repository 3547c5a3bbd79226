//! Widgets that come and go after load (infinite scroll, client-side
//! navigation), with the page watcher running. A test binary of its own:
//! the watcher observes the whole document, which would mount the other
//! test files' widgets before they could.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

mod common;

use common::browser::{next_turn, run_js, server_fragment, Stage};
use warta::client::{mount_within, mounted_count, start, unmount_within};
use warta::embed::{empty_mount_html, script_safe_json};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

/// What a page does when it fills a mount in two steps: the JSON script
/// arrives after the mount.
fn add_json_script(mount: &Element, json: &str) {
    let html = empty_mount_html(&script_safe_json(json));
    let script = &html[html.find("<script").unwrap()..html.len() - "</div>".len()];
    mount.insert_adjacent_html("beforeend", script).unwrap();
}

/// Lets the watcher's callback and Yew's scheduler run.
async fn settle() {
    next_turn().await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn appended_widgets_are_mounted_and_removed_ones_torn_down() {
    start();
    let stage = Stage::new("");
    let (events, _listeners) = stage.events();
    let before = mounted_count();
    for (i, json) in [common::SAMPLE_JSON, common::LONG_JSON, common::RICH_JSON]
        .into_iter()
        .enumerate()
    {
        let fragment = server_fragment(json).await;
        stage
            .0
            .insert_adjacent_html("beforeend", &fragment)
            .unwrap();
        settle().await;
        assert_eq!(state(&stage.mount(i)), "hydrated", "widget {i}");
    }
    assert_eq!(mounted_count(), before + 3);
    assert_eq!(events.borrow().len(), 3, "one event per widget");

    let removed = stage.mount(1);
    removed.remove();
    settle().await;
    assert_eq!(
        mounted_count(),
        before + 2,
        "the removed widget is torn down"
    );

    // The host API finds nothing new to mount.
    assert_eq!(
        run_js("return window.warta.mount(document);").as_f64(),
        Some(0.0)
    );
    // Put back, the widget is mounted again, once.
    stage.0.append_child(&removed).unwrap();
    settle().await;
    assert_eq!(mounted_count(), before + 3);
    assert_eq!(state(&removed), "rendered");
    assert_eq!(
        events.borrow().last().unwrap().2,
        warta::client::reason::MOUNTED_BEFORE
    );
    assert_eq!(events.borrow().len(), 4);
}

#[wasm_bindgen_test]
async fn a_mount_waits_for_its_json_script() {
    start();
    let stage = Stage::new("<div class=\"warta\" data-warta></div>");
    settle().await;
    let mount = stage.mount(0);
    assert_eq!(
        state(&mount),
        "",
        "not an error while the script is missing"
    );
    add_json_script(&mount, common::RICH_JSON);
    settle().await;
    assert_eq!(state(&mount), "rendered");
    assert!(stage.find("h1").is_connected());
}

#[wasm_bindgen_test]
async fn the_host_api_mounts_and_unmounts() {
    start();
    // Off the page, where the watcher cannot see: a detached container.
    let detached = gloo::utils::document().create_element("div").unwrap();
    detached.set_inner_html(&server_fragment(common::SAMPLE_JSON).await);
    let api = |call: &str| {
        js_sys::Function::new_with_args("el", &format!("return window.warta.{call}(el);"))
            .call1(&wasm_bindgen::JsValue::NULL, &detached)
            .unwrap()
            .as_f64()
    };
    assert_eq!(api("mount"), Some(1.0));
    assert_eq!(api("mount"), Some(0.0), "mounting twice does nothing");
    settle().await;
    let mount = detached.first_element_child().unwrap();
    assert_eq!(state(&mount), "hydrated");
    assert_eq!(api("unmount"), Some(1.0));
    assert_eq!(state(&mount), "", "unmounted");
    assert_eq!(api("unmount"), Some(0.0));
}

#[wasm_bindgen_test]
async fn a_mount_present_at_start_without_its_script_is_mounted_when_it_arrives() {
    let stage = Stage::new("<div class=\"warta\" data-warta></div>");
    start();
    settle().await;
    let mount = stage.mount(0);
    assert_eq!(state(&mount), "error", "reported: nothing to show yet");
    add_json_script(&mount, common::RICH_JSON);
    settle().await;
    assert_eq!(state(&mount), "rendered");
    assert!(stage.find("h1").is_connected());
}

#[wasm_bindgen_test]
async fn unmounting_and_mounting_again_at_once_keeps_the_article() {
    start();
    let stage = Stage::new(&empty_mount_html(&script_safe_json(common::SAMPLE_JSON)));
    settle().await;
    let mount = stage.mount(0);
    assert_eq!(state(&mount), "rendered");
    assert_eq!(unmount_within(&mount), 1);
    // Unmounted, the article stays as plain HTML.
    assert!(stage.find("h1").is_connected());
    assert_eq!(mount_within(&mount), 1);
    settle().await;
    assert_eq!(state(&mount), "rendered");
    assert!(
        stage.find("h1").is_connected(),
        "the article is still there"
    );
    assert_eq!(stage.0.query_selector_all("h1").unwrap().length(), 1);
    assert!(stage
        .find(".warta-share [data-network=copy] a")
        .is_connected());
}

#[wasm_bindgen_test]
async fn unmounting_before_yew_runs_leaves_no_live_app() {
    start();
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let (events, _listeners) = stage.events();
    settle().await;
    let mount = stage.mount(0);
    assert_eq!(unmount_within(&mount), 1);
    let before = mounted_count();
    // Mounted and unmounted in the same task, before Yew's scheduler ran.
    assert_eq!(mount_within(&mount), 1);
    assert_eq!(unmount_within(&mount), 1);
    settle().await;
    assert_eq!(state(&mount), "", "no state comes back");
    assert_eq!(mounted_count(), before);
    assert_eq!(events.borrow().len(), 1, "only the first mount reported");
    // The server's share links are still in the page.
    assert!(stage.find("[data-network=copy] a").is_connected());
}

#[wasm_bindgen_test]
async fn an_error_listener_that_mounts_again_does_not_re_enter() {
    start();
    let stage = Stage::new("");
    run_js(
        "window.__errors = 0;
         document.addEventListener('warta:error', (e) => { window.__errors++; if (window.__errors < 5) window.warta.mount(e.target); });",
    );
    stage
        .0
        .insert_adjacent_html("beforeend", &empty_mount_html("{\"version\":1,"))
        .unwrap();
    settle().await;
    assert_eq!(run_js("return window.__errors;").as_f64(), Some(1.0));
    assert_eq!(state(&stage.mount(0)), "error");
}
