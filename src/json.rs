//! Native JSON helpers for the CLI: ad-slot lists and pretty output (the
//! article reader, the same one the browser runs, is
//! [`crate::model::read_article`]).

use crate::ad_slots::{validate_ad_slots, AdSlot};
use crate::model::{typed, Article, Problem};

/// Reads an ad-slot list (`--ad-slots`): a JSON array of slots, every
/// problem with its path in the array.
pub fn parse_ad_slots(text: &str) -> Result<Vec<AdSlot>, Vec<Problem>> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| vec![Problem::new("", format!("not valid JSON: {e}"))])?;
    let slots: Vec<AdSlot> = typed(text).map_err(|problem| vec![problem])?;
    let problems = validate_ad_slots(&slots);
    if problems.is_empty() {
        Ok(slots)
    } else {
        Err(problems)
    }
}

/// Text from bytes, refusing what is not UTF-8 with where it stops being so.
pub fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        Problem::new(
            "",
            format!(
                "the document is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// The article as pretty JSON, as `warta import` prints it.
pub fn to_pretty_json(article: &Article) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(article).expect("article serialises") + "\n"
}
