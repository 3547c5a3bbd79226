//! The noise filter: scripts, embeds, ads, share widgets and navigation,
//! which are never article text. The HTML importer removes them before
//! extraction; the block walk skips what is left of them.

use dom_query::NodeRef;

use super::dom::name_of;

/// Elements that make a figure without an `<img>` an embedded player.
const EMBEDS: &[&str] = &["iframe", "video", "embed", "object"];

/// Set by [`remove_noise`] on a figure whose iframe it removed, so the walk
/// after extraction still knows the figure was an embed.
const EMBED_MARK: &str = "data-warta-embed";

/// Never part of the article text.
pub const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "video", "audio",
    "canvas", "svg", "form", "button", "input", "select", "textarea", "nav", "footer", "aside",
    "link", "meta", "head", "title", "map", "dialog", "menu",
];

/// Class or id words that mark ads, share widgets and other page furniture.
const NOISE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "adsbygoogle",
    "iklan",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "share",
    "sharing",
    "sharer",
    "social",
    "socmed",
    "newsletter",
    "subscribe",
    "comment",
    "comments",
    "disqus",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "navigation",
    "outbrain",
    "taboola",
    "dfp",
    "gpt",
];

fn is_noise(node: &NodeRef) -> bool {
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return true;
    }
    if node.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| NOISE_WORDS.contains(&word))
}

/// Removes page furniture before extraction: scripts and embeds, and the
/// small elements whose class or id marks an ad or a share widget.
/// Readability turns a `<div>` of inline content into a new `<p>` without
/// its class, so an ad box would otherwise reach the walker unmarked.
pub fn remove_noise(doc: &dom_query::Document) {
    for node in doc.select("body *").nodes() {
        let name = name_of(node);
        let remove = matches!(
            name.as_str(),
            "script" | "style" | "noscript" | "template" | "iframe" | "form" | "button" | "ins"
        ) || is_small_noise(node);
        if remove {
            if name == "iframe" {
                // Bound first: the ancestor walk borrows the tree that `set_attr` changes.
                let figure = node.ancestors_it(None).find(|a| name_of(a) == "figure");
                if let Some(figure) = figure {
                    figure.set_attr(EMBED_MARK, "");
                }
            }
            node.remove_from_parent();
        }
    }
}

/// Furniture by its class or id, and small: a page may put "share" or
/// "comment" in the class of the article's own wrapper, which is large.
pub fn is_small_noise(node: &NodeRef) -> bool {
    const SMALL: usize = 500;
    is_noise(node) && node.text().chars().count() < SMALL
}

/// A figure holding a player or an embed (or one that did before extraction).
pub fn is_embed(figure: &NodeRef) -> bool {
    figure.has_attr(EMBED_MARK)
        || figure
            .descendants_it()
            .any(|d| d.is_element() && EMBEDS.contains(&name_of(&d).as_str()))
}
