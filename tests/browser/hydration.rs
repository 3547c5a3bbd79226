//! In headless Chromium: server markup is hydrated, empty mounts are
//! rendered, bad JSON leaves the markup alone, stale markup is replaced.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::common;

use std::cell::RefCell;
use std::rc::Rc;

use common::browser::{replace_json, server_fragment, stale_sample_with_ads, Stage};
use gloo::events::EventListener;
use warta::client::{mount_all, mount_one, reason, Mounting};
use warta::embed::{empty_mount_html, fingerprint, script_safe_json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn server_markup_is_hydrated_in_place() {
    let stage = Stage::new(&server_fragment(common::SAMPLE_JSON).await);
    let (events, _listeners) = stage.events();
    let title_before = stage.find("h1");
    let share_before = stage.find(".warta-share");
    let share_markup_before = share_before.outer_html();
    let body_before = stage.find(".warta-body").inner_html();

    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "hydrated");
    // Hydration adopts the server's nodes rather than replacing them.
    assert!(stage.find("h1").is_same_node(Some(&title_before)));
    assert_eq!(
        stage.find("h1").text_content().unwrap(),
        "Presiden Rusia Vladimir Putin Tiba di Beijing"
    );
    assert_eq!(
        stage
            .0
            .query_selector_all(".warta-read-also")
            .unwrap()
            .length(),
        3
    );
    // The share bar's own nodes were adopted, with their server markup
    // unchanged (its icons are elements: no raw-markup comments to drop).
    assert!(stage.find(".warta-share").is_same_node(Some(&share_before)));
    assert_eq!(stage.find(".warta-share").outer_html(), share_markup_before);
    // Outside the island nothing changed.
    assert_eq!(stage.find(".warta-body").inner_html(), body_before);
    assert_eq!(
        *events.borrow(),
        [(
            "warta:ready".to_owned(),
            "hydrated".to_owned(),
            String::new()
        )]
    );
}

