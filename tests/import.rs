//! The importer on the sample article and on variants of its shape.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

mod common;

use warta::import::{import_text, ImportError, ImportOptions};
use warta::json::to_pretty_json;
use warta::model::{validate, Block};

fn import(text: &str) -> warta::model::Article {
    import_text(text, &ImportOptions::default())
        .expect("imports")
        .article
}

/// The paragraph texts that come right before each read-also block.
fn read_also_predecessors(body: &[Block]) -> Vec<(String, String)> {
    body.windows(2)
        .filter_map(|pair| match pair {
            [Block::Paragraph(p), Block::ReadAlso(card)] => {
                Some((p.plain_text(), card.title.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn sample_imports_every_part() {
    let article = import(common::SAMPLE_TEXT);
    assert_eq!(
        article.title,
        "Presiden Rusia Vladimir Putin Tiba di Beijing"
    );
    assert_eq!(article.site.name, "visitaaponce.com");
    let hero = article.hero.as_ref().expect("hero");
    assert_eq!(hero.credit.as_deref(), Some("AFP"));
    assert!(hero
        .caption
        .as_deref()
        .unwrap()
        .ends_with("pemimpin Tiongkok, Xi Jinping"));
    assert_eq!(article.source_tag.as_deref(), Some("CNN/Z-3"));
    assert_eq!(article.editor.as_deref(), Some("Thalatie Yani"));
    let follow = article.follow.as_ref().expect("follow call-to-action");
    assert!(follow.text.contains("Google News") && follow.text.contains("WhatsApp channel"));
    assert_eq!(article.latest.as_deref(), Some(&[][..]));
    assert_eq!(article.partner_links.as_deref(), Some(&[][..]));

    let cards: Vec<_> = article
        .body
        .iter()
        .filter(|b| matches!(b, Block::ReadAlso(_)))
        .collect();
    assert_eq!(cards.len(), 3);
    let pairs = read_also_predecessors(&article.body);
    assert_eq!(pairs.len(), 3, "every card follows a paragraph");
    assert!(
        pairs[0].0.contains("wilayah Kharkiv") && pairs[0].1.starts_with("Pengamat: Rusia Ditekan")
    );
    assert!(
        pairs[1].0.contains("sektor inovatif lainnya")
            && pairs[1].1.starts_with("Putin dan Xi Jinping Bertemu")
    );
    assert!(
        pairs[2].0.contains("kas perang Rusia")
            && pairs[2].1.starts_with("Xi Jinping dan Vladimir Putin")
    );

    let last = article.body.last().unwrap();
    assert!(
        matches!(last, Block::Paragraph(p) if p.plain_text().ends_with("forum perdagangan dan kerjasama."))
    );
    assert!(validate(&article).is_empty(), "{:?}", validate(&article));
}

#[test]
fn every_sample_line_is_kept_somewhere() {
    let json = to_pretty_json(&import(common::SAMPLE_TEXT));
    let skipped_on_purpose = [
        "Terkini Lainnya",
        "Tautan Sahabat",
        "Editor : Thalatie Yani",
    ];
    for line in common::SAMPLE_TEXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if skipped_on_purpose.contains(&line) {
            continue;
        }
        // Markers, credits and tags are split off; the words they mark must remain.
        let head = match line.strip_prefix("Baca juga :") {
            Some(card_title) => card_title.trim(),
            None => line
                .split(" (CNN")
                .next()
                .unwrap()
                .split("(AFP)")
                .next()
                .unwrap(),
        };
        let escaped = serde_json::to_string(head).unwrap();
        assert!(json.contains(escaped.trim_matches('"')), "lost: {line}");
    }
}

#[test]
fn checked_in_sample_fixture_is_the_importers_output() {
    assert_eq!(
        to_pretty_json(&import(common::SAMPLE_TEXT)),
        common::SAMPLE_JSON
    );
}

#[test]
fn read_also_variants_are_recognised_in_place() {
    let text = "contoh.id\n\nJudul\n\nSatu.\n\nBaca Juga: A\n\nDua.\n\nBACA JUGA B\n\nTiga.\n\nbaca juga :C\n\nEmpat.\n";
    let article = import(text);
    let kinds: Vec<_> = article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.plain_text(),
            Block::ReadAlso(r) => format!("[{}]", r.title),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        ["Satu.", "[A]", "Dua.", "[B]", "Tiga.", "[C]", "Empat."]
    );
    assert!(
        article.hero.is_none(),
        "a blank line separates the title from the body"
    );
}

#[test]
fn sections_with_items_and_unplaceable_lines() {
    let text = "contoh.id\nJudul\nJudul\nFoto keterangan (Antara/Budi)\n\nIsi berita.\n\nEditor: Budi\n\
                Catatan redaksi yang tidak dikenal.\n\nTerkini Lainnya\nBerita A https://contoh.id/a\nBerita B\n\n\
                Tautan Sahabat\nSitus Kawan - https://kawan.id/\n";
    let imported = import_text(
        text,
        &ImportOptions {
            url: Some("https://contoh.id/judul".into()),
        },
    )
    .unwrap();
    let article = imported.article;
    assert_eq!(article.url, "https://contoh.id/judul");
    assert_eq!(
        article.hero.as_ref().unwrap().credit.as_deref(),
        Some("Antara/Budi")
    );
    assert_eq!(article.editor.as_deref(), Some("Budi"));
    let latest = article.latest.unwrap();
    assert_eq!(
        (latest[0].title.as_str(), latest[0].url.as_deref()),
        ("Berita A", Some("https://contoh.id/a"))
    );
    assert_eq!(
        (latest[1].title.as_str(), latest[1].url.as_deref()),
        ("Berita B", None)
    );
    let partners = article.partner_links.unwrap();
    assert_eq!(
        (partners[0].title.as_str(), partners[0].url.as_deref()),
        ("Situs Kawan", Some("https://kawan.id/"))
    );
    // An unknown line is kept as a paragraph, not dropped.
    assert!(article.body.iter().any(|b| matches!(b, Block::Paragraph(p) if p.plain_text() == "Catatan redaksi yang tidak dikenal.")));
    assert!(imported
        .notes
        .iter()
        .any(|n| n.contains("repeated headline")));
}

#[test]
fn text_without_a_headline_is_refused() {
    assert_eq!(
        import_text("", &ImportOptions::default()).unwrap_err(),
        ImportError::NoTitle
    );
    assert_eq!(
        import_text("\n  \n", &ImportOptions::default()).unwrap_err(),
        ImportError::NoTitle
    );
}

#[test]
fn windows_line_endings_and_no_site_line() {
    let article = import("Judul Saja\r\n\r\nParagraf.\r\n");
    assert_eq!(article.title, "Judul Saja");
    assert!(article
        .url
        .starts_with("https://example.invalid/judul-saja"));
    assert!(validate(&article).is_empty());
}
