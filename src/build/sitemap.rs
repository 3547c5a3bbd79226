//! `sitemap.xml` (sitemaps.org 0.9) and `news-sitemap.xml` (Google News),
//! each split into parts under an index when it outgrows one file.

use std::io;

use quick_xml::events::{BytesEnd, BytesStart, Event};

use super::archive::Entry;
use super::time::epoch_seconds;
use super::xml::{document, text_element, writer, XmlWriter};

/// The sitemaps protocol's namespace.
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// Google's news sitemap namespace.
const NEWS_NS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
/// The news sitemap holds the articles of the last two days.
pub const NEWS_WINDOW_SECONDS: i64 = 48 * 3600;

/// How much one file may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// URLs per sitemap file (the protocol's 50,000).
    pub sitemap_urls: usize,
    /// Bytes per sitemap file, uncompressed (the protocol's 50 MiB).
    pub sitemap_bytes: usize,
    /// URLs per news sitemap file (Google's 1,000).
    pub news_urls: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            sitemap_urls: 50_000,
            sitemap_bytes: 50 * 1024 * 1024,
            news_urls: 1_000,
        }
    }
}

/// A sitemap's files: (name under OUT, bytes). One file is the sitemap
/// itself; more are an index named `name` and parts `stem-1.xml` ….
pub type Files = Vec<(String, Vec<u8>)>;

/// `sitemap.xml`: every entry with its `lastmod`.
pub fn sitemap(entries: &[Entry], base: &str, limits: Limits) -> io::Result<Files> {
    let mut elements = Vec::with_capacity(entries.len());
    for entry in entries {
        let mut w = writer();
        w.create_element("url").write_inner_content(|w| {
            text_element(w, "loc", &entry.url)?;
            if let Some(modified) = entry.modified() {
                text_element(w, "lastmod", modified)?;
            }
            Ok::<(), io::Error>(())
        })?;
        elements.push((element_bytes(w), entry.modified().map(str::to_owned)));
    }
    let open = format!("<urlset xmlns=\"{SITEMAP_NS}\">");
    split(
        "sitemap",
        &open,
        "</urlset>",
        elements,
        base,
        limits.sitemap_urls,
        limits.sitemap_bytes,
    )
}

/// `news-sitemap.xml`: the entries published in the 48 hours up to `now`
/// (seconds since the epoch), each with its publication, date and title.
pub fn news_sitemap(entries: &[Entry], base: &str, now: i64, limits: Limits) -> io::Result<Files> {
    let mut elements = Vec::new();
    for entry in entries.iter().filter(|e| in_news_window(e, now)) {
        let Some(published) = entry.published.as_deref() else {
            continue;
        };
        let mut w = writer();
        w.create_element("url").write_inner_content(|w| {
            text_element(w, "loc", &entry.url)?;
            w.create_element("news:news").write_inner_content(|w| {
                w.create_element("news:publication")
                    .write_inner_content(|w| {
                        text_element(w, "news:name", &entry.site)?;
                        text_element(w, "news:language", &news_language(&entry.lang))?;
                        Ok::<(), io::Error>(())
                    })?;
                text_element(w, "news:publication_date", published)?;
                text_element(w, "news:title", &entry.title)?;
                Ok::<(), io::Error>(())
            })?;
            Ok::<(), io::Error>(())
        })?;
        elements.push((element_bytes(w), Some(published.to_owned())));
    }
    let open = format!("<urlset xmlns=\"{SITEMAP_NS}\" xmlns:news=\"{NEWS_NS}\">");
    split(
        "news-sitemap",
        &open,
        "</urlset>",
        elements,
        base,
        limits.news_urls,
        limits.sitemap_bytes,
    )
}

/// Whether the entry was published within the window ending at `now`.
pub fn in_news_window(entry: &Entry, now: i64) -> bool {
    entry
        .published
        .as_deref()
        .and_then(epoch_seconds)
        .is_some_and(|t| t <= now && now - t <= NEWS_WINDOW_SECONDS)
}

/// Google News wants an ISO 639 code, and `zh-cn` or `zh-tw` for Chinese.
fn news_language(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let primary = lower.split('-').next().unwrap_or("").to_owned();
    if primary == "zh" {
        let traditional = lower.contains("-hant") || lower.contains("-tw") || lower.contains("-hk");
        return if traditional { "zh-tw" } else { "zh-cn" }.to_owned();
    }
    primary
}

fn element_bytes(w: XmlWriter) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// One file when the elements fit, else parts of at most `max_urls`
/// elements and `max_bytes` bytes under an index.
fn split(
    stem: &str,
    open: &str,
    close: &str,
    elements: Vec<(Vec<u8>, Option<String>)>,
    base: &str,
    max_urls: usize,
    max_bytes: usize,
) -> io::Result<Files> {
    let frame = document(open, close, b"").len();
    let mut parts: Vec<(Vec<u8>, Option<String>)> = Vec::new();
    let mut current: (Vec<u8>, Option<String>) = (Vec::new(), None);
    let mut count = 0;
    for (element, modified) in elements {
        let full = count >= max_urls.max(1) || frame + current.0.len() + element.len() > max_bytes;
        if full && count > 0 {
            parts.push(std::mem::take(&mut current));
            count = 0;
        }
        current.0.extend_from_slice(&element);
        current.1 = newest(current.1.take(), modified);
        count += 1;
    }
    if count > 0 || parts.is_empty() {
        parts.push(current);
    }
    let name = format!("{stem}.xml");
    if parts.len() == 1 {
        let (body, _) = parts.remove(0);
        return Ok(vec![(name, document(open, close, &body))]);
    }
    let mut files = Vec::with_capacity(parts.len() + 1);
    let mut index = writer();
    for (n, (body, modified)) in parts.into_iter().enumerate() {
        let part = format!("{stem}-{}.xml", n + 1);
        index.write_event(Event::Start(BytesStart::new("sitemap")))?;
        text_element(&mut index, "loc", &format!("{base}{part}"))?;
        if let Some(modified) = modified {
            text_element(&mut index, "lastmod", &modified)?;
        }
        index.write_event(Event::End(BytesEnd::new("sitemap")))?;
        index.get_mut().push(b'\n');
        files.push((part, document(open, close, &body)));
    }
    let open_index = format!("<sitemapindex xmlns=\"{SITEMAP_NS}\">");
    files.insert(
        0,
        (
            name,
            document(&open_index, "</sitemapindex>", &index.into_inner()),
        ),
    );
    Ok(files)
}

/// The later of two RFC 3339 times.
fn newest(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => {
            if epoch_seconds(&b) > epoch_seconds(&a) {
                Some(b)
            } else {
                Some(a)
            }
        }
        (a, b) => a.or(b),
    }
}

/// `robots.txt`: crawl everything; here are the sitemaps.
pub fn robots(base: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\nSitemap: {base}news-sitemap.xml\n"
    )
}
