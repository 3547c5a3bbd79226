//! Native output around the server render: the embeddable fragment and a
//! complete static page with the metadata search engines and social
//! networks read.

use std::rc::Rc;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde_json::json;

use crate::embed::{fragment_html, script_safe_json, LOAD_ATTR, MOUNT_ATTR};
use crate::language::og_locale;
use crate::model::{Article, Block, Image};
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

/// [`fragment`] whose widget loads with its own strategy (one of
/// [`LOAD_STRATEGIES`](crate::embed::LOAD_STRATEGIES)), whatever the page's.
pub fn fragment_loading(article: &Rc<Article>, options: &RenderOptions, load: &str) -> String {
    let mount = format!("<div class=\"warta\" {MOUNT_ATTR}");
    fragment(article, options).replacen(
        &mount,
        &format!("{mount} {LOAD_ATTR}=\"{}\"", attr(load)),
        1,
    )
}

/// The URL prefix of the assets as given (`--asset-base`): empty for
/// "beside the page", else ending with `/`.
pub fn asset_base(url: &str) -> String {
    match url {
        "" => String::new(),
        base if base.ends_with('/') => base.to_owned(),
        base => format!("{base}/"),
    }
}

/// A complete HTML page for the article. `asset_base` is the URL prefix of
/// `warta.css` and `warta-init.js` (ends with `/`, or is empty for "beside this page").
pub fn page(article: &Rc<Article>, asset_base: &str, options: &RenderOptions) -> String {
    page_loading(article, asset_base, options, None, None)
}

/// The `integrity` values of the stylesheet and the loader a page links,
/// for assets on another origin (`src/integrity.rs` reads them off a
/// release build). The loader carries the digests of what it fetches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Integrity {
    /// Of `warta.css`.
    pub stylesheet: String,
    /// Of `warta-init.js`.
    pub loader: String,
}

/// [`page`] with a loading strategy for the page, written on the
/// warta-init.js script (`None` leaves the loader's default), and with
/// `integrity` and `crossorigin` on the links when `integrity` is given.
pub fn page_loading(
    article: &Rc<Article>,
    asset_base: &str,
    options: &RenderOptions,
    load: Option<&str>,
    integrity: Option<&Integrity>,
) -> String {
    let checked =
        |digest: &str| format!(" integrity=\"{}\" crossorigin=\"anonymous\"", attr(digest));
    let (css_integrity, loader_integrity) = integrity.map_or_else(Default::default, |integrity| {
        (checked(&integrity.stylesheet), checked(&integrity.loader))
    });
    let description = description(article);
    let title = format!("{} - {}", article.title, article.site.name);
    let og_image = article.hero.as_ref().and_then(share_image);
    let hero_src = og_image.as_ref().map(|image| image.src.as_str());
    let og_width = og_image
        .as_ref()
        .and_then(|image| image.width.map(|w| w.to_string()));
    let og_height = og_image
        .as_ref()
        .and_then(|image| image.height.map(|h| h.to_string()));
    let twitter_card = if hero_src.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let optional = [
        ("property", "og:image", hero_src),
        ("property", "og:image:width", og_width.as_deref()),
        ("property", "og:image:height", og_height.as_deref()),
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
        // Google Discover shows large images only for pages that allow them.
        meta_tag("name", "robots", "max-image-preview:large"),
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
         <link rel=\"stylesheet\" href=\"{base}warta.css\"{css_integrity}>\n\
         <script type=\"module\" src=\"{base}warta-init.js\"{loader_integrity}{load}></script>\n\
         </head>\n<body>\n{fragment}\n</body>\n</html>\n",
        lang = attr(&article.lang),
        title = text(&title),
        meta = meta.join("\n"),
        ld = script_safe_json(&json_ld(article, &description).to_string()),
        base = attr(asset_base),
        // No preload: warta-init.js (which carries the island bundle's script)
        // fetches the Wasm when the strategy says so, never competing with the
        // page's images.
        load = load.map_or(String::new(), |load| format!(
            " {LOAD_ATTR}=\"{}\"",
            attr(load)
        )),
        fragment = fragment(article, options),
    )
}

/// Social networks show shared links best with an image about 1200 px
/// wide (Open Graph's advice); smaller ones look blurred.
const SHARE_IMAGE_WIDTH: u32 = 1200;

/// The file of the hero that social networks should show.
struct ShareImage {
    src: String,
    width: Option<u32>,
    height: Option<u32>,
}

/// The smallest file of the hero at least [`SHARE_IMAGE_WIDTH`] wide, else
/// the widest; `src` itself when no widths are known.
fn share_image(hero: &Image) -> Option<ShareImage> {
    let src = hero.src.as_ref()?;
    let mut files: Vec<(&str, u32)> = hero
        .srcset
        .iter()
        .map(|c| (c.src.as_str(), c.width))
        .collect();
    if let Some(width) = hero.width {
        files.push((src, width));
    }
    let chosen = files
        .iter()
        .filter(|(_, w)| *w >= SHARE_IMAGE_WIDTH)
        .min_by_key(|(_, w)| *w)
        .or_else(|| files.iter().max_by_key(|(_, w)| *w));
    let Some(&(file, width)) = chosen else {
        return Some(ShareImage {
            src: src.clone(),
            width: None,
            height: None,
        });
    };
    // The height follows from the hero's proportions, when known.
    let height = match (hero.width, hero.height) {
        (Some(w), Some(h)) if w > 0 => {
            Some((u64::from(width) * u64::from(h) / u64::from(w)) as u32)
        }
        _ => None,
    };
    Some(ShareImage {
        src: file.to_owned(),
        width: Some(width),
        height,
    })
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
    if let Some(image) = article.hero.as_ref().and_then(share_image) {
        ld["image"] = json!([image.src]);
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
