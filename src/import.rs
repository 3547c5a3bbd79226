//! Import of scraped article text (the shape of `seed/*.txt`) into an
//! [`Article`].
//!
//! The scraped layout, line by line: the site's domain, the headline (often
//! twice), the photo caption ending in its credit in parentheses, the body
//! paragraphs with "Baca juga : <title>" lines between them, the last
//! paragraph ending in a source tag like "(CNN/Z-3)", a "Cek berita ... Google
//! News ... WhatsApp channel" line, "Editor : <name>", then the "Terkini
//! Lainnya" and "Tautan Sahabat" sections.
//!
//! [`import_text`] reads it in named phases, one module each: `lines`
//! splits the text, `head` reads the site, headline and caption, `sections`
//! splits the rest at the section headings, `body` reads the body section
//! (markers count only there), `lists` reads the link lists; then `place`
//! puts the article at a URL and `hold_to_contract` checks it.
//!
//! The output is always valid: what [`import_text`] returns passes
//! [`validate`], and what `import_json` (feature `cli`) returns passes `warta validate`
//! (the contract's rules and its document size). Text that cannot make a
//! valid article is refused with a one-line reason.
//!
//! What the importer cannot place it keeps as a body paragraph; what it skips
//! (the repeated headline) it skips on purpose and says so in the notes.

#[cfg(feature = "cli")]
pub mod html;
#[cfg(feature = "cli")]
mod page;
#[cfg(feature = "cli")]
pub mod wordpress;

mod body;
mod head;
mod lines;
mod lists;
mod sections;

mod outcome;
pub use outcome::{ImportError, ImportOptions, Imported};

use crate::model::limits::MAX_INPUT_BYTES;
use crate::model::{validate, Article, Site, CONTRACT_VERSION};

/// Turns scraped text into an article that passes [`validate`], or says why
/// it cannot.
pub fn import_text(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let mut notes = Vec::new();
    let lines = lines::split_lines(text);
    let head = head::read_head(&lines, &mut notes)?;
    let sections = sections::split_sections(head.rest);
    let body = body::read_body(&sections.body);
    if body.blocks.is_empty() {
        return Err(ImportError::NoBody);
    }
    let latest = sections
        .latest
        .map(|list| lists::link_items(&list, &mut notes));
    let partner_links = sections
        .partners
        .map(|list| lists::link_items(&list, &mut notes));
    let (site, url) = place(head.site_domain, head.title, options, &mut notes);

    let article = Article {
        version: CONTRACT_VERSION,
        lang: crate::language::DEFAULT_TAG.to_owned(),
        site,
        url,
        kicker: None,
        title: head.title.to_owned(),
        summary: None,
        published: None,
        updated: None,
        authors: Vec::new(),
        editor: body.editor,
        source_tag: body.source_tag,
        hero: head.hero,
        body: body.blocks,
        follow: body.follow,
        latest,
        partner_links,
        share: None,
    };
    hold_to_contract(article, notes)
}

/// [`import_text`], then the article as `warta import` prints it, checked
/// the way `warta validate` checks it (so the document size counts too).
#[cfg(feature = "cli")]
pub fn import_json(text: &str, options: &ImportOptions) -> Result<(String, Imported), ImportError> {
    let imported = import_text(text, options)?;
    let json = crate::json::to_pretty_json(&imported.article);
    crate::model::read_article(&json).map_err(ImportError::Invalid)?;
    Ok((json, imported))
}

/// Phase: where the article lives. The site from its domain line, the URL
/// from the options or guessed from site and headline.
fn place(
    site_domain: Option<&str>,
    title: &str,
    options: &ImportOptions,
    notes: &mut Vec<String>,
) -> (Site, String) {
    let url = options.url.clone().unwrap_or_else(|| {
        let base = site_domain.unwrap_or("example.invalid");
        let guess = format!("https://{base}/{}", lists::slug(title));
        notes.push(format!(
            "no article URL given; guessed {guess} (pass --url to set it)"
        ));
        guess
    });
    let site = match site_domain {
        Some(domain) => Site {
            name: domain.to_owned(),
            url: Some(format!("https://{domain}/")),
        },
        None => {
            notes.push("no site line found; site.name is a placeholder".to_owned());
            Site {
                name: "Situs tanpa nama".to_owned(),
                url: None,
            }
        }
    };
    (site, url)
}

/// Phase: the contract's rules and limits. The phases above only make what
/// the contract allows; this is the guarantee, and the reason when a field
/// is over its limit or `--url` is not a web link.
fn hold_to_contract(article: Article, notes: Vec<String>) -> Result<Imported, ImportError> {
    let problems = validate(&article);
    if problems.is_empty() {
        Ok(Imported { article, notes })
    } else {
        Err(ImportError::Invalid(problems))
    }
}
