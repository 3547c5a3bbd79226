//! The fuzz targets' checks (`fuzz/checks.rs`), run natively on their seed
//! inputs: the fixtures, `fuzz/seeds/TARGET/` and every input a fuzz run
//! found and `fuzz/regressions/TARGET/` keeps. So the checks compile and
//! pass in the ordinary test command, and a fixed crash stays fixed,
//! without the nightly toolchain libFuzzer needs.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::fs;
use std::path::Path;

#[path = "../../fuzz/checks.rs"]
mod checks;

/// Every file in `dir` whose name ends in `ext` (any, when empty).
fn inputs(dir: &str, ext: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.to_string_lossy().ends_with(ext))
        .map(|path| (path.display().to_string(), fs::read(&path).unwrap()))
        .collect();
    found.sort();
    found
}

/// Runs `check` on the fixtures with `fixture_ext` and the target's seeds
/// and regressions; returns how many inputs it saw.
fn run(target: &str, fixture_ext: &str, check: fn(&[u8])) -> usize {
    let mut all = inputs("tests/fixtures", fixture_ext);
    all.extend(inputs(&format!("fuzz/seeds/{target}"), ""));
    all.extend(inputs(&format!("fuzz/regressions/{target}"), ""));
    for (name, data) in &all {
        let outcome = std::panic::catch_unwind(|| check(data));
        assert!(outcome.is_ok(), "{target}: {name} fails its fuzz check");
    }
    all.len()
}

#[test]
fn import_check_holds_on_its_seeds() {
    assert!(run("import", ".txt", checks::import) >= 3);
}

#[test]
fn parse_check_holds_on_its_seeds() {
    assert!(run("parse", ".json", checks::parse) >= 5);
}

#[test]
fn render_check_holds_on_its_seeds() {
    assert!(run("render", ".json", checks::render) >= 5);
}

#[test]
fn checks_find_what_they_look_for() {
    // A check that cannot fail proves nothing: each must refuse a known bad
    // outcome. The parse check's reader refuses this with a reason (fine);
    // the render check sees a script where the sample's title was (must
    // not be found), and the markup scanner itself must flag a raw one.
    checks::parse(b"{\"version\":1}");
    checks::render(b"</script><script>alert(1)</script>");
    let flagged = std::panic::catch_unwind(|| {
        checks::assert_no_injection("<p><script>alert(1)</script></p>")
    });
    assert!(flagged.is_err(), "the markup check missed a raw script");
}
