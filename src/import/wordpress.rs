//! Import of a WordPress post as the REST API returns it
//! (`/wp-json/wp/v2/posts/ID`, with or without `?_embed`).
//!
//! `content.rendered` is already the article body, so it goes straight to
//! the page core's block walker (no content extraction); the post's
//! fields and, when embedded, its author, featured image and categories
//! fill the metadata. Yoast SEO's `yoast_head_json`, present on many sites,
//! supplies the site name and language.

use dom_query::Document;
use serde_json::Value;
use url::Url;

use super::outcome::Imported;
use super::page::assemble::assemble;
use super::page::blocks::map_blocks;
use super::page::notes::BodyNotes;
use super::page::text::clean_html_text;
use super::page::{MetaAuthor, MetaImage, PageImportError, PageMeta, PageOptions};
use crate::model::Block;

/// Turns a WordPress REST API post (JSON text) into an article.
pub fn import_wordpress(json: &str, options: &PageOptions) -> Result<Imported, PageImportError> {
    let post: Value = serde_json::from_str(json)
        .map_err(|e| PageImportError::Unreadable(format!("not valid JSON: {e}")))?;
    // A list endpoint (`/posts?slug=…`) returns an array of one post.
    let post = match post {
        Value::Array(mut posts) if posts.len() == 1 => posts.remove(0),
        Value::Array(items) => return Err(PageImportError::Unreadable(not_one_post(&items))),
        other => other,
    };
    let content = rendered(&post, "content").ok_or_else(|| {
        PageImportError::Unreadable(
            "not a WordPress post: no content.rendered (expected /wp-json/wp/v2/posts/ID)"
                .to_owned(),
        )
    })?;
    let mut notes = Vec::new();

    let link = post.get("link").and_then(Value::as_str);
    let url = match (options.url.as_deref(), link) {
        (Some(given), _) => Url::parse(given).ok(),
        (None, Some(link)) => Url::parse(link).ok(),
        (None, None) => None,
    }
    .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
    .ok_or(PageImportError::NoUrl)?;

    let embedded = post.get("_embedded");
    let yoast = post.get("yoast_head_json");
    let yoast_text = |key: &str| {
        yoast
            .and_then(|y| y.get(key))
            .and_then(Value::as_str)
            .map(clean_html_text)
            .filter(|t| !t.is_empty())
    };

    let authors: Vec<MetaAuthor> = embedded
        .and_then(|e| e.get("author"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    Some(MetaAuthor {
                        name: a
                            .get("name")
                            .and_then(Value::as_str)
                            .map(clean_html_text)
                            .filter(|n| !n.is_empty())?,
                        url: a.get("link").and_then(Value::as_str).map(str::to_owned),
                    })
                })
                .collect()
        })
        .or_else(|| yoast_text("author").map(|name| vec![MetaAuthor { name, url: None }]))
        .unwrap_or_default();
    if authors.is_empty() && post.get("author").is_some() {
        notes.push(
            "the author is only an id; fetch the post with ?_embed to get the name".to_owned(),
        );
    }

    let image = embedded
        .and_then(|e| e.get("wp:featuredmedia"))
        .and_then(|m| m.get(0))
        .and_then(featured_media);
    if image.is_none()
        && post
            .get("featured_media")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            > 0
    {
        notes.push(
            "the featured image is only an id; fetch the post with ?_embed to get the hero"
                .to_owned(),
        );
    }

    let kicker = embedded
        .and_then(|e| e.get("wp:term"))
        .and_then(Value::as_array)
        .and_then(|groups| {
            groups
                .iter()
                .flat_map(|g| g.as_array().into_iter().flatten())
                .find_map(|term| {
                    (term.get("taxonomy").and_then(Value::as_str) == Some("category"))
                        .then(|| {
                            term.get("name")
                                .and_then(Value::as_str)
                                .map(clean_html_text)
                        })
                        .flatten()
                        .filter(|n| !n.is_empty() && n != "Uncategorized")
                })
        });

    let summary = rendered(&post, "excerpt")
        .map(|e| clean_html_text(&e))
        .map(|e| {
            e.trim_end_matches("[…]")
                .trim_end_matches("[&hellip;]")
                .trim_end()
                .to_owned()
        })
        .filter(|e| !e.is_empty());

    let meta = PageMeta {
        title: rendered(&post, "title")
            .map(|t| clean_html_text(&t))
            .filter(|t| !t.is_empty()),
        summary,
        published: local_time(&post, "date"),
        updated: local_time(&post, "modified"),
        authors,
        image,
        site_name: yoast_text("og_site_name"),
        site_url: None,
        url: Some(url.to_string()),
        lang: post
            .get("lang")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| yoast_text("og_locale")),
        kicker,
        base: None,
        sources: vec![("title", "WordPress"), ("url", "WordPress")],
    };

    let doc = Document::from(content.as_str());
    let root = doc.body().unwrap_or_else(|| doc.root());
    let mut body_notes = BodyNotes::default();
    let body: Vec<Block> = map_blocks(&root, &url, meta.title.as_deref(), &mut body_notes);
    body_notes.into_notes(&mut notes);
    assemble(meta, url.clone(), url, body, None, None, notes)
}

