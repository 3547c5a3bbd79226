//! The share bar once live, in headless Chromium: events, popups, copy link
//! and the native share sheet. Browser APIs that would leave the machine
//! (window.open, the clipboard, navigator.share) are stubbed.
//!
//! Every behaviour is checked on both kinds of live bar: hydrated by Yew
//! (the full client) and made live without Yew (`client::live_bar`, what
//! the island bundle does with intact server markup).
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::common;

use std::cell::RefCell;
use std::rc::Rc;

use common::browser::{next_turn, run_js, server_fragment, stub_recording_clipboard, Stage};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use warta::client::live_bar::{make_live, LiveBar};
use warta::client::{mount_one, Mounting};
use warta::model::Article;
use warta::model::ShareSubject;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, HtmlElement};

const ARTICLE_URL: &str = "https://visitaaponce.com/presiden-rusia-vladimir-putin-tiba-di-beijing";

/// Stubs window.open (popup opens, or is blocked) and the pointer media query.
fn stub_window(popup_opens: bool, fine_pointer: bool) {
    run_js(&format!(
        "window.__opened = [];
         window.open = (url, name, features) => {{ window.__opened.push([url, name, features]); return {popup_opens} ? {{}} : null; }};
         window.matchMedia = (query) => ({{ matches: {fine_pointer}, media: query }});"
    ));
}

/// How the bar under test is made live.
#[derive(Clone, Copy)]
enum Live {
    /// `mount_one` of the full client: Yew hydrates the bar.
    Hydrated,
    /// `live_bar::make_live` on the server's markup, as the island bundle does.
    WithoutYew,
}

/// What the share events and the clicks' default actions looked like.
struct Watch {
    shares: Rc<RefCell<Vec<(String, String)>>>,
    prevented: Rc<RefCell<Vec<bool>>>,
    _listeners: [EventListener; 2],
    /// The bar made live without Yew; dropping it stops it.
    live_bar: Option<LiveBar>,
}

/// Makes the sample's share bar live and watches `warta:share` events.
/// Clicks are stopped at the stage after the widget has handled them, so no
/// link navigates.
async fn live_sample(how: Live) -> (Stage, Watch) {
    live_article(how, common::SAMPLE_JSON).await
}

/// [`live_sample`] for another article.
async fn live_article(how: Live, json: &str) -> (Stage, Watch) {
    let stage = Stage::new(&server_fragment(json).await);
    let live_bar = match how {
        Live::Hydrated => {
            assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
            None
        }
        Live::WithoutYew => {
            let article: Article = serde_json::from_str(json).unwrap();
            let subject = Rc::new(ShareSubject::from(&article));
            Some(make_live(&stage.find(".warta-share"), subject))
        }
    };
    yew::scheduler::flush().await;
    let shares = Rc::new(RefCell::new(Vec::new()));
    let prevented = Rc::new(RefCell::new(Vec::new()));
    let seen = shares.clone();
    let on_share = EventListener::new(&stage.0, "warta:share", move |event| {
        let detail = event.dyn_ref::<CustomEvent>().unwrap().detail();
        let get = |key: &str| {
            js_sys::Reflect::get(&detail, &key.into())
                .unwrap()
                .as_string()
                .unwrap()
        };
        seen.borrow_mut().push((get("network"), get("url")));
    });
    let seen = prevented.clone();
    let options = EventListenerOptions {
        phase: EventListenerPhase::Bubble,
        passive: false,
    };
    let stop_navigation =
        EventListener::new_with_options(&stage.0, "click", options, move |event| {
            seen.borrow_mut().push(event.default_prevented());
            event.prevent_default();
        });
    (
        stage,
        Watch {
            shares,
            prevented,
            _listeners: [on_share, stop_navigation],
            live_bar,
        },
    )
}

fn click(stage: &Stage, network: &str) {
    let control = stage.find(&format!(
        "[data-network=\"{network}\"] a, [data-network=\"{network}\"] button"
    ));
    control.dyn_into::<HtmlElement>().unwrap().click();
}

