//! The embedding contract between the server render and the browser: the
//! markup around an article, the script-safe JSON copy, and the fingerprint
//! that says whether the two still belong together.
//!
//! ```html
//! <div class="warta" data-warta>                      ← mount: state, events
//!   <div data-warta-root data-warta-fingerprint="…">  ← Yew owns this
//!     <article class="warta-article">…</article>
//!   </div>
//!   <script type="application/json" data-warta-data>{…}</script>
//! </div>
//! ```
//!
//! The JSON sits beside the root, not inside it, because Yew removes nodes it
//! did not render from its root. A mount without a root (just the script) is
//! rendered in the browser from scratch.

/// Attribute marking a mount.
pub const MOUNT_ATTR: &str = "data-warta";
/// Attribute on the element Yew renders into.
pub const ROOT_ATTR: &str = "data-warta-root";
/// Attribute holding the fingerprint on the root.
pub const FINGERPRINT_ATTR: &str = "data-warta-fingerprint";
/// Attribute marking the JSON script.
pub const DATA_ATTR: &str = "data-warta-data";
/// Attribute the browser sets on the mount: `hydrated`, `rendered` or `error`.
pub const STATE_ATTR: &str = "data-warta-state";

/// Fingerprint of the server markup: the crate version (components change
/// between versions) and a 64-bit FNV-1a hash of the exact JSON text embedded.
pub fn fingerprint(json_text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in json_text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}", env!("CARGO_PKG_VERSION"))
}

/// Makes JSON text safe inside `<script type="application/json">`: `<`, `>`
/// and `&` become JSON escapes, so neither `</script>` nor `<!--` can appear,
/// and U+2028/U+2029 are escaped for old JavaScript parsers. The text stays
/// the same JSON value.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The embeddable fragment: the server-rendered article markup in its root,
/// and the script-safe JSON it was rendered from.
pub fn fragment_html(article_markup: &str, safe_json: &str) -> String {
    format!(
        "<div class=\"warta\" {MOUNT_ATTR}><div class=\"warta-root\" {ROOT_ATTR} {FINGERPRINT_ATTR}=\"{}\">{article_markup}</div>\
         <script type=\"application/json\" {DATA_ATTR}>{safe_json}</script></div>",
        fingerprint(safe_json)
    )
}

/// A mount the browser renders from scratch: only the JSON, no markup.
pub fn empty_mount_html(safe_json: &str) -> String {
    format!("<div class=\"warta\" {MOUNT_ATTR}><script type=\"application/json\" {DATA_ATTR}>{safe_json}</script></div>")
}
