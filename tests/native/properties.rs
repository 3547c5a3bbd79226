//! Properties of the reader and the importer over arbitrary input: no panic,
//! accepted values kept exactly, import output always valid.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Value};
use warta::import::{import_json, ImportOptions};
use warta::model::read_article;
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

/// Every string value in a JSON document, joined: the text an article carries.
fn strings(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Words the importer reads as markers and drops on purpose.
const MARKER_WORDS: [&str; 7] = [
    "baca", "juga", "editor", "terkini", "lainnya", "tautan", "sahabat",
];

/// Lines shaped like the importer's hard cases: links a browser would
/// refuse, dashes, markers in every section, long headlines, odd domains.
fn hostile_import_line() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[a-z]{1,8}\\.[a-z]{2,3}/?",
        "[-.a-z0-9]{1,12}",
        "-{1,8}",
        Just(String::new()),
        Just("Baca juga : X".to_owned()),
        Just("BACA JUGA".to_owned()),
        Just("Editor :".to_owned()),
        Just("Editor : Budi".to_owned()),
        Just("Terkini Lainnya".to_owned()),
        Just("Tautan Sahabat".to_owned()),
        Just("(AFP)".to_owned()),
        Just("Kalimat (CNN/Z-3)".to_owned()),
        Just("Cek berita di Google News".to_owned()),
        Just("Judul https://".to_owned()),
        Just("---- https://a.id/x".to_owned()),
        Just("A https://-".to_owned()),
        Just("B http://./".to_owned()),
        Just("\u{feff}contoh.id".to_owned()),
        (1usize..3).prop_map(|n| "Judul panjang ".repeat(n * 200)),
        Just("x".repeat(4_100)),
    ]
}

proptest! {
    // Failures are saved beside this file (properties.proptest-regressions)
    // and re-run first on every later run; commit what they find.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        let _ = read_article(&value.to_string());
    }

    /// A value the reader accepts is kept exactly: written back, the field
    /// holds what was read (or is absent for a null it read as "none").
    /// Found here: serde's derived structs also read a JSON array
    /// positionally, so `"share": []` and `"latest": [["t"]]` passed (saved
    /// in the regressions file; fixed by `model/object.rs`).
    #[test]
    fn accepted_values_are_kept_exactly(field in prop::sample::select(vec!["title", "url", "hero", "body", "latest", "share", "published", "version"]), value in arbitrary_json()) {
        let mut article: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
        article[field] = value.clone();
        if let Ok(parsed) = read_article(&article.to_string()) {
            let written = serde_json::to_value(&parsed).unwrap();
            let kept = written.get(field).unwrap_or(&Value::Null);
            prop_assert_eq!(kept, &value);
            prop_assert_eq!(read_article(&written.to_string()), Ok(parsed));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(text in ".{0,400}") {
        let _ = read_article(&text);
    }

    /// Whatever the importer accepts, it keeps every word (markers aside) and
    /// prints JSON `warta validate` accepts.
    #[test]
    fn arbitrary_text_imports_valid_and_keeps_words(lines in prop::collection::vec(prop_oneof![
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
        if let Ok((json, _)) = import_json(&text, &ImportOptions::default()) {
            prop_assert!(read_article(&json).is_ok(), "{:?}", read_article(&json));
            let mut kept = String::new();
            strings(&serde_json::from_str(&json).unwrap(), &mut kept);
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                if MARKER_WORDS.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
                prop_assert!(kept.contains(word), "lost {:?}", word);
            }
        }
    }

    /// The importer's guarantee: `warta import` prints JSON that `warta
    /// validate` accepts, or refuses with one line; never anything between.
    #[test]
    fn import_is_valid_or_refused(
        lines in prop::collection::vec(hostile_import_line(), 0..24),
        breaks in prop::collection::vec(prop::sample::select(vec!["\n", "\r", "\r\n", "\n\n", "\r\r"]), 24),
    ) {
        let mut text = String::new();
        for (line, end) in lines.iter().zip(&breaks) {
            text.push_str(line);
            text.push_str(end);
        }
        match import_json(&text, &ImportOptions::default()) {
            Ok((json, imported)) => {
                prop_assert!(read_article(&json).is_ok(), "{:?}", read_article(&json));
                prop_assert!(validate(&imported.article).is_empty());
                for note in &imported.notes {
                    prop_assert!(!note.contains(['\n', '\r']), "{:?}", note);
                }
            }
            Err(error) => prop_assert!(!error.to_string().contains(['\n', '\r'])),
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
        assert!(read_article(&hostile.to_string()).is_err(), "{hostile}");
    }
}