fn opened() -> Vec<Vec<String>> {
    let list: js_sys::Array = run_js("return window.__opened;").unchecked_into();
    list.iter()
        .map(|call| {
            js_sys::Array::from(&call)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn server_links_are_correct_before_any_wasm_runs() {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let href = |network: &str| {
        stage
            .find(&format!("[data-network=\"{network}\"] a"))
            .get_attribute("href")
            .unwrap()
    };
    assert_eq!(
        href("whatsapp"),
        "https://api.whatsapp.com/send?text=Presiden%20Rusia%20Vladimir%20Putin%20Tiba%20di%20Beijing%20https%3A%2F%2Fvisitaaponce.com%2Fpresiden-rusia-vladimir-putin-tiba-di-beijing"
    );
    assert!(href("facebook").starts_with(
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fvisitaaponce.com"
    ));
    assert_eq!(href("copy"), ARTICLE_URL);
    assert!(stage
        .find("[data-network=\"native\"]")
        .has_attribute("hidden"));
    assert!(
        stage.mount(0).get_attribute("data-warta-state").is_none(),
        "nothing has run yet"
    );
}

async fn each_network_click_fires_warta_share_and_opens_one_popup(how: Live) {
    stub_window(true, true);
    let (stage, watch) = live_sample(how).await;
    let networks = ["whatsapp", "facebook", "x", "telegram", "line", "linkedin"];
    for network in networks {
        click(&stage, network);
    }
    let expected: Vec<_> = networks
        .iter()
        .map(|n| (n.to_string(), ARTICLE_URL.to_string()))
        .collect();
    assert_eq!(*watch.shares.borrow(), expected);
    let opened = opened();
    assert_eq!(opened.len(), networks.len(), "one popup per click");
    assert!(opened[0][0].starts_with("https://api.whatsapp.com/send?text="));
    assert!(opened[2][0].starts_with("https://x.com/intent/tweet?text="));
    assert_eq!(opened[0][1], "warta-share");
    assert!(opened[0][2].starts_with("popup,width=600,height=540"));
    // The popup opened, so the link's own navigation was cancelled: never both.
    assert!(watch.prevented.borrow().iter().all(|&prevented| prevented));
}

async fn new_networks_and_a_publishers_own_share_like_the_others(how: Live) {
    stub_window(true, true);
    let (stage, watch) = live_article(how, common::ENGLISH_JSON).await;
    let networks = ["bluesky", "mastodon", "threads", "forum"];
    for network in networks {
        click(&stage, network);
    }
    // The article's campaign tags name the source (`utm.source`, "daily").
    let tagged = "https://daily.example.id/business/2024/05/16/rice-prices-fall?utm_source=daily&utm_medium=social&utm_campaign=widget";
    let expected: Vec<_> = networks
        .iter()
        .map(|n| (n.to_string(), tagged.to_string()))
        .collect();
    assert_eq!(*watch.shares.borrow(), expected);
    let opened: Vec<String> = opened().into_iter().map(|popup| popup[0].clone()).collect();
    assert_eq!(
        opened.len(),
        networks.len(),
        "one popup per click: {opened:?}"
    );
    for (url, start) in opened.iter().zip([
        "https://bsky.app/intent/compose?text=Rice%20Prices",
        "https://share.joinmastodon.org/#text=Rice%20Prices",
        "https://www.threads.com/intent/post?text=Rice%20Prices",
        "https://forum.example.com/share?link=https%3A%2F%2Fdaily.example.id%2F",
    ]) {
        assert!(url.starts_with(start), "{url}");
    }
    assert!(watch.prevented.borrow().iter().all(|&prevented| prevented));
}

async fn a_blocked_popup_falls_back_to_the_link_and_touch_skips_popups(how: Live) {
    stub_window(false, true);
    let (stage, watch) = live_sample(how).await;
    click(&stage, "telegram");
    assert_eq!(opened().len(), 1, "tried once");
    assert_eq!(
        *watch.prevented.borrow(),
        [false],
        "the link opens its new tab instead"
    );

    stub_window(true, false);
    click(&stage, "whatsapp");
    assert!(
        opened().is_empty(),
        "touch readers follow the link to the app"
    );
    assert_eq!(*watch.prevented.borrow(), [false, false]);
    click(&stage, "email");
    assert!(opened().is_empty());
    assert_eq!(watch.shares.borrow().len(), 3);
}

async fn copy_link_writes_the_url_and_announces_it(how: Live) {
    stub_recording_clipboard();
    let (stage, watch) = live_sample(how).await;
    click(&stage, "copy");
    next_turn().await;
    yew::scheduler::flush().await;
    assert_eq!(
        run_js("return window.__copied;").as_string().unwrap(),
        ARTICLE_URL
    );
    let status = stage.find("[role=status]");
    assert_eq!(status.get_attribute("aria-live").unwrap(), "polite");
    assert_eq!(status.text_content().unwrap(), "Tautan disalin");
    assert_eq!(
        *watch.shares.borrow(),
        [("copy".to_owned(), ARTICLE_URL.to_owned())]
    );
    assert_eq!(
        *watch.prevented.borrow(),
        [true],
        "copying does not navigate"
    );
}

async fn copy_link_reports_a_clear_failure(how: Live) {
    run_js(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true,
           value: { writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) } });
         document.execCommand = () => false;",
    );
    let (stage, watch) = live_sample(how).await;
    click(&stage, "copy");
    next_turn().await;
    yew::scheduler::flush().await;
    assert_eq!(
        stage.find("[role=status]").text_content().unwrap(),
        "Tautan tidak dapat disalin"
    );
    assert!(
        watch.shares.borrow().is_empty(),
        "no share event for a failed copy"
    );
    run_js("delete document.execCommand;");
}

