//! `warta import --from html`: real-shaped article pages become valid articles.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;
use crate::warta_bin as cli;

use std::process::{Command, Stdio};

use cli::{text, warta};

use warta::import::html::metadata::page_meta;
use warta::import::html::{import_html, PageImportError, PageOptions};
use warta::json::to_pretty_json;
use warta::model::read_article;
use warta::model::{Block, Paragraph};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/html/{name}")).unwrap()
}

/// Imports a fixture and checks the result passes the same reading as
/// `warta validate` (printed JSON read back).
fn import(name: &str) -> (warta::model::Article, Vec<String>) {
    let imported = import_html(&fixture(name), &PageOptions::default()).unwrap();
    let json = to_pretty_json(&imported.article);
    let reread = read_article(&json).unwrap_or_else(|p| panic!("{name}: {p:?}"));
    assert_eq!(reread, imported.article);
    (imported.article, imported.notes)
}

fn all_text(article: &warta::model::Article) -> String {
    serde_json::to_string(&article.body).unwrap()
}

fn paragraphs(article: &warta::model::Article) -> Vec<&Paragraph> {
    article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

#[test]
fn json_ld_wins_over_open_graph_and_the_document() {
    let (a, notes) = import("jsonld-news.html");
    assert_eq!(a.title, "Harga Beras Medium Naik di Pasar Induk Cipinang");
    assert_eq!(a.site.name, "Kabar Nusantara");
    assert_eq!(
        a.summary.as_deref(),
        Some("Harga beras medium naik Rp1.000 per kilogram dalam sepekan.")
    );
    assert_eq!(a.published.as_deref(), Some("2024-05-16T07:12:00+07:00"));
    // "+0700" with a space is repaired to RFC 3339.
    assert_eq!(a.updated.as_deref(), Some("2024-05-16T09:30:00+07:00"));
    assert_eq!(a.kicker.as_deref(), Some("Ekonomi"));
    assert_eq!(a.lang, "id");
    let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Rina Wulandari", "Dimas Pratama"]);
    // A relative author URL resolves against the canonical URL.
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://kabarnusantara.example/penulis/rina-wulandari")
    );
    assert_eq!(
        a.url,
        "https://kabarnusantara.example/ekonomi/2024/05/16/harga-beras-medium-naik"
    );
    assert!(notes.iter().all(|n| !n.contains("headline")), "{notes:?}");
}

#[test]
fn lead_figure_becomes_the_hero_with_caption_and_credit() {
    let (a, notes) = import("jsonld-news.html");
    let hero = a.hero.as_ref().unwrap();
    assert_eq!(
        hero.src.as_deref(),
        Some("https://cdn.kabarnusantara.example/foto/beras-cipinang.jpg")
    );
    assert_eq!(
        hero.alt,
        "Pedagang menata karung beras di Pasar Induk Cipinang"
    );
    assert_eq!((hero.width, hero.height), (Some(1200), Some(675)));
    assert_eq!(hero.credit.as_deref(), Some("ANTARA/Aditya Pradana"));
    assert!(hero
        .caption
        .as_deref()
        .unwrap()
        .ends_with("Kamis (16/5/2024)."));
    assert!(
        !a.body.iter().any(|b| matches!(b, Block::Image(_))),
        "the hero is not repeated in the body"
    );
    assert!(notes.iter().any(|n| n.contains("credit")), "{notes:?}");
}

#[test]
fn body_keeps_links_emphasis_headings_quotes_and_read_also_cards() {
    let (a, _) = import("jsonld-news.html");
    let first = paragraphs(&a)[0];
    assert!(first.inlines[0].strong);
    assert_eq!(first.inlines[0].text, "JAKARTA");
    let emphasis = paragraphs(&a)[1];
    assert!(emphasis
        .inlines
        .iter()
        .any(|r| r.em && r.text == "pasokan harian"));
    let cards: Vec<_> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::ReadAlso(card) => Some((card.title.as_str(), card.url.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        cards,
        [
            (
                "Bulog Siapkan Operasi Pasar di 12 Provinsi",
                Some(
                    "https://kabarnusantara.example/ekonomi/2024/05/15/bulog-siapkan-operasi-pasar"
                )
            ),
            (
                "Petani Demak Gagal Panen karena Banjir",
                Some("https://kabarnusantara.example/nasional/2024/05/14/petani-demak-gagal-panen")
            ),
        ]
    );
    assert!(a.body.iter().any(
        |b| matches!(b, Block::Heading(h) if h.text == "Pasokan dari Jawa Tengah" && h.level == 2)
    ));
    assert!(a.body.iter().any(|b| matches!(b, Block::Quote(q)
        if q.text.starts_with("Kalau pasokan normal") && q.cite.as_deref() == Some("Haji Udin, pedagang beras"))));
    // The headline is not repeated as a heading.
    assert!(!a
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading(h) if h.text == a.title)));
}

