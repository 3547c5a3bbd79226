//! What a page declares about its article: schema.org JSON-LD first, then
//! Open Graph and other `<meta>` tags, then the document itself (`<title>`,
//! `<h1>`, `lang`, the canonical link).
//!
//! Each field takes the first source that has it, so a page with a complete
//! `NewsArticle` never has its facts overridden by a sloppier `<meta>`.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;

use crate::import::page::text::{clean, clean_html_text, rfc3339};
pub use crate::import::page::{MetaAuthor, MetaImage, PageMeta};

/// Reads everything the page declares, in order of trust.
pub fn page_meta(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    meta.fill_from(json_ld(doc), "JSON-LD");
    meta.fill_from(meta_tags(doc), "<meta> tags");
    meta.fill_from(document_facts(doc), "the document");
    meta
}

/// schema.org types that describe an article page.
fn is_article_type(value: &Value) -> bool {
    let is = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
    };
    match value.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// The first article object among the page's JSON-LD scripts, looking
/// inside arrays and `@graph`; its author, publisher and image may be
/// `@id` references to other nodes (as Yoast SEO writes them).
fn json_ld(doc: &Document) -> PageMeta {
    let mut objects = Vec::new();
    for script in doc.select("script[type='application/ld+json']").nodes() {
        // Some CMSs leave trailing commas or HTML comments; an unreadable
        // script is skipped, not fatal.
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        flatten(value, &mut objects, 0);
    }
    let Some(article) = objects.iter().find(|o| is_article_type(o)) else {
        return PageMeta::default();
    };
    let nodes: HashMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, o)))
        .collect();
    let linked = |key: &str| article.get(key).map(|v| resolve_ids(v, &nodes));
    let string = |key: &str| article.get(key).and_then(ld_text);
    let mut meta = PageMeta {
        title: string("headline").or_else(|| string("name")),
        summary: string("description"),
        published: string("datePublished").and_then(|d| rfc3339(&d)),
        updated: string("dateModified").and_then(|d| rfc3339(&d)),
        authors: linked("author").as_ref().map(ld_people).unwrap_or_default(),
        image: linked("image").as_ref().and_then(ld_image),
        lang: string("inLanguage"),
        kicker: article.get("articleSection").and_then(|s| match s {
            Value::Array(items) => items.iter().find_map(ld_text),
            other => ld_text(other),
        }),
        url: string("url").or_else(|| match article.get("mainEntityOfPage") {
            Some(Value::Object(page)) => page
                .get("@id")
                .or_else(|| page.get("url"))
                .and_then(ld_text),
            Some(other) => ld_text(other),
            None => None,
        }),
        ..PageMeta::default()
    };
    if let Some(publisher) = linked("publisher") {
        let publisher = match &publisher {
            Value::Array(items) => items.first().unwrap_or(&publisher),
            other => other,
        };
        meta.site_name = publisher.get("name").and_then(ld_text);
        meta.site_url = publisher.get("url").and_then(ld_text);
    }
    meta
}

/// Collects objects from arrays and `@graph` lists, not too deep.
fn flatten(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten(item, out, depth + 1);
            }
        }
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(Value::Object(object));
        }
        _ => {}
    }
}

/// `{"@id": …}` (or a list of such) replaced by the node of that `@id`, the
/// reference's own keys kept over the node's. One level: a node's own
/// references are not followed, so a cycle cannot loop.
fn resolve_ids(value: &Value, nodes: &HashMap<&str, &Value>) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|i| resolve_ids(i, nodes)).collect()),
        Value::Object(reference) => {
            let node = reference
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| nodes.get(id));
            match node {
                Some(Value::Object(node)) => {
                    let mut merged = node.clone();
                    merged.extend(reference.clone());
                    Value::Object(merged)
                }
                _ => value.clone(),
            }
        }
        other => other.clone(),
    }
}

/// A JSON-LD text value, entities decoded, whitespace collapsed; `None` when blank.
fn ld_text(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    let text = clean_html_text(text);
    (!text.is_empty()).then_some(text)
}

