//! Decoding of [`Block`] through one flat struct.
//!
//! serde's derive for internally tagged enums buffers every block into an
//! intermediate `Content` tree before choosing the variant. Reading all block
//! fields into one flat struct and then checking which belong to the `type`
//! gives the same contract with less code in the browser bundle, and type
//! errors keep their full path (`body[4].text`).

use serde::{de, Deserialize, Deserializer};

use super::article::{Image, ImageCandidate, ImageFormat};
use super::block::{default_heading_level, Block, Heading, Paragraph, Quote, ReadAlso, Run};

/// The block kinds, as `type` spells them.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Paragraph,
    ReadAlso,
    Heading,
    Quote,
    Image,
}

/// Every field any block may have.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FlatBlock {
    #[serde(rename = "type")]
    kind: Kind,
    text: Option<String>,
    #[serde(default)]
    inlines: Option<Vec<Run>>,
    title: Option<String>,
    url: Option<String>,
    image: Option<String>,
    level: Option<u8>,
    cite: Option<String>,
    src: Option<String>,
    alt: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    caption: Option<String>,
    credit: Option<String>,
    srcset: Option<Vec<ImageCandidate>>,
    formats: Option<Vec<ImageFormat>>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        FlatBlock::deserialize(deserializer)?
            .into_block()
            .map_err(de::Error::custom)
    }
}

impl FlatBlock {
    /// The block of `kind`, refusing fields that belong to other kinds.
    fn into_block(self) -> Result<Block, String> {
        let present = [
            ("text", self.text.is_some()),
            ("inlines", self.inlines.is_some()),
            ("title", self.title.is_some()),
            ("url", self.url.is_some()),
            ("image", self.image.is_some()),
            ("level", self.level.is_some()),
            ("cite", self.cite.is_some()),
            ("src", self.src.is_some()),
            ("alt", self.alt.is_some()),
            ("width", self.width.is_some()),
            ("height", self.height.is_some()),
            ("caption", self.caption.is_some()),
            ("credit", self.credit.is_some()),
            ("srcset", self.srcset.is_some()),
            ("formats", self.formats.is_some()),
        ];
        let (name, allowed): (&str, &[&str]) = match self.kind {
            Kind::Paragraph => ("paragraph", &["text", "inlines"]),
            Kind::ReadAlso => ("readAlso", &["title", "url", "image"]),
            Kind::Heading => ("heading", &["text", "level"]),
            Kind::Quote => ("quote", &["text", "cite"]),
            Kind::Image => (
                "image",
                &[
                    "src", "alt", "width", "height", "caption", "credit", "srcset", "formats",
                ],
            ),
        };
        if let Some((field, _)) = present
            .iter()
            .find(|(field, set)| *set && !allowed.contains(field))
        {
            return Err(format!(
                "unknown field `{field}` for a {name} block, expected one of {}",
                allowed.join(", ")
            ));
        }
        let required = |value: Option<String>, field: &str| {
            value.ok_or_else(|| format!("missing field `{field}`"))
        };
        Ok(match self.kind {
            Kind::Paragraph => Block::Paragraph(Paragraph {
                text: self.text,
                inlines: self.inlines.unwrap_or_default(),
            }),
            Kind::ReadAlso => Block::ReadAlso(ReadAlso {
                title: required(self.title, "title")?,
                url: self.url,
                image: self.image,
            }),
            Kind::Heading => Block::Heading(Heading {
                text: required(self.text, "text")?,
                level: self.level.unwrap_or_else(default_heading_level),
            }),
            Kind::Quote => Block::Quote(Quote {
                text: required(self.text, "text")?,
                cite: self.cite,
            }),
            Kind::Image => Block::Image(Image {
                src: self.src,
                alt: self.alt.unwrap_or_default(),
                width: self.width,
                height: self.height,
                caption: self.caption,
                credit: self.credit,
                srcset: self.srcset.unwrap_or_default(),
                formats: self.formats.unwrap_or_default(),
            }),
        })
    }
}
