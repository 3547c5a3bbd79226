//! Render: whatever is accepted renders as a fragment and a page without a
//! panic, and hostile text never becomes a script, an event handler or a
//! script link. Input that is not an article is placed as text into every
//! text field of the sample article, and as a URL into every URL field, so
//! the renderer sees arbitrary strings, not only arbitrary documents.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use warta::json::parse_article;
use warta::model::Article;
use warta::render::RenderOptions;

#[path = "../../tests/common/markup.rs"]
mod markup;

const SAMPLE_JSON: &str = include_str!("../../tests/fixtures/sample.json");

fn with_text(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(SAMPLE_JSON).expect("sample is JSON");
    for field in ["title", "kicker", "summary", "editor", "sourceTag"] {
        v[field] = json!(text);
    }
    v["site"]["name"] = json!(text);
    v["hero"]["caption"] = json!(text);
    v["hero"]["credit"] = json!(text);
    v["body"][0]["text"] = json!(text);
    v["body"][3]["title"] = json!(text);
    v["follow"]["text"] = json!(text);
    v["authors"] = json!([{ "name": text }]);
    v["latest"] = json!([{ "title": text }]);
    v["body"].as_array_mut().expect("body").extend([
        json!({"type": "heading", "level": 2, "text": text}),
        json!({"type": "quote", "text": text, "cite": text}),
        json!({"type": "paragraph", "inlines": [{"text": text, "strong": true}]}),
    ]);
    v
}

fn with_url(url: &str) -> Value {
    let mut v: Value = serde_json::from_str(SAMPLE_JSON).expect("sample is JSON");
    v["url"] = json!(url);
    v["site"]["url"] = json!(url);
    v["hero"] = json!({"src": url, "alt": "a", "srcset": [{"src": url, "width": 10}]});
    v["body"][3]["url"] = json!(url);
    v["body"][3]["image"] = json!(url);
    v["follow"]["googleNews"] = json!(url);
    v["follow"]["whatsappChannel"] = json!(url);
    v["authors"] = json!([{ "name": "A", "url": url }]);
    v["latest"] = json!([{ "title": "L", "url": url }]);
    v["partnerLinks"] = json!([{ "title": "P", "url": url }]);
    v["body"]
        .as_array_mut()
        .expect("body")
        .push(json!({"type": "paragraph", "inlines": [{"text": "t", "link": url}]}));
    v
}

/// The page holds the fragment, so one render checks both.
fn check(article: Article) {
    let html = warta::page::page(&Rc::new(article), "", &RenderOptions::default());
    let found = markup::injected(&html);
    assert!(found.is_empty(), "{found:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = parse_article(text) {
        check(article);
        return;
    }
    for document in [with_text(text), with_url(text)] {
        if let Ok(article) = parse_article(&document.to_string()) {
            check(article);
        }
    }
});
