// @ts-check
// Text of the page's DOM for the Wasm, copied into its memory by the
// browser's TextEncoder (src/embed/page_text.rs). wasm-bindgen's own
// conversion copies an ASCII string one character at a time in JavaScript,
// which on a page's first mount runs in V8's interpreter: for the sample's
// island markup and JSON, most of a millisecond at 1× CPU
// (docs/performance.md, "The mount's read").
const encoder = new TextEncoder();

/**
 * The element's markup (`page_text::inner_html_js`).
 * @param {Element} element
 * @returns {string}
 */
export const innerHtml = (element) => element.innerHTML;

/**
 * The node's text, empty when it has none (`page_text::text_of`).
 * @param {Node} node
 * @returns {string}
 */
export const textContent = (node) => node.textContent ?? "";

/**
 * Writes `text` as UTF-8 into `view`; how many bytes it wrote (`page_text::encode_into`).
 * @param {string} text
 * @param {Uint8Array} view
 * @returns {number}
 */
export const encodeInto = (text, view) => encoder.encodeInto(text, view).written;
