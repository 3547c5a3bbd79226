//! In-article ad slots: empty, reserved places between paragraphs that the
//! host page's ad script fills (`googletag.defineSlot(…, id)` or an auto-ad
//! script). They are a placement option of the server render, not part of
//! the article: the same article JSON can be rendered with different slots
//! per page or per site.
//!
//! The browser never touches a slot: it sits in the static part of the
//! markup, outside the share-bar island that Yew hydrates, so an ad filled
//! before or after the Wasm stays exactly where it is.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Block, Problem};

/// Most slots one article may declare.
pub const MAX_AD_SLOTS: usize = 50;
/// Tallest reservation accepted, in CSS pixels (a 300×600 half-page ad fits).
pub const MAX_RESERVED_PX: u32 = 1_200;
/// Longest slot id and label, in characters.
const MAX_ID_CHARS: usize = 200;
const MAX_LABEL_CHARS: usize = 100;

/// One ad slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "AdSlot"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct AdSlot {
    /// The slot stands after this paragraph (1 = after the first paragraph;
    /// headings, quotes, images and read-also cards are not counted).
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub after: u32,
    /// The slot element's `id`, for the ad script. Unique on the page.
    #[cfg_attr(feature = "schema", schemars(transform = rule::id))]
    pub id: String,
    /// Height kept free before the ad arrives, so filling the slot at this
    /// size moves nothing.
    pub min_height: ReservedHeight,
    /// Text shown above the slot, such as "Iklan" or "Advertisement".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::label))]
    pub label: Option<String>,
}

/// Reserved height in CSS pixels, for phones and for viewports at least
/// 768 px wide, where ad scripts usually switch to their desktop sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ReservedHeight"))]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ReservedHeight {
    /// Below 768 px.
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_RESERVED_PX)))]
    pub phone: u32,
    /// From 768 px.
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_RESERVED_PX)))]
    pub desktop: u32,
}

// Read from JSON objects only, as the article's structs are.
crate::model::object_serde!(AdSlot, ReservedHeight);

/// The JSON Schema of an ad-slot list, with the rules of
/// [`validate_ad_slots`] a schema can state (not: each id once).
#[cfg(feature = "schema")]
pub fn schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(Vec<AdSlot>);
    schema.insert("maxItems".into(), MAX_AD_SLOTS.into());
    schema
}

#[cfg(feature = "schema")]
mod rule {
    use schemars::Schema;

    use super::{MAX_ID_CHARS, MAX_LABEL_CHARS};
    use crate::model::schema::{non_blank, SPACE_OR_CONTROL};

    /// An element id: 1 to [`MAX_ID_CHARS`] characters, no white space or
    /// control characters.
    pub(super) fn id(schema: &mut Schema) {
        schema.insert("maxLength".into(), MAX_ID_CHARS.into());
        schema.insert("pattern".into(), format!("^[^{SPACE_OR_CONTROL}]+$").into());
    }

    /// A label: not blank, at most [`MAX_LABEL_CHARS`] characters.
    pub(super) fn label(schema: &mut Schema) {
        schema.insert("maxLength".into(), MAX_LABEL_CHARS.into());
        schema.insert("pattern".into(), non_blank().into());
    }
}

/// Checks slots on their own: every problem, with its JSON path in the slot
/// list (`[1].id`).
pub fn validate_ad_slots(slots: &[AdSlot]) -> Vec<Problem> {
    let mut problems = Vec::new();
    if slots.len() > MAX_AD_SLOTS {
        problems.push(Problem::new(
            "",
            format!(
                "has {} slots; at most {MAX_AD_SLOTS} are allowed",
                slots.len()
            ),
        ));
        return problems;
    }
    let mut ids = HashSet::new();
    for (i, slot) in slots.iter().enumerate() {
        let at = |field: &str| format!("[{i}].{field}");
        if slot.after == 0 {
            problems.push(Problem::new(
                at("after"),
                "must be 1 or more (1 = after the first paragraph)",
            ));
        }
        if slot.id.is_empty()
            || slot.id.chars().count() > MAX_ID_CHARS
            || slot.id.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            problems.push(Problem::new(
                at("id"),
                format!("must be an element id: 1 to {MAX_ID_CHARS} characters, no spaces"),
            ));
        } else if !ids.insert(slot.id.as_str()) {
            problems.push(Problem::new(
                at("id"),
                "is used by another slot; ids must be unique",
            ));
        }
        for (name, px) in [
            ("phone", slot.min_height.phone),
            ("desktop", slot.min_height.desktop),
        ] {
            if px > MAX_RESERVED_PX {
                problems.push(Problem::new(
                    at(&format!("minHeight.{name}")),
                    format!("is {px} px; at most {MAX_RESERVED_PX} are allowed"),
                ));
            }
        }
        if let Some(label) = &slot.label {
            if label.trim().is_empty() || label.chars().count() > MAX_LABEL_CHARS {
                problems.push(Problem::new(
                    at("label"),
                    format!("must be 1 to {MAX_LABEL_CHARS} characters of text"),
                ));
            }
        }
    }
    problems
}

/// Notes on slots this article cannot place (it has fewer paragraphs); they
/// are left out rather than piled up at the end of the body.
pub fn unplaced_ad_slots(article: &Article, slots: &[AdSlot]) -> Vec<String> {
    let paragraphs = paragraph_count(article);
    slots
        .iter()
        .filter(|slot| slot.after as usize > paragraphs)
        .map(|slot| {
            format!(
                "ad slot {:?} is after paragraph {}, but the article has {paragraphs}; it is left out",
                slot.id, slot.after
            )
        })
        .collect()
}

fn paragraph_count(article: &Article) -> usize {
    article
        .body
        .iter()
        .filter(|block| matches!(block, Block::Paragraph(_)))
        .count()
}
