//! The shared reader cases (`tests/cases/reader.rs`) as JSON, for the npm
//! package's test (`tests/npm/api.test.mjs`), which holds the package's
//! `validate` to the same lines: `target/tmp/reader-cases.json`.

use serde_json::json;

use crate::cases;

#[test]
fn reader_cases_written_for_the_npm_package() {
    let accepted: Vec<_> = cases::accepted()
        .into_iter()
        .map(|(name, doc)| json!({ "name": name, "doc": doc }))
        .collect();
    let refused: Vec<_> = cases::refused()
        .into_iter()
        .map(|case| json!({ "name": case.name, "doc": case.doc, "line": case.line }))
        .collect();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("reader-cases.json");
    let text = json!({ "accepted": accepted, "refused": refused }).to_string();
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
