//! The article body: an ordered list of blocks.

use serde::{Deserialize, Serialize};

use super::article::Image;

/// One block of the body, tagged by `type`. Each variant's struct is the one
/// statement of its fields: serialisation, the JSON Schema and the decoder
/// (`block_decode.rs`, which picks the struct by `type`) all derive from it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    /// A paragraph of text.
    Paragraph(Paragraph),
    /// An inline "Baca juga" card pointing to a related story.
    ReadAlso(ReadAlso),
    /// A subheading inside the article.
    Heading(Heading),
    /// A pull quote or block quotation.
    Quote(Quote),
    /// A photo inside the body.
    Image(Image),
}

/// A paragraph: either plain `text` or styled `inlines`, not both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Paragraph {
    /// Plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Styled runs, rendered in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inlines: Vec<Run>,
}

impl Paragraph {
    /// A plain-text paragraph.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            inlines: Vec::new(),
        }
    }

    /// The paragraph's text without styling, for word counts and summaries.
    pub fn plain_text(&self) -> String {
        match &self.text {
            Some(text) => text.clone(),
            None => self.inlines.iter().map(|run| run.text.as_str()).collect(),
        }
    }
}

/// A run of text with optional styling and link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Bold (`<strong>`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Italic (`<em>`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    /// Link target (http, https or mailto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A "Baca juga" (read also) card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadAlso {
    /// Title of the related story.
    pub title: String,
    /// Its URL; without one the card shows as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Thumbnail URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A subheading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Heading {
    /// Heading text.
    pub text: String,
    /// Outline level 2–4 (the headline is level 1). Default 2.
    #[serde(default = "default_heading_level")]
    pub level: u8,
}

fn default_heading_level() -> u8 {
    2
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quote {
    /// The quoted words.
    pub text: String,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
}
