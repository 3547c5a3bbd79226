//! Finding mounts in what the page gives (an element, a document, a
//! shadow root).

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Selects mounts (`embed::MOUNT_ATTR`), spelled out: building selectors
/// with `format!` costs bundle bytes for nothing.
pub(super) const MOUNT_SELECTOR: &str = "[data-warta]";

/// `target` itself when it is a mount, then the mounts inside it.
pub(super) fn mounts_at(target: &Node) -> Vec<Element> {
    let mut found = Vec::new();
    if let Some(element) = target.dyn_ref::<Element>() {
        if element.matches(MOUNT_SELECTOR).unwrap_or(false) {
            found.push(element.clone());
        }
    }
    let inside = match target.node_type() {
        Node::ELEMENT_NODE => target
            .unchecked_ref::<Element>()
            .query_selector_all(MOUNT_SELECTOR),
        Node::DOCUMENT_NODE => target
            .unchecked_ref::<web_sys::Document>()
            .query_selector_all(MOUNT_SELECTOR),
        Node::DOCUMENT_FRAGMENT_NODE => target
            .unchecked_ref::<web_sys::DocumentFragment>()
            .query_selector_all(MOUNT_SELECTOR),
        _ => return found,
    };
    if let Ok(list) = inside {
        found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    found
}
