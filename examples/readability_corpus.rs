//! Measures `warta import --from html` on a corpus of real pages with
//! expected extractions, laid out as Mozilla Readability's test pages:
//! `DIR/<page>/source.html`, `expected.html`, `expected-metadata.json`.
//!
//! ```text
//! cargo run --release --features cli --example readability_corpus -- DIR
//! ```
//!
//! News pages are those whose source declares itself a news article: a
//! schema.org `*NewsArticle` type (JSON-LD or microdata), or Open Graph
//! `og:type=article` together with `article:published_time`. Over them (and,
//! for reference, over every page) it reports how many import, the share
//! whose headline matches the expected title (case, spacing and
//! punctuation ignored), and the median word-level recall and precision of
//! the body text against `expected.html` (words as a multiset). A page that
//! fails to import counts as 0 recall and 0 precision.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use dom_query::Document;
use warta::import::html::{import_html, PageOptions};
use warta::model::{Article, Block};

struct Score {
    name: String,
    news: bool,
    imported: bool,
    title_match: bool,
    /// Matches once a trailing " - Site" is removed from the expected title
    /// (warta's title is the headline alone; Readability's keeps the site).
    title_match_headline: bool,
    recall: f64,
    precision: f64,
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: readability_corpus DIR (a folder of <page>/source.html, expected.html, expected-metadata.json)");
        return ExitCode::from(2);
    };
    let verbose = std::env::args().any(|a| a == "-v");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {dir}");
        return ExitCode::from(3);
    };
    let mut pages: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    let scores: Vec<Score> = pages.iter().filter_map(|p| score(p)).collect();
    if verbose {
        for s in &scores {
            println!(
                "{:<45} news={} imported={} title={} headline={} recall={:.2} precision={:.2}",
                s.name,
                s.news as u8,
                s.imported as u8,
                s.title_match as u8,
                s.title_match_headline as u8,
                s.recall,
                s.precision
            );
        }
    }
    println!("| pages | count | imported | title matches | title matches, site suffix aside | median recall | median precision | mean recall | mean precision |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (label, only_news) in [("news pages", true), ("all pages", false)] {
        let set: Vec<&Score> = scores.iter().filter(|s| !only_news || s.news).collect();
        let n = set.len();
        let imported = set.iter().filter(|s| s.imported).count();
        let titles = set.iter().filter(|s| s.title_match).count();
        let headlines = set.iter().filter(|s| s.title_match_headline).count();
        let share = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
        println!(
            "| {label} | {n} | {imported} | {titles} ({:.0}%) | {headlines} ({:.0}%) | {:.3} | {:.3} | {:.3} | {:.3} |",
            share(titles),
            share(headlines),
            median(set.iter().map(|s| s.recall).collect()),
            median(set.iter().map(|s| s.precision).collect()),
            mean(set.iter().map(|s| s.recall)),
            mean(set.iter().map(|s| s.precision)),
        );
    }
    ExitCode::SUCCESS
}

fn score(page: &Path) -> Option<Score> {
    let source = std::fs::read_to_string(page.join("source.html")).ok()?;
    let expected = std::fs::read_to_string(page.join("expected.html")).ok()?;
    let metadata: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(page.join("expected-metadata.json")).ok()?)
            .ok()?;
    let name = page.file_name()?.to_string_lossy().into_owned();
    // The URL Mozilla's test runner gives every page.
    let options = PageOptions {
        url: Some("http://fakehost/test/page.html".to_owned()),
    };
    let expected_words = words(&Document::from(expected.as_str()).root().text());
    let news = is_news(&source);
    let (imported, title_match, title_match_headline, recall, precision) =
        match import_html(&source, &options) {
            Ok(imported) => {
                let got = words(&article_text(&imported.article));
                let (recall, precision) = overlap(&expected_words, &got);
                let expected_title = metadata
                    .get("title")
                    .and_then(|t| t.as_str())
                    .unwrap_or_default();
                let title = normal(&imported.article.title);
                let strict = normal(expected_title) == title;
                let headline = strict
                    || [" - ", " | ", " – ", " — "].iter().any(|sep| {
                        expected_title
                            .rsplit_once(sep)
                            .is_some_and(|(head, _)| normal(head) == title)
                    });
                (true, strict, headline, recall, precision)
            }
            Err(_) => (false, false, false, 0.0, 0.0),
        };
    Some(Score {
        name,
        news,
        imported,
        title_match,
        title_match_headline,
        recall,
        precision,
    })
}

/// Whether the page declares itself a news article.
fn is_news(source: &str) -> bool {
    let doc = Document::from(source);
    let ld = doc
        .select("script[type='application/ld+json']")
        .nodes()
        .iter()
        .any(|s| s.text().contains("NewsArticle"));
    let microdata = doc.select("[itemtype]").nodes().iter().any(|n| {
        n.attr("itemtype")
            .is_some_and(|t| t.contains("NewsArticle"))
    });
    let og_article = doc
        .select("meta[property='og:type']")
        .nodes()
        .iter()
        .any(|m| {
            m.attr("content")
                .is_some_and(|c| c.trim().eq_ignore_ascii_case("article"))
        })
        && doc
            .select("meta[property='article:published_time']")
            .exists();
    ld || microdata || og_article
}

/// Every word the reader sees in the body (and the hero's caption).
fn article_text(article: &Article) -> String {
    let mut out = String::new();
    let mut add = |t: &str| {
        out.push_str(t);
        out.push(' ');
    };
    for block in &article.body {
        match block {
            Block::Paragraph(p) => add(&p.plain_text()),
            Block::ReadAlso(c) => add(&c.title),
            Block::Heading(h) => add(&h.text),
            Block::Quote(q) => {
                add(&q.text);
                if let Some(cite) = &q.cite {
                    add(cite);
                }
            }
            Block::Image(i) => {
                for t in [&i.caption, &i.credit].into_iter().flatten() {
                    add(t);
                }
            }
        }
    }
    out
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// (recall, precision) of `got` against `expected`, as word multisets.
fn overlap(expected: &HashMap<String, usize>, got: &HashMap<String, usize>) -> (f64, f64) {
    let common: usize = expected
        .iter()
        .map(|(w, n)| (*n).min(*got.get(w).unwrap_or(&0)))
        .sum();
    let total = |bag: &HashMap<String, usize>| bag.values().sum::<usize>();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (ratio(common, total(expected)), ratio(common, total(got)))
}

/// Lower case, letters and digits only, single spaces.
fn normal(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}
