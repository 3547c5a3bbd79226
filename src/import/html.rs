//! Import of a real article page (HTML) into an [`Article`].
//!
//! Metadata comes from what the page declares (see [`metadata`]); the body
//! from the main content that a Readability port keeps, walked into the
//! contract's blocks (`html/blocks.rs`).
//!
//! The Readability port is `dom_smoothie`. Of the Rust ports: `readability`
//! (kumabook) ports arc90's original scorer, and its fork `readability-rs`
//! works towards Mozilla's test suite from that code; `readable-rs`,
//! `readabilityrs` and `legible` are young 0.1–0.4 releases. `dom_smoothie` follows
//! readability.js step by step, runs Mozilla's own test pages as its test
//! suite, has had about twenty releases since December 2024 and is used by
//! other crates. Its DOM (`dom_query`) is the one the importer walks, so
//! the page is parsed once.

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

mod blocks;
pub mod metadata;
pub(super) mod text;

use self::blocks::{image_at, img_src, remove_noise};
pub(super) use self::blocks::{map_blocks, BodyNotes};
use self::metadata::{page_meta, MetaImage, PageMeta};
use self::text::{clean, truncate_chars};
use crate::import::Imported;
use crate::model::limits::{
    MAX_BLOCKS, MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_TEXT_CHARS, MAX_URL_CHARS,
};
use crate::model::{validate, Article, Author, Block, Image, Problem, Site, CONTRACT_VERSION};

/// Facts the page may not carry.
#[derive(Clone, Debug, Default)]
pub struct PageOptions {
    /// Canonical article URL; wins over what the page declares.
    pub url: Option<String>,
}

/// Why a page could not become a valid article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageImportError {
    /// No canonical URL in the page and none given.
    NoUrl,
    /// No headline anywhere.
    NoTitle,
    /// No article text found.
    NoBody,
    /// The input is not what the importer reads (bad JSON, not a post).
    Unreadable(String),
    /// The result still breaks the contract; one entry per problem.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for PageImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoUrl => f.write_str(
                "the page declares no canonical URL (JSON-LD url, og:url or <link rel=canonical>); pass --url",
            ),
            Self::NoTitle => f.write_str("the page has no headline (JSON-LD, og:title, <h1> or <title>)"),
            Self::NoBody => f.write_str("no article text found in the page"),
            Self::Unreadable(why) => f.write_str(why),
            Self::Invalid(problems) => {
                f.write_str("the imported article is not valid: ")?;
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("; "))
            }
        }
    }
}

impl std::error::Error for PageImportError {}

/// Turns an article page into an article.
pub fn import_html(html: &str, options: &PageOptions) -> Result<Imported, PageImportError> {
    let doc = Document::from(html);
    let meta = page_meta(&doc);
    let mut notes = Vec::new();
    let url = article_url(&meta, options, &mut notes)?;
    let base = base_url(&meta, &url);
    let mut body_notes = BodyNotes::default();
    // The lead photo often sits outside the block Readability keeps; find
    // it first, for its alt, caption and credit.
    let lead = meta
        .image
        .as_ref()
        .and_then(|image| resolve_web(&base, &image.src))
        .and_then(|src| {
            let img = doc
                .select("img")
                .nodes()
                .iter()
                .find(|img| {
                    img_src(img, &base).is_some_and(|s| strip_query(&s) == strip_query(&src))
                })
                .copied()?;
            image_at(&img, &base, meta.title.as_deref(), &mut body_notes)
        });

    remove_noise(&doc);
    // Readability rewrites the DOM it is given; metadata was read first.
    let config = Config {
        // Classes let the block walker spot credits, ads and share widgets
        // that survive extraction.
        keep_classes: true,
        ..Config::default()
    };
    let extracted = Readability::with_document(doc, Some(base.as_str()), Some(config))
        .and_then(|mut readability| readability.parse());
    let (content, byline, fallback_title) = match extracted {
        Ok(article) => (
            Document::from(article.content.as_ref()),
            article.byline,
            Some(article.title).filter(|t| !t.trim().is_empty()),
        ),
        Err(error) => {
            notes.push(format!(
                "the main content could not be found ({error}); used the whole <article> or <body>"
            ));
            (Document::from(html), None, None)
        }
    };
    let root = content
        .select("article")
        .nodes()
        .first()
        .copied()
        .or_else(|| content.body())
        .unwrap_or_else(|| content.root());
    let title_hint = meta.title.clone().or(fallback_title.clone());
    let mut body = map_blocks(&root, &base, title_hint.as_deref(), &mut body_notes);
    if let Some(lead) = lead {
        let in_body = body
            .iter()
            .any(|b| matches!(b, Block::Image(i) if i.src == lead.src));
        if !in_body {
            // Placed first, `hero` merges it with the declared picture.
            body.insert(0, Block::Image(lead));
        }
    }
    body_notes.into_notes(&mut notes);

    assemble(meta, url, base, body, byline, fallback_title, notes)
}