#[test]
fn scripts_ads_share_widgets_and_navigation_never_reach_the_json() {
    for name in [
        "jsonld-news.html",
        "og-relative.html",
        "bare-english.html",
        "wordpress-yoast.html",
    ] {
        let (a, _) = import(name);
        let text = all_text(&a).to_lowercase();
        for furniture in [
            "iklan",
            "advertisement",
            "adsbygoogle",
            "googletag",
            "datalayer",
            "tracking",
            "bagikan",
            "whatsapp",
            "tweet",
            "telegram",
            "salin tautan",
            "terpopuler",
            "beranda",
            "hak cipta",
            "© 20",
            "great news for the islands",
            "pasang iklan",
            "comscore",
        ] {
            assert!(
                !text.contains(furniture),
                "{name}: {furniture:?} leaked into {text}"
            );
        }
    }
}

#[test]
fn open_graph_page_with_base_href_and_lazy_figure() {
    let (a, notes) = import("og-relative.html");
    assert_eq!(
        a.title,
        "Jembatan Gantung Baru Hubungkan Dua Desa di Lumajang"
    );
    assert_eq!(a.site.name, "Warta Daerah");
    assert_eq!(a.lang, "id-ID");
    assert_eq!(a.authors[0].name, "Siti Aminah");
    assert_eq!(a.published.as_deref(), Some("2024-03-02T14:05:00+07:00"));
    // og:image is relative: resolved against the <base>, which is itself root-relative.
    let hero = a.hero.as_ref().unwrap();
    assert_eq!(
        hero.src.as_deref(),
        Some("https://wartadaerah.example/img/2024/jembatan-lumajang.jpg")
    );
    assert_eq!(
        hero.alt,
        "Jembatan gantung kuning membentang di atas sungai"
    );
    // The body figure: the real file from data-src, resolved against <base href="/regional/jatim/">.
    let figure = a
        .body
        .iter()
        .find_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        figure.src.as_deref(),
        Some("https://wartadaerah.example/regional/jatim/foto/jembatan-dekat.jpg")
    );
    assert_eq!(figure.credit.as_deref(), Some("Andi Saputra"));
    assert_eq!(
        figure.caption.as_deref(),
        Some("Anak-anak sekolah melintasi jembatan gantung di Lumajang.")
    );
    assert!(
        notes.iter().any(|n| n.contains("caption as alt")),
        "{notes:?}"
    );
    // Relative links in text, against the base.
    let json = all_text(&a);
    assert!(json.contains("https://wartadaerah.example/regional/jatim/banjir-lumajang-2023"));
    // A "Baca Juga:" label followed by a list: every item is a card.
    let cards: Vec<_> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::ReadAlso(card) => card.url.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        cards,
        [
            "https://wartadaerah.example/regional/jatim/bendungan-lumajang-rampung",
            "https://wartadaerah.example/regional/jateng/jembatan-putus-banyumas",
        ]
    );
    // mailto stays a link; javascript: never does.
    assert!(json.contains("mailto:redaksi@wartadaerah.example"));
    assert!(!json.contains("javascript:"));
}

#[test]
fn page_without_json_ld_or_open_graph_uses_the_document() {
    let (a, notes) = import("bare-english.html");
    assert_eq!(a.title, "Ferry Services Resume After Storm");
    assert_eq!(a.lang, "en");
    assert_eq!(
        a.url,
        "https://harbourtimes.example/news/ferry-services-resume"
    );
    assert_eq!(a.site.name, "harbourtimes.example");
    assert_eq!(a.authors[0].name, "Jane Harper");
    assert!(a.published.is_none());
    assert!(a.body.iter().any(|b| matches!(b, Block::ReadAlso(c)
        if c.title == "Island schools reopen after the storm" && c.url.is_none())));
    assert!(all_text(&a).contains("https://harbourtimes.example/news/pier-damage"));
    // <picture>: AVIF and WebP as formats, the art-directed crop left out.
    let photo = a
        .body
        .iter()
        .find_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .expect("the body photo");
    assert_eq!(
        photo.src.as_deref(),
        Some("https://harbourtimes.example/img/ferry-960.jpg")
    );
    assert_eq!(photo.credit.as_deref(), Some("Tom Reyes"));
    assert_eq!(
        photo.caption.as_deref(),
        Some("The first ferry leaves the harbour on Tuesday.")
    );
    assert_eq!(photo.srcset.len(), 2);
    let types: Vec<&str> = photo
        .formats
        .iter()
        .map(|f| f.media_type.as_str())
        .collect();
    assert_eq!(types, ["image/avif", "image/webp"]);
    assert_eq!(
        photo.formats[0].srcset[1].src,
        "https://harbourtimes.example/img/ferry-960.avif"
    );
    assert!(
        a.hero.is_none(),
        "a photo after the first paragraph stays in the body"
    );
    common::assert_notes(
        &notes,
        &[
            "headline taken",
            "site name guessed",
            "author guessed",
            "no publication time",
            "have no link",
        ],
    );
}

