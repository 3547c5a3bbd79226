// @ts-check
// The shape text of the live DOM under `root` (the root itself excluded), in
// the format `ShapeBuilder` writes on the server (src/embed/shape.rs):
//   `<h:name ` / `<s:name ` / `<x:name `  an element opens (HTML, SVG, other)
//   `>`                                   the element opened last closes
//   `!LENGTH:TEXT`                        a comment (LENGTH in UTF-16 units)
//   `?`                                   any other node but text
// One call from Wasm walks the whole island here; walked from Rust, every
// step was a call across the Wasm/JS border (about 400 per widget).
// Iterative, so a deeply nested page cannot exhaust the stack.
const HTML = "http://www.w3.org/1999/xhtml";
const SVG = "http://www.w3.org/2000/svg";
// Node types as numbers: a page may have replaced the global `Node`.
const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/**
 * Imported by src/embed/shape.rs (`shape_text`, with `catch`: a throw
 * counts as a changed shape).
 * @param {Element} root
 * @returns {string}
 */
export function shapeText(root) {
  let text = "";
  /** @type {Node | null} */
  let node = root.firstChild;
  while (node) {
    switch (node.nodeType) {
      case ELEMENT: {
        const namespace = /** @type {Element} */ (node).namespaceURI;
        const kind = namespace === HTML ? "h" : namespace === SVG ? "s" : "x";
        text += `<${kind}:${/** @type {Element} */ (node).localName} `;
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        text += ">";
        break;
      }
      case COMMENT:
        text += `!${/** @type {Comment} */ (node).data.length}:${/** @type {Comment} */ (node).data}`;
        break;
      case TEXT:
        break;
      default:
        text += "?";
    }
    // Climb until a sibling, closing each element left behind.
    while (!node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) return text;
      text += ">";
    }
    node = node.nextSibling;
  }
  return text;
}
