//! The rules of `validate.rs` that a JSON Schema can state, for the schema
//! `warta schema` prints (schemars, `schema` feature). The fields name them
//! beside their types (`#[schemars(transform = …)]`); the numbers are the
//! ones validation uses (`limits.rs`). What no schema can state is listed in
//! `docs/contract.md` ("What the schema cannot say").
//!
//! Patterns are ECMA-262, as JSON Schema asks, and spell every character
//! class out (no `\s`, `\d` or lookaround), so JavaScript, Rust and other
//! engines read them alike. `tests/native/contract_schema.rs` holds them to
//! validation: characters, generated links and times, every fixture and
//! shared reader case.

use schemars::Schema;
use serde_json::{json, Value};

use super::limits::{MAX_TEXT_CHARS, MAX_URL_CHARS};

/// Unicode's White_Space, what `str::trim` removes: validation's "blank".
/// (JavaScript's `\s` differs: it has U+FEFF and lacks U+0085.)
const WHITE_SPACE: &str = r"\x09-\x0d\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// White space and control characters (`char::is_whitespace`,
/// `char::is_control`): what no link and no ad-slot id may hold.
pub(crate) const SPACE_OR_CONTROL: &str =
    r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// A string with a character that is not white space.
pub(crate) fn non_blank() -> String {
    format!("[^{WHITE_SPACE}]")
}

/// Which schemes a link may have, as in `validate::Links`.
#[derive(Clone, Copy)]
enum Links {
    Web,
    WebOrMail,
}

/// The link policy of `validate::check_link`, but for white space and
/// control characters, which no link may hold anywhere ([`link`] says so
/// apart): `http` or `https` (any case), `//`, an optional `user@`, a host
/// (DNS labels of at most 63 letters, digits and inner hyphens, or labels
/// with non-ASCII characters, which IDNA maps; or a bracketed IPv6
/// address), an optional port up to 65535, then the path, query or
/// fragment, or the end; or `mailto:` and an address, where allowed.
fn link_pattern(links: Links) -> String {
    // Letters and digits, or non-ASCII; and with the hyphen.
    let edge = r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]";
    let inner = r"[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]";
    let ascii_label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let idn_label = format!(r"(?:{edge}{inner}*)?[^\x00-\x7f](?:{inner}*{edge})?");
    let label = format!("(?:{ascii_label}|{idn_label})");
    let host = format!(r"(?:\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]|{label}(?:\.{label})*\.?)");
    let port =
        "(?::(?:[0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?";
    let web = format!("[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#:@][^/?#]*@)?{host}{port}(?:[/?#]|$)");
    match links {
        Links::Web => format!("^{web}"),
        Links::WebOrMail => format!("^(?:{web}|[Mm][Aa][Ii][Ll][Tt][Oo]:.)"),
    }
}

/// `YYYY-MM-DD`, `T`, `t` or a space, `HH:MM:SS[.frac]`, then `Z`, `z` or
/// `±HH:MM`: `date::parse_rfc3339`, days of each month and 29 February
/// of leap years included.
fn time_pattern() -> String {
    let month_day = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])\
        |(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)\
        |02-(?:0[1-9]|1[0-9]|2[0-8]))";
    let leap_year = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    let date = format!("(?:[0-9]{{4}}-{month_day}|{leap_year}-02-29)");
    let time = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?";
    let offset = "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])";
    format!("^{date}[Tt ]{time}{offset}$")
}

/// Text that is present must not be blank: `validate`'s `text`.
pub(super) fn text(schema: &mut Schema) {
    max_chars(schema);
    schema.insert("pattern".into(), non_blank().into());
}

/// At most [`MAX_TEXT_CHARS`] characters (JSON Schema counts code points,
/// as validation does).
pub(super) fn max_chars(schema: &mut Schema) {
    schema.insert("maxLength".into(), MAX_TEXT_CHARS.into());
}

/// An `http` or `https` link.
pub(super) fn web_link(schema: &mut Schema) {
    link(schema, Links::Web);
}

/// An `http`, `https` or `mailto` link.
pub(super) fn web_or_mail_link(schema: &mut Schema) {
    link(schema, Links::WebOrMail);
}

