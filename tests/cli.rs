//! The `warta` binary: exit codes, stdout holds only complete output, errors on stderr.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs warta");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn import_of_the_sample_pipes_into_validate() {
    let imported = warta(&["import", "tests/fixtures/sample.txt"], "");
    assert!(imported.status.success());
    let json = text(&imported.stdout);
    assert!(json.contains("\"credit\": \"AFP\""));
    assert!(text(&imported.stderr).contains("note: no article URL given"));
    let validated = warta(&["validate", "-"], &json);
    assert!(validated.status.success(), "{}", text(&validated.stderr));
    assert!(validated.stdout.is_empty());
}

#[test]
fn validate_prints_one_line_per_problem_and_fails() {
    let bad = r#"{"version":1,"site":{"name":""},"url":"javascript:alert(1)","title":"T","body":[{"type":"readAlso","title":"x","url":"ftp://a"}]}"#;
    let out = warta(&["validate", "-"], bad);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "warta: site.name: must not be empty\n\
         warta: url: only http and https links are allowed\n\
         warta: body[0].url: only http and https links are allowed\n"
    );
}

#[test]
fn missing_file_is_one_clear_line() {
    let out = warta(&["validate", "tidak-ada.json"], "");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.starts_with("warta: cannot read tidak-ada.json:") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn schema_is_json_schema_of_the_contract() {
    let out = warta(&["schema"], "");
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["$schema"]
        .as_str()
        .unwrap()
        .contains("json-schema.org"));
    let required = schema["required"].as_array().unwrap();
    for field in ["version", "site", "url", "title", "body"] {
        assert!(required.iter().any(|r| r == field), "{field} required");
    }
    assert!(schema["properties"]["partnerLinks"].is_object());
}
