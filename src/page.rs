//! Native output around the server render: the embeddable fragment and a
//! complete static page with the metadata search engines and social
//! networks read.

use std::rc::Rc;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde_json::json;

use crate::embed::{fragment_html, script_safe_json};
use crate::model::{Article, Block};
use crate::render::{article_markup_blocking, RenderOptions};
use crate::text::shorten;

/// Longest meta description, in characters.
const DESCRIPTION_CHARS: usize = 160;

/// The embeddable fragment: server markup plus the script-safe JSON copy.
pub fn fragment(article: &Rc<Article>, options: &RenderOptions) -> String {
    let json = serde_json::to_string(&**article).expect("article serialises");
    let markup = article_markup_blocking(article.clone(), options);
    fragment_html(&markup, &script_safe_json(&json))
}

/// A complete HTML page for the article. `asset_base` is the URL prefix of
/// `warta.css` and `warta-init.js` (ends with `/`, or is empty for "beside this page").
pub fn page(article: &Rc<Article>, asset_base: &str, options: &RenderOptions) -> String {
    let description = description(article);
    let title = format!("{} - {}", article.title, article.site.name);
    let hero_src = article.hero.as_ref().and_then(|hero| hero.src.as_deref());
    let twitter_card = if hero_src.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let optional = [
        ("property", "og:image", hero_src),
        (
            "property",
            "article:published_time",
            article.published.as_deref(),
        ),
        (
            "property",
            "article:modified_time",
            article.updated.as_deref(),
        ),
    ];
    let mut meta = vec![
        meta_tag("name", "description", &description),
        format!("<link rel=\"canonical\" href=\"{}\">", attr(&article.url)),
        meta_tag("property", "og:type", "article"),
        meta_tag("property", "og:title", &article.title),
        meta_tag("property", "og:description", &description),
        meta_tag("property", "og:url", &article.url),
        meta_tag("property", "og:site_name", &article.site.name),
        meta_tag("property", "og:locale", &og_locale(&article.lang)),
    ];
    for (kind, key, value) in optional {
        if let Some(value) = value {
            meta.push(meta_tag(kind, key, value));
        }
    }
    meta.push(meta_tag("name", "twitter:card", twitter_card));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{meta}\n\
         <script type=\"application/ld+json\">{ld}</script>\n\
         <link rel=\"stylesheet\" href=\"{base}warta.css\">\n\
         <link rel=\"modulepreload\" href=\"{base}warta.js\">\n\
         <script type=\"module\" src=\"{base}warta-init.js\"></script>\n\
         </head>\n<body>\n{fragment}\n</body>\n</html>\n",
        lang = attr(&article.lang),
        title = text(&title),
        meta = meta.join("\n"),
        ld = script_safe_json(&json_ld(article, &description).to_string()),
        base = attr(asset_base),
        fragment = fragment(article, options),
    )
}

/// `<meta name|property="key" content="value">` with the value escaped.
fn meta_tag(kind: &str, key: &str, value: &str) -> String {
    format!("<meta {kind}=\"{key}\" content=\"{}\">", attr(value))
}

/// schema.org NewsArticle for search engines.
fn json_ld(article: &Article, description: &str) -> serde_json::Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description,
        "mainEntityOfPage": article.url,
        "inLanguage": article.lang,
        "publisher": { "@type": "Organization", "name": article.site.name },
    });
    if let Some(src) = article.hero.as_ref().and_then(|hero| hero.src.as_ref()) {
        ld["image"] = json!([src]);
    }
    if let Some(published) = &article.published {
        ld["datePublished"] = json!(published);
    }
    if let Some(updated) = &article.updated {
        ld["dateModified"] = json!(updated);
    }
    if !article.authors.is_empty() {
        ld["author"] = article
            .authors
            .iter()
            .map(|a| json!({ "@type": "Person", "name": a.name, "url": a.url }))
            .collect();
    }
    if let Some(editor) = &article.editor {
        ld["editor"] = json!({ "@type": "Person", "name": editor });
    }
    ld
}

/// The summary, or the start of the first paragraph, cut at a word.
fn description(article: &Article) -> String {
    let source = article.summary.clone().unwrap_or_else(|| {
        article
            .body
            .iter()
            .find_map(|block| match block {
                Block::Paragraph(p) => Some(p.plain_text()),
                _ => None,
            })
            .unwrap_or_default()
    });
    shorten(&source, DESCRIPTION_CHARS)
}

fn og_locale(lang: &str) -> String {
    match lang
        .split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "id" => "id_ID".to_owned(),
        "en" => "en_US".to_owned(),
        other => other.to_owned(),
    }
}
