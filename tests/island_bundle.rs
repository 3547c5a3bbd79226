//! The island bundle (feature `island` without `hydration`: warta-island.js,
//! what warta-init.js loads first) in headless Chromium. Intact server
//! markup is made live in place, without Yew; every other mount is handed to
//! the full client through the loader (`warta.whole`, `warta.unwhole`,
//! stubbed here); a panic reports the mounts this bundle runs and leaves
//! those it handed over to the full client.
//!
//! scripts/test.sh runs this crate on its own feature set
//! (`--no-default-features --features ssr,island`; the server render makes
//! the markup). Every other browser test crate is the full client's.
#![cfg(all(target_arch = "wasm32", not(feature = "hydration")))]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::browser::{
    next_turn, replace_json, run_js, server_fragment, stub_recording_clipboard, Stage,
};
use gloo::events::{EventListener, EventListenerOptions};
use warta::client::{mount_one, report_panic, unmount_within, Mounting};
use warta::embed::shape::markup_as_served;
use warta::embed::{empty_mount_html, script_safe_json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The opening tag of the share bar's "copy link" item, as the server writes it.
const COPY_ITEM: &str =
    r#"<li data-network="copy" class="warta-share__item warta-share__item--copy">"#;

fn state(mount: &Element) -> Option<String> {
    mount.get_attribute("data-warta-state")
}

/// The loader's hand-over functions, as warta-init.js leaves them for the
/// island bundle, recording the mounts they get. No `held`: without it the
/// island mounts at once, as on a page that starts the bundle itself.
fn stub_loader() {
    run_js(
        "window.__whole = []; window.__unwhole = [];
         window.warta = { whole: (m) => window.__whole.push(m), unwhole: (m) => window.__unwhole.push(m) };",
    );
}

fn no_loader() {
    run_js("delete window.warta;");
}

/// Whether the loader stub's list `name` holds exactly `mount`.
fn recorded(name: &str, mount: &Element) -> bool {
    let list: js_sys::Array = run_js(&format!("return window.{name};")).unchecked_into();
    list.length() == 1 && list.get(0) == JsValue::from(mount)
}

/// Clicks the bar's "copy link" control; whether the widget took the click
/// (prevented following the link), which only a live bar does. The click is
/// stopped at the stage, after the widget's listener on the bar, so the link
/// never navigates.
fn click_copy(stage: &Stage) -> bool {
    let taken = Rc::new(Cell::new(false));
    let seen = taken.clone();
    let options = EventListenerOptions::enable_prevent_default();
    let _stop = EventListener::new_with_options(&stage.0, "click", options, move |event| {
        seen.set(event.default_prevented());
        event.prevent_default();
    });
    stage
        .find("li[data-network=copy] a")
        .unchecked_into::<HtmlElement>()
        .click();
    taken.get()
}

#[wasm_bindgen_test]
async fn intact_server_markup_is_made_live_in_place_without_yew() {
    stub_loader();
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let (events, _listeners) = stage.events();
    let article_before = stage.find(".warta-article").outer_html();
    let bar_before = stage.find(".warta-share");
    assert!(!click_copy(&stage), "before mounting, copy is a plain link");

    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);

    assert_eq!(state(&stage.mount(0)).as_deref(), Some("hydrated"));
    assert_eq!(
        *events.borrow(),
        [("warta:ready".into(), "hydrated".into(), String::new())]
    );
    // The server's nodes stay: the same bar, and the article's markup is
    // unchanged but for what a live bar shows (the share sheet's button,
    // where the browser has one; headless Chromium has none).
    assert!(stage.find(".warta-share").is_same_node(Some(&bar_before)));
    assert_eq!(stage.find(".warta-article").outer_html(), article_before);
    assert_eq!(
        run_js("return window.__whole.length;"),
        0,
        "nothing handed over"
    );

    stub_recording_clipboard();
    assert!(click_copy(&stage), "live, the bar takes the copy click");
    next_turn().await;
    assert_eq!(
        run_js("return window.__copied;").as_string().as_deref(),
        Some("https://visitaaponce.com/presiden-rusia-vladimir-putin-tiba-di-beijing")
    );
    let status = stage.find(".warta-share [role=status]").text_content();
    assert_eq!(status.as_deref(), Some("Tautan disalin"));
}

/// The island bundle knows intact markup by the browser's serialization of
/// the island, without a script object for each of its nodes: the server's
/// island serializes back to exactly what the server wrote, for every
/// fixture, and any change is seen, a word of text or the shape attribute.
/// A tree that serializes alike but has an element of another namespace
/// (which only a script can make) shows the island relies on it: the bar is
/// made live in place, which is all the island bundle does with it (the full
/// client walks the nodes, tests/browser/host_changes.rs).
#[wasm_bindgen_test]
async fn intact_markup_is_known_by_its_serialization() {
    let shape_of = |island: &Element| island.get_attribute("data-warta-shape").unwrap();
    for (name, json) in common::FIXTURES {
        let stage = Stage::new(&server_fragment(json).await);
        let island = stage.find("[data-warta-island]");
        assert!(markup_as_served(&island, &shape_of(&island)), "{name}");
        assert!(
            !markup_as_served(&island, "0000000000000000"),
            "{name}: a rewritten shape"
        );
        stage
            .find("[data-network=copy] .warta-share__text")
            .set_text_content(Some("Copy"));
        assert!(
            !markup_as_served(&island, &shape_of(&island)),
            "{name}: a reworded label"
        );
    }

    stub_loader();
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    run_js(
        "const ul = document.querySelector('.warta-share__list');
         const x = document.createElementNS('http://www.w3.org/2000/svg', 'ul');
         for (const a of ul.attributes) x.setAttribute(a.name, a.value);
         x.append(...ul.childNodes); ul.replaceWith(x);",
    );
    let island = stage.find("[data-warta-island]");
    assert!(markup_as_served(&island, &shape_of(&island)));
    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
    assert_eq!(
        run_js("return window.__whole.length;"),
        0,
        "nothing handed over"
    );
    assert!(click_copy(&stage), "the bar is live");
    unmount_within(&stage.0);
}

