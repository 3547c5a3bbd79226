//! Fitting to the contract: what its limits refuse is cut, with a note, so
//! that any page still makes a valid article.

use super::text::truncate_chars;
use crate::model::limits::{MAX_BLOCKS, MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_TEXT_CHARS};
use crate::model::{Article, Block, Image};

/// Cuts what the contract's limits refuse, with a note, so that a huge page
/// still yields a valid (shortened) article.
pub fn enforce_limits(article: &mut Article, notes: &mut Vec<String>) {
    if article.body.len() > MAX_BLOCKS {
        notes.push(format!(
            "the body had {} blocks; kept the first {MAX_BLOCKS}",
            article.body.len()
        ));
        article.body.truncate(MAX_BLOCKS);
    }
    if article.authors.len() > MAX_LIST_ITEMS {
        article.authors.truncate(MAX_LIST_ITEMS);
        notes.push(format!("kept the first {MAX_LIST_ITEMS} authors"));
    }
    let mut cut = 0;
    let mut cut_text = |text: &mut String| {
        if truncate_chars(text, MAX_TEXT_CHARS) {
            cut += 1;
        }
    };
    cut_text(&mut article.title);
    for field in [&mut article.summary, &mut article.kicker]
        .into_iter()
        .flatten()
    {
        cut_text(field);
    }
    for author in &mut article.authors {
        cut_text(&mut author.name);
    }
    let cut_image = |image: &mut Image, cut_text: &mut dyn FnMut(&mut String)| {
        cut_text(&mut image.alt);
        for field in [&mut image.caption, &mut image.credit]
            .into_iter()
            .flatten()
        {
            cut_text(field);
        }
    };
    if let Some(hero) = &mut article.hero {
        cut_image(hero, &mut cut_text);
    }
    for block in &mut article.body {
        match block {
            Block::Paragraph(p) => {
                if let Some(text) = &mut p.text {
                    cut_text(text);
                }
                if p.inlines.len() > MAX_LIST_ITEMS {
                    // Too many styled runs: keep the words, drop the styling.
                    let text: String = p.inlines.iter().map(|r| r.text.as_str()).collect();
                    p.inlines.clear();
                    let mut text = text;
                    cut_text(&mut text);
                    p.text = Some(text);
                }
                for run in &mut p.inlines {
                    cut_text(&mut run.text);
                }
            }
            Block::ReadAlso(card) => cut_text(&mut card.title),
            Block::Heading(h) => cut_text(&mut h.text),
            Block::Quote(q) => {
                cut_text(&mut q.text);
                if let Some(cite) = &mut q.cite {
                    cut_text(cite);
                }
            }
            Block::Image(image) => cut_image(image, &mut cut_text),
        }
    }
    if cut > 0 {
        notes.push(format!(
            "{cut} text field(s) were longer than {MAX_TEXT_CHARS} characters and were cut"
        ));
    }
}

/// Drops blocks from the end until the printed JSON fits the largest
/// document `warta validate` reads ([`MAX_INPUT_BYTES`]).
pub fn fit_document_size(article: &mut Article, notes: &mut Vec<String>) {
    let size = |a: &Article| crate::json::to_pretty_json(a).len();
    let mut bytes = size(article);
    if bytes <= MAX_INPUT_BYTES {
        return;
    }
    let before = article.body.len();
    while bytes > MAX_INPUT_BYTES && article.body.len() > 1 {
        // Cut in proportion to the excess (at least one block), then measure again.
        let keep = article.body.len() * MAX_INPUT_BYTES / bytes;
        let keep = keep.clamp(1, article.body.len() - 1);
        article.body.truncate(keep);
        bytes = size(article);
    }
    notes.push(format!(
        "the article was larger than {MAX_INPUT_BYTES} bytes of JSON; kept the first {} of {before} blocks",
        article.body.len()
    ));
}
