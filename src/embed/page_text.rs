//! Text of the page's DOM in Rust, copied by the browser.
//!
//! wasm-bindgen turns a JavaScript string into a Rust `String` with a loop
//! over each character in its JavaScript glue, which on a page's first
//! mount runs in V8's interpreter: for the kilobytes of a widget's JSON and
//! share-bar markup it cost more than the Rust that reads them. Here the
//! browser's `TextEncoder` writes the UTF-8 straight into the Wasm's memory
//! (docs/performance.md, "The mount's read"). Text only the browser reads
//! (the JSON it parses) stays a `JsString` and is not copied at all.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

#[wasm_bindgen(module = "/src/js/page-text.js")]
extern "C" {
    #[wasm_bindgen(js_name = innerHtml)]
    fn inner_html_js(element: &Element) -> JsString;
    /// The node's text (`textContent`) as the page holds it, empty when it
    /// has none: no copy, for what the browser can read itself.
    #[wasm_bindgen(js_name = textContent)]
    pub fn text_of(node: &Node) -> JsString;
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsString, view: &Uint8Array) -> u32;
}

/// The element's markup as the browser serializes it (`innerHTML`).
pub fn inner_html(element: &Element) -> String {
    copy(&inner_html_js(element))
}

/// A string of the page, copied into Rust.
pub fn copy(text: &JsString) -> String {
    // A UTF-16 unit never takes more than three bytes of UTF-8.
    let capacity = text.length() as usize * 3;
    let mut bytes: Vec<u8> = Vec::with_capacity(capacity);
    // SAFETY: the view spans exactly the vector's allocation and is used
    // only by the one call below, during which the Wasm allocates nothing
    // (so its memory cannot move); `encodeInto` writes at most `capacity`
    // bytes, the first `written` of them.
    unsafe {
        let view = Uint8Array::view_mut_raw(bytes.as_mut_ptr(), capacity);
        let written = encode_into(text, &view) as usize;
        bytes.set_len(written.min(capacity));
    }
    // Give back what ASCII text left unused (most of it): the full client
    // keeps the text, and a 47 KB article would hold 141 KB.
    bytes.shrink_to_fit();
    // SAFETY: `encodeInto` writes well-formed UTF-8 (a lone surrogate as
    // U+FFFD). wasm-bindgen's own conversion trusts the same call in its
    // glue the same way; checking again would add a UTF-8 validator to the
    // bundle every reader downloads.
    unsafe { String::from_utf8_unchecked(bytes) }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::{copy, inner_html, text_of};

    fn text_content(node: &web_sys::Node) -> String {
        copy(&text_of(node))
    }

    wasm_bindgen_test_configure!(run_in_browser);

    /// The browser's copy gives the very string wasm-bindgen's own
    /// conversion gives: ASCII, two-, three- and four-byte characters, a
    /// lone surrogate (U+FFFD in both), nothing at all, and a long text.
    #[wasm_bindgen_test]
    fn the_text_is_the_one_wasm_bindgen_would_give() {
        let document = gloo::utils::document();
        let long = "Presiden Rusia tiba di Beijing. ".repeat(400);
        let texts = ["abc", "é €-𝄞 <&>", "", long.as_str()];
        for text in texts {
            let node = document.create_element("p").unwrap();
            node.set_text_content(Some(text));
            assert_eq!(text_content(&node), text);
            assert_eq!(inner_html(&node), node.inner_html());
        }
        let lone: js_sys::JsString = js_sys::eval("'a\\uD800b'").unwrap().unchecked_into();
        let node = document.create_text_node("");
        js_sys::Reflect::set(&node, &"data".into(), &lone).unwrap();
        let p = document.create_element("p").unwrap();
        p.append_child(&node).unwrap();
        assert_eq!(text_content(&node), "a\u{FFFD}b");
        assert_eq!(text_content(&p), p.text_content().unwrap());
    }
}