#[test]
fn url_option_wins_and_a_page_without_any_url_is_refused() {
    let page = fixture("bare-english.html").replace(
        "<link rel=\"canonical\" href=\"https://harbourtimes.example/news/ferry-services-resume\">",
        "",
    );
    assert_eq!(
        import_html(&page, &PageOptions::default()).unwrap_err(),
        PageImportError::NoUrl
    );
    let imported = import_html(
        &page,
        &PageOptions {
            url: Some("https://harbourtimes.example/n/1".to_owned()),
        },
    )
    .unwrap();
    assert_eq!(imported.article.url, "https://harbourtimes.example/n/1");
    // Relative links now resolve against the given URL.
    assert!(all_text(&imported.article).contains("https://harbourtimes.example/news/pier-damage"));
}

#[test]
fn empty_or_hostile_pages_fail_cleanly_or_stay_valid() {
    let opts = PageOptions {
        url: Some("https://example.com/a".to_owned()),
    };
    assert!(import_html("", &opts).is_err());
    assert!(import_html("<html><body><nav>menu</nav></body></html>", &opts).is_err());
    // A huge paragraph is cut to the contract's limit with a note, and stays valid.
    let long = "kata ".repeat(30_000);
    let page = format!("<html><head><title>Judul</title></head><body><article><h1>Judul</h1><p>{long}</p><p>{long}</p></article></body></html>");
    let imported = import_html(&page, &opts).unwrap();
    assert!(warta::model::validate(&imported.article).is_empty());
    assert!(
        imported.notes.iter().any(|n| n.contains("were cut")),
        "{:?}",
        imported.notes
    );
    // A page whose text exceeds the largest document `warta validate` reads is
    // shortened to fit, and the printed JSON reads back.
    let para = "kata ".repeat(19_000);
    let page = format!(
        "<html><head><title>Judul</title></head><body><article><h1>Judul</h1>{}</article></body></html>",
        format!("<p>{para}</p>").repeat(70)
    );
    let imported = import_html(&page, &opts).unwrap();
    let json = to_pretty_json(&imported.article);
    assert!(json.len() <= warta::model::limits::MAX_INPUT_BYTES);
    assert!(read_article(&json).is_ok());
    assert!(
        imported.notes.iter().any(|n| n.contains("bytes of JSON")),
        "{:?}",
        imported.notes
    );
}

// ---- The command line: output passes `warta validate`, notes on stderr,
// the agreed exit statuses (for --from html and --from wordpress).

#[test]
fn every_fixture_imports_into_json_that_validates() {
    let cases = [
        ("html", "tests/fixtures/html/jsonld-news.html"),
        ("html", "tests/fixtures/html/og-relative.html"),
        ("html", "tests/fixtures/html/bare-english.html"),
        ("html", "tests/fixtures/html/wordpress-yoast.html"),
        ("wordpress", "tests/fixtures/wordpress/post-embed.json"),
        ("wordpress", "tests/fixtures/wordpress/post.json"),
    ];
    for (from, file) in cases {
        let imported = warta(&["import", "--from", from, file], "");
        assert_eq!(
            imported.status.code(),
            Some(0),
            "{file}: {}",
            text(&imported.stderr)
        );
        let validated = warta(&["validate", "-"], text(&imported.stdout));
        assert!(
            validated.status.success(),
            "{file}: {}",
            text(&validated.stderr)
        );
    }
}

