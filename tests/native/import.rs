//! The importer on the sample article and on variants of its shape.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use warta::import::{import_json, import_text, ImportError, ImportOptions};
use warta::json::to_pretty_json;
use warta::model::read_article;
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

/// The importer's promise: what it returns passes `warta validate`.
fn assert_valid_json(text: &str) -> warta::model::Article {
    let (json, imported) = import_json(text, &ImportOptions::default()).expect("imports");
    assert!(read_article(&json).is_ok(), "{:?}", read_article(&json));
    imported.article
}

#[test]
fn a_headline_without_body_is_refused_with_a_reason() {
    for text in [
        "Judul saja\n",
        "contoh.id\nJudul saja\n",
        "Judul\nKeterangan foto (AFP)\n",
    ] {
        let error = import_text(text, &ImportOptions::default()).unwrap_err();
        assert_eq!(error, ImportError::NoBody, "{text:?}");
    }
    // Only the follow line or the editor under the headline: still no body.
    let error = import_text(
        "Judul\n\nCek berita di Google News\nEditor : Budi\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error, ImportError::NoBody);
}

#[test]
fn list_links_a_browser_would_refuse_stay_text() {
    let text = "Judul\n\nIsi.\n\nTerkini Lainnya\nA https://\nB https://-\nC https://./x\nD https://a.id/d\n";
    let latest = assert_valid_json(text).latest.unwrap();
    let items: Vec<_> = latest
        .iter()
        .map(|i| (i.title.as_str(), i.url.as_deref()))
        .collect();
    assert_eq!(
        items,
        [
            ("A https://", None),
            ("B https://-", None),
            ("C https://./x", None),
            ("D", Some("https://a.id/d")),
        ]
    );
}

#[test]
fn a_list_line_of_dashes_and_a_link_is_named_by_its_link() {
    let text = "Judul\n\nIsi.\n\nTautan Sahabat\n---- https://a.id/x\n";
    let partners = assert_valid_json(text).partner_links.unwrap();
    assert_eq!(partners[0].title, "https://a.id/x");
}

#[test]
fn a_headline_of_dashes_gets_a_valid_url() {
    let article = assert_valid_json("-----\n\nIsi.\n");
    assert_eq!(article.title, "-----");
    assert_eq!(article.url, "https://example.invalid/artikel");
}

#[test]
fn a_long_headline_gets_a_short_guessed_url() {
    let title = "Kata ".repeat(1000);
    let article = assert_valid_json(&format!("contoh.id\n\n{title}\n\nIsi.\n"));
    assert!(article.url.len() < 150, "{}", article.url);
    assert!(article.url.starts_with("https://contoh.id/kata-kata-"));
}

#[test]
fn lone_carriage_returns_end_lines() {
    let article = assert_valid_json("contoh.id\r\rJudul\r\rSatu.\r\rBaca juga : Dua\r\rTiga.\r");
    assert_eq!(article.site.name, "contoh.id");
    assert_eq!(article.title, "Judul");
    assert_eq!(article.body.len(), 3);
}

#[test]
fn a_site_line_that_is_no_host_is_not_the_site() {
    for line in ["a..b", "-a.com", "1.5", "a.-"] {
        let article = assert_valid_json(&format!("{line}\n\nJudul\n\nIsi.\n"));
        assert_eq!(article.title, line, "{line} is the headline");
        assert_eq!(article.site.url, None);
    }
}

#[test]
fn text_over_the_size_limit_is_refused_before_reading() {
    let text = "a".repeat(warta::model::limits::MAX_INPUT_BYTES + 1);
    assert_eq!(
        import_text(&text, &ImportOptions::default()).unwrap_err(),
        ImportError::TooLarge { bytes: text.len() }
    );
}

#[test]
fn fields_over_the_contract_limits_are_refused_with_their_path() {
    let long = "x".repeat(warta::model::limits::MAX_TEXT_CHARS + 1);
    let error = import_text(&format!("Judul\n\n{long}\n"), &ImportOptions::default()).unwrap_err();
    let ImportError::Invalid(problems) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(problems[0].path, "body[0].text");
    assert_eq!(
        error.to_string(),
        "the imported article would be invalid: body[0].text: is longer than 100000 characters"
    );

    let many = "Paragraf.\n\n".repeat(warta::model::limits::MAX_BLOCKS + 1);
    let error = import_text(&format!("Judul\n\n{many}"), &ImportOptions::default()).unwrap_err();
    assert!(
        error.to_string().contains("body: has 10001 blocks"),
        "{error}"
    );

    let bad_url = ImportOptions {
        url: Some("javascript:alert(1)".into()),
    };
    let error = import_text("Judul\n\nIsi.\n", &bad_url).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the imported article would be invalid: url: only http and https links are allowed"
    );
}

#[test]
fn the_json_document_limit_counts_too() {
    // Under the text limit, over the document limit once escaped: every
    // control character becomes six bytes of JSON.
    let body = "\u{1}".repeat(90_000);
    let text = format!("Judul\n\n{}", format!("{body}\n\n").repeat(12));
    assert!(text.len() < warta::model::limits::MAX_INPUT_BYTES);
    assert!(import_text(&text, &ImportOptions::default()).is_ok());
    let error = import_json(&text, &ImportOptions::default()).unwrap_err();
    assert!(
        error.to_string().contains("at most 5242880 are accepted"),
        "{error}"
    );
}

#[test]
fn read_also_under_a_list_heading_is_a_list_item() {
    let text = "Judul\n\nIsi.\n\nTerkini Lainnya\nBaca juga : Berita A https://contoh.id/a\nEditor : bukan editor\n";
    let article = assert_valid_json(text);
    assert_eq!(
        article.body.len(),
        1,
        "no card in the body: {:?}",
        article.body
    );
    assert_eq!(article.editor, None);
    let latest = article.latest.unwrap();
    assert_eq!(latest[0].title, "Baca juga : Berita A");
    assert_eq!(latest[0].url.as_deref(), Some("https://contoh.id/a"));
    assert_eq!(latest[1].title, "Editor : bukan editor");
}

#[test]
fn only_the_closing_call_is_the_follow_call_to_action() {
    let text = "Judul\n\nGoogle News mengubah algoritmenya.\n\nIsi kedua. (Ant/X-1)\n\n\
                Cek berita lain di Google News\nEditor : Budi\n";
    let article = assert_valid_json(text);
    let paragraphs: Vec<_> = article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.plain_text(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        paragraphs,
        ["Google News mengubah algoritmenya.", "Isi kedua."]
    );
    assert_eq!(
        article.follow.unwrap().text,
        "Cek berita lain di Google News"
    );

    // No closing call: the mention stays a paragraph.
    let article = assert_valid_json("Judul\n\nGoogle News mengubah algoritmenya.\n\nIsi kedua.\n");
    assert!(article.follow.is_none());
    assert_eq!(article.body.len(), 2);
}
