//! What every XML output shares: text and attribute values through
//! quick-xml's escaping, with the characters XML 1.0 cannot hold taken
//! out first, so a title with a control character still gives a
//! well-formed file.

use std::borrow::Cow;
use std::io;

use quick_xml::events::BytesText;
use quick_xml::Writer;

/// An XML writer into memory; written elements are checked by the parser
/// of every consumer, so one per file.
pub type XmlWriter = Writer<Vec<u8>>;

/// A fresh writer.
pub fn writer() -> XmlWriter {
    Writer::new(Vec::new())
}

/// The text without the characters XML 1.0 forbids (controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF).
pub fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// `<name>text</name>`, the text cleaned and escaped.
pub fn text_element(writer: &mut XmlWriter, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&clean(text)))?;
    Ok(())
}

/// `<name a="…" …/>`, values cleaned and escaped.
pub fn empty_element(
    writer: &mut XmlWriter,
    name: &str,
    attributes: &[(&str, &str)],
) -> io::Result<()> {
    let cleaned: Vec<(&str, Cow<'_, str>)> =
        attributes.iter().map(|(k, v)| (*k, clean(v))).collect();
    writer
        .create_element(name)
        .with_attributes(cleaned.iter().map(|(k, v)| (*k, v.as_ref())))
        .write_empty()?;
    Ok(())
}

/// A document: the XML declaration, then `root` (opening tag written by
/// the caller's `open`, which may carry namespaces), the body, and its end.
pub fn document(open_root: &str, close_root: &str, body: &[u8]) -> Vec<u8> {
    let mut doc = Vec::with_capacity(body.len() + 200);
    doc.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    doc.extend_from_slice(open_root.as_bytes());
    doc.push(b'\n');
    doc.extend_from_slice(body);
    doc.extend_from_slice(close_root.as_bytes());
    doc.push(b'\n');
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_specials_are_escaped() {
        let mut w = writer();
        text_element(&mut w, "title", "A\u{1}B <&> \u{FFFE}\"C\"\tD").unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner()).unwrap(),
            "<title>AB &lt;&amp;&gt; &quot;C&quot;\tD</title>"
        );
    }
}
