//! What each fuzz target asserts, one function per target. The fuzz targets
//! (`fuzz/fuzz_targets/`) call these on libFuzzer's inputs; the native test
//! `tests/native/fuzz_checks.rs` includes this file by path and calls them on the
//! seeds, the fixtures and every saved crash, so the checks compile and run
//! in the ordinary test command, not only on a nightly toolchain.
//! Each panics on a finding.
#![allow(dead_code)] // each includer uses a different subset

use std::rc::Rc;

use serde_json::{json, Value};
use warta::import::{import_text, ImportOptions};
use warta::json::to_pretty_json;
use warta::model::read_article;
use warta::model::{validate, Article};
use warta::render::RenderOptions;

#[path = "../tests/common/markup.rs"]
mod markup;

const SAMPLE_JSON: &str = include_str!("../tests/fixtures/sample.json");

/// Import: any text either imports into JSON that `warta validate` accepts,
/// or is refused with a one-line reason.
pub fn import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match import_text(text, &ImportOptions::default()) {
        Ok(imported) => {
            let json = to_pretty_json(&imported.article);
            if let Err(problems) = read_article(&json) {
                panic!("the importer wrote an article validate refuses: {problems:?}");
            }
            for note in &imported.notes {
                assert!(
                    !note.contains(['\n', '\r']),
                    "note of several lines: {note:?}"
                );
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(
                !message.contains(['\n', '\r']),
                "error of several lines: {message:?}"
            );
        }
    }
}

/// Decode + validate: any bytes either become an article that is valid and
/// reads back the same, or are refused with at least one problem, each of
/// one line.
pub fn parse(data: &[u8]) {
    // The CLI refuses non-UTF-8 before parsing; the reader sees only text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match read_article(text) {
        Ok(article) => {
            assert!(validate(&article).is_empty(), "accepted but invalid");
            let json = serde_json::to_string(&article).expect("article serialises");
            let again = read_article(&json).expect("an accepted article reads back");
            assert_eq!(again, article, "round trip changed the article");
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a reason");
            for problem in &problems {
                let line = problem.to_string();
                assert!(
                    !line.contains(['\n', '\r', '\u{1b}']),
                    "message of several lines: {line:?}"
                );
            }
        }
    }
}

/// Render: whatever is accepted renders as a fragment and a page, and
/// hostile text never becomes a script, an event handler or a script link.
/// Input that is not an article is placed as text into every text field of
/// the sample article, and as a URL into every URL field, so the renderer
/// sees arbitrary strings, not only arbitrary documents.
pub fn render(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = read_article(text) {
        check_markup(article);
        return;
    }
    for document in [with_text(text), with_url(text)] {
        if let Ok(article) = read_article(&document.to_string()) {
            check_markup(article);
        }
    }
}

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
fn check_markup(article: Article) {
    let html = warta::page::page(&Rc::new(article), "", &RenderOptions::default());
    assert_no_injection(&html);
}

/// Panics when `html` holds a script, handler or script link warta did not write.
pub fn assert_no_injection(html: &str) {
    let found = markup::injected(html);
    assert!(found.is_empty(), "{found:?}");
}
