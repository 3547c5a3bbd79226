//! JSON → model → JSON keeps everything.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use serde_json::Value;
use warta::json::to_pretty_json;
use warta::model::read_article;

#[test]
fn fixtures_round_trip_exactly() {
    for (name, json) in common::FIXTURES {
        let article = read_article(json).unwrap();
        let again: Value = serde_json::from_str(&to_pretty_json(&article)).unwrap();
        let original: Value = serde_json::from_str(json).unwrap();
        assert_eq!(again, original, "{name}");
        assert_eq!(
            read_article(&to_pretty_json(&article)).unwrap(),
            article,
            "{name}"
        );
    }
}

#[test]
fn defaults_are_filled_and_written_out() {
    let minimal = r#"{"version":1,"site":{"name":"S"},"url":"https://s.id/a","title":"T","body":[{"type":"heading","text":"H"}]}"#;
    let article = read_article(minimal).unwrap();
    assert_eq!(article.lang, "id");
    let written: Value = serde_json::from_str(&to_pretty_json(&article)).unwrap();
    assert_eq!(written["body"][0]["level"], 2);
    assert_eq!(written["lang"], "id");
}
