//! Server render: each component's structure, the sample's fragment, and the
//! embedded JSON's safety.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use std::rc::Rc;

use futures::executor::block_on;
use warta::components::*;
use warta::embed::{fingerprint, script_safe_json};
use warta::language::Language;
use warta::model::read_article;
use warta::model::ShareSubject;
use warta::model::{Article, Block, Image, LinkItem, ReadAlso};
use warta::page::{fragment, page};
use warta::render::RenderOptions;
use yew::{BaseComponent, LocalServerRenderer};

fn render<C: BaseComponent>(props: C::Properties) -> String {
    block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn article(json: &str) -> Rc<Article> {
    Rc::new(read_article(json).unwrap())
}

/// Byte offset of `needle`, which must occur.
fn at(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("missing {needle:?}"))
}

#[test]
fn header_has_site_kicker_title_byline_dates_and_reading_time() {
    let html = render::<ArticleHeader>(ArticleHeaderProps {
        article: article(common::RICH_JSON),
    });
    assert!(html.starts_with("<header class=\"warta-header\">"));
    assert!(html.contains("<a href=\"https://kabar.example.id/\">Kabar Nusantara</a>"));
    assert!(html.contains("<span class=\"warta-header__kicker\">Ekonomi</span>"));
    assert!(html.contains("<h1 class=\"warta-header__title\">Harga Beras Turun 5% — Petani &amp; Pedagang \"Lega\" &lt;Akhirnya&gt;</h1>"));
    assert!(html.contains("Oleh <a href=\"https://kabar.example.id/penulis/siti\" rel=\"author\" class=\"warta-byline__author\">Siti Nurhaliza</a>, <a"));
    assert!(html.contains("<time datetime=\"2024-05-16T07:12:00+07:00\" class=\"warta-header__published\">Kamis, 16 Mei 2024 07:12 WIB</time>"));
    assert!(html.contains("Diperbarui <time datetime=\"2024-05-16T09:45:30+07:00\">Kamis, 16 Mei 2024 09:45 WIB</time>"));
    assert!(html.contains(">1 menit baca</span>"));
}

#[test]
fn figure_reserves_space_and_credits_the_photo() {
    let image = Image {
        src: Some("https://x.id/a.jpg".into()),
        alt: "Pedagang beras".into(),
        width: Some(1200),
        height: Some(800),
        caption: Some("Pasar pagi".into()),
        credit: Some("Antara".into()),
        srcset: Vec::new(),
        formats: Vec::new(),
    };
    let html = render::<Figure>(FigureProps {
        image,
        hero: true,
        language: Language::Indonesian,
    });
    assert!(html.contains("<img src=\"https://x.id/a.jpg\" alt=\"Pedagang beras\" width=\"1200\" height=\"800\" loading=\"eager\" decoding=\"async\" fetchpriority=\"high\" class=\"warta-figure__image\">"), "{html}");
    assert!(html.contains("<figcaption class=\"warta-figure__caption\">Pasar pagi <span class=\"warta-figure__credit\">(Foto: Antara)</span></figcaption>"));
}

#[test]
fn read_also_is_an_aside_with_a_link_only_when_there_is_a_url() {
    let card = ReadAlso {
        title: "Judul & lain".into(),
        url: Some("https://x.id/b".into()),
        image: None,
    };
    let html = render::<ReadAlsoCard>(ReadAlsoCardProps {
        card,
        language: Language::Indonesian,
    });
    assert!(html.starts_with(
        "<aside aria-label=\"Baca juga: Judul &amp; lain\" class=\"warta-read-also\">"
    ));
    assert!(html.contains("<span class=\"warta-read-also__label\">Baca juga</span><a href=\"https://x.id/b\" class=\"warta-read-also__title\">Judul &amp; lain</a>"));
    let card = ReadAlso {
        title: "Tanpa tautan".into(),
        url: None,
        image: None,
    };
    let html = render::<ReadAlsoCard>(ReadAlsoCardProps {
        card,
        language: Language::English,
    });
    assert!(html.contains("aria-label=\"Read also: Tanpa tautan\"") && !html.contains("<a "));
}

