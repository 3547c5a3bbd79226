//! Running the `warta` binary from a test: stdin written from a thread (the
//! binary may stop reading early, as it does past the size limit), stdout
//! and stderr captured. Included by path by the CLI test crates.
#![allow(dead_code)] // each includer uses a different subset

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `warta ARGS` with `stdin` as its input.
pub fn warta(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs warta");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || {
        // A closed pipe here means warta stopped reading, which tests check
        // through its output and status.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("warta ends");
    writer.join().expect("stdin writer ends");
    output
}

/// Output bytes as text (warta only ever writes UTF-8).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The exit status, which must exist (no signal ended warta).
pub fn status(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("warta exited rather than crashed")
}

/// Asserts the run failed with `code` and exactly one `warta:` line on
/// stderr and nothing on stdout; returns the line.
pub fn one_error_line(output: &Output, code: i32) -> String {
    let err = text(&output.stderr);
    assert_eq!(status(output), code, "stderr: {err}");
    assert!(
        output.stdout.is_empty(),
        "stdout must stay empty on failure"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("warta: ") && err.ends_with('\n'), "{err:?}");
    err.trim_end().to_owned()
}
