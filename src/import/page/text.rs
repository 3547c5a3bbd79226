//! Small text helpers shared by the HTML and WordPress importers.

use crate::model::parse_rfc3339;

/// Whitespace runs (including non-breaking spaces) collapsed to one space, trimmed.
pub fn clean(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that may hold HTML entities or tags (WordPress `title.rendered`,
/// JSON-LD written by a template): tags dropped, entities decoded, cleaned.
pub fn clean_html_text(text: &str) -> String {
    if !text.contains(['<', '&']) {
        return clean(text);
    }
    let fragment = dom_query::Document::fragment(text);
    clean(&fragment.root().text())
}

/// A timestamp as RFC 3339 with an offset, repairing the common near
/// misses (`+0700`, a space for `T`); `None` when it has no offset at all,
/// since guessing one could shift the date.
pub fn rfc3339(text: &str) -> Option<String> {
    let text = text.trim();
    if parse_rfc3339(text).is_some() {
        return Some(text.to_owned());
    }
    let mut fixed = text.replacen(' ', "T", 1);
    // "+0700" → "+07:00"
    if let Some(tail) = fixed.get(fixed.len().saturating_sub(5)..) {
        if tail.len() == 5
            && (tail.starts_with('+') || tail.starts_with('-'))
            && tail[1..].bytes().all(|b| b.is_ascii_digit())
        {
            let at = fixed.len() - 2;
            fixed.insert(at, ':');
        }
    }
    parse_rfc3339(&fixed).is_some().then_some(fixed)
}

/// At most `max` characters, cut at a character boundary; whether it was cut.
pub fn truncate_chars(text: &mut String, max: usize) -> bool {
    if text.len() <= max {
        return false;
    }
    match text.char_indices().nth(max) {
        Some((at, _)) => {
            text.truncate(at);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_near_rfc3339_times() {
        assert_eq!(
            rfc3339("2024-05-16T07:12:00+07:00").as_deref(),
            Some("2024-05-16T07:12:00+07:00")
        );
        assert_eq!(
            rfc3339("2024-05-16 07:12:00+0700").as_deref(),
            Some("2024-05-16T07:12:00+07:00")
        );
        assert_eq!(rfc3339("2024-05-16T07:12:00"), None);
        assert_eq!(rfc3339("16 Mei 2024"), None);
        assert_eq!(rfc3339("2024-05-16T07:12:00+07é0"), None);
        assert_eq!(rfc3339("é"), None);
    }

    #[test]
    fn cleans_entities_and_tags() {
        assert_eq!(
            clean_html_text("Harga &#8220;naik&#8221; <em>lagi</em>&nbsp; "),
            "Harga \u{201c}naik\u{201d} lagi"
        );
        let mut long = "ábc".repeat(3);
        assert!(truncate_chars(&mut long, 4));
        assert_eq!(long, "ábcá");
    }
}