#[wasm_bindgen_test]
async fn unmounted_the_bar_is_the_servers_markup_again_and_goes_live_again() {
    stub_loader();
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let bar_before = stage.find(".warta-share").outer_html();
    stub_recording_clipboard();
    mount_one(&stage.mount(0));
    assert!(click_copy(&stage));
    next_turn().await;

    assert_eq!(unmount_within(&stage.0), 1);
    assert_eq!(state(&stage.mount(0)), None);
    assert_eq!(stage.find(".warta-share").outer_html(), bar_before);
    assert!(!click_copy(&stage), "stopped, copy is a plain link again");

    // Nothing of the island's was left in the markup: mounted again, the
    // same server markup is live again, still without the full client.
    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
    assert_eq!(state(&stage.mount(0)).as_deref(), Some("hydrated"));
    assert!(click_copy(&stage));
    assert_eq!(run_js("return window.__whole.length;"), 0);
    unmount_within(&stage.0);
}

#[wasm_bindgen_test]
async fn every_mount_that_needs_rendering_goes_to_the_full_client() {
    let sample = server_fragment(common::SAMPLE_JSON).await;
    let mut other = serde_json::from_str::<serde_json::Value>(common::SAMPLE_JSON).unwrap();
    other["title"] = "Judul lain".into();
    let cases: [(&str, String); 4] = [
        (
            "an empty mount",
            empty_mount_html(&script_safe_json(common::SAMPLE_JSON)),
        ),
        (
            "markup rendered from other JSON",
            replace_json(&sample, &other.to_string()),
        ),
        (
            "a share bar the page changed",
            sample.replacen(COPY_ITEM, &format!("{COPY_ITEM}<!--ad-->"), 1),
        ),
        (
            "JSON the island cannot vouch for",
            replace_json(&sample, "{\"title\":1}"),
        ),
    ];
    for (case, html) in cases {
        stub_loader();
        let stage = Stage::new(&html);
        let markup_before = stage.0.inner_html();
        let (events, _listeners) = stage.events();

        assert_eq!(mount_one(&stage.mount(0)), Mounting::HandedOver, "{case}");
        assert!(recorded("__whole", &stage.mount(0)), "{case}: handed over");
        // The full client reports the state; until then the markup is
        // untouched and the island says nothing.
        assert_eq!(state(&stage.mount(0)), None, "{case}");
        assert!(events.borrow().is_empty(), "{case}");
        assert_eq!(stage.0.inner_html(), markup_before, "{case}");

        // Torn down, the mount is taken back from the full client.
        assert_eq!(unmount_within(&stage.0), 1, "{case}");
        assert!(recorded("__unwhole", &stage.mount(0)), "{case}: taken back");
    }
}

#[wasm_bindgen_test]
async fn without_the_loader_a_mount_that_needs_the_full_client_says_so() {
    no_loader();
    let stage = Stage::new(&empty_mount_html(&script_safe_json(common::SAMPLE_JSON)));
    let (events, _listeners) = stage.events();

    assert!(matches!(mount_one(&stage.mount(0)), Mounting::Failed(_)));

    assert_eq!(state(&stage.mount(0)).as_deref(), Some("error"));
    let events = events.borrow();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "warta:error");
    assert!(events[0].2.contains("warta-init.js"), "{}", events[0].2);
}

#[wasm_bindgen_test]
async fn a_panic_reports_the_mounts_it_runs_and_leaves_the_handed_over_ones() {
    stub_loader();
    let live = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let handed = Stage::new(&empty_mount_html(&script_safe_json(common::SAMPLE_JSON)));
    assert_eq!(mount_one(&live.mount(0)), Mounting::Hydrating);
    assert_eq!(mount_one(&handed.mount(0)), Mounting::HandedOver);
    // What the full client would have written once it mounted the widget.
    handed
        .mount(0)
        .set_attribute("data-warta-state", "rendered")
        .unwrap();
    let (live_events, _l) = live.events();
    let (handed_events, _h) = handed.events();

    report_panic("boom");

    assert_eq!(state(&live.mount(0)).as_deref(), Some("error"));
    assert_eq!(
        *live_events.borrow(),
        [(
            "warta:error".into(),
            "error".into(),
            "warta stopped: boom".into()
        )]
    );
    assert_eq!(state(&handed.mount(0)).as_deref(), Some("rendered"));
    assert!(handed_events.borrow().is_empty());
    // The article stays readable: the server's markup is all still there.
    assert!(live
        .find("h1")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .inner_text()
        .contains("Putin"));

    unmount_within(&live.0);
    unmount_within(&handed.0);
}