#[test]
fn paragraph_runs_become_strong_em_and_links_and_text_stays_text() {
    let html = render::<ArticleBody>(ArticleBodyProps {
        article: article(common::RICH_JSON),
        ad_slots: Default::default(),
    });
    assert!(html.contains("<p><strong>JAKARTA</strong> — Harga beras medium di <a href=\"https://kabar.example.id/tag/cipinang?utm=x&amp;y=1\">Pasar Induk Beras Cipinang</a>"));
    assert!(html.contains("<em>Badan Pangan Nasional</em>"));
    assert!(html.contains("<a href=\"https://bapanas.example.go.id/laporan?tahun=2024&amp;bulan=05\"><strong><em>situs Bapanas</em></strong></a>"));
    assert!(
        html.contains("<h2 class=\"warta-body__heading\">Pasokan pulih setelah panen raya</h2>")
    );
    assert!(html.contains("<blockquote class=\"warta-body__quote\"><p>Kami berharap harga tetap stabil sampai Iduladha.</p><footer><cite>Kepala Bulog</cite></footer></blockquote>"));
    let hostile = render::<ArticleBody>(ArticleBodyProps {
        article: article(common::LONG_JSON),
        ad_slots: Default::default(),
    });
    assert!(hostile
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- komentar --&gt;"));
    assert!(!hostile.contains("<script"));
}

#[test]
fn footer_has_source_editor_and_follow_links() {
    let html = render::<ArticleFooter>(ArticleFooterProps {
        article: article(common::RICH_JSON),
    });
    assert!(html.contains("<p class=\"warta-footer__source\">Sumber: <span class=\"warta-footer__tag\">Ant/KN-2</span></p>"));
    assert!(html.contains("<p class=\"warta-footer__editor\">Editor: <span class=\"warta-footer__name\">Agus Salim</span></p>"));
    assert!(html.contains("<a href=\"https://news.google.com/publications/kabar\" class=\"warta-follow__link\">Ikuti di Google News</a>"));
    assert!(html.contains("<a href=\"https://whatsapp.com/channel/kabar\" class=\"warta-follow__link\">Ikuti saluran WhatsApp</a>"));
}

#[test]
fn link_lists_show_items_or_an_empty_note() {
    let items = Rc::new(vec![
        LinkItem {
            title: "Rupiah".into(),
            url: Some("https://x.id/r".into()),
            published: Some("2024-05-16T08:30:00+07:00".into()),
        },
        LinkItem {
            title: "Tanpa URL".into(),
            url: None,
            published: None,
        },
    ]);
    let html = render::<LinkList>(LinkListProps {
        heading: "Terkini Lainnya".into(),
        items,
        language: Language::Indonesian,
        class: Default::default(),
    });
    assert!(html.contains("<section aria-label=\"Terkini Lainnya\" class=\"warta-links\"><h2 class=\"warta-links__heading\">Terkini Lainnya</h2><ul class=\"warta-links__list\">"));
    assert!(html.contains("<a href=\"https://x.id/r\" class=\"warta-links__link\">Rupiah</a><time datetime=\"2024-05-16T08:30:00+07:00\" class=\"warta-links__time\">"));
    assert!(html.contains("<span class=\"warta-links__link\">Tanpa URL</span>"));
    let empty = render::<LinkList>(LinkListProps {
        heading: "Tautan Sahabat".into(),
        items: Rc::default(),
        language: Language::Indonesian,
        class: Default::default(),
    });
    assert!(empty.contains("<p class=\"warta-links__empty\">Belum ada tautan untuk saat ini.</p>"));
}

#[test]
fn share_bar_links_work_without_wasm() {
    let html = render::<ShareBar>(ShareBarProps {
        subject: Rc::new(ShareSubject::from(&*article(common::SAMPLE_JSON))),
        on_ready: Default::default(),
        bar_ref: Default::default(),
    });
    assert!(html
        .starts_with("<div role=\"group\" aria-label=\"Bagikan artikel\" class=\"warta-share\">"));
    let url = "https%3A%2F%2Fvisitaaponce.com%2Fpresiden-rusia-vladimir-putin-tiba-di-beijing";
    for expected in [
        format!("href=\"https://api.whatsapp.com/send?text=Presiden%20Rusia%20Vladimir%20Putin%20Tiba%20di%20Beijing%20{url}\""),
        format!("href=\"https://www.facebook.com/sharer/sharer.php?u={url}\""),
        format!("href=\"https://t.me/share/url?url={url}&amp;text=Presiden%20Rusia"),
        "aria-label=\"Bagikan ke WhatsApp\"".to_owned(),
    ] {
        assert!(html.contains(&expected), "{expected}");
    }
}

#[test]
fn new_networks_and_a_publishers_own_render_as_links_without_wasm() {
    let html = render::<ShareBar>(ShareBarProps {
        subject: Rc::new(ShareSubject::from(&*article(common::ENGLISH_JSON))),
        on_ready: Default::default(),
        bar_ref: Default::default(),
    });
    let url =
        "https%3A%2F%2Fdaily.example.id%2Fbusiness%2F2024%2F05%2F16%2Frice-prices-fall%3Futm_source%3D";
    let external = "target=\"_blank\" rel=\"noopener noreferrer\"";
    for expected in [
        "href=\"https://bsky.app/intent/compose?text=Rice%20Prices".to_owned(),
        "href=\"https://share.joinmastodon.org/#text=Rice%20Prices".to_owned(),
        "href=\"https://www.threads.com/intent/post?text=Rice%20Prices".to_owned(),
        format!("<li data-network=\"forum\" class=\"warta-share__item warta-share__item--forum\"><a href=\"https://forum.example.com/share?link={url}daily"),
        format!("{external} aria-label=\"Share on Daily Forum\" title=\"Share on Daily Forum\""),
        "<span class=\"warta-share__text\">Daily Forum</span>".to_owned(),
        "aria-label=\"Share on Bluesky\"".to_owned(),
        "aria-label=\"Share on Mastodon\"".to_owned(),
        "aria-label=\"Share on Threads\"".to_owned(),
    ] {
        assert!(html.contains(&expected), "{expected}\n{html}");
    }
    assert_eq!(html.matches("<svg").count(), 13);
}

#[test]
fn share_bar_enhancements_start_hidden_and_icons_are_silent() {
    let html = render::<ShareBar>(ShareBarProps {
        subject: Rc::new(ShareSubject::from(&*article(common::RICH_JSON))),
        on_ready: Default::default(),
        bar_ref: Default::default(),
    });
    // The native share button waits, hidden, for the browser to say it has a share sheet.
    assert!(html.contains("<li data-network=\"native\" hidden=\"hidden\" class=\"warta-share__item warta-share__item--native\"><button type=\"button\" aria-label=\"Bagikan lewat aplikasi lain\""));
    // Without Wasm, "copy" is a link to the (tagged) article, which a long-press copies.
    assert!(html.contains("<a href=\"https://kabar.example.id/ekonomi/2024/05/16/harga-beras-turun?ref=home&amp;utm_source=kabar&amp;utm_medium=social&amp;utm_campaign=widget#lead\" aria-label=\"Salin tautan\""));
    assert_eq!(html.matches("<svg").count(), 7);
    assert_eq!(
        html.matches("aria-hidden=\"true\" focusable=\"false\"")
            .count(),
        7
    );
    assert!(html.contains(
        "<div role=\"status\" aria-live=\"polite\" class=\"warta-share__status\"></div>"
    ));
    // Order from the share settings: native, whatsapp, telegram, x, facebook, email, copy.
    let order: Vec<usize> = [
        "native", "whatsapp", "telegram", "\"x\"", "facebook", "email", "copy",
    ]
    .iter()
    .map(|n| {
        at(
            &html,
            &format!(
                "data-network={}",
                if n.starts_with('"') {
                    n.to_string()
                } else {
                    format!("\"{n}\"")
                }
            ),
        )
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!html.contains("linkedin") && !html.contains("social-plugins.line.me"));
}

/// The classes of the `<p>` elements in `html`, in order (`""` for a bare one).
fn paragraph_classes(html: &str) -> Vec<&str> {
    html.match_indices("<p")
        .filter_map(|(start, _)| {
            let tag = &html[start..start + html[start..].find('>')?];
            // `<p ` or `<p>`, not `<path` or `<picture`.
            (tag == "<p" || tag.starts_with("<p ")).then(|| {
                tag.split("class=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or("")
            })
        })
        .collect()
}

/// Ad inserters place a slot "after paragraph N" by counting the article's
/// `p` elements. So up to the footer the only `p` elements are the
/// article's paragraphs (the body's, a quote's, the standfirst): none in
/// the share bar (one there put the slot inside the bar, which is rendered
/// afresh when the page changed it), the header's lines, a read-also card
/// or a declared ad slot's label.
#[test]
fn only_paragraphs_are_p_elements_for_an_ad_inserter_to_count() {
    let ad_slots = warta::json::parse_ad_slots(
        &std::fs::read_to_string("tests/fixtures/ad-slots.json").unwrap(),
    )
    .unwrap();
    for (name, json) in common::FIXTURES {
        let bar = render::<ShareBar>(ShareBarProps {
            subject: Rc::new(ShareSubject::from(&*article(json))),
            on_ready: Default::default(),
            bar_ref: Default::default(),
        });
        assert_eq!(paragraph_classes(&bar), Vec::<&str>::new(), "{name}: {bar}");
        assert!(
            bar.contains("role=\"status\" aria-live=\"polite\""),
            "{name}"
        );
        let options = RenderOptions {
            ad_slots: ad_slots.clone(),
        };
        let html = fragment(&article(json), &options);
        let footer = html.find("<footer").unwrap_or(html.len());
        for class in paragraph_classes(&html[..footer]) {
            assert!(
                ["", "warta-header__summary"].contains(&class),
                "{name}: a p element that is no paragraph: {class}"
            );
        }
    }
    // The sample's first p is its first paragraph.
    let html = fragment(&article(common::SAMPLE_JSON), &RenderOptions::default());
    let first = at(&html, "<p>PRESIDEN Rusia");
    assert_eq!(paragraph_classes(&html[..first]), Vec::<&str>::new());
}

#[test]
fn sample_fragment_shows_every_part_in_order() {
    let html = fragment(&article(common::SAMPLE_JSON), &RenderOptions::default());
    let title = at(
        &html,
        "<h1 class=\"warta-header__title\">Presiden Rusia Vladimir Putin Tiba di Beijing</h1>",
    );
    let caption = at(
        &html,
        "Xi Jinping <span class=\"warta-figure__credit\">(Foto: AFP)</span></figcaption>",
    );
    let first_para = at(&html, "<p>PRESIDEN Rusia Vladimir Putin telah tiba");
    let kharkiv = at(&html, "di wilayah Kharkiv di timur laut negaranya.</p>");
    let card1 = at(&html, "Baca juga</span><span class=\"warta-read-also__title\">Pengamat: Rusia Ditekan Barat dan Dimanfaatkan Tiongkok</span>");
    let gaza = at(&html, "<p>Perang, serta konflik di Gaza");
    let card2 = at(
        &html,
        "Putin dan Xi Jinping Bertemu, Sinyal Keras untuk AS</span>",
    );
    let war_chest = at(&html, "menguras kas perang Rusia");
    let card3 = at(
        &html,
        "Xi Jinping dan Vladimir Putin akan Bertemu di Uzbekistan</span>",
    );
    let xi_hosts = at(&html, "<p>Xi menjamu Putin di Beijing");
    let source = at(
        &html,
        "Sumber: <span class=\"warta-footer__tag\">CNN/Z-3</span>",
    );
    let editor = at(
        &html,
        "Editor: <span class=\"warta-footer__name\">Thalatie Yani</span>",
    );
    let follow = at(&html, "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel mediaindonesia.com");
    let latest = at(&html, ">Terkini Lainnya</h2>");
    let partners = at(&html, ">Tautan Sahabat</h2>");
    let order = [
        title, caption, first_para, kharkiv, card1, gaza, card2, war_chest, card3, xi_hosts,
        source, editor, follow, latest, partners,
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(html.matches("class=\"warta-read-also\"").count(), 3);
    // Each card sits directly after the paragraph it followed in the text.
    assert!(html[kharkiv..card1].find("<p>").is_none());
    assert!(html.contains(">visitaaponce.com</a>"));
}

/// The text inside the fragment's JSON script.
fn script_text(html: &str) -> &str {
    let start = at(html, "data-warta-data>") + "data-warta-data>".len();
    let end = start + at(&html[start..], "</script>");
    &html[start..end]
}

#[test]
fn embedded_json_survives_hostile_strings() {
    let hostile = article(common::LONG_JSON);
    let html = fragment(&hostile, &RenderOptions::default());
    // The only </script> is the one closing the JSON copy.
    assert_eq!(html.matches("</script").count(), 1);
    let json = script_text(&html);
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
    assert!(!json.contains('\u{2028}') && !json.contains('\u{2029}'));
    assert_eq!(
        read_article(json).unwrap(),
        *hostile,
        "the copy decodes to the same article"
    );
    assert!(html.contains(&format!("data-warta-fingerprint=\"{}\"", fingerprint(json))));
}

#[test]
fn script_safe_json_keeps_the_value() {
    let raw = r#"{"a":"</script><!-- & \u2028 \\<","b":"\u2029>"}"#;
    let safe = script_safe_json(raw);
    let original: serde_json::Value = serde_json::from_str(raw).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
        original
    );
    assert!(!safe.contains('<'));
}

#[test]
fn fingerprint_changes_with_the_json() {
    assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
    assert!(fingerprint("{}").starts_with(concat!(env!("CARGO_PKG_VERSION"), "-")));
    // FNV-1a 64 of the empty text and of "a" (the algorithm's published
    // test vectors), as 16 lowercase hex digits: markup written by any
    // version of the CLI compares equal to what the browser computes.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(fingerprint(""), format!("{version}-cbf29ce484222325"));
    assert_eq!(fingerprint("a"), format!("{version}-af63dc4c8601ec8c"));
}

#[test]
fn page_has_metadata_and_the_fragment() {
    let rich = article(common::RICH_JSON);
    let html = page(
        &rich,
        "https://cdn.example.id/warta/",
        &RenderOptions::default(),
    );
    for expected in [
        "<html lang=\"id\">",
        "<title>Harga Beras Turun 5% — Petani &amp; Pedagang \"Lega\" &lt;Akhirnya&gt; - Kabar Nusantara</title>",
        "<meta name=\"description\" content=\"Bulog menyebut pasokan",
        "<link rel=\"canonical\" href=\"https://kabar.example.id/ekonomi/2024/05/16/harga-beras-turun?ref=home#lead\">",
        "<meta property=\"og:title\" content=\"Harga Beras Turun 5% — Petani &amp; Pedagang &quot;Lega&quot; &lt;Akhirnya&gt;\">",
        "<meta property=\"article:published_time\" content=\"2024-05-16T07:12:00+07:00\">",
        "<script type=\"application/ld+json\">",
        "<link rel=\"stylesheet\" href=\"https://cdn.example.id/warta/warta.css\">",
        "<script type=\"module\" src=\"https://cdn.example.id/warta/warta-init.js\"></script>",
        "<div class=\"warta\" data-warta>",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    let ld_start = at(&html, "application/ld+json\">") + "application/ld+json\">".len();
    let ld_end = ld_start + at(&html[ld_start..], "</script>");
    let ld: serde_json::Value = serde_json::from_str(&html[ld_start..ld_end]).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], rich.title);
    assert_eq!(ld["author"][0]["name"], "Siti Nurhaliza");
    assert_eq!(ld["datePublished"], "2024-05-16T07:12:00+07:00");
}

#[test]
fn every_block_type_renders() {
    let mut rich = read_article(common::RICH_JSON).unwrap();
    // Every kind of block, and both ways of writing a paragraph, is in the fixture.
    let kinds: Vec<&str> = rich
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) if p.text.is_some() => "text paragraph",
            Block::Paragraph(_) => "inline paragraph",
            Block::ReadAlso(_) => "read also",
            Block::Heading(_) => "heading",
            Block::Quote(_) => "quote",
            Block::Image(_) => "image",
        })
        .collect();
    for kind in [
        "text paragraph",
        "inline paragraph",
        "read also",
        "heading",
        "quote",
        "image",
    ] {
        assert!(kinds.contains(&kind), "the fixture lacks a {kind}");
    }
    // The other heading levels, after the fixture's own blocks.
    for level in [3, 4] {
        rich.body.push(Block::Heading(warta::model::Heading {
            text: format!("Level {level}"),
            level,
        }));
    }
    let html = render::<ArticleView>(ArticleViewProps {
        article: Rc::new(rich),
        ad_slots: Default::default(),
        share_island: None,
        on_ready: Default::default(),
    });
    assert!(html.contains("<article lang=\"id\" class=\"warta-article\">"));
    // Each block's markup, in the fixture's order.
    let body = &html[at(&html, "<div class=\"warta-body\">")..];
    let mut from = 0;
    for expected in [
        // Paragraph of runs: strong, plain, link, emphasis.
        "<p><strong>JAKARTA</strong> — Harga beras medium di <a href=\"https://kabar.example.id/tag/cipinang?utm=x&amp;y=1\">Pasar Induk Beras Cipinang</a> turun",
        "<em>Badan Pangan Nasional</em>.</p>",
        // Read-also card with an image and a link.
        "<aside aria-label=\"Baca juga: Bulog Tambah Stok Beras di 12 Provinsi\" class=\"warta-read-also\"><img src=\"https://kabar.example.id/img/bulog.jpg\" alt=\"\"",
        "<span class=\"warta-read-also__label\">Baca juga</span><a href=\"https://kabar.example.id/ekonomi/bulog-tambah-stok\" class=\"warta-read-also__title\">Bulog Tambah Stok Beras di 12 Provinsi</a></div></aside>",
        "<h2 class=\"warta-body__heading\">Pasokan pulih setelah panen raya</h2>",
        "<p>Panen raya di Jawa Timur dan Sulawesi Selatan membuat pasokan naik 18% dibanding bulan lalu.</p>",
        "<blockquote class=\"warta-body__quote\"><p>Kami berharap harga tetap stabil sampai Iduladha.</p><footer><cite>Kepala Bulog</cite></footer></blockquote>",
        // Body image: reserved size, lazy, caption and credit.
        "<figure class=\"warta-figure\"><img src=\"https://kabar.example.id/img/pasar.jpg\" alt=\"Pedagang menimbang beras di Pasar Induk Cipinang\" width=\"1200\" height=\"800\" loading=\"lazy\"",
        "<figcaption class=\"warta-figure__caption\">Pedagang menimbang beras di Cipinang, Kamis pagi. <span class=\"warta-figure__credit\">(Foto: Antara/Aprillio Akbar)</span></figcaption></figure>",
        // Nested emphasis inside a link, and a mailto link.
        "<a href=\"https://bapanas.example.go.id/laporan?tahun=2024&amp;bulan=05\"><strong><em>situs Bapanas</em></strong></a>",
        "<a href=\"mailto:redaksi@kabar.example.id\">redaksi</a>",
        // Read-also card with neither link nor image: the title as text.
        "<span class=\"warta-read-also__title\">Inflasi Pangan Melandai</span></div></aside>",
        "<h3 class=\"warta-body__heading\">Level 3</h3>",
        "<h4 class=\"warta-body__heading\">Level 4</h4></div>",
    ] {
        let found = body[from..]
            .find(expected)
            .unwrap_or_else(|| panic!("missing, or out of order: {expected}"));
        from += found + expected.len();
    }
}
