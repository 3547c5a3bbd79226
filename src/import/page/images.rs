//! Pictures in the body: the file an `<img>` shows (lazy-loading
//! attributes, `srcset`, `<picture>` formats), its size and alt text, and
//! the caption and photo credit of its figure.

use dom_query::NodeRef;
use url::Url;

use super::dom::name_of;
use super::notes::BodyNotes;
use super::text::clean;
use super::urls::resolve_web;
use crate::model::{Image, ImageCandidate, ImageFormat};

/// The image file an `<img>` shows: `src`, or the lazy-loading attribute
/// that holds the real file while `src` is a placeholder.
pub fn img_src(img: &NodeRef, base: &Url) -> Option<String> {
    ["src", "data-src", "data-lazy-src", "data-original"]
        .iter()
        .filter_map(|a| img.attr(a))
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty() && !v.starts_with("data:"))
        .and_then(|v| resolve_web(base, &v))
}

/// An image from `<img>` (or `<picture>`), with the figure's caption.
pub fn image(
    node: &NodeRef,
    caption_node: Option<&NodeRef>,
    base: &Url,
    title: Option<&str>,
    notes: &mut BodyNotes,
) -> Option<Image> {
    let img = if name_of(node) == "img" {
        *node
    } else {
        node.descendants_it()
            .find(|d| d.is_element() && name_of(d) == "img")?
    };
    let src = img_src(&img, base);
    let (caption, credit) = match caption_node {
        Some(c) => caption_and_credit(c, notes),
        None => (None, None),
    };
    let Some(src) = src else {
        notes.images_without_src += 1;
        return None;
    };
    let number = |name: &str| {
        img.attr(name)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v > 0)
    };
    let (width, height) = match (number("width"), number("height")) {
        (Some(w), Some(h)) => (Some(w), Some(h)),
        _ => (None, None),
    };
    let srcset = img
        .attr("srcset")
        .or_else(|| img.attr("data-srcset"))
        .map(|s| srcset(base, &s))
        .unwrap_or_default();
    let formats = picture_formats(&img, base);
    let alt = match img.attr("alt").map(|a| clean(&a)).filter(|a| !a.is_empty()) {
        Some(alt) => alt,
        None => match &caption {
            Some(caption) => {
                notes.alt_from_caption += 1;
                caption.clone()
            }
            None => {
                notes.alt_from_title += 1;
                title.map_or_else(|| "Foto".to_owned(), str::to_owned)
            }
        },
    };
    Some(Image {
        src: Some(src),
        alt,
        width,
        height,
        caption,
        credit,
        srcset,
        formats,
    })
}

/// The caption text, and the credit: an element marked as one, or a
/// trailing "(ANTARA/Foto)" or "Foto: Name".
fn caption_and_credit(node: &NodeRef, notes: &mut BodyNotes) -> (Option<String>, Option<String>) {
    let mut credit = None;
    let mut caption = String::new();
    for d in node.children_it(false) {
        let names = format!(
            "{} {}",
            d.attr("class").unwrap_or_default(),
            d.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let is_credit = d.is_element()
            && names.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "credit" | "credits" | "copyright" | "photographer" | "source" | "author"
                )
            });
        if is_credit {
            let text = clean(&d.text());
            if !text.is_empty() {
                credit = Some(strip_credit_label(&text));
            }
        } else {
            caption.push_str(&d.text());
            caption.push(' ');
        }
    }
    let mut caption = clean(&caption);
    if credit.is_none() {
        if let Some((before, found)) = trailing_credit(&caption) {
            notes.credits_guessed += 1;
            credit = Some(found);
            caption = before;
        }
    }
    (
        (!caption.is_empty()).then_some(caption),
        credit.filter(|c| !c.is_empty()),
    )
}