/// The canonical URL: `--url`, else what the page declares.
fn article_url(
    meta: &PageMeta,
    options: &PageOptions,
    notes: &mut Vec<String>,
) -> Result<Url, PageImportError> {
    let declared = meta.url.as_deref().and_then(|u| {
        let base = options.url.as_deref().and_then(|b| Url::parse(b).ok());
        Url::options().base_url(base.as_ref()).parse(u).ok()
    });
    let given = options.url.as_deref().and_then(|u| Url::parse(u).ok());
    if let Some(raw) = &options.url {
        if given.is_none() {
            notes.push(format!("--url {raw} is not an absolute URL; ignored"));
        }
    }
    let url = match (given, declared) {
        (Some(given), Some(declared)) => {
            if given != declared {
                notes.push(format!(
                    "the page declares {declared} as its URL; used --url {given}"
                ));
            }
            given
        }
        (Some(given), None) => given,
        (None, Some(declared)) => {
            if let Some(source) = meta.source_of("url") {
                if source == "the document" {
                    notes.push("article URL taken from the canonical link".to_owned());
                }
            }
            declared
        }
        (None, None) => return Err(PageImportError::NoUrl),
    };
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(PageImportError::NoUrl);
    }
    Ok(url)
}

/// Relative links resolve against `<base href>` (itself relative to the
/// page), else the article URL.
fn base_url(meta: &PageMeta, url: &Url) -> Url {
    meta.base
        .as_deref()
        .and_then(|b| url.join(b).ok())
        .filter(|b| matches!(b.scheme(), "http" | "https"))
        .unwrap_or_else(|| url.clone())
}

/// Builds the article from metadata and body, applies the contract's
/// limits, and validates. Shared with the WordPress importer.
pub(super) fn assemble(
    meta: PageMeta,
    url: Url,
    base: Url,
    mut body: Vec<Block>,
    byline: Option<String>,
    fallback_title: Option<String>,
    mut notes: Vec<String>,
) -> Result<Imported, PageImportError> {
    let resolve = |raw: &str| resolve_web(&base, raw);

    let title = match (&meta.title, meta.source_of("title")) {
        (Some(title), Some("the document")) => {
            notes.push(
                "headline taken from the page's <h1> or <title> (no JSON-LD or og:title)"
                    .to_owned(),
            );
            strip_site_suffix(title, meta.site_name.as_deref())
        }
        (Some(title), _) => strip_site_suffix(title, meta.site_name.as_deref()),
        (None, _) => match fallback_title {
            Some(title) => {
                notes.push("headline guessed by the content extractor".to_owned());
                clean(&title)
            }
            None => return Err(PageImportError::NoTitle),
        },
    };

    // "Headline | Author Name", as some papers write og:title.
    let title = meta
        .authors
        .iter()
        .find_map(|author| {
            [" | ", " - ", " – ", " — "].iter().find_map(|sep| {
                let (head, tail) = title.rsplit_once(sep)?;
                (tail.trim() == author.name && !head.trim().is_empty())
                    .then(|| head.trim().to_owned())
            })
        })
        .unwrap_or(title);

    let lang = match meta.lang.as_deref().and_then(language_tag) {
        Some(tag) => tag,
        None => {
            notes.push(format!(
                "the page declares no language; assumed \"{}\"",
                crate::language::DEFAULT_TAG
            ));
            crate::language::DEFAULT_TAG.to_owned()
        }
    };

    let site_name = match meta.site_name.clone() {
        Some(name) => name,
        None => {
            let host = url.host_str().unwrap_or_default();
            let host = host.strip_prefix("www.").unwrap_or(host).to_owned();
            notes.push(format!("site name guessed from the URL's host: {host}"));
            host
        }
    };
    let site_url = meta
        .site_url
        .as_deref()
        .and_then(resolve)
        .or_else(|| Some(url.join("/").ok()?.to_string()));

    let mut authors: Vec<Author> = meta
        .authors
        .iter()
        .map(|a| Author {
            name: a.name.clone(),
            url: a.url.as_deref().and_then(|u| resolve_link(&base, u)),
        })
        .collect();
    if authors.is_empty() {
        if let Some(name) = byline.as_deref().and_then(byline_name) {
            notes.push(format!("author guessed from the byline: {name}"));
            authors.push(Author { name, url: None });
        }
    }

    if meta.published.is_none() {
        notes.push("no publication time with a UTC offset found; `published` left out".to_owned());
    }

    let hero = hero(meta.image.as_ref(), &mut body, &base, &title, &mut notes);

    if body.is_empty() {
        return Err(PageImportError::NoBody);
    }

    let mut article = Article {
        version: CONTRACT_VERSION,
        lang,
        site: Site {
            name: site_name,
            url: site_url,
        },
        url: url.to_string(),
        kicker: meta.kicker.clone(),
        title,
        summary: meta.summary.clone(),
        published: meta.published.clone(),
        updated: meta.updated.clone(),
        authors,
        editor: None,
        source_tag: None,
        hero,
        body,
        follow: None,
        latest: None,
        partner_links: None,
        share: None,
    };
    enforce_limits(&mut article, &mut notes);
    fit_document_size(&mut article, &mut notes);
    let problems = validate(&article);
    if problems.is_empty() {
        Ok(Imported { article, notes })
    } else {
        Err(PageImportError::Invalid(problems))
    }
}

