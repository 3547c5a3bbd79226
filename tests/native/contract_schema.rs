//! The JSON Schema that `warta schema` prints and the reader accept the
//! same documents, but for the rules no JSON Schema can state
//! (`docs/contract.md`, "What the schema cannot say").
//!
//! - Every fixture passes both; every shared reader case
//!   (`tests/cases/reader.rs`) gets the same verdict from both, or is one of
//!   the rules beyond a schema, listed in the docs.
//! - Generated documents, valid and mutated (nulls, wrong types, values out
//!   of range, missing, unknown and misplaced fields, other block types), go
//!   to both the reader and an independent JSON Schema validator, which
//!   must give the same verdict. Keys are written with `type` first or last,
//!   so both ways the block decoder reads are covered.
//! - The schema's patterns agree with the reader's own checks: white space
//!   character by character, links and times on generated strings.
//!
//! One difference is known, by design, and not generated: JSON Schema's
//! data model cannot tell `1.0` from `1`, so the schema accepts
//! `"version": 1.0`, which the reader refuses (whole-number fields take
//! whole numbers).
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::{cases, common};

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Value};
use warta::json::parse_ad_slots;
use warta::model::{is_web_link, parse_rfc3339, read_article, Article};

/// The very schema `warta schema` prints.
fn article_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Article)).unwrap()
}

/// The very schema `warta schema --ad-slots` prints.
fn ad_slot_schema() -> Value {
    serde_json::to_value(warta::ad_slots::schema()).unwrap()
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(&article_schema()).expect("the schema is a valid JSON Schema")
    })
}

/// A validator that also asserts `format` (JSON Schema 2020-12 only
/// annotates it by default; some CMS validators assert it).
fn asserting_formats(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema is a valid JSON Schema")
}

