//! The article body: an ordered list of blocks.
//!
//! Every block type and every one of its fields is declared once, in the
//! `blocks!` invocation below. From that one list come the structs (with
//! serde's writer and schemars' JSON Schema derived from them), the `Kind`
//! table of which fields each `type` has, and the decoder's field handling
//! (`block/decode.rs`). A field's mode says how absence and `null` read:
//!
//! | mode | Rust type | absent | `null` |
//! | --- | --- | --- | --- |
//! | `required<T>` | `T` | refused (missing field) | refused |
//! | `optional<T>` | `Option<T>` | `None` | `None` |
//! | `list<T>` | `Vec<T>` | empty | refused |
//! | `default("f", f)<T>` | `T` | `f()` | refused |
//!
//! (`default` names its function twice: serde's attribute needs it as a
//! string, the decoder as a path; macros cannot turn one into the other.)

use serde::{Deserialize, Serialize};

use super::image::{ImageCandidate, ImageFormat};
use super::object::object_serde;
#[cfg(feature = "schema")]
use super::{
    limits::{MAX_LIST_ITEMS, MAX_TEXT_CHARS},
    schema as rule,
};

// The reader of `Block` and `Image`; it uses the table below and the slots.
mod decode;

/// One block of the body, tagged by `type`. Decoded by `block/decode.rs`
/// from the table `blocks!` writes, written and described as a tagged enum.
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