fn link(schema: &mut Schema, links: Links) {
    schema.insert("maxLength".into(), MAX_URL_CHARS.into());
    schema.insert("pattern".into(), link_pattern(links).into());
    schema.insert("not".into(), string_with(&format!("[{SPACE_OR_CONTROL}]")));
}

/// The id of a publisher's own share network: `validate`'s
/// `custom_network_problems`.
pub(super) fn network_id(schema: &mut Schema) {
    let max = super::MAX_NETWORK_ID_CHARS - 1;
    schema.insert(
        "pattern".into(),
        format!("^[a-z0-9][a-z0-9-]{{0,{max}}}$").into(),
    );
    let known: Vec<&str> = super::ShareNetwork::ALL.iter().map(|n| n.id()).collect();
    schema.insert("not".into(), json!({ "enum": known }));
}

/// A share template: an `https` web link whose braces are only the
/// placeholders, `{url}` or `{text}` among them.
pub(super) fn share_template(schema: &mut Schema) {
    web_link(schema);
    let names = super::SHARE_PLACEHOLDERS
        .map(|p| p.trim_matches(['{', '}']))
        .join("|");
    schema.insert(
        "allOf".into(),
        json!([
            { "pattern": "^[Hh][Tt][Tt][Pp][Ss]://" },
            { "pattern": format!("^(?:[^{{}}]|\\{{(?:{names})\\}})*$") },
            { "pattern": "\\{(?:url|text)\\}" },
        ]),
    );
}

/// A string `pattern` matches, for `not` (which `null` then passes).
fn string_with(pattern: &str) -> Value {
    json!({ "type": "string", "pattern": pattern })
}

/// A file in a `srcset`: a web link, and no comma at the end (a `srcset`
/// separates its files with commas).
pub(super) fn srcset_file(schema: &mut Schema) {
    web_link(schema);
    schema.insert(
        "not".into(),
        string_with(&format!("[{SPACE_OR_CONTROL}]|,$")),
    );
}

/// An RFC 3339 time with an offset. `format` says so to tools; the pattern
/// is what warta reads (see "What the schema cannot say").
pub(super) fn time(schema: &mut Schema) {
    schema.insert("format".into(), "date-time".into());
    schema.insert("pattern".into(), time_pattern().into());
}

/// A language tag as validation takes it: 1 to 35 ASCII letters, digits and
/// hyphens.
pub(super) fn language_tag(schema: &mut Schema) {
    schema.insert("pattern".into(), "^[A-Za-z0-9-]{1,35}$".into());
}

/// An image media type (`image/avif`).
pub(super) fn image_type(schema: &mut Schema) {
    schema.insert("pattern".into(), r"^image/[A-Za-z0-9+.-]+$".into());
}

/// The field is there and not `null` (to the reader, `null` is absent).
fn present(name: &str) -> Value {
    json!({ "required": [name], "properties": { name: { "not": { "type": "null" } } } })
}

/// The list is there and has an item.
fn non_empty(name: &str) -> Value {
    json!({ "required": [name], "properties": { name: { "minItems": 1 } } })
}

/// Adds rules over several fields of an object.
fn all_of(schema: &mut Schema, rules: impl IntoIterator<Item = Value>) {
    let all = schema.ensure_object().entry("allOf").or_insert(json!([]));
    if let Value::Array(all) = all {
        all.extend(rules);
    }
}

/// An image's rules across fields: a `src` needs a non-blank `alt`; width
/// and height come together; something to show (src, caption or credit);
/// `srcset` and `formats` need `src` as the fallback.
pub(super) fn image(schema: &mut Schema) {
    let then = |rule: Value, then: Value| json!({ "if": rule, "then": then });
    let alt = json!({ "required": ["alt"], "properties": { "alt": { "pattern": non_blank() } } });
    all_of(
        schema,
        [
            then(present("src"), alt),
            then(present("width"), present("height")),
            then(present("height"), present("width")),
            json!({ "anyOf": [present("src"), present("caption"), present("credit")] }),
            then(
                json!({ "anyOf": [non_empty("srcset"), non_empty("formats")] }),
                present("src"),
            ),
        ],
    );
}

/// A paragraph has `text` or `inlines`, not both.
pub(super) fn paragraph(schema: &mut Schema) {
    all_of(
        schema,
        [json!({ "oneOf": [present("text"), non_empty("inlines")] })],
    );
}
