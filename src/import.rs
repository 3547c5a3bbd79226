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
//! What the importer cannot place it keeps as a body paragraph; what it skips
//! (the repeated headline) it skips on purpose and says so in the notes.

#[cfg(feature = "cli")]
pub mod html;
#[cfg(feature = "cli")]
pub mod wordpress;

use crate::model::{
    Article, Block, Follow, Image, LinkItem, Paragraph, ReadAlso, Site, CONTRACT_VERSION,
};

/// Facts the text does not carry.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Canonical article URL. Without it one is guessed from site and title.
    pub url: Option<String>,
}

/// The imported article and what the importer had to guess or skip.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article.
    pub article: Article,
    /// One sentence per guess or deliberate skip, for the user to review.
    pub notes: Vec<String>,
}

/// Why text could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The text has no line that could be a headline.
    NoTitle,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NoTitle => {
                f.write_str("the text has no headline (it is empty or only a site name)")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// One non-blank line, and which blank-line-separated group it belongs to.
struct Line<'a> {
    text: &'a str,
    group: usize,
}

/// Where list lines go once a section heading has been seen.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Body,
    Latest,
    Partners,
}

/// Turns scraped text into an article.
pub fn import_text(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let lines = split_lines(text);
    let mut notes = Vec::new();
    let mut rest = &lines[..];

    let site_domain = match rest.first() {
        Some(first) if looks_like_domain(first.text) && rest.len() > 1 => {
            rest = &rest[1..];
            Some(first.text.trim_end_matches('/').to_owned())
        }
        _ => None,
    };

    let (title_line, after_title) = rest.split_first().ok_or(ImportError::NoTitle)?;
    let title = title_line.text.to_owned();
    rest = after_title;
    let mut last_group = title_line.group;
    if let Some(repeat) = rest.first().filter(|line| same_words(line.text, &title)) {
        notes.push("skipped the repeated headline".to_owned());
        last_group = repeat.group;
        rest = &rest[1..];
    }

    // The caption sits directly under the headline, with no blank line between.
    let mut hero = None;
    if let Some(caption_line) = rest.first().filter(|line| line.group == last_group) {
        let (caption, credit) = split_trailing_parens(caption_line.text, 40);
        hero = Some(Image {
            src: None,
            // The caption describes the photo; an alt repeating it would be read twice.
            alt: String::new(),
            width: None,
            height: None,
            caption: Some(caption.to_owned()),
            credit: credit.map(str::to_owned),
            srcset: Vec::new(),
            formats: Vec::new(),
        });
        notes.push(
            "hero image has a caption but no src; add src and alt to show the photo".to_owned(),
        );
        rest = &rest[1..];
    }

    let mut body = Vec::new();
    let mut editor = None;
    let mut follow = None;
    let mut latest: Option<Vec<LinkItem>> = None;
    let mut partner_links: Option<Vec<LinkItem>> = None;
    let mut section = Section::Body;

    for line in rest {
        let text = line.text;
        if let Some(title) = read_also_title(text) {
            body.push(Block::ReadAlso(ReadAlso {
                title: title.to_owned(),
                url: None,
                image: None,
            }));
        } else if let Some(name) = labelled(text, "editor") {
            editor = Some(name.to_owned());
        } else if follow.is_none() && is_follow_call(text) {
            follow = Some(Follow {
                text: text.to_owned(),
                google_news: None,
                whatsapp_channel: None,
            });
        } else if text.eq_ignore_ascii_case("terkini lainnya") {
            section = Section::Latest;
            latest.get_or_insert_with(Vec::new);
        } else if text.eq_ignore_ascii_case("tautan sahabat") {
            section = Section::Partners;
            partner_links.get_or_insert_with(Vec::new);
        } else {
            match section {
                Section::Body => body.push(Block::Paragraph(Paragraph::plain(text))),
                Section::Latest => latest.get_or_insert_with(Vec::new).push(link_item(text)),
                Section::Partners => partner_links
                    .get_or_insert_with(Vec::new)
                    .push(link_item(text)),
            }
        }
    }

    let source_tag = take_source_tag(&mut body);

    let url = options.url.clone().unwrap_or_else(|| {
        let base = site_domain.as_deref().unwrap_or("example.invalid");
        let guess = format!("https://{base}/{}", slug(&title));
        notes.push(format!(
            "no article URL given; guessed {guess} (pass --url to set it)"
        ));
        guess
    });
    let site = match &site_domain {
        Some(domain) => Site {
            name: domain.clone(),
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

    let article = Article {
        version: CONTRACT_VERSION,
        lang: crate::language::DEFAULT_TAG.to_owned(),
        site,
        url,
        kicker: None,
        title,
        summary: None,
        published: None,
        updated: None,
        authors: Vec::new(),
        editor,
        source_tag,
        hero,
        body,
        follow,
        latest,
        partner_links,
        share: None,
    };
    Ok(Imported { article, notes })
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut group = 0;
    let mut lines = Vec::new();
    for raw in text.lines() {
        let text = raw.trim();
        if text.is_empty() {
            group += 1;
        } else {
            lines.push(Line { text, group });
        }
    }
    lines
}

fn looks_like_domain(text: &str) -> bool {
    let host = text.trim_end_matches('/');
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// Splits "text (CREDIT)" into the text and a short credit. A long or empty
/// parenthesis is part of the sentence, not a credit.
fn split_trailing_parens(text: &str, max_credit_chars: usize) -> (&str, Option<&str>) {
    let Some(inner_and_open) = text.strip_suffix(')') else {
        return (text, None);
    };
    let Some(open) = inner_and_open.rfind('(') else {
        return (text, None);
    };
    let credit = inner_and_open[open + 1..].trim();
    let before = inner_and_open[..open].trim_end();
    if credit.is_empty() || before.is_empty() || credit.chars().count() > max_credit_chars {
        return (text, None);
    }
    (before, Some(credit))
}

/// "Baca juga : X", "Baca Juga: X", "BACA JUGA X", "Baca juga - X" → "X".
fn read_also_title(text: &str) -> Option<&str> {
    let rest = strip_prefix_ignore_case(text, "baca juga")?;
    // "Baca jugaan..." is a word, not the marker.
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let title = rest
        .trim_start()
        .trim_start_matches([':', '-', '–', '—'])
        .trim();
    (!title.is_empty()).then_some(title)
}

/// "Editor : Name" (colon required, spaces optional) → "Name".
fn labelled<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let rest = strip_prefix_ignore_case(text, label)?
        .trim_start()
        .strip_prefix(':')?
        .trim();
    (!rest.is_empty()).then_some(rest)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn is_follow_call(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() < 300
        && (lower.contains("google news")
            || lower.contains("whatsapp channel")
            || lower.contains("saluran whatsapp"))
}

/// A list line: "Title https://…" or just "Title".
fn link_item(text: &str) -> LinkItem {
    let url_start = text
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| text[i..].starts_with("http://") || text[i..].starts_with("https://"));
    match url_start {
        Some(i) => LinkItem {
            title: text[..i]
                .trim()
                .trim_end_matches(['-', '–', '—', '|'])
                .trim()
                .to_owned(),
            url: Some(text[i..].to_owned()),
            published: None,
        },
        None => LinkItem {
            title: text.to_owned(),
            url: None,
            published: None,
        },
    }
}

/// Moves a trailing desk/wire code like "(CNN/Z-3)" off the last paragraph.
fn take_source_tag(body: &mut [Block]) -> Option<String> {
    let Block::Paragraph(last) = body
        .iter_mut()
        .rev()
        .find(|b| matches!(b, Block::Paragraph(_)))?
    else {
        return None;
    };
    let text = last.text.as_deref()?;
    let (before, tag) = split_trailing_parens(text, 20);
    let tag = tag.filter(|tag| is_source_code(tag))?.to_owned();
    last.text = Some(before.to_owned());
    Some(tag)
}

/// Desk codes are short, have no spaces, and carry a slash or capitals: "CNN/Z-3", "Ant", "AFP".
fn is_source_code(tag: &str) -> bool {
    !tag.contains(' ')
        && (tag.contains('/') || tag.chars().filter(char::is_ascii_uppercase).count() >= 2)
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || "/-.&".contains(c))
}

/// Lower-case ASCII words joined by hyphens, for a guessed URL.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
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
    fn read_also_variants() {
        for line in [
            "Baca juga : X Y",
            "Baca Juga: X Y",
            "BACA JUGA X Y",
            "baca juga:X Y",
            "Baca juga - X Y",
            "Baca juga  :  X Y",
        ] {
            assert_eq!(read_also_title(line), Some("X Y"), "{line}");
        }
        assert_eq!(read_also_title("Baca jugaan itu"), None);
        assert_eq!(read_also_title("Baca juga :"), None);
        assert_eq!(read_also_title("Dia baca juga buku"), None);
    }

    #[test]
    fn credits_and_tags() {
        assert_eq!(
            split_trailing_parens("Foto Putin(AFP)", 40),
            ("Foto Putin", Some("AFP"))
        );
        assert_eq!(
            split_trailing_parens("tanpa kredit", 40),
            ("tanpa kredit", None)
        );
        assert_eq!(split_trailing_parens("(AFP)", 40), ("(AFP)", None));
        assert!(is_source_code("CNN/Z-3"));
        assert!(!is_source_code("kata dia"));
        assert_eq!(
            slug("Presiden Rusia: Tiba di Beijing!"),
            "presiden-rusia-tiba-di-beijing"
        );
    }

    #[test]
    fn editor_label_needs_a_colon() {
        assert_eq!(
            labelled("Editor : Thalatie Yani", "editor"),
            Some("Thalatie Yani")
        );
        assert_eq!(labelled("EDITOR:Budi", "editor"), Some("Budi"));
        assert_eq!(labelled("Editornya senang", "editor"), None);
    }
}