#[wasm_bindgen_test]
async fn empty_mount_is_rendered_from_json() {
    let stage = Stage::new(&empty_mount_html(&script_safe_json(common::RICH_JSON)));
    let (events, _listeners) = stage.events();
    assert_eq!(
        mount_one(&stage.mount(0)),
        Mounting::Rendering(reason::EMPTY_MOUNT)
    );
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "rendered");
    assert!(stage
        .find("h1")
        .text_content()
        .unwrap()
        .starts_with("Harga Beras Turun 5%"));
    assert_eq!(stage.find("strong").text_content().unwrap(), "JAKARTA");
    assert_eq!(
        stage
            .find(".warta-body blockquote cite")
            .text_content()
            .unwrap(),
        "Kepala Bulog"
    );
    // The JSON copy stays beside the rendered root.
    assert!(stage
        .mount(0)
        .query_selector(":scope > script[data-warta-data]")
        .unwrap()
        .is_some());
    assert_eq!(
        *events.borrow(),
        [(
            "warta:ready".to_owned(),
            "rendered".to_owned(),
            reason::EMPTY_MOUNT.to_owned()
        )]
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_mount_independently() {
    let html = format!(
        "{}<p>iklan</p>{}",
        server_fragment(common::SAMPLE_JSON).await,
        server_fragment(common::LONG_JSON).await
    );
    let stage = Stage::new(&html);
    mount_all();
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "hydrated");
    assert_eq!(state(&stage.mount(1)), "hydrated");
    let titles = stage.0.query_selector_all("h1").unwrap();
    assert_eq!(titles.length(), 2);
    assert!(titles
        .item(0)
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("Presiden Rusia"));
    assert!(titles
        .item(1)
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("Kirab Budaya Malioboro"));
    // The hostile paragraph is text in the page, not a script.
    assert!(stage
        .0
        .inner_html()
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    // Mounting again leaves mounted widgets alone.
    mount_all();
    assert_eq!(stage.0.query_selector_all("h1").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn broken_json_leaves_the_markup_untouched() {
    let good = server_fragment(common::SAMPLE_JSON).await;
    let stage = Stage::new(&replace_json(&good, "{\"version\": 1, \"title\": "));
    let (events, _listeners) = stage.events();
    let before = stage.0.inner_html();

    assert!(matches!(mount_one(&stage.mount(0)), Mounting::Failed(_)));
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "error");
    stage.mount(0).remove_attribute("data-warta-state").unwrap();
    assert_eq!(stage.0.inner_html(), before);
    assert_eq!(
        *events.borrow(),
        [(
            "warta:error".to_owned(),
            "error".to_owned(),
            "not valid JSON: EOF while parsing a value at line 1 column 24".to_owned()
        )]
    );
}

#[wasm_bindgen_test]
async fn invalid_article_is_refused_with_its_path() {
    let stage = Stage::new(&empty_mount_html(&script_safe_json(
        r#"{"version":1,"site":{"name":"S"},"url":"javascript:alert(1)","title":"T","body":[{"type":"paragraph","text":"x"}]}"#,
    )));
    let message = Rc::new(RefCell::new(String::new()));
    let seen = message.clone();
    let _listener = EventListener::new(&stage.0, "warta:error", move |event| {
        let detail = event.dyn_ref::<CustomEvent>().unwrap().detail();
        *seen.borrow_mut() = js_sys::Reflect::get(&detail, &"message".into())
            .unwrap()
            .as_string()
            .unwrap();
    });
    assert!(matches!(mount_one(&stage.mount(0)), Mounting::Failed(_)));
    assert_eq!(
        *message.borrow(),
        "url: only http and https links are allowed"
    );
    assert!(stage
        .0
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    let future = Stage::new(&empty_mount_html(r#"{"version":7}"#));
    assert!(matches!(mount_one(&future.mount(0)), Mounting::Failed(_)));
}

#[wasm_bindgen_test]
async fn stale_fingerprint_falls_back_to_a_fresh_render() {
    // The publisher edited the JSON after the server render.
    let mut edited: serde_json::Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    edited["title"] = "Judul yang Sudah Diperbarui".into();
    let stale_markup = server_fragment(common::SAMPLE_JSON).await;
    let html = replace_json(&stale_markup, &script_safe_json(&edited.to_string()));
    let stage = Stage::new(&html);

    assert_eq!(
        mount_one(&stage.mount(0)),
        Mounting::Rendering(reason::STALE_MARKUP)
    );
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "rendered");
    let titles = stage.0.query_selector_all("h1").unwrap();
    assert_eq!(
        titles.length(),
        1,
        "the stale markup is replaced, not doubled"
    );
    assert_eq!(
        titles.item(0).unwrap().text_content().unwrap(),
        "Judul yang Sudah Diperbarui"
    );
}

#[wasm_bindgen_test]
async fn deeply_nested_json_is_refused_and_the_next_widget_still_mounts() {
    let deep = format!(
        r#"{{"version":1,"title":{}"x"{}}}"#,
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let html = format!(
        "{}{}",
        empty_mount_html(&deep),
        server_fragment(common::SAMPLE_JSON).await
    );
    let stage = Stage::new(&html);
    let (events, _listeners) = stage.events();
    mount_all();
    yew::scheduler::flush().await;
    assert_eq!(state(&stage.mount(0)), "error");
    assert_eq!(state(&stage.mount(1)), "hydrated");
    assert_eq!(
        events.borrow()[0].2,
        "the document nests arrays and objects deeper than 127 levels"
    );
}

#[wasm_bindgen_test]
async fn a_stale_render_moves_filled_ad_slots_into_the_new_body() {
    let stage = stale_sample_with_ads(|json| json["title"] = "Judul Baru".into()).await;
    // The ad script filled both slots before the Wasm arrived.
    let ad = stage.find("#ad-one");
    ad.set_inner_html("<div class=\"creative\">iklan</div>");
    stage
        .find("#ad-two")
        .set_inner_html("<div class=\"creative\">iklan</div>");

    mount_one(&stage.mount(0));
    yew::scheduler::flush().await;

    assert_eq!(state(&stage.mount(0)), "rendered");
    assert_eq!(stage.find("h1").text_content().unwrap(), "Judul Baru");
    assert!(
        stage.find("#ad-one").is_same_node(Some(&ad)),
        "the same slot"
    );
    for (id, after) in [("ad-one", 2), ("ad-two", 5)] {
        let wrapper = stage
            .find(&format!("#{id}"))
            .closest(".warta-ad")
            .unwrap()
            .unwrap();
        let after_paragraph = stage
            .find(&format!(".warta-body > p:nth-of-type({after})"))
            .next_element_sibling()
            .unwrap();
        assert!(
            after_paragraph.is_same_node(Some(&wrapper)),
            "{id} after paragraph {after}"
        );
        assert!(wrapper.query_selector(".creative").unwrap().is_some());
    }
}

#[wasm_bindgen_test]
async fn a_stale_render_keeps_slots_whose_paragraph_is_gone() {
    // The editor cut the article to its first three blocks.
    let stage = stale_sample_with_ads(|json| {
        let body = json["body"].as_array().unwrap()[..3].to_vec();
        json["body"] = body.into();
    })
    .await;
    mount_one(&stage.mount(0));
    yew::scheduler::flush().await;
    assert_eq!(state(&stage.mount(0)), "rendered");
    let last = stage.find(".warta-body").last_element_child().unwrap();
    assert!(
        last.query_selector("#ad-two").unwrap().is_some(),
        "kept, at the end of the body"
    );
    assert!(stage.find("#ad-one").is_connected());
}

/// The sample's server markup, its JSON replaced by `json` and its
/// fingerprint set to `json`'s, as if the server had rendered that text.
async fn fingerprinted_as(json: &str) -> Stage {
    let fragment = replace_json(&server_fragment(common::SAMPLE_JSON).await, json);
    let stage = Stage::new(&fragment);
    stage
        .find("[data-warta-root]")
        .set_attribute("data-warta-fingerprint", &fingerprint(json))
        .unwrap();
    stage
}

/// The sample with its first paragraph's text replaced by a link the
/// contract refuses: the whole-article reader says no, the share fields are
/// fine.
fn sample_with_a_refused_body() -> String {
    let mut article: serde_json::Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    article["body"][0] = serde_json::json!({
        "type": "paragraph",
        "inlines": [{ "text": "x", "link": "javascript:alert(1)" }]
    });
    article.to_string()
}

#[wasm_bindgen_test]
async fn markup_the_server_rendered_from_this_json_needs_only_the_share_fields() {
    // Hydration reads only what the share bar needs when the fingerprint
    // says the server rendered (and validated) exactly this text: the body,
    // which is server markup the Wasm never touches, is not decoded again.
    let json = sample_with_a_refused_body();
    let stage = fingerprinted_as(&json).await;
    assert_eq!(mount_one(&stage.mount(0)), Mounting::Hydrating);
    yew::scheduler::flush().await;
    assert_eq!(state(&stage.mount(0)), "hydrated");

    // Without that fingerprint the whole article is read, and refused.
    let stage = Stage::new(&replace_json(
        &server_fragment(common::SAMPLE_JSON).await,
        &json,
    ));
    match mount_one(&stage.mount(0)) {
        Mounting::Failed(line) => assert!(line.contains("body[0].inlines[0].link"), "{line}"),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_fingerprint_never_lets_a_script_link_into_the_share_bar() {
    // The share bar's own URL is checked even on the fast path: with a
    // `javascript:` URL the whole article is read and refused.
    let mut article: serde_json::Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    article["url"] = serde_json::json!("javascript:alert(1)");
    let json = article.to_string();
    let stage = fingerprinted_as(&json).await;
    match mount_one(&stage.mount(0)) {
        Mounting::Failed(line) => assert!(line.starts_with("url: "), "{line}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(state(&stage.mount(0)), "error");
}