/// The hero: the picture the page declares, or the body's leading photo.
/// A body photo that repeats the hero is dropped, its caption kept.
fn hero(
    declared: Option<&MetaImage>,
    body: &mut Vec<Block>,
    base: &Url,
    title: &str,
    notes: &mut Vec<String>,
) -> Option<Image> {
    let declared_src = declared.and_then(|d| resolve_web(base, &d.src));
    let same = |a: &str, b: &str| strip_query(a) == strip_query(b);
    let repeat = body.iter().position(|block| match (block, &declared_src) {
        (Block::Image(img), Some(src)) => img.src.as_deref().is_some_and(|s| same(s, src)),
        // Without a declared picture, a photo before any text is the lead photo.
        (Block::Image(img), None) => img.src.is_some(),
        _ => false,
    });
    let leading = repeat.filter(|&i| {
        declared_src.is_some() || body[..i].iter().all(|b| !matches!(b, Block::Paragraph(_)))
    });
    let from_body = leading.and_then(|i| match body.remove(i) {
        Block::Image(img) => Some(img),
        // `position` matched an image; anything else goes back untouched.
        other => {
            body.insert(i, other);
            None
        }
    });
    match (declared, declared_src, from_body) {
        (Some(d), Some(src), body_image) => {
            let body_image = body_image.unwrap_or(Image {
                src: None,
                alt: String::new(),
                width: None,
                height: None,
                caption: None,
                credit: None,
                srcset: Vec::new(),
                formats: Vec::new(),
            });
            let alt = d
                .alt
                .clone()
                .filter(|a| !a.is_empty())
                .or_else(|| Some(body_image.alt.clone()).filter(|a| !a.is_empty()))
                .unwrap_or_else(|| {
                    notes.push("hero image has no alt text; used the headline".to_owned());
                    title.to_owned()
                });
            let (width, height) = match (d.width, d.height) {
                (Some(w), Some(h)) => (Some(w), Some(h)),
                _ => (body_image.width, body_image.height),
            };
            let (width, height) = if width.is_some() && height.is_some() {
                (width, height)
            } else {
                (None, None)
            };
            Some(Image {
                src: Some(src),
                alt,
                width,
                height,
                caption: d.caption.clone().or(body_image.caption),
                credit: body_image.credit,
                srcset: body_image.srcset,
                formats: Vec::new(),
            })
        }
        (_, _, Some(image)) => {
            notes.push(
                "the page declares no share image; the first photo became the hero".to_owned(),
            );
            Some(image)
        }
        _ => None,
    }
}

fn strip_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// "Headline - Site" or "Headline | Site" → "Headline", when the tail is the site.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let (tail, lower_site) = (
                tail.trim().to_lowercase(),
                site.unwrap_or_default().trim().to_lowercase(),
            );
            // "| Aktuálně.cz" for "Aktuálně.cz - Víte, co…"; "- Spiceworks" for "Spiceworks Inc".
            let is_site = (!lower_site.is_empty()
                && (lower_site.starts_with(&tail) || tail.starts_with(&lower_site)))
                || (tail.contains('.') && !tail.contains(' '));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// "Oleh: Name", "By Name", "Penulis : Name", "Name | Selasa, 12 Maret
