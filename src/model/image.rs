//! The files a photo comes in: one width ([`ImageCandidate`]) and one more
//! format ([`ImageFormat`]). The photo itself, `Image`, is a block, declared
//! with the others by the table in `block.rs`; the hero and the body's image
//! blocks both use these. A leaf: it reads nothing of the article or blocks.

use serde::{Deserialize, Serialize};

use super::object::object_serde;
#[cfg(feature = "schema")]
use super::{limits::MAX_LIST_ITEMS, schema as rule};

// Each struct below derives with `remote = "Self"`; this gives it serde's
// traits, read from JSON objects only (`object.rs`).
object_serde!(ImageCandidate, ImageFormat);

/// One file of an image at one width.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ImageCandidate"))]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ImageCandidate {
    /// Image URL.
    #[cfg_attr(feature = "schema", schemars(transform = rule::srcset_file))]
    pub src: String,
    /// Its width in pixels.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = u32::MAX)))]
    pub width: u32,
}

/// An image in one more format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ImageFormat"))]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ImageFormat {
    /// Media type, such as `image/avif` or `image/webp`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::image_type))]
    pub media_type: String,
    /// The files of that format, by width.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = MAX_LIST_ITEMS)))]
    pub srcset: Vec<ImageCandidate>,
}
