//! Phase 5: the link lists ("Terkini Lainnya", "Tautan Sahabat"), and the
//! URL words the importer writes: list links and the guessed article URL.

use super::head::looks_like_domain;
use crate::model::limits::{more_chars_than, MAX_URL_CHARS};
use crate::model::LinkItem;

/// Longest slug in a guessed URL, in bytes: a readable address, far below
/// the contract's URL limit whatever the headline's length.
const MAX_SLUG_BYTES: usize = 120;

/// Every list line as an item: "Title https://…", "Title - https://…" or
/// just "Title". A link a browser would refuse stays part of the title.
pub(super) fn link_items(lines: &[&str], notes: &mut Vec<String>) -> Vec<LinkItem> {
    let mut refused_links = 0;
    let items = lines
        .iter()
        .map(|text| {
            let item = link_item(text);
            if item.url.is_none() && trailing_link(text).is_some() {
                refused_links += 1;
            }
            item
        })
        .collect();
    if refused_links > 0 {
        notes.push(format!(
            "{refused_links} list link(s) are not web addresses a browser opens; kept as text"
        ));
    }
    items
}

fn link_item(text: &str) -> LinkItem {
    if let Some(start) = trailing_link(text).filter(|&i| is_web_link(&text[i..])) {
        let title = text[..start]
            .trim()
            .trim_end_matches(['-', '–', '—', '|'])
            .trim();
        // "— https://…" with no words: the address is the only name it has.
        let title = if title.is_empty() {
            &text[start..]
        } else {
            title
        };
        return LinkItem {
            title: title.to_owned(),
            url: Some(text[start..].to_owned()),
            published: None,
        };
    }
    LinkItem {
        title: text.to_owned(),
        url: None,
        published: None,
    }
}

/// Where the last word starts, if it starts like a link.
fn trailing_link(text: &str) -> Option<usize> {
    text.char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| text[i..].starts_with("http://") || text[i..].starts_with("https://"))
}

/// An http(s) link with a host a browser accepts, no spaces or control
/// characters, within the contract's URL length.
fn is_web_link(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    };
    !more_chars_than(url, MAX_URL_CHARS)
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && looks_like_domain(host)
}

/// Lower-case ASCII words joined by hyphens, for a guessed URL; cut at a
/// word so a long headline still gives a short address.
pub(super) fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + 1 + word.len() > MAX_SLUG_BYTES {
            if out.is_empty() {
                out.push_str(&word[..MAX_SLUG_BYTES].to_ascii_lowercase());
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        "artikel".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Presiden Rusia: Tiba di Beijing!"),
            "presiden-rusia-tiba-di-beijing"
        );
        assert_eq!(slug("-----"), "artikel");
        assert_eq!(slug(&"kata ".repeat(2000)).len(), 119);
        assert_eq!(slug(&"a".repeat(5000)).len(), MAX_SLUG_BYTES);
    }

    #[test]
    fn list_links() {
        let item = |t: &str| {
            let item = link_item(t);
            (item.title, item.url)
        };
        assert_eq!(
            item("Berita A https://contoh.id/a"),
            ("Berita A".into(), Some("https://contoh.id/a".into()))
        );
        assert_eq!(
            item("Kawan - https://kawan.id/"),
            ("Kawan".into(), Some("https://kawan.id/".into()))
        );
        assert_eq!(item("A https://"), ("A https://".into(), None));
        assert_eq!(item("A https://-"), ("A https://-".into(), None));
        assert_eq!(item("A https://./x"), ("A https://./x".into(), None));
        assert_eq!(
            item("---- https://a.id/x"),
            ("https://a.id/x".into(), Some("https://a.id/x".into()))
        );
        assert_eq!(
            item("Port http://a.id:8080/x"),
            ("Port".into(), Some("http://a.id:8080/x".into()))
        );
    }
}
