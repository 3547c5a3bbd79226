//! The shape of hydratable markup: what Yew's hydration asserts, and nothing
//! else.
//!
//! Yew 0.23 panics while hydrating when an element is missing, extra or of
//! another kind (its name compared case-sensitively outside HTML), when a
//! comment marker is missing, extra or reworded, or when any other node
//! stands where it expects an element. It re-sets attributes and overwrites
//! or re-creates text nodes, so those do not matter. The shape is therefore
//! the tree of elements (namespace and exact name), comments (exact text)
//! and any other non-text nodes, without text and attributes, hashed. The server computes it from
//! the markup it writes ([`shape_of_html`]); the browser computes it from the
//! live DOM ([`shape_of_dom`]) and hydrates only when the two agree, so a
//! page that changed the markup gets a fresh render instead of a panic.

#[cfg(target_arch = "wasm32")]
use super::attrs::MARKUP_ATTR;
use super::hash::Fnv64;

/// Builds the shape from a walk of the tree, in document order: the hash of
/// a text with one token per node (the format is spelled out in
/// `src/js/shape.js`, which writes the same text from the live DOM).
#[derive(Default)]
pub struct ShapeBuilder(Fnv64);

/// An element's namespace, as the shape records it.
#[derive(Clone, Copy)]
pub enum Namespace {
    /// HTML.
    Html,
    /// SVG (inside `<svg>`). Elements of any other namespace, which only a
    /// script can create, never stand in server markup (the browser's walk
    /// writes them as `<x:`).
    Svg,
}

impl ShapeBuilder {
    /// An element opens.
    pub fn open(&mut self, namespace: Namespace, name: &str) {
        self.0.write(match namespace {
            Namespace::Html => b"<h:",
            Namespace::Svg => b"<s:",
        });
        self.0.write(name.as_bytes());
        self.0.write(b" ");
    }

    /// The element opened last closes.
    pub fn close(&mut self) {
        self.0.write(b">");
    }

    /// A comment, with its exact text: Yew matches its markers by how the
    /// text starts and ends. Its length is counted as JavaScript counts
    /// (UTF-16 units), so the browser writes the same token.
    pub fn comment(&mut self, text: &str) {
        let length = text.encode_utf16().count();
        self.0.write(format!("!{length}:").as_bytes());
        self.0.write(text.as_bytes());
    }

    /// A node that is neither element, text nor comment (a processing
    /// instruction a script inserted, say): never in server markup.
    pub fn other(&mut self) {
        self.0.write(b"?");
    }

    /// The shape as it is written into `data-warta-shape`.
    pub fn finish(&self) -> String {
        self.0.hex()
    }
}

/// HTML elements that never have children or an end tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// The shape of markup the server wrote. This is not a general HTML parser:
/// it reads Yew's server output, where `<` in text and `>` in attribute
/// values are escaped and end tags are explicit. Were it ever to misread,
/// the browser would only render the share bar fresh, never panic.
pub fn shape_of_html(html: &str) -> String {
    let mut shape = ShapeBuilder::default();
    // Open elements, true for those in the SVG namespace.
    let mut open: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").unwrap_or(comment.len());
            shape.comment(&comment[..end]);
            rest = comment.get(end + 3..).unwrap_or_default();
        } else if let Some(end_tag) = rest.strip_prefix("</") {
            open.pop();
            shape.close();
            rest = end_tag.find('>').map_or("", |end| &end_tag[end + 1..]);
        } else {
            let tag = &rest[1..];
            let name_end = tag
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            let (end, self_closing) = tag_end(tag);
            // The parser puts <svg> and all inside it in the SVG namespace,
            // and lower-cases HTML names; our SVG names are written as the
            // parser keeps them.
            let svg = open.last().copied().unwrap_or(false) || name.eq_ignore_ascii_case("svg");
            if svg {
                shape.open(Namespace::Svg, name);
            } else {
                shape.open(Namespace::Html, &name.to_ascii_lowercase());
            }
            // `/>` closes only in SVG; HTML knows its void elements.
            let void = !svg && VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name));
            if (self_closing && svg) || void {
                shape.close();
            } else {
                open.push(svg);
            }
            rest = tag.get(end + 1..).unwrap_or_default();
        }
    }
    shape.finish()
}

/// Where a start tag's `>` is and whether it is written self-closing
/// (`/>`). Yew escapes `<`, `>`, `&` and `"` in attribute values, so the
/// first `>` ends the tag: found with a fast search rather than a walk
/// through every attribute byte (the icons' path data is most of the
/// markup).
fn tag_end(tag: &str) -> (usize, bool) {
    match tag.find('>') {
        Some(end) => (end, tag[..end].ends_with('/')),
        None => (tag.len(), false),
    }
}

/// The hash of an island's shape and its markup exactly as the server wrote
/// it, for `data-warta-markup`. The shape is in it so that a page that
/// rewrote the island's `data-warta-shape` is not taken at its word.
pub fn markup_hash(shape: &str, html: &str) -> String {
    let mut hash = Fnv64::default();
    hash.write(shape.as_bytes());
    hash.write(html.as_bytes());
    hash.hex()
}

/// Whether the tree under `root` is, byte for byte, the markup the server
/// wrote with this shape: the browser's serialization of it (`innerHTML`,
/// made without a node reaching script) hashes to `data-warta-markup`. Then
/// its shape is the server's, and the walk ([`shape_of_dom`]), which makes a
/// script object of every node it passes, is not needed (docs/performance.md,
/// "The mount's read"). The server's markup serializes back unchanged
/// (tested in `tests/island_bundle.rs`); any change to it, text included,
/// fails this.
///
/// Two trees can serialize alike and still differ in an element's namespace
/// (a page that swapped an element for a same-named one of another namespace
/// and copied its attributes), which Yew's hydration would not survive: only
/// the island bundle, which listens on the markup in place, relies on this.
#[cfg(target_arch = "wasm32")]
pub fn markup_as_served(root: &web_sys::Element, shape: &str) -> bool {
    root.get_attribute(MARKUP_ATTR)
        .is_some_and(|served| served == markup_hash(shape, &super::page_text::inner_html(root)))
}

/// The shape of the live DOM under `root` (the root itself excluded); `None`
/// when the walk threw (a page that broke the DOM's own methods, say),
/// which the caller treats as a changed shape. The walk is one JavaScript
/// call (`src/js/shape.js`), since a walk from Rust costs a call across the
/// Wasm/JS border for every step.
#[cfg(target_arch = "wasm32")]
pub fn shape_of_dom(root: &web_sys::Element) -> Option<String> {
    let text = dom::shape_text(root).ok()?;
    let mut shape = ShapeBuilder::default();
    shape.0.write(text.as_bytes());
    Some(shape.finish())
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/js/shape.js")]
    extern "C" {
        /// The shape text of the tree under `root`, as [`super::ShapeBuilder`] writes it.
        #[wasm_bindgen(js_name = shapeText, catch)]
        pub fn shape_text(root: &web_sys::Element) -> Result<String, JsValue>;
    }
}
