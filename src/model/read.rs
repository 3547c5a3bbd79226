//! The one reader of article JSON, for the CLI and the browser alike: the
//! same steps in the same order, with the same messages and paths.
//!
//! 1. size (at most [`MAX_INPUT_BYTES`]); a leading byte order mark is skipped
//! 2. nesting (at most [`MAX_NESTING`] levels, checked before parsing)
//! 3. JSON syntax, and the document must be an object
//! 4. `version`, first, so a newer document asks for a newer warta
//! 5. typed decoding, with the path of the first error
//! 6. validation: every contract rule, every problem
//!
//! Duplicate keys are refused at step 5 (`duplicate field`), the same
//! everywhere: a document must not mean two things.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::article::Article;
use super::limits::{nests_too_deep, MAX_INPUT_BYTES, MAX_NESTING};
use super::validate::{check_version, validate, Problem};

/// Reads and validates an article. On failure, every problem found, in
/// document order. Never panics, whatever the input.
pub fn read_article(text: &str) -> Result<Article, Vec<Problem>> {
    let article = decode_article(text).map_err(|problem| vec![problem])?;
    let problems = validate(&article);
    if problems.is_empty() {
        Ok(article)
    } else {
        Err(problems)
    }
}

/// The first problem and how many more, on one line: what the browser
/// reports in `warta:error` and the console.
pub fn summary(problems: &[Problem]) -> String {
    let Some(first) = problems.first() else {
        return String::new();
    };
    match problems.len() {
        1 => first.to_string(),
        n => format!("{first} (and {} more)", n - 1),
    }
}

/// Steps 1–2, shared with the browser's `JSON.parse` path: the size, a
/// leading byte order mark skipped, the nesting. The text to parse.
pub fn precheck(text: &str) -> Result<&str, Problem> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Problem::new(
            "",
            format!(
                "the document is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    // RFC 8259 lets a reader ignore a byte order mark; editors on Windows add one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if nests_too_deep(text) {
        return Err(Problem::new(
            "",
            format!("the document nests arrays and objects deeper than {MAX_NESTING} levels"),
        ));
    }
    Ok(text)
}

/// Step 4: the problem with a version, if any; `None` when it is missing,
/// `Some(None)` when it is not a whole number.
pub fn check_version_value(version: Option<Option<u64>>) -> Result<(), Problem> {
    match version {
        None => Err(Problem::new("", "missing field `version`")),
        Some(None) => Err(Problem::new("version", "must be a whole number")),
        Some(Some(number)) => check_version(number),
    }
}

/// The message for a document that is JSON but not an object.
pub const NOT_AN_OBJECT: &str = "the document must be a JSON object";

/// Steps 1–5: syntax, size, version and types, without the contract rules.
pub fn decode_article(text: &str) -> Result<Article, Problem> {
    let text = precheck(text)?;
    let version = match serde_json::from_str::<Envelope>(text) {
        Ok(Envelope(version)) => version,
        Err(e) if e.is_data() => return Err(Problem::new("", NOT_AN_OBJECT)),
        Err(e) => return Err(Problem::new("", format!("not valid JSON: {e}"))),
    };
    check_version_value(match version {
        Version::Missing => None,
        Version::Whole(number) => Some(Some(number)),
        Version::Other => Some(None),
    })?;
    typed(text)
}

/// Typed decoding with the JSON path of the first error.
pub fn typed<T: de::DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|error| {
        // The path says where; serde_json's " at line 1 column 5231" would
        // only add noise to it (minified JSON is one line).
        let message = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = message.strip_suffix(&position).unwrap_or(&message);
        Problem::new(path_at(text, error.line(), error.column()), message)
    })
}

/// What the document says its version is.
enum Version {
    Missing,
    Whole(u64),
    Other,
}

/// A first pass that checks the syntax and finds `version`, skipping the rest.
struct Envelope(Version);

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut version = Version::Missing;
        while let Some(key) = map.next_key::<IsVersion>()? {
            if key.0 && matches!(version, Version::Missing) {
                version = map.next_value::<VersionValue>()?.0;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Envelope(version))
    }
}

/// Whether a key is `version`.
struct IsVersion(bool);

impl<'de> Deserialize<'de> for IsVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = IsVersion;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<IsVersion, E> {
                Ok(IsVersion(key == "version"))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The `version` value: a whole number, or anything else (skipped).
struct VersionValue(Version);

impl<'de> Deserialize<'de> for VersionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = VersionValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version number")
            }
            fn visit_u64<E>(self, v: u64) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Whole(v)))
            }
            fn visit_i64<E>(self, _: i64) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Other))
            }
            fn visit_f64<E>(self, _: f64) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Other))
            }
            fn visit_bool<E>(self, _: bool) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Other))
            }
            fn visit_str<E>(self, _: &str) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Other))
            }
            fn visit_unit<E>(self) -> Result<VersionValue, E> {
                Ok(VersionValue(Version::Other))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<VersionValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(VersionValue(Version::Other))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(VersionValue(Version::Other))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// The JSON path (`body[4].text`) of the value at `line`:`column` (as
/// serde_json counts them: from 1, in bytes), by scanning the text: where a
/// decoding error happened, without wrapping every type's decoder to track
/// it (which costs the browser bundle about 9 KB gzip).
fn path_at(text: &str, line: usize, column: usize) -> String {
    // The byte offset of the position.
    let mut offset = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            offset += column.min(l.len());
            break;
        }
        offset += l.len() + 1;
    }
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    // One frame per open container: the key or index being read in it.
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    let raw = &text[start..(i + 1).min(text.len())];
                    *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_owned()));
                }
            }
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
            Frame::Object(None) => {}
        }
    }
    path
}
