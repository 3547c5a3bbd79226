//! The README's command-line examples are tests: every ```console block in
//! README.md and docs/ runs here, with its printed output and exit status
//! (trycmd), so the documentation cannot drift from the binary. Paths in
//! the examples are relative to the repository's root.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

#[test]
fn readme_examples_run_as_written() {
    let _ = std::fs::remove_dir_all("target/readme");
    trycmd::TestCases::new()
        .register_bin("warta", trycmd::cargo::cargo_bin!("warta"))
        .case("README.md")
        .case("docs/*.md");
}
