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

#[cfg(target_arch = "wasm32")]
pub mod page_text;
pub mod shape;

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
/// Attribute marking an island: the element a Yew app hydrates, named by its part.
pub const ISLAND_ATTR: &str = "data-warta-island";
/// Attribute holding an island's [shape](shape) as the server wrote it.
pub const SHAPE_ATTR: &str = "data-warta-shape";
/// Attribute holding the hash of an island's shape and exact markup as the
/// server wrote them ([`shape::markup_hash`]): a browser whose serialization
/// of the island gives the same hash knows its shape without walking it.
pub const MARKUP_ATTR: &str = "data-warta-markup";
/// Attribute choosing when the Wasm loads and the widget mounts: on a mount
/// for that widget, or on the warta-init.js script for the page (see
/// src/js/warta-init.js).
pub const LOAD_ATTR: &str = "data-warta-load";
/// The loading strategies warta-init.js knows.
pub const LOAD_STRATEGIES: [&str; 4] = ["eager", "idle", "visible", "interaction"];
/// Attribute marking an ad slot the host page fills.
pub const AD_SLOT_ATTR: &str = "data-warta-ad";
/// Attribute on an ad slot's wrapper: the paragraph number it follows.
pub const AD_AFTER_ATTR: &str = "data-warta-ad-after";

/// 64-bit FNV-1a: small, fast and identical on server and browser. Not for
/// secrets, only for telling markup and data apart.
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    /// Adds bytes to the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything written.
    pub fn finish(&self) -> u64 {
        self.0
    }

    /// Appends the hash as 16 lowercase hex digits. Written by hand:
    /// `format!` would make the browser compile Rust's formatting code on
    /// every page's first mount, seven functions of it, each a main-thread
    /// compile (docs/performance.md, "Compile hints").
    pub fn push_hex(&self, out: &mut String) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        for shift in (0..16).rev() {
            out.push(char::from(DIGITS[(self.0 >> (shift * 4)) as usize & 0xf]));
        }
    }

    /// The hash as 16 lowercase hex digits, as the markup attributes carry it.
    pub fn hex(&self) -> String {
        let mut out = String::with_capacity(16);
        self.push_hex(&mut out);
        out
    }
}

/// Fingerprint of the server markup: the crate version (components change
/// between versions) and a 64-bit FNV-1a hash of the exact JSON text embedded.
pub fn fingerprint(json_text: &str) -> String {
    const VERSION: &str = env!("CARGO_PKG_VERSION");
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
