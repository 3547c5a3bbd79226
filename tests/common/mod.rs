//! Helpers shared by the test crates.
#![allow(dead_code)] // each test crate uses a different subset

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// The scraped sample article, as the design card ships it beside the repo.
/// CI lays `shared/` beside the clone; the fixture JSON is its checked-in import.
pub const SAMPLE_TEXT: &str = include_str!("../fixtures/sample.txt");
/// `warta import` of the sample.
pub const SAMPLE_JSON: &str = include_str!("../fixtures/sample.json");
/// Inline styling and links, dates, authors, every block type, share settings.
pub const RICH_JSON: &str = include_str!("../fixtures/rich-inline.json");
/// Long bilingual text with emoji, hostile strings, twelve read-also cards, no hero.
pub const LONG_JSON: &str = include_str!("../fixtures/long-bilingual.json");

/// An English edition: English dates and words, responsive images in two
/// formats, Indonesian and foreign time zones.
pub const ENGLISH_JSON: &str = include_str!("../fixtures/english.json");

/// All JSON fixtures, named.
pub const FIXTURES: [(&str, &str); 4] = [
    ("sample", SAMPLE_JSON),
    ("rich-inline", RICH_JSON),
    ("long-bilingual", LONG_JSON),
    ("english", ENGLISH_JSON),
];

/// Asserts that some note contains each of `expected`.
pub fn assert_notes(notes: &[String], expected: &[&str]) {
    for expected in expected {
        assert!(
            notes.iter().any(|n| n.contains(expected)),
            "missing note {expected:?} in {notes:?}"
        );
    }
}
