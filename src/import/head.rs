//! Phase 2: the head of the text: the site's domain line, the headline (and
//! its repeat), the photo caption under it.

use super::lines::Line;
use super::outcome::ImportError;
use crate::model::Image;

/// What the head holds, and the lines after it.
pub(super) struct Head<'t, 'l> {
    pub site_domain: Option<&'t str>,
    pub title: &'t str,
    pub hero: Option<Image>,
    pub rest: &'l [Line<'t>],
}

pub(super) fn read_head<'t, 'l>(
    lines: &'l [Line<'t>],
    notes: &mut Vec<String>,
) -> Result<Head<'t, 'l>, ImportError> {
    let mut rest = lines;
    // A lone domain line is the headline, not a site.
    let site_domain = match rest {
        [first, _, ..] if looks_like_domain(first.text) => {
            rest = &rest[1..];
            Some(first.text.trim_end_matches('/'))
        }
        _ => None,
    };

    let (title_line, after_title) = rest.split_first().ok_or(ImportError::NoTitle)?;
    let title = title_line.text;
    rest = after_title;
    let mut last_group = title_line.group;
    if let Some(repeat) = rest.first().filter(|line| same_words(line.text, title)) {
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
    Ok(Head {
        site_domain,
        title,
        hero,
        rest,
    })
}

/// A host name a browser accepts: dot-separated labels of letters, digits
/// and inner hyphens, at most 253 characters, ending in a name (not a
/// number); a trailing `/` is allowed. It becomes `https://<domain>/`.
pub(super) fn looks_like_domain(text: &str) -> bool {
    let host = text.trim_end_matches('/');
    let labels: Vec<&str> = host.split('.').collect();
    host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.bytes().any(|b| b.is_ascii_alphabetic()))
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// Splits "text (CREDIT)" into the text and a short credit. A long or empty
/// parenthesis is part of the sentence, not a credit.
pub(super) fn split_trailing_parens(text: &str, max_credit_chars: usize) -> (&str, Option<&str>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert_eq!(
            split_trailing_parens("Foto Putin(AFP)", 40),
            ("Foto Putin", Some("AFP"))
        );
        assert_eq!(
            split_trailing_parens("tanpa kredit", 40),
            ("tanpa kredit", None)
        );
        assert_eq!(split_trailing_parens("(AFP)", 40), ("(AFP)", None));
    }

    #[test]
    fn domains_a_browser_accepts() {
        for ok in [
            "visitaaponce.com",
            "mediaindonesia.com/",
            "a-b.co.id",
            "x1.id",
        ] {
            assert!(looks_like_domain(ok), "{ok}");
        }
        let too_long = format!("{}.com", "a.".repeat(130));
        for bad in [
            ".",
            "-",
            "a.",
            ".a",
            "-a.com",
            "a-.com",
            "a..com",
            "1.5",
            "localhost",
            "a b.com",
            "https://a.com",
            &too_long,
        ] {
            assert!(!looks_like_domain(bad), "{bad}");
        }
    }
}
