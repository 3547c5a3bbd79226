//! Mounting and tearing down at awkward moments: while Yew pauses to let
//! the browser paint (it yields every 16 ms), before Yew has run at all, with
//! a reader's focus inside the share bar. A test binary of its own: the busy
//! apps here leave Yew's scheduler paused between tasks.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::common;

use common::browser::{next_turn, server_fragment, stale_sample_with_ads, Stage};
use warta::client::{mount_one, mount_within, unmount_within};
use warta::embed::{empty_mount_html, script_safe_json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

async fn settle() {
    next_turn().await;
    yew::scheduler::flush().await;
}

/// One turn of the microtask queue, not of the event loop: no paint.
async fn microtask() {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
}

/// An app whose effect takes 30 ms, so Yew yields to the browser after it.
#[component]
fn Busy() -> Html {
    use_effect_with((), |_| {
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < 30.0 {}
    });
    html! { <p>{"busy"}</p> }
}

/// Starts a busy app and returns once Yew has paused after it.
async fn pause_yew() -> Stage {
    let busy = Stage::new("<div></div>");
    yew::Renderer::<Busy>::with_root(busy.find("div")).render();
    microtask().await;
    busy
}

/// The sample, server-rendered and hydrated.
async fn hydrated_sample() -> (Stage, Element) {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let mount = stage.mount(0);
    mount_within(&mount);
    settle().await;
    assert_eq!(state(&mount), "hydrated");
    (stage, mount)
}

/// Stale markup (the title was edited) with ads after paragraphs 2 and 5.
async fn stale_with_ads() -> Stage {
    stale_sample_with_ads(|json| json["title"] = "Judul Baru".into()).await
}

#[wasm_bindgen_test]
async fn mounted_while_yew_pauses_the_page_still_cannot_touch_the_markup() {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let _busy = pause_yew().await;
    let mount = stage.mount(0);
    assert_eq!(mount_within(&mount), 1);
    microtask().await;
    // Page code runs before Yew comes back and edits what it can see.
    if let Some(list) = stage
        .0
        .query_selector("[data-warta-island] .warta-share__list")
        .unwrap()
    {
        list.insert_adjacent_html("afterbegin", "<span>x</span>")
            .unwrap();
    }
    settle().await;
    assert_eq!(state(&mount), "hydrated");
    assert_eq!(
        stage
            .0
            .query_selector_all("[data-network=copy]")
            .unwrap()
            .length(),
        1,
        "one share bar"
    );
}

#[wasm_bindgen_test]
async fn ad_slots_stay_in_the_page_while_yew_pauses() {
    let stage = stale_with_ads().await;
    let ad = stage.find("#ad-one");
    let _busy = pause_yew().await;
    mount_one(&stage.mount(0));
    for _ in 0..3 {
        microtask().await;
        assert!(ad.is_connected(), "the slot is never out of the page");
    }
    settle().await;
    assert_eq!(stage.find("h1").text_content().unwrap(), "Judul Baru");
    assert!(ad.is_connected());
}

#[wasm_bindgen_test]
async fn torn_down_before_yew_runs_nothing_is_left_running() {
    for html in [
        server_fragment(common::SAMPLE_JSON).await,
        empty_mount_html(&script_safe_json(common::SAMPLE_JSON)),
    ] {
        let stage = Stage::new(&html);
        let (events, _listeners) = stage.events();
        let mount = stage.mount(0);
        assert_eq!(mount_within(&mount), 1);
        assert_eq!(unmount_within(&mount), 1);
        settle().await;
        assert_eq!(
            stage.0.query_selector_all(".warta-stage").unwrap().length(),
            0
        );
        assert_eq!(state(&mount), "");
        assert!(events.borrow().is_empty(), "nothing reported");
    }
}

#[wasm_bindgen_test]
async fn unmounted_and_mounted_again_before_yew_runs_shows_one_share_bar() {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let (events, _listeners) = stage.events();
    let mount = stage.mount(0);
    assert_eq!(mount_within(&mount), 1);
    assert_eq!(unmount_within(&mount), 1);
    assert_eq!(mount_within(&mount), 1);
    settle().await;
    assert_eq!(
        stage
            .0
            .query_selector_all("[data-network=copy]")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        stage.0.query_selector_all(".warta-stage").unwrap().length(),
        1
    );
    assert_eq!(events.borrow().len(), 1);
    assert_eq!(events.borrow()[0].1, "hydrated", "{:?}", events.borrow());
}

#[wasm_bindgen_test]
async fn a_stale_render_cancelled_before_yew_runs_keeps_the_ads() {
    let stage = stale_with_ads().await;
    let ad = stage.find("#ad-one");
    mount_one(&stage.mount(0));
    assert_eq!(unmount_within(&stage.mount(0)), 1);
    settle().await;
    assert!(ad.is_connected());
}

#[wasm_bindgen_test]
async fn focus_stays_on_the_share_link_through_hydration_and_unmount() {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let mount = stage.mount(0);
    let focus = |selector: &str| {
        let link: HtmlElement = stage.find(selector).dyn_into().unwrap();
        link.focus().unwrap();
    };
    let focused_network = || {
        gloo::utils::document()
            .active_element()
            .and_then(|active| active.closest("[data-network]").ok().flatten())
            .and_then(|item| item.get_attribute("data-network"))
    };
    // A reader tabbed to a share link before the Wasm arrived.
    focus("[data-network=copy] a");
    mount_within(&mount);
    settle().await;
    assert_eq!(state(&mount), "hydrated");
    assert_eq!(focused_network().as_deref(), Some("copy"));
    unmount_within(&mount);
    assert_eq!(focused_network().as_deref(), Some("copy"));
}

#[wasm_bindgen_test]
async fn torn_down_the_share_icons_stay_in_the_page_whatever_it_did_to_them() {
    let (stage, mount) = hydrated_sample().await;
    let count = |selector: &str| stage.0.query_selector_all(selector).unwrap().length();
    let icon_of =
        |network: &str| stage.find(&format!("[data-network={network}] .warta-share__icon"));
    let (icons, shapes) = (
        count("[data-network] .warta-share__icon"),
        count("[data-network] .warta-share__icon :is(path, circle)"),
    );
    // The page removes one icon (two shapes) and moves another (one shape)
    // out of its link.
    icon_of("whatsapp").remove();
    stage.0.append_child(&icon_of("facebook")).unwrap();

    assert_eq!(unmount_within(&mount), 1);
    settle().await;

    // Yew removed the icons it held (without a panic), and the page kept
    // what it showed: every other icon with its shapes, and the moved one
    // where the page put it.
    assert_eq!(state(&mount), "");
    assert_eq!(count(".warta-share__icon[hidden]"), 0);
    assert_eq!(count("[data-network] .warta-share__icon"), icons - 2);
    assert_eq!(
        count("[data-network] .warta-share__icon :is(path, circle)"),
        shapes - 3
    );
    assert_eq!(count(":scope > .warta-share__icon > path"), 1);
}

#[wasm_bindgen_test]
async fn a_widget_taken_out_of_the_page_and_torn_down_keeps_its_icons() {
    let (stage, mount) = hydrated_sample().await;
    let shapes = |root: &Element| {
        root.query_selector_all(".warta-share__icon:not([hidden]) :is(path, circle)")
            .unwrap()
            .length()
    };
    let before = shapes(&mount);
    assert!(before > 0);
    // Taken out (a page moving it, say) and torn down while out.
    mount.remove();
    assert_eq!(unmount_within(&mount), 1);
    settle().await;
    assert_eq!(shapes(&mount), before);
    stage.0.append_child(&mount).unwrap();
    assert_eq!(shapes(&mount), before);
}
