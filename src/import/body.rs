//! Phase 4: the body section: paragraphs, "Baca juga" cards, the editor
//! line, the follow call-to-action at its end, the source tag closing the
//! last paragraph.

use super::head::split_trailing_parens;
use crate::model::{Block, Follow, Paragraph, ReadAlso};

/// What the body section holds.
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub editor: Option<String>,
    pub follow: Option<Follow>,
    pub source_tag: Option<String>,
}

pub(super) fn read_body(lines: &[&str]) -> Body {
    let follow_at = follow_call_position(lines);
    let mut body = Body {
        blocks: Vec::new(),
        editor: None,
        follow: None,
        source_tag: None,
    };
    for (i, &text) in lines.iter().enumerate() {
        if let Some(title) = read_also_title(text) {
            body.blocks.push(Block::ReadAlso(ReadAlso {
                title: title.to_owned(),
                url: None,
                image: None,
            }));
        } else if let Some(name) = labelled(text, "editor") {
            body.editor = Some(name.to_owned());
        } else if Some(i) == follow_at {
            body.follow = Some(Follow {
                text: text.to_owned(),
                google_news: None,
                whatsapp_channel: None,
            });
        } else {
            body.blocks.push(Block::Paragraph(Paragraph::plain(text)));
        }
    }
    body.source_tag = take_source_tag(&mut body.blocks);
    body
}

/// The call-to-action closes the body: the last line that is not the
/// editor's, naming a follow channel, short, and not the last paragraph
/// (which ends in a desk code). A paragraph mentioning Google News in the
/// middle of the text stays a paragraph.
fn follow_call_position(lines: &[&str]) -> Option<usize> {
    let (i, text) = lines
        .iter()
        .enumerate()
        .rev()
        .find(|(_, text)| labelled(text, "editor").is_none())?;
    let ends_in_source_tag = split_trailing_parens(text, 20)
        .1
        .is_some_and(is_source_code);
    (is_follow_call(text) && read_also_title(text).is_none() && !ends_in_source_tag).then_some(i)
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
    fn source_tags() {
        assert!(is_source_code("CNN/Z-3"));
        assert!(!is_source_code("kata dia"));
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

    #[test]
    fn the_call_to_action_is_the_closing_line_only() {
        let cta = "Cek berita lain di Google News";
        assert_eq!(follow_call_position(&["Isi.", cta, "Editor : B"]), Some(1));
        assert_eq!(follow_call_position(&["Isi.", cta]), Some(1));
        assert_eq!(follow_call_position(&[cta, "Isi."]), None);
        assert_eq!(
            follow_call_position(&["Isi.", "Dia membaca Google News. (Ant/X-1)"]),
            None
        );
        assert_eq!(follow_call_position(&["Editor : B"]), None);
    }
}