/// Declares the block structs and the decoder's table from one list.
macro_rules! blocks {
    ($(
        $(#[$attr:meta])*
        $Name:ident = $tag:literal { $($fields:tt)* }
    )*) => {
        $( blocks!(@struct [$(#[$attr])*] $Name [] $($fields)*); )*

        /// The block kinds, as `type` spells them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Kind { $($Name),* }

        impl Kind {
            /// Every kind, in declaration order.
            const ALL: &'static [Kind] = &[$(Kind::$Name),*];
            /// Their tags, in the same order.
            const TAGS: &'static [&'static str] = &[$($tag),*];

            /// The `type` that names it.
            fn tag(self) -> &'static str {
                match self { $(Kind::$Name => $tag),* }
            }

            /// Its fields, as JSON names them.
            fn fields(self) -> &'static [&'static str] {
                match self { $(Kind::$Name => blocks!(@names [] $($fields)*)),* }
            }

            /// How its field `name` is read, if it has one.
            fn field(self, name: &str) -> Option<FieldType> {
                match self { $(Kind::$Name => blocks!(@find name $($fields)*)),* }
            }

            /// The block, from its decoded fields.
            fn build(self, slots: &mut Slots) -> Result<Block, String> {
                Ok(match self {
                    $(Kind::$Name => Block::$Name(blocks!(@build slots $Name [] $($fields)*))),*
                })
            }
        }
    };

    // The struct, one field at a time, each with the serde attributes of its mode.
    // (The block's own attributes come after the derives, whose helpers,
    // such as `schemars`, they may use.)
    (@struct [$($attr:tt)*] $Name:ident [$($acc:tt)*]) => {
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        $($attr)*
        pub struct $Name { $($acc)* }
    };
    (@struct $attrs:tt $Name:ident [$($acc:tt)*]
        $(#[$f:meta])* $field:ident: required<$T:ty>, $($rest:tt)*) => {
        blocks!(@struct $attrs $Name [$($acc)* $(#[$f])* pub $field: $T,] $($rest)*);
    };
    (@struct $attrs:tt $Name:ident [$($acc:tt)*]
        $(#[$f:meta])* $field:ident: optional<$T:ty>, $($rest:tt)*) => {
        blocks!(@struct $attrs $Name [$($acc)*
            $(#[$f])* #[serde(default, skip_serializing_if = "Option::is_none")]
            pub $field: Option<$T>,] $($rest)*);
    };
    (@struct $attrs:tt $Name:ident [$($acc:tt)*]
        $(#[$f:meta])* $field:ident: list<$T:ty>, $($rest:tt)*) => {
        blocks!(@struct $attrs $Name [$($acc)*
            $(#[$f])* #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub $field: Vec<$T>,] $($rest)*);
    };
    (@struct $attrs:tt $Name:ident [$($acc:tt)*]
        $(#[$f:meta])* $field:ident: default($default:literal, $_fn:path)<$T:ty>, $($rest:tt)*) => {
        blocks!(@struct $attrs $Name [$($acc)*
            $(#[$f])* #[serde(default = $default)] pub $field: $T,] $($rest)*);
    };

    // The JSON names of the fields.
    (@names [$($acc:expr),*]) => { &[$($acc),*] };
    (@names [$($acc:expr),*] $(#[$f:meta])* $field:ident: $mode:ident $(($d:literal, $df:path))? <$T:ty>, $($rest:tt)*) => {
        blocks!(@names [$($acc,)* stringify!($field)] $($rest)*)
    };

    // How one field is read: its type and whether `null` means absent.
    (@find $name:ident) => { None };
    (@find $name:ident $(#[$f:meta])* $field:ident: $mode:ident $(($d:literal, $df:path))? <$T:ty>, $($rest:tt)*) => {
        if $name == stringify!($field) {
            Some(blocks!(@type $mode $T))
        } else {
            blocks!(@find $name $($rest)*)
        }
    };
    (@type optional $T:ty) => { FieldType { slot: <$T as Slot>::KIND, nullable: true } };
    (@type list $T:ty) => { FieldType { slot: <Vec<$T> as Slot>::KIND, nullable: false } };
    (@type $mode:ident $T:ty) => { FieldType { slot: <$T as Slot>::KIND, nullable: false } };

    // The struct from the decoded fields.
    (@build $slots:ident $Name:ident [$($acc:tt)*]) => { $Name { $($acc)* } };
    (@build $slots:ident $Name:ident [$($acc:tt)*] $(#[$f:meta])* $field:ident: required<$T:ty>, $($rest:tt)*) => {
        blocks!(@build $slots $Name [$($acc)* $field: $slots.required(stringify!($field))?,] $($rest)*)
    };
    (@build $slots:ident $Name:ident [$($acc:tt)*] $(#[$f:meta])* $field:ident: optional<$T:ty>, $($rest:tt)*) => {
        blocks!(@build $slots $Name [$($acc)* $field: $slots.optional(stringify!($field)),] $($rest)*)
    };
    (@build $slots:ident $Name:ident [$($acc:tt)*] $(#[$f:meta])* $field:ident: list<$T:ty>, $($rest:tt)*) => {
        blocks!(@build $slots $Name [$($acc)* $field: $slots.optional(stringify!($field)).unwrap_or_default(),] $($rest)*)
    };
    (@build $slots:ident $Name:ident [$($acc:tt)*] $(#[$f:meta])* $field:ident: default($default:literal, $fn:path)<$T:ty>, $($rest:tt)*) => {
        blocks!(@build $slots $Name [$($acc)* $field: $slots.optional(stringify!($field)).unwrap_or_else($fn),] $($rest)*)
    };
}

blocks! {
    /// A paragraph: either plain `text` or styled `inlines`, not both.
    #[derive(Default)]
    #[cfg_attr(feature = "schema", schemars(transform = rule::paragraph))]
    Paragraph = "paragraph" {
        /// Plain text.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        text: optional<String>,
        /// Styled runs, rendered in order.
        #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
        inlines: list<Run>,
    }

    /// A "Baca juga" (read also) card.
    ReadAlso = "readAlso" {
        /// Title of the related story.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        title: required<String>,
        /// Its URL; without one the card shows as text.
        #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
        url: optional<String>,
        /// Thumbnail URL.
        #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
        image: optional<String>,
    }

    /// A subheading.
    Heading = "heading" {
        /// Heading text.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        text: required<String>,
        /// Outline level 2–4 (the headline is level 1). Default 2.
        #[cfg_attr(feature = "schema", schemars(range(min = 2, max = 4)))]
        level: default("default_heading_level", default_heading_level)<u8>,
    }

    /// A quotation.
    Quote = "quote" {
        /// The quoted words.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        text: required<String>,
        /// Who said it.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        cite: optional<String>,
    }

    /// A photo: the hero or an image block in the body.
    #[cfg_attr(feature = "schema", schemars(transform = rule::image))]
    Image = "image" {
        /// Image URL. Scraped text often lacks it; the caption still shows.
        #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
        src: optional<String>,
        /// Text alternative for readers who cannot see the image. Required
        /// whenever `src` is set (may be empty only for a decorative image).
        #[cfg_attr(feature = "schema", schemars(transform = rule::max_chars))]
        alt: default("String::new", String::new)<String>,
        /// Intrinsic width in pixels; with `height` it reserves the space.
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = u32::MAX)))]
        width: optional<u32>,
        /// Intrinsic height in pixels.
        #[cfg_attr(feature = "schema", schemars(range(min = 1, max = u32::MAX)))]
        height: optional<u32>,
        /// Caption shown under the image.
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        caption: optional<String>,
        /// Photo credit without parentheses ("AFP").
        #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
        credit: optional<String>,
        /// The same picture at other widths, so a phone need not download the
        /// desktop file; `src` stays the fallback and must be set.
        #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
        srcset: list<ImageCandidate>,
        /// The picture in modern formats (AVIF, WebP), each at its widths,
        /// offered first; browsers that cannot read one use `srcset` and `src`.
        #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
        formats: list<ImageFormat>,
    }
}

// The slots the table's fields are read into: `decode.rs` fills them from
// the JSON, `Kind::build` takes each field out in its declared type.

/// The JSON types block fields have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SlotKind {
    Text,
    Byte,
    Number,
    Runs,
    Files,
    Formats,
}

impl SlotKind {
    /// What serde says it expected, for the `null` message.
    fn expected(self) -> &'static str {
        match self {
            SlotKind::Text => "a string",
            SlotKind::Byte => "u8",
            SlotKind::Number => "u32",
            SlotKind::Runs | SlotKind::Files | SlotKind::Formats => "a sequence",
        }
    }
}

/// How a field is read.
#[derive(Clone, Copy, Debug)]
struct FieldType {
    pub slot: SlotKind,
    /// `null` reads as absent.
    pub nullable: bool,
}

/// A decoded field value.
enum Value {
    Text(String),
    Byte(u8),
    Number(u32),
    Runs(Vec<Run>),
    Files(Vec<ImageCandidate>),
    Formats(Vec<ImageFormat>),
}

/// A Rust type a block field can have.
trait Slot: Sized {
    const KIND: SlotKind;
    fn take(value: Value) -> Option<Self>;
}

macro_rules! slot {
    ($T:ty, $Kind:ident) => {
        impl Slot for $T {
            const KIND: SlotKind = SlotKind::$Kind;
            fn take(value: Value) -> Option<Self> {
                match value {
                    Value::$Kind(v) => Some(v),
                    _ => None,
                }
            }
        }
    };
}
slot!(String, Text);
slot!(u8, Byte);
slot!(u32, Number);
slot!(Vec<Run>, Runs);
slot!(Vec<ImageCandidate>, Files);
slot!(Vec<ImageFormat>, Formats);

/// The fields of one block as read: name and value (`None` for `null`).
#[derive(Default)]
struct Slots(Vec<(&'static str, Option<Value>)>);

impl Slots {
    fn take(&mut self, name: &str) -> Option<Option<Value>> {
        let at = self.0.iter().position(|(n, _)| *n == name)?;
        Some(self.0.swap_remove(at).1)
    }

    /// A `required` field.
    fn required<T: Slot>(&mut self, name: &str) -> Result<T, String> {
        self.optional(name)
            .ok_or_else(|| format!("missing field `{name}`"))
    }

    /// Any other field: `None` when absent or `null`.
    fn optional<T: Slot>(&mut self, name: &str) -> Option<T> {
        self.take(name).flatten().and_then(T::take)
    }
}

fn default_heading_level() -> u8 {
    2
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
#[cfg_attr(feature = "schema", schemars(rename = "Run"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Run {
    /// The text; not empty (a space between styled runs is text).
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = MAX_TEXT_CHARS)))]
    pub text: String,
    /// Bold (`<strong>`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Italic (`<em>`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    /// Link target (http, https or mailto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_or_mail_link))]
    pub link: Option<String>,
}

object_serde!(Run);

fn is_false(value: &bool) -> bool {
    !value
}