/// 2024 09:15 WIB" → "Name".
fn byline_name(byline: &str) -> Option<String> {
    let text = clean(byline);
    let text = without_dateline(&text).to_owned();
    // ASCII lower case keeps byte offsets, so `text` can be cut where `lower` matched.
    let lower = text.to_ascii_lowercase();
    let mut rest = text.as_str();
    for prefix in ["oleh", "by", "penulis", "reporter", "written by"] {
        if lower.starts_with(prefix) {
            let after = &text[prefix.len()..];
            if after.starts_with([' ', ':']) {
                rest = after.trim_start_matches([' ', ':']);
                break;
            }
        }
    }
    let name = rest.trim();
    (!name.is_empty() && name.chars().count() <= 120).then(|| name.to_owned())
}

/// A byline without the date written before or after the name: only a part
/// made wholly of date words (and holding a digit) is taken off, so a
/// name, or a site after the name, is never lost.
fn without_dateline(byline: &str) -> &str {
    let mut cuts: Vec<(usize, usize)> = [" | ", " - ", " – ", " — ", " · ", " • ", " / ", ", "]
        .iter()
        .flat_map(|sep| byline.match_indices(sep))
        .map(|(at, sep)| (at, at + sep.len()))
        .collect();
    cuts.sort_unstable();
    let named = |part: &str| !part.trim().is_empty();
    // The earliest cut with only a date after it; else the latest with only a date before.
    if let Some(&(at, _)) = cuts
        .iter()
        .find(|&&(at, end)| is_dateline(&byline[end..]) && named(&byline[..at]))
    {
        return byline[..at].trim();
    }
    if let Some(&(_, end)) = cuts
        .iter()
        .rev()
        .find(|&&(at, end)| is_dateline(&byline[..at]) && named(&byline[end..]))
    {
        return byline[end..].trim();
    }
    byline
}