/// JSON text with every object's keys sorted, `type` first or last.
fn write(value: &Value, type_first: bool, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| (type_first != (k.as_str() == "type"), k.as_str()));
            if !type_first {
                keys.sort_by_key(|k| (k.as_str() == "type", k.as_str()));
            }
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                write(&map[key.as_str()], type_first, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, type_first, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Every object in the document, by JSON pointer.
fn objects(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                objects(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
            out.push(at);
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Values of every JSON type, in and out of each field's range.
fn wrong_value(choice: usize) -> Value {
    let pool = [
        json!(null),
        json!("x"),
        json!(""),
        json!(0),
        json!(3),
        json!(-1),
        json!(1.5),
        json!(256),
        json!(70_000),
        json!(4_294_967_296u64),
        json!(true),
        json!([]),
        json!(["x"]),
        // A struct's fields in order, which serde's derive would read.
        json!(["n", "https://example.com/n"]),
        json!([["t"]]),
        json!([{ "text": "r" }]),
        json!([{ "src": "https://example.com/a.jpg", "width": 400 }]),
        json!({}),
        json!({ "name": "n" }),
        json!("paragraph"),
        json!("https://example.com/x.jpg"),
    ];
    pool[choice % pool.len()].clone()
}

/// Field names of every type, to put where they do not belong.
const NAMES: &[&str] = &[
    "type", "text", "inlines", "title", "url", "image", "level", "cite", "src", "alt", "width",
    "height", "caption", "credit", "srcset", "formats", "name", "version", "lang", "site", "body",
    "hero", "link", "strong", "em", "networks", "utm", "onclick",
];

const KINDS: &[&str] = &[
    "paragraph",
    "readAlso",
    "heading",
    "quote",
    "image",
    "video",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// A field becomes another value (null, another type, out of range).
    Replace { field: usize, value: usize },
    /// A field goes.
    Remove { field: usize },
    /// An object gains a field of another type, or an unknown one.
    Add {
        object: usize,
        name: usize,
        value: usize,
    },
    /// A block becomes another kind, keeping its fields.
    Retype { object: usize, kind: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>())
            .prop_map(|(field, value)| Mutation::Replace { field, value }),
        any::<usize>().prop_map(|field| Mutation::Remove { field }),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(object, name, value)| {
            Mutation::Add {
                object,
                name,
                value,
            }
        }),
        (any::<usize>(), any::<usize>())
            .prop_map(|(object, kind)| Mutation::Retype { object, kind }),
    ]
}

fn apply(doc: &mut Value, mutation: &Mutation) {
    let mut found = Vec::new();
    objects(doc, String::new(), &mut found);
    let fields: Vec<(String, String)> = found
        .iter()
        .flat_map(|at| {
            let keys: Vec<String> = doc
                .pointer(at)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            keys.into_iter().map(move |k| (at.clone(), k))
        })
        .collect();
    let object_at = |i: usize| found[i % found.len()].clone();
    match *mutation {
        Mutation::Replace { field, value } if !fields.is_empty() => {
            let (at, key) = &fields[field % fields.len()];
            let slot = &mut doc.pointer_mut(at).unwrap()[key.as_str()];
            *slot = wrong_value(value);
        }
        Mutation::Remove { field } if !fields.is_empty() => {
            let (at, key) = &fields[field % fields.len()];
            doc.pointer_mut(at)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
        }
        Mutation::Add {
            object,
            name,
            value,
        } => {
            let (name, value) = (NAMES[name % NAMES.len()], wrong_value(value));
            let at = object_at(object);
            doc.pointer_mut(&at).unwrap()[name] = value;
        }
        Mutation::Retype { object, kind } => {
            let at = object_at(object);
            let target = doc.pointer_mut(&at).unwrap();
            if target.get("type").is_some() {
                target["type"] = json!(KINDS[kind % KINDS.len()]);
            }
        }
        _ => {}
    }
}

fn documents() -> Vec<Value> {
    let mut docs: Vec<Value> = common::FIXTURES
        .iter()
        .map(|(_, json)| serde_json::from_str(json).unwrap())
        .collect();
    docs.push(json!({
        "version": 1, "site": { "name": "S" }, "url": "https://example.com/a", "title": "T",
        "body": [
            { "type": "paragraph", "text": "x" },
            { "type": "paragraph", "inlines": [{ "text": "r", "strong": true, "link": "https://example.com" }] },
            { "type": "readAlso", "title": "R", "url": "https://example.com/r", "image": "https://example.com/r.jpg" },
            { "type": "heading", "text": "H", "level": 3 },
            { "type": "quote", "text": "Q", "cite": "C" },
            { "type": "image", "src": "https://example.com/i.jpg", "alt": "A", "width": 4, "height": 3,
              "caption": "c", "credit": "AFP",
              "srcset": [{ "src": "https://example.com/i-400.jpg", "width": 400 }],
              "formats": [{ "type": "image/avif", "srcset": [{ "src": "https://example.com/i.avif", "width": 400 }] }] }
        ],
        "share": { "networks": ["whatsapp", "copy"], "utm": { "source": "s" } }
    }));
    docs
}

/// Endings of the problems only the reader finds (see [`BEYOND_THE_SCHEMA`]),
/// which mutations can make.
const PROBLEMS_BEYOND_THE_SCHEMA: &[&str] = &["is listed twice; each width once"];

/// The reader's and the schema's verdicts, or why they differ. The schema
/// may accept what the reader refuses only for rules beyond a schema.
fn compare(doc: &Value, type_first: bool) -> Result<(), String> {
    let mut text = String::new();
    write(doc, type_first, &mut text);
    let reader = read_article(&text);
    let schema = validator().is_valid(doc);
    let agree = match &reader {
        Ok(_) => schema,
        Err(problems) => {
            !schema
                || problems.iter().all(|problem| {
                    PROBLEMS_BEYOND_THE_SCHEMA
                        .iter()
                        .any(|end| problem.message.ends_with(end))
                })
        }
    };
    if agree {
        return Ok(());
    }
    let why = match reader {
        Ok(_) => "the reader accepts it".to_owned(),
        Err(problems) => format!(
            "the reader refuses it ({})",
            warta::model::summary(&problems)
        ),
    };
    let schema_says = validator()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("; ");
    Err(format!("{why}, the schema says [{schema_says}]: {text}"))
}

#[test]
fn unmutated_documents_agree() {
    for doc in documents() {
        for type_first in [true, false] {
            compare(&doc, type_first).unwrap();
        }
    }
}

#[test]
fn known_disagreements_fixed() {
    // Each of these passed the old decoder and fails the schema.
    for body in [
        json!([{ "type": "paragraph", "text": "x", "title": null }]),
        json!([{ "type": "heading", "text": "x", "level": null }]),
        json!([{ "type": "paragraph", "inlines": null }]),
        json!([{ "type": "image", "src": "https://example.com/a.jpg", "alt": null }]),
        json!([{ "type": "paragraph", "text": "x", "width": "abc" }]),
        json!([{ "type": "paragraph", "inlines": [["r"]] }]),
        json!([{ "type": "image", "alt": "", "srcset": [["https://example.com/a.jpg", 4]] }]),
    ] {
        let mut doc = documents().pop().unwrap();
        doc["body"] = body;
        for type_first in [true, false] {
            assert!(!validator().is_valid(&doc));
            compare(&doc, type_first).unwrap();
        }
    }
}

#[test]
fn arrays_are_refused_where_objects_belong() {
    // serde's derived structs also read an array, field by field in order;
    // the schema wants objects, and so does the reader now.
    for (field, value) in [
        ("/share/utm", json!([])),
        ("/share", json!([])),
        ("/site", json!(["Name"])),
        ("/hero", json!(["https://example.com/a.jpg", "alt"])),
        ("/latest", json!([["t"]])),
        ("/follow", json!(["Ikuti kami"])),
    ] {
        let mut doc = documents().pop().unwrap();
        let (parent, key) = field.rsplit_once('/').unwrap();
        doc.pointer_mut(parent).unwrap()[key] = value;
        assert!(!validator().is_valid(&doc), "{field}");
        compare(&doc, true).unwrap();
        let mut text = String::new();
        write(&doc, true, &mut text);
        let problem = warta::model::decode_article(&text).unwrap_err().to_string();
        assert!(
            problem.ends_with("invalid type: sequence, expected an object"),
            "{problem}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2_000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn reader_and_schema_agree(
        which in 0usize..5,
        mutations in prop::collection::vec(mutation(), 0..4),
        type_first: bool,
    ) {
        let mut doc = documents().swap_remove(which);
        for m in &mutations {
            apply(&mut doc, m);
        }
        if let Err(why) = compare(&doc, type_first) {
            prop_assert!(false, "{}", why);
        }
    }
}

/// Refused shared cases (`tests/cases/reader.rs`, by name) that no JSON
/// Schema can refuse, and words that list each in `docs/contract.md`.
const BEYOND_THE_SCHEMA: &[(&str, &str)] = &[
    ("version 1.0", "`1.0`"),
    ("version 1e0", "`1.0`"),
    ("oversized", "5 MiB"),
    ("duplicate key", "Duplicate keys"),
    ("duplicate key in a block", "Duplicate keys"),
    ("lone surrogate", "lone surrogate"),
    ("width listed twice", "width once"),
    ("own network id listed twice", "id once"),
    ("host label over 252 bytes", "252 bytes"),
    ("host name over 1012 bytes", "1,012"),
];

/// The ad-slot rule beyond a schema, and its words in the docs.
const AD_SLOTS_BEYOND_THE_SCHEMA: (&str, &str) = ("duplicate ids", "ids once");

#[test]
fn every_fixture_passes_the_reader_and_the_schema() {
    let ad_slots = jsonschema::validator_for(&ad_slot_schema()).unwrap();
    let article_formats = asserting_formats(&article_schema());
    let ad_slot_formats = asserting_formats(&ad_slot_schema());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // An array is an ad-slot list (`--ad-slots`), an object an article.
        let (reader, schema, formats) = if value.is_array() {
            (parse_ad_slots(&text).err(), &ad_slots, &ad_slot_formats)
        } else {
            (read_article(&text).err(), validator(), &article_formats)
        };
        assert_eq!(reader, None, "{name}: the reader refuses it");
        assert!(
            schema.is_valid(&value),
            "{name}: {}",
            errors(schema, &value)
        );
        assert!(
            formats.is_valid(&value),
            "{name}: {}",
            errors(formats, &value)
        );
        checked.push(name);
    }
    assert!(checked.len() >= 5, "{checked:?}");
}

#[test]
fn invalid_fixtures_are_refused_by_both() {
    // `tests/fixtures/invalid/`: documents the README shows refused.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(read_article(&text).is_err(), "{}", path.display());
        assert!(!validator().is_valid(&value), "{}", path.display());
    }
}

