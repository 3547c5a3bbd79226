//! The `warta` binary: exit statuses (README, "Exit statuses"), stdout holds
//! only complete output, errors on stderr one line each.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;
use crate::warta_bin as cli;

use std::process::Command;

use cli::{one_error_line, status, text, warta};

#[test]
fn import_of_the_sample_pipes_into_validate() {
    let imported = warta(&["import", "tests/fixtures/sample.txt"], "");
    assert_eq!(status(&imported), 0);
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
    assert_eq!(status(&out), 1);
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "warta: site.name: must not be empty\n\
         warta: url: only http and https links are allowed\n\
         warta: body[0].url: only http and https links are allowed\n"
    );
}

#[test]
fn missing_file_is_one_clear_line_and_status_3() {
    let out = warta(&["validate", "tidak-ada.json"], "");
    let err = one_error_line(&out, 3);
    assert!(
        err.starts_with("warta: cannot read tidak-ada.json:"),
        "{err}"
    );
}

// The exit statuses, as the README's table gives them.

#[test]
fn status_0_on_success() {
    assert_eq!(
        status(&warta(&["validate", "tests/fixtures/sample.json"], "")),
        0
    );
    assert_eq!(status(&warta(&["--help"], "")), 0);
}

#[test]
fn status_1_when_the_input_is_read_but_invalid() {
    let invalid_article = warta(&["render", "-"], r#"{"version":1}"#);
    assert_eq!(status(&invalid_article), 1);
    assert!(invalid_article.stdout.is_empty());
    let not_utf8 = warta(&["validate", "-"], b"{\"version\":1,\"title\":\"\xff\"}");
    let err = one_error_line(&not_utf8, 1);
    assert_eq!(
        err,
        "warta: standard input is not UTF-8 text: invalid byte at offset 22"
    );
    let err = one_error_line(&warta(&["import", "-"], "Judul saja\n"), 1);
    assert!(err.contains("no body paragraphs"), "{err}");
    let bad_slots = warta(
        &["render", "tests/fixtures/sample.json", "--ad-slots", "-"],
        "[{}]",
    );
    assert_eq!(status(&bad_slots), 1);
}

#[test]
fn status_2_on_a_usage_error() {
    for args in [
        &["frobnicate"][..],
        &["validate"],
        &["render", "a", "--colour"],
    ] {
        let out = warta(args, "");
        assert_eq!(status(&out), 2, "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(text(&out.stderr).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn status_3_when_an_input_file_cannot_be_read() {
    // A directory fails on read whatever the user's rights (tests may run as root).
    let err = one_error_line(&warta(&["validate", "tests"], ""), 3);
    assert!(err.starts_with("warta: cannot read tests:"), "{err}");
    let missing_slots = warta(
        &[
            "render",
            "tests/fixtures/sample.json",
            "--ad-slots",
            "nope.json",
        ],
        "",
    );
    one_error_line(&missing_slots, 3);
}

#[test]
fn status_4_when_output_cannot_be_written() {
    // /dev/full refuses every write with "no space left on device".
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["render", "tests/fixtures/sample.json"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(status(&out), 4);
    let err = text(&out.stderr);
    assert!(
        err.starts_with("warta: cannot write to standard output:") && err.lines().count() == 1,
        "{err}"
    );

    // A page directory under a file cannot be created.
    let out = warta(
        &[
            "page",
            "tests/fixtures/sample.json",
            "-o",
            "tests/fixtures/sample.json/out",
        ],
        "",
    );
    let err = one_error_line(&out, 4);
    assert!(
        err.starts_with("warta: cannot write tests/fixtures/sample.json/out/index.html:"),
        "{err}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    // Output far larger than a pipe's buffer, so `head` is gone before it
    // is all written and the rest meets a closed pipe.
    let mut article: serde_json::Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    let paragraph = article["body"][0].clone();
    article["body"] = serde_json::Value::Array(vec![paragraph; 3000]);
    let out = Command::new("bash")
        .args([
            "-c",
            r#""$0" render - < "$1" | head -c 1 > /dev/null; exit "${PIPESTATUS[0]}""#,
            env!("CARGO_BIN_EXE_warta"),
        ])
        .arg(write_temp("closed-pipe.json", &article.to_string()))
        .output()
        .unwrap();
    assert_eq!(text(&out.stderr), "");
    assert_eq!(status(&out), 0);
}

/// A file in the target directory's temp area for this test binary.
fn write_temp(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
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

/// Messages name the real mistake, not a symptom of it.
#[test]
fn usage_mistakes_get_messages_that_name_them() {
    let sample = std::fs::read_to_string("tests/fixtures/sample.json").unwrap();
    // Standard input read twice.
    let both = warta(&["render", "-", "--ad-slots", "-"], &sample);
    let line = one_error_line(&both, 2);
    assert!(
        line.contains("cannot both be read from standard input"),
        "{line}"
    );
    // `page -o` given a file.
    let file = write_temp("page-target-file", "a file");
    let page = warta(
        &[
            "page",
            "tests/fixtures/sample.json",
            "-o",
            &file.to_string_lossy(),
        ],
        "",
    );
    let line = one_error_line(&page, 4);
    assert!(line.contains("it is a file; -o takes the folder"), "{line}");
    // A relative --url.
    let seed = std::fs::read_to_string("tests/fixtures/sample.txt").unwrap();
    for from in ["text", "html"] {
        let import = warta(
            &["import", "--from", from, "-", "--url", "/berita/judul"],
            &seed,
        );
        let line = one_error_line(&import, 1);
        assert!(
            line.contains("--url /berita/judul: not an absolute http or https URL"),
            "{line}"
        );
    }
}
