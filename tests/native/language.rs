//! One language at a time: Indonesian and English interface words, dates and
//! page metadata, with no word of the other language; responsive images.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use std::rc::Rc;

use warta::labels::{ENGLISH, INDONESIAN};
use warta::language::{og_locale, Language};
use warta::model::read_article;
use warta::model::{parse_rfc3339, validate, Article};
use warta::page::page;
use warta::render::RenderOptions;

fn article(json: &str) -> Rc<Article> {
    Rc::new(read_article(json).unwrap())
}

/// The page for `json`, without comments (Yew's hydration markers name
/// components, such as `ShareBar`, in debug builds).
fn page_of(json: &str) -> String {
    let html = page(&article(json), "", &RenderOptions::default());
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("-->").unwrap();
        rest = &rest[start + end + 3..];
    }
    out + rest
}

/// Every word of a label table, except words both languages share.
fn words_only_in(
    labels: &warta::labels::Labels,
    other: &warta::labels::Labels,
) -> Vec<&'static str> {
    let all = |l: &warta::labels::Labels| {
        [
            l.read_also,
            l.share_group,
            l.share_to,
            l.copy_link,
            l.link_copied,
            l.copy_failed,
            l.share_native,
            l.share_native_short,
            l.email,
            l.editor,
            l.source,
            l.photo,
            l.by,
            l.updated,
            l.minutes_read,
            l.latest,
            l.partners,
            l.empty_list,
            l.follow,
            l.google_news,
            l.whatsapp_channel,
        ]
    };
    let theirs = all(other);
    all(labels)
        .into_iter()
        .filter(|w| !theirs.contains(w))
        .collect()
}

#[test]
fn dates_read_naturally_in_each_language() {
    let cases = [
        (
            "2024-05-16T07:12:00+07:00",
            "Kamis, 16 Mei 2024 07:12 WIB",
            "Thursday, 16 May 2024, 07:12 WIB",
        ),
        (
            "2026-11-25T21:05:00+08:00",
            "Rabu, 25 November 2026 21:05 WITA",
            "Wednesday, 25 November 2026, 21:05 WITA",
        ),
        (
            "2024-08-17T10:00:00+09:00",
            "Sabtu, 17 Agustus 2024 10:00 WIT",
            "Saturday, 17 August 2024, 10:00 WIT",
        ),
        (
            "2024-01-01T09:30:00-05:00",
            "Senin, 1 Januari 2024 09:30 UTC-05:00",
            "Monday, 1 January 2024, 09:30 UTC-05:00",
        ),
        (
            "2024-02-29T00:00:00Z",
            "Kamis, 29 Februari 2024 00:00 UTC+00:00",
            "Thursday, 29 February 2024, 00:00 UTC+00:00",
        ),
        (
            "2024-12-31T23:59:00+05:30",
            "Selasa, 31 Desember 2024 23:59 UTC+05:30",
            "Tuesday, 31 December 2024, 23:59 UTC+05:30",
        ),
    ];
    for (text, indonesian, english) in cases {
        let t = parse_rfc3339(text).unwrap();
        assert_eq!(Language::Indonesian.format_time(&t), indonesian);
        assert_eq!(Language::English.format_time(&t), english);
    }
}

#[test]
fn one_place_decides_the_language() {
    for (tag, language) in [
        ("id", Language::Indonesian),
        ("en", Language::English),
        ("EN-gb", Language::English),
        ("en-US", Language::English),
        ("jv", Language::Indonesian),
        ("fr-CA", Language::Indonesian),
        ("", Language::Indonesian),
    ] {
        assert_eq!(Language::from_tag(tag), language, "{tag}");
    }
    assert_eq!(
        Language::default(),
        Language::from_tag(warta::language::DEFAULT_TAG)
    );
    for (tag, locale) in [
        ("id", "id_ID"),
        ("en", "en_US"),
        ("en-GB", "en_GB"),
        ("pt-BR", "pt_BR"),
        ("fr", "fr"),
        ("zh-Hant-TW", "zh_TW"),
    ] {
        assert_eq!(og_locale(tag), locale, "{tag}");
    }
}

