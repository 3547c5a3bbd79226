//! Walks extracted article HTML into the contract's body blocks.
//!
//! One pass over the tree with the paragraph being built as state: text and
//! inline elements (links, emphasis) add styled runs; block elements end the
//! current paragraph; headings, quotes, figures, lists and tables become
//! their own blocks. Scripts, ads, share widgets and navigation are skipped
//! here even when the extractor let them through.

use std::collections::BTreeMap;

use dom_query::NodeRef;
use url::Url;

use super::text::clean;
use super::{resolve_link, resolve_web};
use crate::model::{
    Block, Heading, Image, ImageCandidate, ImageFormat, Paragraph, Quote, ReadAlso, Run,
};

/// What the walk guessed or dropped, counted so each kind is one note.
#[derive(Default)]
pub struct BodyNotes {
    links_dropped: usize,
    lists: usize,
    tables: usize,
    alt_from_caption: usize,
    alt_from_title: usize,
    credits_guessed: usize,
    read_also_without_link: usize,
    embeds_skipped: usize,
    images_without_src: usize,
    /// Figures with no picture and no text, by the element they held ("" when empty).
    figures_skipped: BTreeMap<String, usize>,
}

impl BodyNotes {
    /// One sentence per kind of guess, in a fixed order.
    pub fn into_notes(self, notes: &mut Vec<String>) {
        let lines = [
            (
                self.links_dropped,
                "link(s) with a scheme other than http, https or mailto kept as plain text",
            ),
            (self.lists, "list(s) became one paragraph per item"),
            (self.tables, "table(s) became one paragraph per row"),
            (
                self.alt_from_caption,
                "image(s) without alt text use their caption as alt",
            ),
            (
                self.alt_from_title,
                "image(s) without alt text or caption use the headline as alt",
            ),
            (
                self.credits_guessed,
                "photo credit(s) taken from the end of the caption",
            ),
            (
                self.read_also_without_link,
                "\"Baca juga\" card(s) have no link",
            ),
            (
                self.embeds_skipped,
                "embedded video/iframe figure(s) skipped",
            ),
            (
                self.images_without_src,
                "image(s) without a usable src skipped",
            ),
        ];
        for (count, what) in lines {
            if count > 0 {
                notes.push(format!("{count} {what}"));
            }
        }
        for (held, count) in self.figures_skipped {
            notes.push(if held.is_empty() {
                format!("{count} empty figure(s) skipped")
            } else {
                format!("{count} figure(s) holding only <{held}> skipped")
            });
        }
    }
}

/// The body blocks of `root`'s content. `title` is skipped when a heading repeats it.
pub fn map_blocks(
    root: &NodeRef,
    base: &Url,
    title: Option<&str>,
    notes: &mut BodyNotes,
) -> Vec<Block> {
    let mut walker = Walker::new(base, title, notes);
    walker.children(root, Style::default());
    walker.flush();
    walker.blocks
}

/// The photo around `img` (its figure's caption and credit when it has one),
/// for the lead photo that extraction may have left out of the body.
pub fn image_at(
    img: &NodeRef,
    base: &Url,
    title: Option<&str>,
    notes: &mut BodyNotes,
) -> Option<Image> {
    let mut walker = Walker::new(base, title, notes);
    match img.ancestors_it(Some(3)).find(|a| name_of(a) == "figure") {
        Some(figure) => walker.figure(&figure),
        None => {
            if let Some(image) = walker.image(img, None) {
                walker.blocks.push(Block::Image(image));
            }
        }
    }
    walker.blocks.into_iter().find_map(|b| match b {
        Block::Image(image) => Some(image),
        _ => None,
    })
}

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

#[derive(Clone, Default, PartialEq)]
struct Style {
    strong: bool,
    em: bool,
    link: Option<String>,
}

struct Walker<'a> {
    base: &'a Url,
    title: Option<String>,
    notes: &'a mut BodyNotes,
    blocks: Vec<Block>,
    /// The paragraph being built.
    runs: Vec<Run>,
    /// A bare "Baca juga:" label was seen: the links that follow are cards.
    read_also_list: bool,
    /// The current list item's marker ("• ", "2. "), until its text starts.
    list_marker: Option<String>,
}

/// Elements that make a figure without an `<img>` an embedded player.
const EMBEDS: &[&str] = &["iframe", "video", "embed", "object"];

