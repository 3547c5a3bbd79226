//! The one reader in the browser: every shared case (`tests/cases/reader.rs`)
//! gives the same line as natively (`tests/native/reader.rs`), through the real
//! mount path, and deep nesting neither overflows the stack nor stalls the
//! widgets after it.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::{cases, common};

use common::browser::Stage;
use warta::client::{mount_one, unmount_within, MountState, Mounting};
use wasm_bindgen_test::*;
use web_sys::Element;

/// A mount whose JSON copy is exactly `doc` (set as text, not parsed as HTML).
fn stage_with(doc: &str) -> Stage {
    let stage = Stage::new("<div data-warta></div>");
    let script = gloo::utils::document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_attribute("data-warta-data", "").unwrap();
    script.set_text_content(Some(doc));
    stage.mount(0).append_child(&script).unwrap();
    stage
}

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

#[wasm_bindgen_test]
fn refused_documents_give_the_native_line() {
    let mut wrong = Vec::new();
    for case in cases::refused() {
        let (name, doc, expected) = (case.name, case.doc, case.line);
        let stage = stage_with(&doc);
        let mount = stage.mount(0);
        match mount_one(&mount) {
            Mounting::Failed(line) => {
                if line != expected {
                    wrong.push(format!("{name}:\n  got      {line}\n  expected {expected}"));
                }
                assert_eq!(state(&mount), MountState::Error.as_str(), "{name}");
                assert!(!line.contains(['\n', '\r', '\u{1b}']), "{name}: {line:?}");
            }
            other => wrong.push(format!("{name}: {other:?}")),
        }
        unmount_within(&stage.0);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[wasm_bindgen_test]
async fn accepted_documents_render() {
    for (name, doc) in cases::accepted() {
        let stage = stage_with(&doc);
        let mount = stage.mount(0);
        assert!(
            matches!(mount_one(&mount), Mounting::Rendering(_)),
            "{name}"
        );
        yew::scheduler::flush().await;
        assert_eq!(state(&mount), MountState::Rendered.as_str(), "{name}");
        unmount_within(&stage.0);
    }
}

#[wasm_bindgen_test]
async fn deep_nesting_does_not_stop_later_widgets() {
    // Two mounts: a 5,000-deep document first, a valid one after it.
    let stage = Stage::new("<div data-warta></div><div data-warta></div>");
    for (i, doc) in [cases::nested_title(5_000), cases::MINIMAL.to_owned()]
        .iter()
        .enumerate()
    {
        let script = gloo::utils::document().create_element("script").unwrap();
        script.set_attribute("type", "application/json").unwrap();
        script.set_attribute("data-warta-data", "").unwrap();
        script.set_text_content(Some(doc));
        stage.mount(i).append_child(&script).unwrap();
    }
    let (events, _listeners) = stage.events();
    assert_eq!(warta::client::mount_within(&stage.0), 2);
    yew::scheduler::flush().await;
    assert_eq!(state(&stage.mount(0)), "error");
    assert_eq!(state(&stage.mount(1)), "rendered");
    let events = events.borrow();
    assert!(
        events.iter().any(|(name, _, why)| name == "warta:error"
            && why == "the document nests arrays and objects deeper than 127 levels"),
        "{events:?}"
    );
    unmount_within(&stage.0);
}

#[wasm_bindgen_test]
async fn hidden_native_share_button_clicked_from_script_throws_nothing() {
    // No share sheet: the button stays hidden, but a script can click it.
    common::browser::run_js(
        "Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
         window.__errors = [];
         window.__onError = (e) => window.__errors.push(String(e.message));
         window.addEventListener('error', window.__onError);",
    );
    let stage = Stage::new(&common::browser::server_fragment(common::SAMPLE_JSON).await);
    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
    yew::scheduler::flush().await;
    let button = stage.find("[data-network=\"native\"] button");
    assert!(stage
        .find("[data-network=\"native\"]")
        .has_attribute("hidden"));
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button)
        .unwrap()
        .click();
    common::browser::next_turn().await;
    let errors = common::browser::run_js(
        "window.removeEventListener('error', window.__onError); delete navigator.share;
         return window.__errors.join('\\n');",
    );
    assert_eq!(errors.as_string().unwrap(), "", "uncaught errors");
    unmount_within(&stage.0);
}