/// "Foto: Name" / "Photo by Name" → "Name".
fn strip_credit_label(text: &str) -> String {
    // ASCII lower case keeps byte offsets (labels are ASCII).
    let lower = text.to_ascii_lowercase();
    for label in [
        "foto:",
        "photo:",
        "photo by",
        "foto oleh",
        "credit:",
        "kredit:",
        "sumber:",
    ] {
        if lower.starts_with(label) {
            return clean(&text[label.len()..]);
        }
    }
    text.trim_matches(['(', ')']).trim().to_owned()
}

/// "Caption (ANTARA/Foto)" or "Caption. Foto: Name" → (caption, credit).
fn trailing_credit(caption: &str) -> Option<(String, String)> {
    if let Some(inner) = caption.strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let credit = inner[open + 1..].trim();
            let before = inner[..open].trim_end();
            if !credit.is_empty() && !before.is_empty() && credit.chars().count() <= 60 {
                return Some((before.to_owned(), strip_credit_label(credit)));
            }
        }
    }
    let lower = caption.to_ascii_lowercase();
    for label in ["foto:", "photo:", "foto :", "photo :"] {
        if let Some(at) = lower.rfind(label) {
            let credit = clean(&caption[at + label.len()..]);
            let before = caption[..at]
                .trim_end_matches([' ', '|', '-', '–', '—'])
                .trim();
            if !credit.is_empty() && credit.chars().count() <= 60 {
                return Some((before.to_owned(), credit));
            }
        }
    }
    None
}

/// `<picture><source type="image/avif" srcset="…">…<img></picture>`: the
/// modern formats offered before the `<img>` fallback, each type once.
fn picture_formats(img: &NodeRef, base: &Url) -> Vec<ImageFormat> {
    let Some(picture) = img.parent().filter(|p| name_of(p) == "picture") else {
        return Vec::new();
    };
    let mut formats: Vec<ImageFormat> = Vec::new();
    for source in picture.element_children() {
        if name_of(&source) != "source" {
            continue;
        }
        let Some(media_type) = source.attr("type").map(|t| t.trim().to_ascii_lowercase()) else {
            continue;
        };
        // Art direction (`media=`) shows another crop, not the same picture.
        if !media_type.starts_with("image/") || source.has_attr("media") {
            continue;
        }
        let files = source
            .attr("srcset")
            .or_else(|| source.attr("data-srcset"))
            .map(|s| srcset(base, &s))
            .unwrap_or_default();
        if !files.is_empty() && formats.iter().all(|f| f.media_type != media_type) {
            formats.push(ImageFormat {
                media_type,
                srcset: files,
            });
        }
    }
    formats
}

/// `srcset="a.jpg 480w, b.jpg 800w"` → candidates with widths; density
/// descriptors and repeated widths are left out.
fn srcset(base: &Url, value: &str) -> Vec<ImageCandidate> {
    let mut out: Vec<ImageCandidate> = Vec::new();
    for entry in value.split(", ") {
        let mut parts = entry.split_whitespace();
        let (Some(url), Some(descriptor)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(width) = descriptor
            .strip_suffix('w')
            .and_then(|w| w.parse::<u32>().ok())
            .filter(|w| *w > 0)
        else {
            continue;
        };
        let Some(src) = resolve_web(base, url.trim_end_matches(',')) else {
            continue;
        };
        if out.iter().all(|c| c.width != width) && !src.ends_with(',') {
            out.push(ImageCandidate { src, width });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert_eq!(
            trailing_credit("Warga antre beras. (ANTARA/Budi)"),
            Some(("Warga antre beras.".to_owned(), "ANTARA/Budi".to_owned()))
        );
        assert_eq!(
            trailing_credit("Warga antre beras. Foto: Budi Santoso"),
            Some(("Warga antre beras.".to_owned(), "Budi Santoso".to_owned()))
        );
        assert_eq!(trailing_credit("Warga antre beras."), None);
        assert_eq!(
            trailing_credit("İİİ İstanbul. Foto: Ali"),
            Some(("İİİ İstanbul.".to_owned(), "Ali".to_owned()))
        );
        assert_eq!(strip_credit_label("\u{212a}redit: X"), "\u{212a}redit: X");
    }
}
