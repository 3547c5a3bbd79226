//! The one reader, natively: the shared cases (`tests/cases/reader.rs`)
//! give the same line here as in the browser (`tests/browser/reader.rs`).
#![cfg(not(target_arch = "wasm32"))]

use crate::cases;

use warta::model::{read_article, summary};

#[test]
fn accepted_documents() {
    for (name, doc) in cases::accepted() {
        assert!(
            read_article(&doc).is_ok(),
            "{name}: {:?}",
            read_article(&doc).err()
        );
    }
}

#[test]
fn refused_documents_give_one_line() {
    let mut wrong = Vec::new();
    for cases::Refused {
        name,
        doc,
        line: expected,
    } in cases::refused()
    {
        let line = match read_article(&doc) {
            Ok(_) => "accepted".to_owned(),
            Err(problems) => summary(&problems),
        };
        assert!(!line.contains(['\n', '\r', '\u{1b}']), "{name}: {line:?}");
        if line != expected {
            wrong.push(format!("{name}:\n  got      {line}\n  expected {expected}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn not_utf8_is_one_line() {
    let mut bytes = cases::MINIMAL.as_bytes().to_vec();
    bytes[40] = 0xff;
    let problem = warta::json::utf8(&bytes).unwrap_err();
    assert_eq!(
        problem.to_string(),
        "the document is not UTF-8 text (invalid byte at offset 40)"
    );
}

#[test]
fn objects_with_many_keys_are_scanned_in_linear_time() {
    // 200,000 distinct keys in one object: the duplicate check must not
    // compare each with all the others (this would take minutes).
    let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\":0")).collect();
    let doc = cases::with_field(&format!("\"site2\":{{{}}}", keys.join(",")));
    let line = summary(&read_article(&doc).unwrap_err());
    assert!(line.starts_with("site2: unknown field `site2`"), "{line}");
}
