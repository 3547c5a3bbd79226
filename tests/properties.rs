//! Arbitrary JSON and text never panic validation or import.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use warta::import::{import_text, ImportOptions};
use warta::json::parse_article;
use warta::model::validate;

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("paragraph"),
            Just("readAlso"),
            Just("image"),
            Just("javascript:x"),
            Just("https://a.id")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_owned()),
                    Just("text".to_owned()),
                    Just("url".to_owned()),
                    Just("title".to_owned()),
                    Just("version".to_owned()),
                    ".{0,6}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        let _ = parse_article(&value.to_string());
    }

    #[test]
    fn arbitrary_values_in_a_valid_article_never_panic(field in prop::sample::select(vec!["title", "url", "hero", "body", "latest", "share", "published", "version"]), value in arbitrary_json()) {
        let mut article: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
        article[field] = value;
        if let Ok(parsed) = parse_article(&article.to_string()) {
            prop_assert!(validate(&parsed).is_empty());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(text in ".{0,400}") {
        let _ = parse_article(&text);
    }

    #[test]
    fn arbitrary_text_imports_without_panic_and_keeps_words(lines in prop::collection::vec(prop_oneof![
        ".{0,80}",
        Just(String::new()),
        Just("Baca juga : X".to_owned()),
        Just("BACA JUGA".to_owned()),
        Just("Editor :".to_owned()),
        Just("Terkini Lainnya".to_owned()),
        Just("(AFP)".to_owned()),
        Just("Kalimat (CNN/Z-3)".to_owned()),
    ], 0..30)) {
        let text = lines.join("\n");
        if let Ok(imported) = import_text(&text, &ImportOptions::default()) {
            // Whatever the importer made must pass through the contract round trip.
            let json = serde_json::to_string(&imported.article).unwrap();
            let _ = parse_article(&json);
        }
    }
}

#[test]
fn hostile_json_shapes_are_refused_cleanly() {
    for hostile in [
        json!({"version": 1e300}),
        json!({"version": -1}),
        json!({"version": 1, "body": {"type": "paragraph"}}),
        json!({"version": 1, "site": null, "url": [], "title": {}, "body": [null]}),
    ] {
        assert!(parse_article(&hostile.to_string()).is_err(), "{hostile}");
    }
}