/// Why a JSON array other than one post is refused: an article is one post.
fn not_one_post(items: &[Value]) -> String {
    let one_at_a_time = "import one at a time (/wp-json/wp/v2/posts/ID)";
    if items.is_empty() {
        "an empty array: no post to import (did the /posts?… query match nothing?)".to_owned()
    } else if items.iter().all(|item| rendered(item, "content").is_some()) {
        format!("an array of {} posts: {one_at_a_time}", items.len())
    } else {
        format!(
            "an array of {} values, not a WordPress post: {one_at_a_time}",
            items.len()
        )
    }
}

/// `post[key].rendered`, the HTML WordPress serves.
fn rendered(post: &Value, key: &str) -> Option<String> {
    post.get(key)?.get("rendered")?.as_str().map(str::to_owned)
}

/// The featured image from `_embedded["wp:featuredmedia"][0]`.
fn featured_media(media: &Value) -> Option<MetaImage> {
    let src = media.get("source_url")?.as_str()?.to_owned();
    let details = media.get("media_details");
    let number = |key: &str| {
        details
            .and_then(|d| d.get(key))
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n > 0)
    };
    let caption = rendered(media, "caption")
        .map(|c| clean_html_text(&c))
        .filter(|c| !c.is_empty());
    let alt = media
        .get("alt_text")
        .and_then(Value::as_str)
        .map(clean_html_text)
        .filter(|a| !a.is_empty());
    Some(MetaImage {
        src,
        width: number("width"),
        height: number("height"),
        alt,
        caption,
    })
}

/// The post's local time with its offset, from `date` and `date_gmt`
/// (WordPress gives both without an offset; their difference is it).
fn local_time(post: &Value, key: &str) -> Option<String> {
    let local = post.get(key)?.as_str()?;
    let gmt = post.get(format!("{key}_gmt"))?.as_str()?;
    let offset = minutes(local)? - minutes(gmt)?;
    if offset.abs() > 14 * 60 {
        return None;
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    let time = format!(
        "{}{sign}{:02}:{:02}",
        local.get(..19)?,
        offset / 60,
        offset % 60
    );
    crate::model::parse_rfc3339(&time).is_some().then_some(time)
}

/// Minutes since 1970 of `YYYY-MM-DDTHH:MM:SS` (no offset).
fn minutes(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, min) = (num(11..13)?, num(14..16)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || h > 23 || min > 59 {
        return None;
    }
    Some((crate::model::days_from_civil(y, m, d) * 24 + h) * 60 + min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_from_local_and_gmt() {
        let post = serde_json::json!({
            "date": "2024-05-16T07:12:00", "date_gmt": "2024-05-16T00:12:00",
            "modified": "2024-01-01T01:00:00", "modified_gmt": "2023-12-31T18:00:00",
        });
        assert_eq!(
            local_time(&post, "date").as_deref(),
            Some("2024-05-16T07:12:00+07:00")
        );
        assert_eq!(
            local_time(&post, "modified").as_deref(),
            Some("2024-01-01T01:00:00+07:00")
        );
        let utc =
            serde_json::json!({ "date": "2024-05-16T07:12:00", "date_gmt": "2024-05-16T07:12:00" });
        assert_eq!(
            local_time(&utc, "date").as_deref(),
            Some("2024-05-16T07:12:00+00:00")
        );
    }
}
