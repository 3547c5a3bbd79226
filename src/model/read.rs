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
use super::limits::{MAX_INPUT_BYTES, MAX_NESTING};
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

/// Steps 1–2: the size, a leading byte order mark skipped, then one byte
/// scan for what is better said before parsing: nesting (before any parser
/// recurses), duplicate keys and lone surrogates, each with its path. The
/// text to parse.
fn precheck(text: &str) -> Result<&str, Problem> {
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
    Scan::default().run(text, text.len(), true)?;
    Ok(text)
}

/// The message for a document that is JSON but not an object.
const NOT_AN_OBJECT: &str = "the document must be a JSON object";

/// Steps 1–5: syntax, size, version and types, without the contract rules.
pub fn decode_article(text: &str) -> Result<Article, Problem> {
    let text = precheck(text)?;
    let version = match serde_json::from_str::<Envelope>(text) {
        Ok(Envelope(version)) => version,
        Err(e) if e.is_data() => return Err(Problem::new("", NOT_AN_OBJECT)),
        Err(e) => return Err(Problem::new("", format!("not valid JSON: {e}"))),
    };
    match version {
        Version::Missing => return Err(Problem::new("", "missing field `version`")),
        Version::Other => return Err(Problem::new("version", "must be a whole number")),
        Version::Whole(number) => check_version(number)?,
    }
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
        let path =
            match Scan::default().run(text, offset(text, error.line(), error.column()), false) {
                Ok(scan) => scan.decoded_path(),
                Err(_) => String::new(),
            };
        Problem::new(path, message)
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

/// The byte offset of serde_json's `line`:`column` (from 1, in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            return offset + column.min(l.len());
        }
        offset += l.len() + 1;
    }
    text.len()
}

/// One open container: an object with the key being read and the keys
/// seen, or an array with the index being read.
enum Frame<'a> {
    Object(Option<&'a str>, Vec<&'a str>),
    Array(usize),
}

/// A byte scan of JSON text that knows where it is (`body[4].text`). It
/// does not check the syntax; the parser does.
#[derive(Default)]
struct Scan<'a> {
    stack: Vec<Frame<'a>>,
}

impl<'a> Scan<'a> {
    /// Scans `text` up to byte `until`; with `check`, refuses too deep
    /// nesting, duplicate keys and lone surrogates.
    fn run(mut self, text: &'a str, until: usize, check: bool) -> Result<Self, Problem> {
        let bytes = &text.as_bytes()[..until.min(text.len())];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                    let key = matches!(self.stack.last(), Some(Frame::Object(None, _)));
                    if check && has_lone_surrogate(raw) {
                        let mut path = self.path();
                        if key {
                            path = join(&path, raw);
                        }
                        return Err(Problem::new(
                            path,
                            "lone surrogate in a \\u escape; text must be Unicode",
                        ));
                    }
                    if key {
                        // Keys as written (no copies): escaped keys are rare,
                        // and the parser refuses what this lets through.
                        if let Some(Frame::Object(current, seen)) = self.stack.last_mut() {
                            // No object of the contract has 64 keys: a larger one
                            // is refused for its unknown keys, and the cap keeps
                            // this scan linear on hostile input.
                            if check && seen.contains(&raw) {
                                let path = join(&self.path(), raw);
                                return Err(Problem::new(path, format!("duplicate field `{raw}`")));
                            }
                            if seen.len() < 64 {
                                seen.push(raw);
                            }
                            *current = Some(raw);
                        }
                    }
                }
                b'{' | b'[' => {
                    if check && self.stack.len() >= MAX_NESTING {
                        return Err(Problem::new(
                            "",
                            format!("the document nests arrays and objects deeper than {MAX_NESTING} levels"),
                        ));
                    }
                    self.stack.push(if bytes[i] == b'{' {
                        Frame::Object(None, Vec::new())
                    } else {
                        Frame::Array(0)
                    });
                }
                b'}' | b']' => {
                    self.stack.pop();
                }
                b',' => match self.stack.last_mut() {
                    Some(Frame::Array(index)) => *index += 1,
                    Some(Frame::Object(key, _)) => *key = None,
                    None => {}
                },
                _ => {}
            }
            i += 1;
        }
        Ok(self)
    }

    /// The path of the value being read, keys as written.
    fn path(&self) -> String {
        self.path_with(str::to_owned)
    }

    /// The path with keys decoded, as messages quote them.
    fn decoded_path(&self) -> String {
        self.path_with(unescape)
    }

    fn path_with(&self, key_text: fn(&str) -> String) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object(Some(key), _) => path = join(&path, &key_text(key)),
                Frame::Array(index) => path.push_str(&format!("[{index}]")),
                Frame::Object(None, _) => {}
            }
        }
        path
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether a JSON string's raw text has a `\\u` surrogate without its pair.
fn has_lone_surrogate(raw: &str) -> bool {
    if !raw.as_bytes().windows(2).any(|w| w == b"\\u") {
        return false;
    }
    // Pairs must be adjacent escapes; a high one not followed by a low one,
    // or a low one not after a high one, is alone.
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut pending_high = false;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'u') {
            let unit = raw.get(i + 2..i + 6).and_then(hex4);
            match unit {
                Some(0xD800..=0xDBFF) if !pending_high => pending_high = true,
                Some(0xDC00..=0xDFFF) if pending_high => pending_high = false,
                Some(0xD800..=0xDFFF) => return true,
                _ if pending_high => return true,
                _ => {}
            }
            i += 6;
        } else {
            if pending_high {
                return true;
            }
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
    }
    pending_high
}

/// Four hex digits as a number (`from_str_radix` costs bundle bytes).
fn hex4(hex: &str) -> Option<u32> {
    hex.bytes()
        .try_fold(0, |n, b| Some(n * 16 + char::from(b).to_digit(16)?))
}
/// A key's text with JSON escapes decoded (enough to compare and show keys).
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let unit = hex4(&hex).unwrap_or(0xFFFD);
                out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}
