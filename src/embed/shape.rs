//! The shape of hydratable markup: what Yew's hydration asserts, and nothing
//! else.
//!
//! Yew 0.23 panics while hydrating when an element is missing, extra or of
//! another kind, or when a comment marker is missing or extra. It re-sets
//! attributes and overwrites or re-creates text nodes, so those do not
//! matter. The shape is therefore the tree of element names and comment
//! markers, without text and attributes, hashed. The server computes it from
//! the markup it writes ([`shape_of_html`]); the browser computes it from the
//! live DOM ([`shape_of_dom`]) and hydrates only when the two agree, so a
//! page that changed the markup gets a fresh render instead of a panic.

use super::Fnv64;

/// Builds the shape from a walk of the tree, in document order.
#[derive(Default)]
pub struct ShapeBuilder(Fnv64);

impl ShapeBuilder {
    /// An element opens (name compared case-insensitively, as Yew does).
    pub fn open(&mut self, name: &str) {
        self.0.write(b"<");
        for byte in name.bytes() {
            self.0.write(&[byte.to_ascii_lowercase()]);
        }
        self.0.write(b" ");
    }

    /// The element opened last closes.
    pub fn close(&mut self) {
        self.0.write(b">");
    }

    /// A comment. Only its marker characters count: Yew's component markers
    /// carry the component's type name in debug builds and none in release
    /// builds, and it matches them by those characters alone.
    pub fn comment(&mut self, text: &str) {
        self.0.write(b"!");
        for byte in text.bytes().filter(|b| b"<>/[]#?".contains(b)) {
            self.0.write(&[byte]);
        }
        self.0.write(b";");
    }

    /// The shape as it is written into `data-warta-shape`.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.finish())
    }
}

/// HTML elements that never have children or an end tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// The shape of markup the server wrote. This is not a general HTML parser:
/// it reads Yew's server output and our own inline SVG, where every `<` in
/// text is escaped, end tags are explicit and self-closing tags end in `/>`.
pub fn shape_of_html(html: &str) -> String {
    let mut shape = ShapeBuilder::default();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").unwrap_or(comment.len());
            shape.comment(&comment[..end]);
            rest = comment.get(end + 3..).unwrap_or_default();
        } else if let Some(end_tag) = rest.strip_prefix("</") {
            shape.close();
            rest = end_tag.find('>').map_or("", |end| &end_tag[end + 1..]);
        } else {
            let tag = &rest[1..];
            let name_end = tag
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            let (end, self_closing) = tag_end(tag);
            shape.open(name);
            if self_closing || VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                shape.close();
            }
            rest = tag.get(end + 1..).unwrap_or_default();
        }
    }
    shape.finish()
}

/// Where a start tag's `>` is (skipping quoted attribute values) and whether
/// it is written self-closing (`/>`).
fn tag_end(tag: &str) -> (usize, bool) {
    let mut quote = None;
    let mut previous = 0u8;
    for (i, byte) in tag.bytes().enumerate() {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return (i, previous == b'/'),
            (None, _) => {}
        }
        previous = byte;
    }
    (tag.len(), false)
}

/// The shape of the live DOM under `root` (the root itself excluded), walked
/// without recursion so a deeply nested page cannot exhaust the stack.
#[cfg(target_arch = "wasm32")]
pub fn shape_of_dom(root: &web_sys::Element) -> String {
    use wasm_bindgen::JsCast;
    use web_sys::Node;

    let mut shape = ShapeBuilder::default();
    let root: &Node = root.as_ref();
    let mut next = root.first_child();
    while let Some(node) = next {
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let element: &web_sys::Element = node.unchecked_ref();
                shape.open(&element.local_name());
                if let Some(child) = node.first_child() {
                    next = Some(child);
                    continue;
                }
                shape.close();
            }
            Node::COMMENT_NODE => shape.comment(&node.node_value().unwrap_or_default()),
            _ => {}
        }
        // Climb until a sibling, closing each element left behind.
        let mut at = node;
        next = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent_node() {
                Some(parent) if !parent.is_same_node(Some(root)) => {
                    shape.close();
                    at = parent;
                }
                _ => break None,
            }
        };
    }
    shape.finish()
}
