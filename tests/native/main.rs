//! The native tests, in one test binary (one link step on two cores):
//! the model and its reader, the importers, the server render, the CLI and
//! `warta build`, the README's examples, hostile input and the fuzz checks.
//! Browser tests are in `tests/browser/`, the island bundle's in
//! `tests/island_bundle.rs`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../cases/reader.rs"]
mod cases;
#[path = "../common/mod.rs"]
mod common;
// fuzz/checks.rs (in `fuzz_checks`), which the fuzz crate compiles on its
// own, loads this file as a module too.
#[allow(clippy::duplicate_mod)]
#[path = "../common/markup.rs"]
mod markup;
#[cfg(feature = "cli")]
#[path = "../common/cli.rs"]
mod warta_bin;

mod build;
mod cli;
mod contract_schema;
mod fuzz_checks;
mod hostile;
mod import;
mod import_html;
mod import_wordpress;
mod islands;
mod language;
mod npm_cases;
mod properties;
mod reader;
mod readme;
mod render;
mod roundtrip;
mod share;
mod site;
mod validate;