#[test]
fn stdin_notes_and_exit_statuses() {
    let page = std::fs::read_to_string("tests/fixtures/html/bare-english.html").unwrap();
    let out = warta(&["import", "--from", "html", "-"], &page);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("warta: note: site name guessed"));

    // Read but cannot become a valid article: 1, with the reason.
    let out = warta(
        &["import", "--from", "html", "-"],
        "<html><body><p>hanya teks</p></body></html>",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--url"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let out = warta(&["import", "--from", "wordpress", "-"], "[1, 2]");
    assert_eq!(out.status.code(), Some(1));

    // Missing file: 3. Not UTF-8: invalid input, 1.
    let out = warta(
        &[
            "import",
            "--from",
            "html",
            "tests/fixtures/html/missing.html",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    let bad = std::env::temp_dir().join(format!("warta-latin1-{}.html", std::process::id()));
    std::fs::write(&bad, b"<p>caf\xe9</p>").unwrap();
    let out = warta(&["import", "--from", "html", bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_file(&bad);

    // An unknown source is a usage error: 2.
    let out = warta(&["import", "--from", "pdf", "x"], "");
    assert_eq!(out.status.code(), Some(2));
}

// ---- No panic, whatever the page: every result is valid or a clean error.

use proptest::prelude::*;

/// Pieces of real pages, shuffled into odd documents.
const PIECES: &[&str] = &[
    "<p>", "</p>", "<div class=\"ads\">", "</div>", "<a href=\"/x\">", "<a href=\"javascript:x\">", "</a>",
    "<strong>", "</strong>", "<em>", "<figure><img src=\"a.jpg\" data-src=\"b.jpg\" srcset=\"c.jpg 480w, d.jpg 0w, ,\">",
    "<figcaption>Foto: İstanbul (ANTARA)</figcaption></figure>", "Baca juga:", "Read also", "<ul><li>", "</li></ul>",
    "<h1>Judul</h1>", "<h2>Sub</h2>", "<blockquote>", "<cite>Ali</cite></blockquote>", "<br>", "<table><tr><td>x</td></tr></table>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-05-16 07:12:00+0700\",\"image\":[{}]}</script>",
    "<meta property=\"og:image\" content=\"\">", "<base href=\"::\">", "teks berita panjang sekali ", "é\u{0}\u{202e}", "&amp;&#0;&bogus;",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn any_page_imports_to_a_valid_article_or_a_clean_error(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let page: String = picks.iter().map(|&i| PIECES[i]).collect();
        let options = PageOptions { url: Some("https://example.com/a/b".to_owned()) };
        if let Ok(imported) = import_html(&page, &options) {
            prop_assert!(warta::model::validate(&imported.article).is_empty());
        }
    }
}

#[test]
fn output_that_cannot_be_written_is_status_4_and_a_closed_pipe_is_quiet() {
    let file = "tests/fixtures/html/jsonld-news.html";
    // A full disk: status 4 with a reason.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["import", "--from", "html", file])
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4));
        assert!(text(&out.stderr).contains("cannot write"));
    }
    // A reader that went away (`… | head -0`): quiet success.
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["import", "--from", "html", file])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!text(&out.stderr).contains("cannot write"));
}

#[test]
fn an_author_name_after_the_headline_is_not_part_of_it() {
    let page = r#"<html lang="id"><head>
        <meta property="og:title" content="Banjir Rob Rendam Pesisir | Rina Wulandari">
        <meta name="author" content="Rina Wulandari">
        <link rel="canonical" href="https://example.com/banjir-rob"></head>
        <body><article><p>Banjir rob kembali merendam permukiman di pesisir utara sejak Senin pagi, warga mengungsi ke masjid dan balai desa.</p></article></body></html>"#;
    let imported = import_html(page, &PageOptions::default()).unwrap();
    assert_eq!(imported.article.title, "Banjir Rob Rendam Pesisir");
    assert_eq!(imported.article.authors[0].name, "Rina Wulandari");
}

#[test]
fn a_yoast_graph_is_followed_through_its_references() {
    // Yoast names the author, publisher and image once in @graph and points
    // at them by @id from the article node (typed ["Article", "NewsArticle"]).
    let page = fixture("wordpress-yoast.html");
    let meta = page_meta(&dom_query::Document::from(page.as_str()));
    for field in [
        "title",
        "authors",
        "image",
        "site_name",
        "site_url",
        "kicker",
    ] {
        assert_eq!(meta.source_of(field), Some("JSON-LD"), "{field}");
    }
    let (a, _) = import("wordpress-yoast.html");
    assert_eq!(
        a.title,
        "Antrean Air Bersih Mengular di Kampung Nelayan Kenjeran"
    );
    assert_eq!(a.authors.len(), 1);
    assert_eq!(a.authors[0].name, "Rina Kurniasih");
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://kabarkota.example/author/rina-kurniasih/")
    );
    assert_eq!(a.site.name, "Kabar Kota");
    assert_eq!(a.site.url.as_deref(), Some("https://kabarkota.example/"));
    assert_eq!(a.kicker.as_deref(), Some("Kota"));
    assert_eq!(a.lang, "id");
    assert_eq!(a.published.as_deref(), Some("2024-03-12T02:15:00+00:00"));
    let hero = a.hero.as_ref().unwrap();
    assert_eq!(
        hero.src.as_deref(),
        Some("https://kabarkota.example/wp-content/uploads/2024/03/antrean-air-kenjeran.jpg")
    );
    assert_eq!((hero.width, hero.height), (Some(1280), Some(720)));
    assert_eq!(
        hero.caption.as_deref(),
        Some("Warga mengantre air bersih dari truk tangki di Kenjeran, Surabaya.")
    );
}

