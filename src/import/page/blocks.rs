//! Walks extracted article HTML into the contract's body blocks.
//!
//! One pass over the tree with the paragraph being built as state: text and
//! inline elements (links, emphasis) add styled runs; block elements end the
//! current paragraph; headings, quotes, figures, lists and tables become
//! their own blocks. Scripts, ads, share widgets and navigation are skipped
//! here even when the extractor let them through (see `noise`); pictures are
//! read by `images`.

use dom_query::NodeRef;
use url::Url;

use super::dom::name_of;
use super::images;
use super::noise::{is_embed, is_small_noise, SKIPPED};
use super::notes::BodyNotes;
use super::text::clean;
use super::urls::resolve_link;
use crate::model::{Block, Heading, Image, Paragraph, Quote, ReadAlso, Run};

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

/// Inline elements: their text joins the current paragraph.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "tt", "u", "var", "wbr", "del", "ins",
];

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
        images::image(
            node,
            caption_node,
            self.base,
            self.title.as_deref(),
            self.notes,
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
}