/// `author`: a name, a Person, or a list of either.
fn ld_people(value: &Value) -> Vec<MetaAuthor> {
    let one = |v: &Value| -> Option<MetaAuthor> {
        match v {
            Value::String(_) => ld_text(v).map(|name| MetaAuthor { name, url: None }),
            Value::Object(o) => Some(MetaAuthor {
                name: o.get("name").and_then(ld_text)?,
                url: o.get("url").and_then(ld_text),
            }),
            _ => None,
        }
    };
    let mut people: Vec<MetaAuthor> = match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    people.dedup_by(|a, b| a.name == b.name);
    people
}

/// `image`: a URL, an ImageObject, or a list of either (the first wins).
fn ld_image(value: &Value) -> Option<MetaImage> {
    match value {
        Value::String(_) => ld_text(value).map(|src| MetaImage {
            src,
            ..MetaImage::default()
        }),
        Value::Array(items) => items.iter().find_map(ld_image),
        Value::Object(o) => {
            let number = |key: &str| {
                o.get(key).and_then(|v| match v {
                    Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
                    Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
                    _ => None,
                })
            };
            let caption = o.get("caption").and_then(ld_text);
            Some(MetaImage {
                src: o
                    .get("url")
                    .or_else(|| o.get("contentUrl"))
                    .and_then(ld_text)?,
                width: number("width").filter(|w| *w > 0),
                height: number("height").filter(|h| *h > 0),
                alt: caption.clone(),
                caption,
            })
        }
        _ => None,
    }
}

/// Open Graph, article:* and plain `<meta>` tags.
fn meta_tags(doc: &Document) -> PageMeta {
    let content = |selector: &str| -> Option<String> {
        doc.select(selector)
            .nodes()
            .iter()
            .filter_map(|node| node.attr("content"))
            .map(|c| clean_html_text(&c))
            .find(|c| !c.is_empty())
    };
    let image = content("meta[property='og:image'], meta[name='og:image']")
        .or_else(|| content("meta[name='twitter:image']"))
        .map(|src| MetaImage {
            src,
            width: content("meta[property='og:image:width']").and_then(|w| w.parse().ok()),
            height: content("meta[property='og:image:height']").and_then(|h| h.parse().ok()),
            alt: content("meta[property='og:image:alt']"),
            caption: None,
        });
    let authors = content("meta[name='author']")
        .or_else(|| {
            // article:author is often a profile URL rather than a name.
            content("meta[property='article:author']").filter(|a| !a.contains("://"))
        })
        .map(|name| vec![MetaAuthor { name, url: None }])
        .unwrap_or_default();
    PageMeta {
        title: content("meta[property='og:title'], meta[name='og:title']")
            .or_else(|| content("meta[name='twitter:title']")),
        summary: content("meta[property='og:description']")
            .or_else(|| content("meta[name='description']")),
        published: content("meta[property='article:published_time']")
            .or_else(|| content("meta[name='pubdate'], meta[name='publishdate']"))
            .and_then(|d| rfc3339(&d)),
        updated: content("meta[property='article:modified_time']")
            .or_else(|| content("meta[property='og:updated_time']"))
            .and_then(|d| rfc3339(&d)),
        authors,
        image,
        site_name: content("meta[property='og:site_name']"),
        url: content("meta[property='og:url']"),
        lang: content("meta[property='og:locale']"),
        kicker: content("meta[property='article:section']"),
        ..PageMeta::default()
    }
}

/// What the document itself shows.
fn document_facts(doc: &Document) -> PageMeta {
    let attr = |selector: &str, name: &str| {
        doc.select(selector)
            .nodes()
            .iter()
            .find_map(|n| n.attr(name))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let text = |selector: &str| {
        doc.select(selector)
            .nodes()
            .iter()
            .map(|n| clean(&n.text()))
            .find(|t| !t.is_empty())
    };
    PageMeta {
        title: text("h1").or_else(|| text("title")),
        lang: attr("html", "lang"),
        url: attr("link[rel='canonical']", "href"),
        base: attr("base", "href"),
        ..PageMeta::default()
    }
}