#[test]
fn a_wordpress_table_and_pull_quote_survive_extraction() {
    let (a, notes) = import("wordpress-yoast.html");
    let texts: Vec<String> = paragraphs(&a).iter().map(|p| p.plain_text()).collect();
    let rows = [
        "Kelurahan · Rumah terdampak · Truk per hari",
        "Kenjeran · 1.240 · 3",
        "Bulak · 860 · 2",
        "Sukolilo Baru · 530 · 2",
        // The table's caption stays, after its rows.
        "Sumber: PDAM Surya Sembada, Selasa (12/3/2024).",
    ];
    let at = texts
        .iter()
        .position(|t| t == rows[0])
        .unwrap_or_else(|| panic!("no table rows in {texts:?}"));
    assert_eq!(texts[at..at + rows.len()], rows);
    assert!(
        a.body.iter().any(|b| matches!(b, Block::Quote(q)
            if q.text == "Kami minta maaf. Petugas bekerja siang dan malam agar air mengalir lagi secepatnya."
                && q.cite.as_deref() == Some("Direktur Operasional PDAM Surya Sembada"))),
        "{:?}",
        a.body
    );
    assert!(
        notes.contains(&"1 table(s) became one paragraph per row".to_owned()),
        "{notes:?}"
    );
    assert!(notes.iter().all(|n| !n.contains("figure")), "{notes:?}");
}

#[test]
fn an_embedded_video_figure_is_named_and_its_caption_kept() {
    let page = r#"<html lang="id"><head><title>Banjir Bandang di Garut</title>
        <link rel="canonical" href="https://example.com/banjir-garut"></head>
        <body><article><h1>Banjir Bandang di Garut</h1>
        <p>Banjir bandang menerjang tiga kecamatan di Garut pada Senin malam setelah hujan deras turun sejak sore, merendam ratusan rumah warga di bantaran sungai.</p>
        <figure class="video"><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315"></iframe>
        <figcaption>Video: detik-detik air bah menerjang permukiman.</figcaption></figure>
        <p>Badan Penanggulangan Bencana Daerah mencatat sedikitnya 400 warga mengungsi ke masjid dan balai desa, sementara petugas membersihkan lumpur dari jalan utama.</p>
        </article></body></html>"#;
    let imported = import_html(page, &PageOptions::default()).unwrap();
    let texts: Vec<String> = paragraphs(&imported.article)
        .iter()
        .map(|p| p.plain_text())
        .collect();
    assert!(
        texts.contains(&"Video: detik-detik air bah menerjang permukiman.".to_owned()),
        "{texts:?}"
    );
    assert!(
        imported
            .notes
            .contains(&"1 embedded video/iframe figure(s) skipped".to_owned()),
        "{:?}",
        imported.notes
    );
}

#[test]
fn a_byline_guess_leaves_the_date_out() {
    for byline in [
        "Rina Kurniasih | Selasa, 12 Maret 2024 09:15 WIB",
        "Rina Kurniasih - Selasa, 12 Maret 2024",
        "Oleh Rina Kurniasih | Selasa, 12 Maret 2024 09:15 WIB",
    ] {
        let page = format!(
            r#"<html lang="id"><head><title>Antrean Air Bersih di Kenjeran</title>
            <link rel="canonical" href="https://example.com/air-kenjeran"></head>
            <body><article><h1>Antrean Air Bersih di Kenjeran</h1>
            <div class="byline">{byline}</div>
            <p>Ratusan warga kampung nelayan Kenjeran mengantre air bersih dari truk tangki sejak Senin sore setelah pipa induk PDAM bocor di bawah jalan raya.</p>
            <p>Truk tangki datang tiga kali sehari, tetapi setiap kedatangan hanya cukup untuk sekitar seratus keluarga yang membawa jeriken dan ember.</p>
            </article></body></html>"#
        );
        let imported = import_html(&page, &PageOptions::default()).unwrap();
        let names: Vec<&str> = imported
            .article
            .authors
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["Rina Kurniasih"], "{byline}: {:?}", imported.notes);
    }
}
