//! Import of a real article page (HTML) into an [`Article`](crate::model::Article).
//!
//! Metadata comes from what the page declares (see [`metadata`]); the body
//! from the main content that a Readability port keeps, walked into the
//! contract's blocks by the page core (`page/blocks.rs`), which also builds
//! the article (`page/assemble.rs`).
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

pub mod metadata;

use self::metadata::page_meta;
use super::page::assemble::assemble;
use super::page::blocks::{image_at, map_blocks};
use super::page::images::img_src;
use super::page::noise::remove_noise;
use super::page::notes::BodyNotes;
use super::page::urls::{resolve_web, strip_query};
use super::page::PageMeta;
pub use super::page::{PageImportError, PageOptions};
use crate::import::outcome::Imported;
use crate::model::Block;

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