#[test]
fn an_english_page_has_no_indonesian_interface_word() {
    let html = page_of(common::ENGLISH_JSON);
    for word in words_only_in(&INDONESIAN, &ENGLISH) {
        assert!(
            !html.contains(word),
            "Indonesian {word:?} in the English page"
        );
    }
    for indonesian in ["Kamis", "Mei", "menit", "Oleh", "Diperbarui", "Foto:"] {
        assert!(
            !html.contains(indonesian),
            "{indonesian:?} in the English page"
        );
    }
    for expected in [
        "<html lang=\"en\">",
        "<meta property=\"og:locale\" content=\"en_US\">",
        "\"inLanguage\":\"en\"",
        "By <a href=\"https://daily.example.id/authors/dewi\"",
        ">Thursday, 16 May 2024, 08:12 WITA</time>",
        "Updated <time datetime=\"2024-05-16T11:45:00+09:00\">Thursday, 16 May 2024, 11:45 WIT</time>",
        "min read</span>",
        "(Photo: Reuters)",
        "aria-label=\"Share this article\"",
        "aria-label=\"Share on WhatsApp\"",
        ">Copy link</span>",
        ">Read also</span>",
        ">More Latest News</h2>",
        ">Thursday, 16 May 2024, 01:30 UTC+00:00</time>",
        ">Wednesday, 15 May 2024, 19:05 UTC-04:00</time>",
        ">Partner Links</h2>",
        "No links yet.",
        "Source: <span class=\"warta-footer__tag\">AD/RK</span>",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
}

#[test]
fn an_indonesian_page_has_no_english_interface_word() {
    for json in [common::SAMPLE_JSON, common::RICH_JSON] {
        let html = page_of(json);
        for word in words_only_in(&ENGLISH, &INDONESIAN) {
            assert!(
                !html.contains(word),
                "English {word:?} in an Indonesian page"
            );
        }
        assert!(html.contains("<meta property=\"og:locale\" content=\"id_ID\">"));
    }
}

#[test]
fn an_unknown_language_gets_indonesian_whole() {
    let mut french: serde_json::Value = serde_json::from_str(common::ENGLISH_JSON).unwrap();
    french["lang"] = "fr".into();
    let html = page_of(&french.to_string());
    for word in words_only_in(&ENGLISH, &INDONESIAN) {
        assert!(!html.contains(word), "English {word:?} with lang fr");
    }
    assert!(html.contains(">Kamis, 16 Mei 2024 08:12 WITA</time>"));
    assert!(html.contains(">Baca juga</span>"));
    // The content is still French: the page says so.
    assert!(html.contains("<html lang=\"fr\">") && html.contains("content=\"fr\""));
}

#[test]
fn images_offer_widths_and_formats_and_keep_their_loading() {
    let html = page_of(common::ENGLISH_JSON);
    let sizes = "sizes=\"(min-width: 44rem) 42rem, 100vw\"";
    // The hero: a <picture> with AVIF and WebP first, loaded at once.
    assert!(html.contains(&format!(
        "<picture><source type=\"image/avif\" srcset=\"https://daily.example.id/img/market-480.avif 480w, https://daily.example.id/img/market-1200.avif 1200w\" {sizes}><source type=\"image/webp\""
    )), "{html}");
    assert!(html.contains(&format!(
        "<img src=\"https://daily.example.id/img/market-1200.jpg\" srcset=\"https://daily.example.id/img/market-480.jpg 480w, https://daily.example.id/img/market-800.jpg 800w, https://daily.example.id/img/market-1200.jpg 1200w, https://daily.example.id/img/market-2000.jpg 2000w\" {sizes} alt=\"Traders weigh sacks of rice at the Cipinang wholesale market\" width=\"1200\" height=\"800\" loading=\"eager\" decoding=\"async\" fetchpriority=\"high\""
    )));
    // A body image: its widths, lazy, space reserved.
    assert!(html.contains(&format!(
        "srcset=\"https://daily.example.id/img/field-640.jpg 640w, https://daily.example.id/img/field-1200.jpg 1200w\" {sizes} alt=\"Farmers harvesting rice in a flooded field in East Java\" width=\"1200\" height=\"675\" loading=\"lazy\""
    )));
    // Social networks get the 1200-pixel file, with its size.
    for meta in [
        "<meta property=\"og:image\" content=\"https://daily.example.id/img/market-1200.jpg\">",
        "<meta property=\"og:image:width\" content=\"1200\">",
        "<meta property=\"og:image:height\" content=\"800\">",
    ] {
        assert!(html.contains(meta), "{meta}");
    }
    // Without widths nothing changes: one src, no srcset.
    let sample = page_of(common::RICH_JSON);
    assert!(!sample.contains("srcset") && !sample.contains("<picture>"));
}

#[test]
fn image_sources_are_validated_with_their_paths() {
    let mut bad: serde_json::Value = serde_json::from_str(common::ENGLISH_JSON).unwrap();
    bad["hero"]["srcset"][1]["src"] = "javascript:alert(1)".into();
    bad["hero"]["srcset"][2]["width"] = 480.into();
    bad["hero"]["srcset"][3]["src"] = "https://daily.example.id/a.jpg,".into();
    bad["hero"]["formats"][0]["type"] = "text/html".into();
    bad["hero"]["formats"][1]["srcset"] = serde_json::json!([]);
    bad["body"][6]["srcset"][0]["width"] = 0.into();
    let article: Article = serde_json::from_value(bad).unwrap();
    let problems: Vec<String> = validate(&article).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "hero.srcset[1].src: only http and https links are allowed",
            "hero.srcset[2].width: is listed twice; each width once",
            "hero.srcset[3].src: must not end with a comma (encode it as %2C)",
            "hero.formats[0].type: must be an image media type such as \"image/avif\"",
            "hero.formats[1].srcset: must list at least one file",
            "body[6].srcset[0].width: must be a positive number of pixels",
        ]
    );
    let mut no_src: serde_json::Value = serde_json::from_str(common::ENGLISH_JSON).unwrap();
    no_src["hero"].as_object_mut().unwrap().remove("src");
    let article: Article = serde_json::from_value(no_src).unwrap();
    assert!(validate(&article)
        .iter()
        .any(|p| p.to_string()
            == "hero.src: is needed as the fallback when srcset or formats are given"));
    let unknown = read_article(
        &common::ENGLISH_JSON.replace("\"width\": 480 }", "\"width\": 480, \"dpr\": 2 }"),
    );
    assert!(unknown.is_err());
}