/// Set by [`remove_noise`] on a figure whose iframe it removed, so the walk
/// after extraction still knows the figure was an embed.
const EMBED_MARK: &str = "data-warta-embed";

/// Never part of the article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "video", "audio",
    "canvas", "svg", "form", "button", "input", "select", "textarea", "nav", "footer", "aside",
    "link", "meta", "head", "title", "map", "dialog", "menu",
];

/// Inline elements: their text joins the current paragraph.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "tt", "u", "var", "wbr", "del", "ins",
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
fn is_small_noise(node: &NodeRef) -> bool {
    const SMALL: usize = 500;
    is_noise(node) && node.text().chars().count() < SMALL
}

fn name_of(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

impl<'a> Walker<'a> {
    /// A walker with nothing collected yet.
    fn new(base: &'a Url, title: Option<&str>, notes: &'a mut BodyNotes) -> Self {
        Walker {
            base,
            title: title.map(clean),
            notes,
            blocks: Vec::new(),
            runs: Vec::new(),
            read_also_list: false,
            list_marker: None,
        }
    }

    fn children(&mut self, node: &NodeRef, style: Style) {
        for child in node.children_it(false) {
            self.node(&child, &style);
        }
    }

    fn node(&mut self, node: &NodeRef, style: &Style) {
        if node.is_text() {
            self.push_text(&node.text(), style);
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = name_of(node);
        // A large marked element may be the article itself (an id such as
        // "share-btns_containerParent" on the body wrapper): only small ones are skipped.
        if SKIPPED.contains(&name.as_str()) || is_small_noise(node) {
            return;
        }
        match name.as_str() {
            "br" | "hr" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading(node, &name);
            }
            "blockquote" => {
                self.flush();
                self.quote(node);
            }
            "figure" => {
                self.flush();
                self.figure(node);
            }
            "img" | "picture" => {
                self.flush();
                if let Some(image) = self.image(node, None) {
                    self.blocks.push(Block::Image(image));
                }
            }
            "ul" | "ol" => {
                self.flush();
                self.list(node, name == "ol");
            }
            "table" => {
                self.flush();
                self.table(node);
            }
            "pre" => {
                self.flush();
                let text = node.text().trim().to_owned();
                if !text.is_empty() {
                    self.blocks.push(Block::Paragraph(Paragraph::plain(text)));
                }
            }
            _ if INLINE.contains(&name.as_str()) => {
                let mut inner = style.clone();
                match name.as_str() {
                    "b" | "strong" => inner.strong = true,
                    "i" | "em" => inner.em = true,
                    "a" => {
                        if let Some(href) = node.attr("href") {
                            inner.link = resolve_link(self.base, &href);
                            if inner.link.is_none() && !href.trim().is_empty() {
                                self.notes.links_dropped += 1;
                            }
                        }
                    }
                    _ => {}
                }
                self.children(node, inner);
            }
            // Block containers (p, div, section, li, …) end the paragraph
            // before and after their content.
            _ => {
                self.flush();
                self.children(node, Style::default());
                self.flush();
            }
        }
    }

    /// Adds text with whitespace collapsed, merged into the last run when
    /// the style is the same.
    fn push_text(&mut self, raw: &str, style: &Style) {
        let mut text = String::with_capacity(raw.len());
        let mut space = false;
        for c in raw.chars() {
            if c.is_whitespace() || c == '\u{a0}' {
                space = true;
            } else {
                if space {
                    text.push(' ');
                    space = false;
                }
                text.push(c);
            }
        }
        if space {
            text.push(' ');
        }
        if text.is_empty() {
            return;
        }
        let ends_with_space = self.runs.last().is_none_or(|r| r.text.ends_with(' '));
        if ends_with_space && text.starts_with(' ') {
            text.remove(0);
            if text.is_empty() {
                return;
            }
        }
        match self.runs.last_mut() {
            Some(last)
                if last.strong == style.strong
                    && last.em == style.em
                    && last.link == style.link =>
            {
                last.text.push_str(&text)
            }
            _ => self.runs.push(Run {
                text,
                strong: style.strong,
                em: style.em,
                link: style.link.clone(),
            }),
        }
    }

    /// Ends the current paragraph: a paragraph block, or read-also cards.
    fn flush(&mut self) {
        // A list item's marker waits for the item's first text, even when
        // that text is in a block inside the item (`<li><p>…</p></li>`).
        if let Some(marker) = &self.list_marker {
            if self.runs.len() == 1 && self.runs[0].text == *marker {
                return;
            }
        }
        let mut runs = std::mem::take(&mut self.runs);
        if let Some(first) = runs.first_mut() {
            first.text = first.text.trim_start().to_owned();
        }
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_owned();
        }
        runs.retain(|r| !r.text.is_empty());
        if runs.is_empty() {
            return;
        }
        if let Some(cards) = self.read_also(&runs) {
            self.blocks.extend(cards);
            return;
        }
        self.read_also_list = false;
        self.blocks.push(Block::Paragraph(paragraph(runs)));
    }

    /// "Baca juga: <a>Title</a>" → a card per link. A bare label makes the
    /// link-only paragraphs or list items after it cards too.
    fn read_also(&mut self, runs: &[Run]) -> Option<Vec<Block>> {
        let plain: String = runs.iter().map(|r| r.text.as_str()).collect();
        let rest = match read_also_rest(&plain) {
            Some(rest) => rest,
            None if self.read_also_list && runs.iter().all(|r| r.link.is_some()) => "",
            None => return None,
        };
        let mut cards = Vec::new();
        // Consecutive runs with the same link are one title.
        for run in runs {
            let Some(link) = &run.link else { continue };
            match cards.last_mut() {
                Some(ReadAlso {
                    url: Some(url),
                    title,
                    ..
                }) if url == link => title.push_str(&run.text),
                _ => cards.push(ReadAlso {
                    title: run.text.clone(),
                    url: Some(link.clone()),
                    image: None,
                }),
            }
        }
        for card in &mut cards {
            card.title = clean(card.title.trim_start_matches([':', '-', '–', '—', ' ']));
        }
        cards.retain(|c| !c.title.is_empty());
        if cards.is_empty() {
            let title = clean(rest);
            if title.is_empty() {
                // The label alone: the list or links that follow are the cards.
                self.read_also_list = true;
                return Some(Vec::new());
            }
            self.notes.read_also_without_link += 1;
            cards.push(ReadAlso {
                title,
                url: None,
                image: None,
            });
        }
        Some(cards.into_iter().map(Block::ReadAlso).collect())
    }

    fn heading(&mut self, node: &NodeRef, name: &str) {
        let text = clean(&node.text());
        if text.is_empty() {
            return;
        }
        if let Some(label) = read_also_rest(&text) {
            if label.trim().is_empty() {
                self.read_also_list = true;
                return;
            }
        }
        if self
            .title
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(&text))
        {
            return;
        }
        let level = match name {
            "h1" | "h2" => 2,
            "h3" => 3,
            _ => 4,
        };
        self.read_also_list = false;
        self.blocks.push(Block::Heading(Heading { text, level }));
    }

    fn quote(&mut self, node: &NodeRef) {
        let mut cite = None;
        let mut parts = Vec::new();
        for child in node.children_it(false) {
            let name = name_of(&child);
            if matches!(name.as_str(), "script" | "style") {
                continue;
            }
            if matches!(name.as_str(), "cite" | "footer") {
                let text = clean(&child.text());
                let text = text.trim_start_matches(['—', '–', '-', ' ']).to_owned();
                if !text.is_empty() {
                    cite = Some(text);
                }
                continue;
            }
            let text = clean(&child.text());
            if !text.is_empty() {
                parts.push(text);
            }
        }
        let text = parts.join(" ");
        if !text.is_empty() {
            self.blocks.push(Block::Quote(Quote { text, cite }));
        }
    }

    fn figure(&mut self, node: &NodeRef) {
        let caption_node = node
            .descendants_it()
            .find(|d| d.is_element() && name_of(d) == "figcaption");
        let img = node
            .descendants_it()
            .find(|d| d.is_element() && name_of(d) == "img");
        match img {
            Some(img) => {
                if let Some(image) = self.image(&img, caption_node.as_ref()) {
                    self.blocks.push(Block::Image(image));
                }
            }
            None if is_embed(node) => {
                // The player is nothing the contract shows; its caption is text.
                self.notes.embeds_skipped += 1;
                if let Some(caption) = caption_node {
                    self.node(&caption, &Style::default());
                }
            }
            None => {
                // A table, a pull quote, a verse: walked as body content, so
                // tables become rows and quotes quote blocks, as anywhere else.
                let before = self.blocks.len();
                self.children(node, Style::default());
                self.flush();
                if self.blocks.len() == before {
                    let held = node
                        .descendants_it()
                        .find(|d| d.is_element() && SKIPPED.contains(&name_of(d).as_str()))
                        .map(|d| name_of(&d))
                        .unwrap_or_default();
                    *self.notes.figures_skipped.entry(held).or_default() += 1;
                }
            }
        }
    }

    /// An image from `<img>` (or `<picture>`), with the figure's caption.
    fn image(&mut self, node: &NodeRef, caption_node: Option<&NodeRef>) -> Option<Image> {
        let img = if name_of(node) == "img" {
            *node
        } else {
            node.descendants_it()
                .find(|d| d.is_element() && name_of(d) == "img")?
        };
        let src = img_src(&img, self.base);
        let (caption, credit) = match caption_node {
            Some(c) => self.caption_and_credit(c),
            None => (None, None),
        };
        let Some(src) = src else {
            self.notes.images_without_src += 1;
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
            .map(|s| srcset(self.base, &s))
            .unwrap_or_default();
        let formats = picture_formats(&img, self.base);
        let alt = match img.attr("alt").map(|a| clean(&a)).filter(|a| !a.is_empty()) {
            Some(alt) => alt,
            None => match &caption {
                Some(caption) => {
                    self.notes.alt_from_caption += 1;
                    caption.clone()
                }
                None => {
                    self.notes.alt_from_title += 1;
                    self.title.clone().unwrap_or_else(|| "Foto".to_owned())
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
    fn caption_and_credit(&mut self, node: &NodeRef) -> (Option<String>, Option<String>) {
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
                self.notes.credits_guessed += 1;
                credit = Some(found);
                caption = before;
            }
        }
        (
            (!caption.is_empty()).then_some(caption),
            credit.filter(|c| !c.is_empty()),
        )
    }

    fn list(&mut self, node: &NodeRef, ordered: bool) {
        let items: Vec<NodeRef> = node
            .element_children()
            .into_iter()
            .filter(|c| name_of(c) == "li" && !is_small_noise(c))
            .collect();
        let before = self.blocks.len();
        let mut counted = false;
        for (i, item) in items.iter().enumerate() {
            // Items that are only a link after a "Baca juga" label are cards.
            if !self.read_also_list {
                let marker = if ordered {
                    format!("{}. ", i + 1)
                } else {
                    "• ".to_owned()
                };
                self.push_text(&marker, &Style::default());
                self.list_marker = self.runs.last().map(|r| r.text.clone());
                if !counted {
                    self.notes.lists += 1;
                    counted = true;
                }
            }
            self.children(item, Style::default());
            // An item with no text of its own leaves its marker unused.
            if self.runs.len() == 1 && self.list_marker.as_ref() == Some(&self.runs[0].text) {
                self.runs.clear();
            }
            self.list_marker = None;
            self.flush();
        }
        if self.blocks.len() == before {
            self.read_also_list = false;
        }
    }

    fn table(&mut self, node: &NodeRef) {
        let mut any = false;
        for row in node
            .descendants_it()
            .filter(|d| d.is_element() && name_of(d) == "tr")
        {
            let cells: Vec<String> = row
                .element_children()
                .iter()
                .map(|c| clean(&c.text()))
                .filter(|t| !t.is_empty())
                .collect();
            if !cells.is_empty() {
                any = true;
                self.blocks
                    .push(Block::Paragraph(Paragraph::plain(cells.join(" · "))));
            }
        }
        if any {
            self.notes.tables += 1;
        }
    }
}

/// A figure holding a player or an embed (or one that did before extraction).
fn is_embed(figure: &NodeRef) -> bool {
    figure.has_attr(EMBED_MARK)
        || figure
            .descendants_it()
            .any(|d| d.is_element() && EMBEDS.contains(&name_of(&d).as_str()))
}

/// Plain text when no run is styled, else the runs.
fn paragraph(runs: Vec<Run>) -> Paragraph {
    if runs.iter().all(|r| !r.strong && !r.em && r.link.is_none()) {
        Paragraph::plain(runs.into_iter().map(|r| r.text).collect::<String>())
    } else {
        Paragraph {
            text: None,
            inlines: runs,
        }
    }
}

/// The text after a "Baca juga" / "Read also" label, or `None` when the
/// paragraph does not start with one.
fn read_also_rest(text: &str) -> Option<&str> {
    for label in [
        "baca juga",
        "read also",
        "also read",
        "baca pula",
        "lihat juga",
    ] {
        let Some(head) = text.get(..label.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(label) {
            let rest = &text[label.len()..];
            // "Baca jugaan" is a word, not the label.
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                return None;
            }
            return Some(rest.trim_start_matches([':', '-', '–', '—', ' ']));
        }
    }
    None
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

    fn texts(html: &str) -> Vec<String> {
        let doc = dom_query::Document::from(html);
        let base = Url::parse("https://example.com/a").unwrap();
        let mut notes = BodyNotes::default();
        let root = doc.body().unwrap();
        map_blocks(&root, &base, None, &mut notes)
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.plain_text(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    /// The blocks (paragraphs as plain text) and the notes.
    fn blocks_and_notes(html: &str) -> (Vec<String>, Vec<String>) {
        let doc = dom_query::Document::from(html);
        let base = Url::parse("https://example.com/a").unwrap();
        let mut notes = BodyNotes::default();
        let root = doc.body().unwrap();
        let blocks = map_blocks(&root, &base, None, &mut notes)
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.plain_text(),
                other => format!("{other:?}"),
            })
            .collect();
        let mut lines = Vec::new();
        notes.into_notes(&mut lines);
        (blocks, lines)
    }

    #[test]
    fn figures_without_an_image_keep_their_text() {
        let (blocks, notes) = blocks_and_notes(concat!(
            "<figure class=\"wp-block-table\"><table><tr><th>Kota</th><th>Harga</th></tr>",
            "<tr><td>Bogor</td><td>Rp13.900</td></tr></table>",
            "<figcaption>Sumber: Bapanas</figcaption></figure>",
            "<figure class=\"wp-block-pullquote\"><blockquote><p>Harga pasti turun.</p>",
            "<cite>Haji Udin</cite></blockquote></figure>",
            "<figure class=\"wp-block-verse\"><p>Baris puisi.</p></figure>",
        ));
        assert_eq!(
            blocks,
            [
                "Kota · Harga",
                "Bogor · Rp13.900",
                "Sumber: Bapanas",
                "Quote(Quote { text: \"Harga pasti turun.\", cite: Some(\"Haji Udin\") })",
                "Baris puisi.",
            ]
        );
        assert_eq!(notes, ["1 table(s) became one paragraph per row"]);
    }

    #[test]
    fn figures_with_nothing_textual_are_named_by_what_they_held() {
        let (blocks, notes) = blocks_and_notes(concat!(
            "<figure class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">",
            "<iframe src=\"https://www.youtube.com/embed/x\"></iframe></div>",
            "<figcaption>Video: banjir di Garut</figcaption></figure>",
            "<figure class=\"wp-block-video\"><video src=\"v.mp4\"></video></figure>",
            "<figure class=\"wp-block-audio\"><audio controls src=\"a.mp3\"></audio></figure>",
            "<figure class=\"wp-block-image\"></figure>",
        ));
        // An embed's caption is text the reader still gets.
        assert_eq!(blocks, ["Video: banjir di Garut"]);
        assert_eq!(
            notes,
            [
                "2 embedded video/iframe figure(s) skipped",
                "1 empty figure(s) skipped",
                "1 figure(s) holding only <audio> skipped",
            ]
        );
    }

    #[test]
    fn list_markers_join_the_item_text() {
        assert_eq!(
            texts("<ul><li><p> Satu </p></li><li>Dua</li><li></li><li><p></p></li></ul>"),
            ["• Satu", "• Dua"]
        );
        assert_eq!(
            texts("<ol><li>Satu</li><li><div><b>Dua</b> lagi</div></li></ol>"),
            ["1. Satu", "2. Dua lagi"]
        );
    }

    #[test]
    fn read_also_labels() {
        assert_eq!(read_also_rest("Baca juga: Harga naik"), Some("Harga naik"));
        assert_eq!(read_also_rest("BACA JUGA - Harga"), Some("Harga"));
        assert_eq!(read_also_rest("Read also: X"), Some("X"));
        assert_eq!(read_also_rest("Baca jugaan"), None);
        assert_eq!(read_also_rest("Berita"), None);
    }

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
