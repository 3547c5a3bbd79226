//! Assembly: the article from the page model and the body blocks, its
//! fields cleaned up (headline, language, site, authors), the hero chosen,
//! then fitted to the contract's limits and validated.

use url::Url;

use super::byline::byline_name;
use super::hero::hero;
use super::limits::{enforce_limits, fit_document_size};
use super::meta::{PageImportError, PageMeta};
use super::text::clean;
use super::urls::{resolve_link, resolve_web};
use crate::import::outcome::Imported;
use crate::model::{validate, Article, Author, Block, Site, CONTRACT_VERSION};

/// Builds the article from metadata and body, applies the contract's
/// limits, and validates. Where both front-ends end.
pub fn assemble(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_and_language_tags() {
        assert_eq!(
            strip_site_suffix("Harga Beras Naik - Kabar Kota", Some("Kabar Kota")),
            "Harga Beras Naik"
        );
        assert_eq!(
            strip_site_suffix("Harga - Beras Naik", Some("Kabar Kota")),
            "Harga - Beras Naik"
        );
        assert_eq!(language_tag("id_ID").as_deref(), Some("id-ID"));
        assert_eq!(language_tag("bahasa"), None);
    }
}