async fn native_share_button_only_where_the_browser_has_one(how: Live) {
    run_js("Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });");
    let (without, _watch) = live_sample(how).await;
    yew::scheduler::flush().await;
    assert!(without
        .find("[data-network=\"native\"]")
        .has_attribute("hidden"));
    drop(without);

    run_js(
        "window.__shared = null;
         Object.defineProperty(navigator, 'share', { configurable: true,
           value: (data) => { window.__shared = data; return Promise.resolve(); } });
         Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });",
    );
    let (with, watch) = live_sample(how).await;
    yew::scheduler::flush().await;
    let item = with.find("[data-network=\"native\"]");
    assert!(!item.has_attribute("hidden"), "revealed after hydration");
    assert_eq!(
        item.query_selector("button")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
            .unwrap(),
        "Bagikan lewat aplikasi lain"
    );
    click(&with, "native");
    next_turn().await;
    let shared = run_js("return window.__shared;");
    let get = |key: &str| {
        js_sys::Reflect::get(&shared, &key.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(get("url"), ARTICLE_URL);
    assert_eq!(
        get("title"),
        "Presiden Rusia Vladimir Putin Tiba di Beijing"
    );
    assert_eq!(
        *watch.shares.borrow(),
        [("native".to_owned(), ARTICLE_URL.to_owned())]
    );
    run_js("delete navigator.share; delete navigator.canShare;");
}

/// Runs each named check on a bar hydrated by Yew and on one made live
/// without it.
macro_rules! on_both_bars {
    ($($check:ident),* $(,)?) => {
        mod hydrated_by_yew {
            use wasm_bindgen_test::*;
            $(#[wasm_bindgen_test] async fn $check() { super::$check(super::Live::Hydrated).await })*
        }
        mod live_without_yew {
            use wasm_bindgen_test::*;
            $(#[wasm_bindgen_test] async fn $check() { super::$check(super::Live::WithoutYew).await })*
        }
    };
}

on_both_bars!(
    each_network_click_fires_warta_share_and_opens_one_popup,
    new_networks_and_a_publishers_own_share_like_the_others,
    a_blocked_popup_falls_back_to_the_link_and_touch_skips_popups,
    copy_link_writes_the_url_and_announces_it,
    copy_link_reports_a_clear_failure,
    native_share_button_only_where_the_browser_has_one,
);

#[wasm_bindgen_test]
async fn a_bar_made_live_without_yew_is_the_servers_markup_again_once_stopped() {
    run_js(
        "Object.defineProperty(navigator, 'share', { configurable: true, value: () => Promise.resolve() });
         Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
         Object.defineProperty(navigator, 'clipboard', { configurable: true,
           value: { writeText: () => Promise.resolve() } });",
    );
    let server_markup = server_fragment(common::SAMPLE_JSON).await;
    let (stage, mut watch) = live_sample(Live::WithoutYew).await;
    let bar = stage.find(".warta-share");
    assert!(!stage
        .find("[data-network=\"native\"]")
        .has_attribute("hidden"));
    click(&stage, "copy");
    next_turn().await;
    assert_eq!(
        stage.find("[role=status]").text_content().unwrap(),
        "Tautan disalin"
    );
    // A click beside the controls (the status line) is nobody's share.
    stage
        .find("[role=status]")
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(watch.shares.borrow().len(), 1);

    drop(watch.live_bar.take());
    assert!(stage
        .find("[data-network=\"native\"]")
        .has_attribute("hidden"));
    assert_eq!(stage.find("[role=status]").text_content().unwrap(), "");
    let server_bar = Stage::new(&server_markup);
    assert!(
        bar.is_equal_node(Some(&server_bar.find(".warta-share"))),
        "the bar is the server's markup again"
    );
    click(&stage, "copy");
    next_turn().await;
    assert_eq!(
        *watch.prevented.borrow(),
        [true, false, false],
        "stopped, copy is a plain link again"
    );
    assert_eq!(watch.shares.borrow().len(), 1, "and nothing is announced");
    run_js("delete navigator.share; delete navigator.canShare;");
}