/// What a validator says about `value`, on one line.
fn errors(validator: &jsonschema::Validator, value: &Value) -> String {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn shared_reader_cases_get_the_same_verdict() {
    let schema = validator();
    let formats = asserting_formats(&article_schema());
    let mut wrong = Vec::new();
    for (name, doc) in cases::accepted() {
        let value: Value = serde_json::from_str(doc.trim_start_matches('\u{feff}')).unwrap();
        if !schema.is_valid(&value) {
            wrong.push(format!(
                "{name}: the schema refuses it: {}",
                errors(schema, &value)
            ));
        }
        // `format: date-time` is RFC 3339's own grammar, which has no space
        // for `T`; warta reads one (docs/contract.md).
        let format_errors = errors(&formats, &value);
        let expected = match name {
            "dates of every accepted form" => {
                r#""2000-02-29 07:12:00-03:30" is not a "date-time" at /updated"#
            }
            _ => "",
        };
        if format_errors != expected {
            wrong.push(format!("{name}, formats asserted: {format_errors}"));
        }
    }
    for cases::Refused { name, doc, line } in cases::refused() {
        // What serde_json cannot parse no schema validator sees: syntax
        // errors, lone surrogates, nesting past its 128 levels (a parser
        // that reads those finds a title that is not a string).
        let Ok(value) = serde_json::from_str::<Value>(doc.trim_start_matches('\u{feff}')) else {
            continue;
        };
        let beyond = BEYOND_THE_SCHEMA.iter().any(|(n, _)| *n == name);
        match (schema.is_valid(&value), beyond) {
            (true, false) => wrong.push(format!("{name}: the schema accepts it; the reader: {line}")),
            (false, true) => wrong.push(format!(
                "{name}: the schema refuses it now ({}); take it off BEYOND_THE_SCHEMA and the docs",
                errors(schema, &value)
            )),
            _ => {}
        }
    }
    let names: Vec<&str> = cases::refused().iter().map(|case| case.name).collect();
    for (name, _) in BEYOND_THE_SCHEMA {
        if !names.contains(name) {
            wrong.push(format!("{name}: no such case in tests/cases/reader.rs"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn what_the_schema_cannot_say_is_documented() {
    let docs = include_str!("../../docs/contract.md");
    let section = docs
        .split("\n## What the schema cannot say\n")
        .nth(1)
        .expect("docs/contract.md has the section")
        .split("\n## ")
        .next()
        .unwrap();
    let (ad_slots, ad_slot_words) = AD_SLOTS_BEYOND_THE_SCHEMA;
    for (name, words) in BEYOND_THE_SCHEMA.iter().chain([&(ad_slots, ad_slot_words)]) {
        assert!(
            section.contains(words),
            "{name}: {words:?} is not in the section"
        );
    }
}

/// A validator for the schema at `pointer` alone (a field's own keywords).
fn validator_at(schema: &Value, pointer: &str) -> jsonschema::Validator {
    let at = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"));
    jsonschema::validator_for(at).unwrap()
}

#[test]
fn blank_and_link_characters_are_the_readers() {
    // Blank is Unicode's White_Space (what `str::trim` removes; not
    // JavaScript's `\s`), and links refuse white space and control
    // characters anywhere and take other non-ASCII ones in hosts. Every
    // character of the Basic Multilingual Plane, where all of those are,
    // and a sample beyond it.
    let schema = article_schema();
    let non_blank = validator_at(&schema, "/properties/title");
    let link = validator_at(&schema, "/properties/url");
    let mut wrong = Vec::new();
    let beyond = (0x1_0000..=0x10_ffff)
        .step_by(97)
        .chain([0x1_0000, 0x10_ffff]);
    for c in (0..0x1_0000).chain(beyond).filter_map(char::from_u32) {
        if non_blank.is_valid(&json!(c.to_string())) == c.is_whitespace() {
            wrong.push(format!("text {c:?}"));
        }
        for url in [
            format!("https://example.com/{c}"),
            format!("https://a{c}b.id/"),
        ] {
            if link.is_valid(&json!(url)) != is_web_link(&url) {
                wrong.push(format!("link {url:?}"));
            }
        }
        if wrong.len() > 20 {
            break;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn days_of_every_month_agree() {
    let schema = article_schema();
    let time = validator_at(&schema, "/properties/published");
    let mut wrong = Vec::new();
    for year in [
        0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 2400, 9996, 9999,
    ] {
        for month in 0..=13 {
            for day in 0..=32 {
                let text = format!("{year:04}-{month:02}-{day:02}T07:12:00+07:00");
                if time.is_valid(&json!(text)) != parse_rfc3339(&text).is_some() {
                    wrong.push(text);
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Strings near and far from a valid link.
fn link() -> impl Strategy<Value = String> {
    let starts = [
        "https://",
        "http://",
        "HtTpS://",
        "mailto:",
        "MAILTO:",
        "https:",
        "https:///",
        "//",
        "",
        "javascript:",
        "data:",
        "ftp://",
    ];
    let pieces: Vec<String> = [
        "a", "example", "xn--p1ai", "-", ".", "é", "例", "1.2.3.4", "[", "]", "::1", ":", ":80",
        ":65535", ":65536", ":099999", ":6553a", "@", "/", "?", "#", "%2C", ",", " ", "\t", "\n",
        "\u{85}", "\u{a0}", "\u{feff}", "\u{2028}", "\u{3000}", "\u{7f}", "<script>",
    ]
    .iter()
    .map(|piece| piece.to_string())
    .chain(["a".repeat(63), "b".repeat(64)])
    .collect();
    (
        prop::sample::select(starts.to_vec()),
        prop::collection::vec(prop::sample::select(pieces), 0..8),
    )
        .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()))
}

/// Strings near and far from an RFC 3339 time with an offset.
fn time() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        prop::sample::select(vec![0u32, 100, 400, 1900, 2000, 2023, 2024, 2100]),
        0u32..10_000,
    ];
    let fields = (year, 0u32..14, 0u32..33, 0u32..26, 0u32..62, 0u32..62);
    let separator = prop::sample::select(vec!["T", "t", " ", "x", ""]);
    let fraction = prop::sample::select(vec!["", ".5", ".125", ".", ".x"]);
    let offset = prop_oneof![
        prop::sample::select(vec!["Z", "z", "", "+0700", "+07:00:00", "+7:00"])
            .prop_map(str::to_owned),
        (prop::sample::select(vec!['+', '-']), 0u32..26, 0u32..62)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
    ];
    (fields, separator, fraction, offset).prop_map(
        |((year, month, day, hour, minute, second), separator, fraction, offset)| {
            format!("{year:04}-{month:02}-{day:02}{separator}{hour:02}:{minute:02}:{second:02}{fraction}{offset}")
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1_000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    /// Links where only web links go, and where mailto may too.
    #[test]
    fn links_agree(link in link()) {
        let edits: [fn(&mut Value, Value); 5] = [
            |doc, link| doc["url"] = link,
            |doc, link| doc["site"]["url"] = link,
            |doc, link| doc["body"][2]["url"] = link,
            |doc, link| doc["authors"] = json!([{ "name": "A", "url": link }]),
            |doc, link| doc["body"][1]["inlines"][0]["link"] = link,
        ];
        let base = documents().pop().unwrap();
        let docs = edits.iter().map(|edit| {
            let mut doc = base.clone();
            edit(&mut doc, json!(link));
            doc
        });
        for doc in docs {
            if let Err(why) = compare(&doc, true) {
                prop_assert!(false, "{}", why);
            }
        }
    }

    #[test]
    fn times_agree(text in time()) {
        static TIME: OnceLock<jsonschema::Validator> = OnceLock::new();
        let time = TIME.get_or_init(|| validator_at(&article_schema(), "/properties/published"));
        prop_assert_eq!(time.is_valid(&json!(text)), parse_rfc3339(&text).is_some(), "{}", text);
    }
}

#[test]
fn ad_slot_schema_agrees_with_the_reader() {
    use warta::ad_slots::{MAX_AD_SLOTS, MAX_RESERVED_PX};
    let schema = jsonschema::validator_for(&ad_slot_schema()).unwrap();
    let slot = |id: &str, phone: u32, fields: &str| {
        format!(
            r#"{{"after":1,"id":{},"minHeight":{{"phone":{phone},"desktop":90}}{fields}}}"#,
            json!(id)
        )
    };
    let list = |slots: &[String]| format!("[{}]", slots.join(","));
    let many = |n: usize| {
        list(
            &(0..n)
                .map(|i| slot(&format!("ad-{i}"), 250, ""))
                .collect::<Vec<_>>(),
        )
    };
    let one = |id: &str, fields: &str| list(&[slot(id, 250, fields)]);
    let accepted = [
        ("one", one("ad-1", "")),
        ("labelled", one("div-gpt-ad-é", r#","label":"Iklan""#)),
        ("tallest", list(&[slot("ad-1", MAX_RESERVED_PX, "")])),
        ("longest id", one(&"a".repeat(200), "")),
        ("most slots", many(MAX_AD_SLOTS)),
        ("none", "[]".to_owned()),
    ];
    let refused = [
        (
            "after 0",
            one("ad-1", "").replace(r#""after":1"#, r#""after":0"#),
        ),
        ("empty id", one("", "")),
        ("id with a space", one("ad 1", "")),
        ("id with a no-break space", one("ad\u{a0}1", "")),
        ("id with a control character", one("ad\u{85}1", "")),
        ("over-long id", one(&"a".repeat(201), "")),
        ("too tall", list(&[slot("ad-1", MAX_RESERVED_PX + 1, "")])),
        ("blank label", one("ad-1", r#","label":"\u3000""#)),
        (
            "over-long label",
            one("ad-1", &format!(r#","label":"{}""#, "x".repeat(101))),
        ),
        ("too many slots", many(MAX_AD_SLOTS + 1)),
        ("unknown field", one("ad-1", r#","onclick":"x""#)),
        (
            AD_SLOTS_BEYOND_THE_SCHEMA.0,
            list(&[slot("ad-1", 250, ""), slot("ad-1", 250, "")]),
        ),
    ];
    let mut wrong = Vec::new();
    for (name, text) in accepted {
        let value: Value = serde_json::from_str(&text).unwrap();
        if let Err(problems) = parse_ad_slots(&text) {
            wrong.push(format!(
                "{name}: the reader refuses it: {}",
                warta::model::summary(&problems)
            ));
        }
        if !schema.is_valid(&value) {
            wrong.push(format!(
                "{name}: the schema refuses it: {}",
                errors(&schema, &value)
            ));
        }
    }
    for (name, text) in refused {
        let value: Value = serde_json::from_str(&text).unwrap();
        if parse_ad_slots(&text).is_ok() {
            wrong.push(format!("{name}: the reader accepts it"));
        }
        let beyond = name == AD_SLOTS_BEYOND_THE_SCHEMA.0;
        if schema.is_valid(&value) != beyond {
            wrong.push(format!(
                "{name}: the schema {}",
                if beyond { "refuses it" } else { "accepts it" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