/// "Selasa, 12 Maret 2024 09:15 WIB", "12/03/2024", "March 12, 2024 at 9:15 am".
fn is_dateline(text: &str) -> bool {
    // Days, months and their short forms (Indonesian, English), time zones, lead-ins.
    const WORDS: &str = "senin selasa rabu kamis jumat jum'at sabtu minggu ahad \
        monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun \
        januari februari maret april mei juni juli agustus september oktober november desember \
        january february march may june july august october december \
        jan feb mar apr jun jul agu agt aug sep sept okt oct nov des dec \
        wib wita wit utc gmt pukul jam at on am pm published updated diterbitkan diperbarui";
    let lower = text.to_lowercase();
    let is_date_word = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        word.is_empty()
            || word.chars().all(|c| c.is_ascii_digit() || ":./-".contains(c))
            || WORDS.split_whitespace().any(|w| w == word)
            // "12th"
            || ["st", "nd", "rd", "th"].iter().any(|s| {
                word.strip_suffix(s)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    lower.contains(|c: char| c.is_ascii_digit()) && lower.split_whitespace().all(is_date_word)
}

/// A BCP 47-ish tag from what pages write (`id_ID`, `en-US`, `id`).
fn language_tag(raw: &str) -> Option<String> {
    let tag = raw.trim().replace('_', "-");
    let valid = !tag.is_empty()
        && tag.len() <= 35
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && tag
            .split('-')
            .next()
            .is_some_and(|p| (2..=3).contains(&p.len()));
    valid.then_some(tag)
}

/// A link as http(s), resolved against the base; `None` for any other scheme.
pub(super) fn resolve_web(base: &Url, raw: &str) -> Option<String> {
    let url = base.join(raw.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
        .then(|| url.to_string())
        .filter(|u| u.len() <= MAX_URL_CHARS)
}

/// Like [`resolve_web`] but also keeps `mailto:` (for text links and authors).
pub(super) fn resolve_link(base: &Url, raw: &str) -> Option<String> {
    let url = base.join(raw.trim()).ok()?;
    if url.scheme() == "mailto" {
        return (!url.path().is_empty() && url.as_str().len() <= MAX_URL_CHARS)
            .then(|| url.to_string());
    }
    resolve_web(base, raw)
}

/// Cuts what the contract's limits refuse, with a note, so that a huge page
/// still yields a valid (shortened) article.
fn enforce_limits(article: &mut Article, notes: &mut Vec<String>) {
    if article.body.len() > MAX_BLOCKS {
        notes.push(format!(
            "the body had {} blocks; kept the first {MAX_BLOCKS}",
            article.body.len()
        ));
        article.body.truncate(MAX_BLOCKS);
    }
    if article.authors.len() > MAX_LIST_ITEMS {
        article.authors.truncate(MAX_LIST_ITEMS);
        notes.push(format!("kept the first {MAX_LIST_ITEMS} authors"));
    }
    let mut cut = 0;
    let mut cut_text = |text: &mut String| {
        if truncate_chars(text, MAX_TEXT_CHARS) {
            cut += 1;
        }
    };
    cut_text(&mut article.title);
    for field in [&mut article.summary, &mut article.kicker]
        .into_iter()
        .flatten()
    {
        cut_text(field);
    }
    for author in &mut article.authors {
        cut_text(&mut author.name);
    }
    let cut_image = |image: &mut Image, cut_text: &mut dyn FnMut(&mut String)| {
        cut_text(&mut image.alt);
        for field in [&mut image.caption, &mut image.credit]
            .into_iter()
            .flatten()
        {
            cut_text(field);
        }
    };
    if let Some(hero) = &mut article.hero {
        cut_image(hero, &mut cut_text);
    }
    for block in &mut article.body {
        match block {
            Block::Paragraph(p) => {
                if let Some(text) = &mut p.text {
                    cut_text(text);
                }
                if p.inlines.len() > MAX_LIST_ITEMS {
                    // Too many styled runs: keep the words, drop the styling.
                    let text: String = p.inlines.iter().map(|r| r.text.as_str()).collect();
                    p.inlines.clear();
                    let mut text = text;
                    cut_text(&mut text);
                    p.text = Some(text);
                }
                for run in &mut p.inlines {
                    cut_text(&mut run.text);
                }
            }
            Block::ReadAlso(card) => cut_text(&mut card.title),
            Block::Heading(h) => cut_text(&mut h.text),
            Block::Quote(q) => {
                cut_text(&mut q.text);
                if let Some(cite) = &mut q.cite {
                    cut_text(cite);
                }
            }
            Block::Image(image) => cut_image(image, &mut cut_text),
        }
    }
    if cut > 0 {
        notes.push(format!(
            "{cut} text field(s) were longer than {MAX_TEXT_CHARS} characters and were cut"
        ));
    }
}

/// Drops blocks from the end until the printed JSON fits the largest
/// document `warta validate` reads ([`MAX_INPUT_BYTES`]).
fn fit_document_size(article: &mut Article, notes: &mut Vec<String>) {
    let size = |a: &Article| crate::json::to_pretty_json(a).len();
    let mut bytes = size(article);
    if bytes <= MAX_INPUT_BYTES {
        return;
    }
    let before = article.body.len();
    while bytes > MAX_INPUT_BYTES && article.body.len() > 1 {
        // Cut in proportion to the excess (at least one block), then measure again.
        let keep = article.body.len() * MAX_INPUT_BYTES / bytes;
        let keep = keep.clamp(1, article.body.len() - 1);
        article.body.truncate(keep);
        bytes = size(article);
    }
    notes.push(format!(
        "the article was larger than {MAX_INPUT_BYTES} bytes of JSON; kept the first {} of {before} blocks",
        article.body.len()
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_and_bylines() {
        assert_eq!(
            strip_site_suffix("Harga Beras Naik - Kabar Kota", Some("Kabar Kota")),
            "Harga Beras Naik"
        );
        assert_eq!(
            strip_site_suffix("Harga - Beras Naik", Some("Kabar Kota")),
            "Harga - Beras Naik"
        );
        assert_eq!(
            byline_name("Oleh: Rina Wulandari").as_deref(),
            Some("Rina Wulandari")
        );
        assert_eq!(byline_name("By Jane Doe").as_deref(), Some("Jane Doe"));
        // Letters whose lower case is longer must not shift the cut.
        assert_eq!(byline_name("İİ by x").as_deref(), Some("İİ by x"));
        assert_eq!(language_tag("id_ID").as_deref(), Some("id-ID"));
        assert_eq!(language_tag("bahasa"), None);
    }

    #[test]
    fn bylines_lose_their_dateline() {
        for (byline, name) in [
            (
                "Rina Kurniasih | Selasa, 12 Maret 2024 09:15 WIB",
                "Rina Kurniasih",
            ),
            ("Rina Kurniasih - Selasa, 12 Maret 2024", "Rina Kurniasih"),
            (
                "Oleh Rina Kurniasih · 12/03/2024 09.15 WIB",
                "Rina Kurniasih",
            ),
            ("By Jane Doe — March 12, 2024 at 9:15 am", "Jane Doe"),
            (
                "Kamis, 16 Mei 2024 07:12 WIB | Oleh: Rina, Dimas",
                "Rina, Dimas",
            ),
            ("Rina, Dimas, Selasa 12 Maret 2024", "Rina, Dimas"),
            // Not a date: nothing is taken off.
            ("Rina Kurniasih - Kabar Kota", "Rina Kurniasih - Kabar Kota"),
            ("Tim Liputan 6", "Tim Liputan 6"),
        ] {
            assert_eq!(byline_name(byline).as_deref(), Some(name), "{byline}");
        }
    }
}
