//! What the walk asks of every DOM node.

use dom_query::NodeRef;

/// The element's name in lower case (`""` for text and comments).
pub fn name_of(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}
