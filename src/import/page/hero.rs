//! The hero: the picture the page declares, merged with the body photo
//! that shows it.

use url::Url;

use super::meta::MetaImage;
use super::urls::{resolve_web, strip_query};
use crate::model::{Block, Image};

/// The hero: the picture the page declares, or the body's leading photo.
/// A body photo that repeats the hero is dropped, its caption kept.
pub fn hero(
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
