//! Native JSON reading: syntax, size and version checks, typed decoding with
//! the JSON path of the first type error, then every contract problem.
//!
//! The browser reads the same contract through `js_sys::JSON` instead (see
//! `client`), keeping serde_json out of the wasm bundle.

use crate::ad_slots::{validate_ad_slots, AdSlot};
use crate::model::{check_version, limits::MAX_INPUT_BYTES, validate, Article, Problem};

/// Reads and validates an article. On failure, every problem found, in
/// document order. Never panics, whatever the input.
pub fn parse_article(text: &str) -> Result<Article, Vec<Problem>> {
    let article = decode_article(text).map_err(|problem| vec![problem])?;
    let problems = validate(&article);
    if problems.is_empty() {
        Ok(article)
    } else {
        Err(problems)
    }
}

/// Decodes without the contract rules: syntax, size, version and types only.
pub fn decode_article(text: &str) -> Result<Article, Problem> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Problem::new(
            "",
            format!(
                "the document is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Problem::new("", format!("not valid JSON: {e}")))?;
    let Some(object) = value.as_object() else {
        return Err(Problem::new("", "the document must be a JSON object"));
    };
    // The version decides how to read the rest, so it is checked first: a
    // future document gets "update warta", not a list of unknown fields.
    match object.get("version") {
        None => return Err(Problem::new("", "missing field `version`")),
        Some(version) => match version.as_u64() {
            Some(number) => check_version(number)?,
            None => return Err(Problem::new("version", "must be a whole number")),
        },
    }
    typed(&value)
}

/// Reads an ad-slot list (`--ad-slots`): a JSON array of slots, every
/// problem with its path in the array.
pub fn parse_ad_slots(text: &str) -> Result<Vec<AdSlot>, Vec<Problem>> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vec![Problem::new("", format!("not valid JSON: {e}"))])?;
    let slots: Vec<AdSlot> = typed(&value).map_err(|problem| vec![problem])?;
    let problems = validate_ad_slots(&slots);
    if problems.is_empty() {
        Ok(slots)
    } else {
        Err(problems)
    }
}

/// Typed decoding with the JSON path of the first type error.
fn typed<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Problem::new(path, error.into_inner().to_string())
    })
}

/// The article as pretty JSON, as `warta import` prints it.
pub fn to_pretty_json(article: &Article) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(article).expect("article serialises") + "\n"
}
