//! The embedding contract between the server render and the browser: the
//! markup around an article, the script-safe JSON copy, and the fingerprint
//! that says whether the two still belong together.
//!
//! ```html
//! <div class="warta" data-warta>                          ← mount: state, events
//!   <div data-warta-root data-warta-fingerprint="…">      ← the article, plain HTML
//!     <article class="warta-article">
//!       <header>…</header>
//!       <div data-warta-island="share" data-warta-shape="…"> ← Yew hydrates only this
//!         <!--<[…]>--><div class="warta-share">…</div><!--</[…]>-->
//!       </div>
//!       <div class="warta-body">… <div class="warta-ad">…<div id="…" data-warta-ad></div></div> …</div>
//!     </article>
//!   </div>
//!   <script type="application/json" data-warta-data>{…}</script>
//! </div>
//! ```
//!
//! Only the interactive part, the share bar, is an island that Yew hydrates;
//! the rest of the article is static markup nothing in the browser asserts,
//! so ads, translation and extensions can change it freely. The island
//! carries its [shape](shape) so the browser hydrates it only when Yew would
//! not panic, and renders it fresh otherwise.
//!
//! The JSON sits beside the root, not inside it, because Yew removes nodes it
//! did not render from its root. A mount without a root (just the script) is
//! rendered in the browser from scratch.

pub mod attrs;
pub mod hash;
#[cfg(target_arch = "wasm32")]
pub mod page_text;
pub mod shape;

pub use attrs::*;
pub use hash::Fnv64;

/// The crate's version, which every fingerprint starts with.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Fingerprint of the server markup: the crate version (components change
/// between versions) and a 64-bit FNV-1a hash of the exact JSON text embedded.
pub fn fingerprint(json_text: &str) -> String {
    let mut hash = Fnv64::default();
    hash.write(json_text.as_bytes());
    let mut out = String::with_capacity(VERSION.len() + 17);
    out.push_str(VERSION);
    out.push('-');
    hash.push_hex(&mut out);
    out
}

/// Makes JSON text safe inside `<script type="application/json">`: `<`, `>`
/// and `&` become JSON escapes, so neither `</script>` nor `<!--` can appear,
/// and U+2028/U+2029 are escaped for old JavaScript parsers. The text stays
/// the same JSON value.
pub fn script_safe_json(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    // Copy runs of safe text whole. Every unsafe character starts with a
    // byte that is never inside another UTF-8 sequence, so slicing at it
    // is always on a character boundary.
    let mut safe_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (escape, width) = match bytes[i] {
            b'<' => ("\\u003c", 1),
            b'>' => ("\\u003e", 1),
            b'&' => ("\\u0026", 1),
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA8) => {
                ("\\u2028", 3)
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA9) => {
                ("\\u2029", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&json[safe_from..i]);
        out.push_str(escape);
        i += width;
        safe_from = i;
    }
    out.push_str(&json[safe_from..]);
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
