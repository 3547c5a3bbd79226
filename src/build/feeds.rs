//! `feed.xml` (RSS 2.0) and `atom.xml` (Atom 1.0, RFC 4287) of the newest
//! articles. Every date comes from the articles, never the clock, so a
//! build with nothing new writes the same bytes.

use std::io;

use super::archive::Entry;
use super::time::{epoch_seconds, rfc822};
use super::xml::{document, empty_element, text_element, writer};

/// What a feed is of: the whole site or one section.
pub struct Channel<'a> {
    /// The feed's title ("Media Indonesia", "Media Indonesia: Internasional").
    pub title: String,
    /// The page the feed stands for (the home page or the section's).
    pub link: String,
    /// Folder URL the feed files live in (ends with `/`).
    pub folder: String,
    /// The articles, newest first, already cut to the feed's size.
    pub entries: &'a [Entry],
}

/// The newest `modified` time of the entries (their update, else
/// publication), as written.
fn newest_modified(entries: &[Entry]) -> Option<&str> {
    entries
        .iter()
        .filter_map(|e| e.modified())
        .max_by_key(|t| epoch_seconds(t))
}

/// RSS 2.0, with `atom:link rel="self"`, `dc:creator` for the authors (RSS's
/// own `author` must be an e-mail address) and `media:content` for the hero.
pub fn rss(channel: &Channel<'_>) -> io::Result<Vec<u8>> {
    let mut w = writer();
    let self_link = format!("{}feed.xml", channel.folder);
    w.create_element("channel").write_inner_content(|w| {
        text_element(w, "title", &channel.title)?;
        text_element(w, "link", &channel.link)?;
        text_element(
            w,
            "description",
            &format!("Berita terbaru: {}", channel.title),
        )?;
        if let Some(first) = channel.entries.first() {
            text_element(w, "language", &first.lang)?;
        }
        if let Some(date) = newest_modified(channel.entries).and_then(rfc822) {
            text_element(w, "lastBuildDate", &date)?;
        }
        empty_element(
            w,
            "atom:link",
            &[
                ("href", &self_link),
                ("rel", "self"),
                ("type", "application/rss+xml"),
            ],
        )?;
        for entry in channel.entries {
            w.create_element("item").write_inner_content(|w| {
                text_element(w, "title", &entry.title)?;
                text_element(w, "link", &entry.url)?;
                w.create_element("guid")
                    .with_attribute(("isPermaLink", "true"))
                    .write_text_content(quick_xml::events::BytesText::new(&super::xml::clean(
                        &entry.url,
                    )))?;
                if let Some(summary) = &entry.summary {
                    text_element(w, "description", summary)?;
                }
                if let Some(date) = entry.published.as_deref().and_then(rfc822) {
                    text_element(w, "pubDate", &date)?;
                }
                for author in &entry.authors {
                    text_element(w, "dc:creator", author)?;
                }
                if let Some(section) = &entry.section {
                    text_element(w, "category", section)?;
                }
                if let Some((src, width)) = hero(entry) {
                    let width = width.map(|w| w.to_string());
                    let mut attributes = vec![("url", src), ("medium", "image")];
                    if let Some(width) = &width {
                        attributes.push(("width", width));
                    }
                    empty_element(w, "media:content", &attributes)?;
                }
                Ok::<(), io::Error>(())
            })?;
        }
        Ok::<(), io::Error>(())
    })?;
    Ok(document(
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">",
        "</rss>",
        &w.into_inner(),
    ))
}

/// Atom 1.0. An entry without any time gets the epoch as its required
/// `updated`; the feed's own `updated` is its newest entry's.
pub fn atom(channel: &Channel<'_>) -> io::Result<Vec<u8>> {
    const NO_TIME: &str = "1970-01-01T00:00:00Z";
    let mut w = writer();
    let self_link = format!("{}atom.xml", channel.folder);
    text_element(&mut w, "title", &channel.title)?;
    text_element(&mut w, "id", &channel.link)?;
    text_element(
        &mut w,
        "updated",
        newest_modified(channel.entries).unwrap_or(NO_TIME),
    )?;
    empty_element(
        &mut w,
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &self_link),
        ],
    )?;
    empty_element(
        &mut w,
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &channel.link),
        ],
    )?;
    // A feed-level author covers entries without a byline (RFC 4287 4.1.1).
    let site = channel
        .entries
        .first()
        .map_or(channel.title.as_str(), |e| e.site.as_str());
    w.create_element("author")
        .write_inner_content(|w| text_element(w, "name", site))?;
    for entry in channel.entries {
        w.create_element("entry").write_inner_content(|w| {
            text_element(w, "title", &entry.title)?;
            text_element(w, "id", &entry.url)?;
            empty_element(
                w,
                "link",
                &[
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("href", &entry.url),
                ],
            )?;
            if let Some(published) = &entry.published {
                text_element(w, "published", published)?;
            }
            text_element(w, "updated", entry.modified().unwrap_or(NO_TIME))?;
            for author in &entry.authors {
                w.create_element("author")
                    .write_inner_content(|w| text_element(w, "name", author))?;
            }
            if let Some(section) = &entry.section {
                empty_element(w, "category", &[("term", section)])?;
            }
            if let Some(summary) = &entry.summary {
                text_element(w, "summary", summary)?;
            }
            if let Some((src, _)) = hero(entry) {
                empty_element(w, "link", &[("rel", "enclosure"), ("href", src)])?;
            }
            Ok::<(), io::Error>(())
        })?;
    }
    let lang = channel.entries.first().map_or("", |e| e.lang.as_str());
    let open = if lang.is_empty() {
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">".to_owned()
    } else {
        // The tag passed the contract's language check: letters, digits, `-`.
        format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
            super::xml::clean(lang).replace(['"', '<', '&'], "")
        )
    };
    Ok(document(&open, "</feed>", &w.into_inner()))
}

/// The hero's file and width, when it has one.
fn hero(entry: &Entry) -> Option<(&str, Option<u32>)> {
    let hero = entry.hero.as_ref()?;
    Some((hero.src.as_deref()?, hero.width))
}

/// The folder name of a section: lower case, letters and digits kept (any
/// script), every other run of characters one `-`. `None` when nothing is left.
pub fn section_slug(name: &str) -> Option<String> {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    (!slug.is_empty()).then_some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_slugs() {
        assert_eq!(
            section_slug("Internasional").as_deref(),
            Some("internasional")
        );
        assert_eq!(
            section_slug(" Sepak Bola / Liga 1 ").as_deref(),
            Some("sepak-bola-liga-1")
        );
        assert_eq!(
            section_slug("Ékonomi & Bisnis").as_deref(),
            Some("ékonomi-bisnis")
        );
        assert_eq!(section_slug("—").as_deref(), None);
    }
}
