//! The server side of surviving host pages: the article is static markup
//! with one hydratable island (the share bar) carrying its shape, and ad
//! slots are placed, reserved and validated.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use std::process::Command;
use std::rc::Rc;

use warta::ad_slots::{unplaced_ad_slots, validate_ad_slots, AdSlot, ReservedHeight};
use warta::embed::shape::{markup_hash, shape_of_html};
use warta::json::parse_ad_slots;
use warta::model::read_article;
use warta::model::Article;
use warta::render::{article_markup_blocking, RenderOptions};

fn sample() -> Rc<Article> {
    Rc::new(read_article(common::SAMPLE_JSON).unwrap())
}

fn slot(after: u32, id: &str) -> AdSlot {
    AdSlot {
        after,
        id: id.to_owned(),
        min_height: ReservedHeight {
            phone: 250,
            desktop: 90,
        },
        label: Some("Iklan".to_owned()),
    }
}

/// The island element's markup and its shape attribute's value.
fn island(html: &str) -> (&str, &str) {
    let open = html
        .find("<div data-warta-island=\"share\"")
        .expect("an island");
    let shape = attribute(&html[open..], "data-warta-shape");
    let content_at = open + html[open..].find('>').unwrap() + 1;
    let content_end = content_at + html[content_at..].find("<!--</[").unwrap();
    let close = content_end + html[content_end..].find("-->").unwrap() + 3;
    (&html[content_at..close], shape)
}

/// The value of the first sixteen-digit hash attribute `name` in `html`.
fn attribute<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    &html[at..at + 16]
}

#[test]
fn only_the_share_bar_carries_hydration_markers() {
    for (name, json) in common::FIXTURES {
        let html = article_markup_blocking(
            Rc::new(read_article(json).unwrap()),
            &RenderOptions::default(),
        );
        let (content, shape) = island(&html);
        assert_eq!(
            shape,
            shape_of_html(content),
            "{name}: the shape is of the island's markup"
        );
        assert_eq!(
            attribute(&html, "data-warta-markup"),
            markup_hash(shape, content),
            "{name}: the markup hash is of the shape and the island's exact markup"
        );
        assert!(
            content.starts_with("<!--<["),
            "{name}: the island is a hydratable component"
        );
        // Outside the island, no Yew marker an optimiser could break.
        let outside = html.replace(content, "");
        assert!(!outside.contains("<!--"), "{name}: {outside}");
    }
}

#[test]
fn the_shape_is_written_as_sixteen_hex_digits_of_its_fnv1a_hash() {
    // Nothing at all hashes to FNV-1a's offset basis; one element to the
    // hash of its token `<h:p >`, zero-padded like every shape.
    assert_eq!(shape_of_html(""), "cbf29ce484222325");
    let one = shape_of_html("<p></p>");
    assert_eq!(one.len(), 16);
    assert!(one
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    let mut hash = warta::embed::Fnv64::default();
    hash.write(b"<h:p >");
    assert_eq!(one, format!("{:016x}", hash.finish()));
}

#[test]
fn the_shape_sees_elements_and_comments_not_text_or_attributes() {
    let base = "<!--<[A]>--><div class=\"a\"><p>x</p><img src=\"a.jpg\"><svg><path d=\"M0\"/></svg></div><!--</[A]>-->";
    let same = [
        // Other attributes (escaped as Yew writes them) and text, upper-case HTML names.
        "<!--<[A]>--><div id=\"other\" class=\"b&gt;c&quot;\"><P>other text</P><img><svg><path/></svg></div><!--</[A]>-->",
        "<!--<[A]>--><div><p>x</p><img/><svg><path d=\"M0\"></path></svg></div><!--</[A]>-->",
    ];
    for html in same {
        assert_eq!(shape_of_html(html), shape_of_html(base), "{html}");
    }
    let different = [
        // An element wrapped around text (page translation).
        "<!--<[A]>--><div class=\"a\"><p>x<font>y</font></p><img><svg><path/></svg></div><!--</[A]>-->",
        // Comments removed (a minifier), added, or reworded.
        "<div class=\"a\"><p>x</p><img><svg><path/></svg></div>",
        "<!--<[A]>--><div class=\"a\"><p>x</p><img><svg><path/></svg></div><!-- host --><!--</[A]>-->",
        "<!-- <[A]>--><div class=\"a\"><p>x</p><img><svg><path/></svg></div><!--</[A]>-->",
        // Elements reordered or moved out.
        "<!--<[A]>--><div class=\"a\"><p>x</p><svg><path/></svg><img></div><!--</[A]>-->",
        "<!--<[A]>--><div class=\"a\"><p>x</p></div><img><svg><path/></svg><!--</[A]>-->",
        // SVG names are compared exactly, and HTML's `/>` does not close.
        "<!--<[A]>--><div class=\"a\"><p>x</p><img><svg><PATH/></svg></div><!--</[A]>-->",
        "<!--<[A]>--><div class=\"a\"><p/>x<img><svg><path/></svg></div><!--</[A]>-->",
    ];
    for html in different {
        assert_ne!(shape_of_html(html), shape_of_html(base), "{html}");
    }
}

#[test]
fn ad_slots_stand_after_their_paragraph_with_reserved_height() {
    let article = sample();
    let html = article_markup_blocking(
        article.clone(),
        &RenderOptions {
            ad_slots: vec![slot(2, "div-gpt-ad-1"), slot(5, "div-gpt-ad-2")],
        },
    );
    let body = &html[html.find("<div class=\"warta-body\">").unwrap()..];
    for (after, id) in [(2, "div-gpt-ad-1"), (5, "div-gpt-ad-2")] {
        let slot_at = body.find(&format!("id=\"{id}\"")).expect("the slot");
        let wrapper_at = body[..slot_at].rfind("<div data-warta-ad-after=").unwrap();
        // Directly after the n-th paragraph, counting only paragraphs.
        let before = &body[..wrapper_at];
        assert!(before.ends_with("</p>"), "{id} follows a paragraph");
        // Body paragraphs are the only bare `<p>` (cards and labels have classes).
        assert_eq!(before.matches("<p>").count(), after);
        let wrapper = &body[wrapper_at..];
        assert!(wrapper.starts_with(&format!(
            "<div data-warta-ad-after=\"{after}\" class=\"warta-ad\">"
        )));
        assert!(wrapper.contains("<div class=\"warta-ad__label\">Iklan</div>"));
        assert!(wrapper.contains("height=\"250\""), "phone reservation");
        assert!(wrapper.contains("height=\"90\""), "desktop reservation");
        assert!(
            wrapper.contains(&format!(
                "<div id=\"{id}\" data-warta-ad=\"\" class=\"warta-ad__slot\"></div>"
            )),
            "empty, for the ad script"
        );
    }
    assert!(
        !html.contains("style="),
        "no inline style: a strict CSP refuses it"
    );
}

#[test]
fn ad_slot_problems_carry_their_path() {
    let mut bad = vec![slot(0, "a b"), slot(1, "x"), slot(1, "x")];
    bad[1].min_height.phone = 5_000;
    bad[2].label = Some("  ".into());
    let lines: Vec<String> = validate_ad_slots(&bad)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "[0].after: must be 1 or more (1 = after the first paragraph)",
            "[0].id: must be an element id: 1 to 200 characters, no spaces",
            "[1].minHeight.phone: is 5000 px; at most 1200 are allowed",
            "[2].id: is used by another slot; ids must be unique",
            "[2].label: must be 1 to 100 characters of text",
        ]
    );
    let typed = parse_ad_slots(
        r#"[{"after": 1, "id": "a", "minHeight": {"phone": "250", "desktop": 90}}]"#,
    )
    .unwrap_err();
    assert_eq!(typed[0].path, "[0].minHeight.phone");
    let unknown = parse_ad_slots(
        r#"[{"after": 1, "id": "a", "minHeight": {"phone": 1, "desktop": 1}, "onload": "x"}]"#,
    )
    .unwrap_err();
    assert!(
        unknown[0].message.contains("unknown field `onload`"),
        "{unknown:?}"
    );
    // Objects only: serde's derive would read a slot from its fields in order.
    for (list, path) in [
        (r#"[[1, "a", {"phone": 1, "desktop": 1}]]"#, "[0]"),
        (
            r#"[{"after": 1, "id": "a", "minHeight": [1, 1]}]"#,
            "[0].minHeight",
        ),
    ] {
        let array = parse_ad_slots(list).unwrap_err();
        assert_eq!(array[0].path, path);
        assert_eq!(
            array[0].message,
            "invalid type: sequence, expected an object"
        );
    }
    assert_eq!(
        unplaced_ad_slots(&sample(), &[slot(99, "late")]),
        ["ad slot \"late\" is after paragraph 99, but the article has 14; it is left out"]
    );
}

#[test]
fn cli_renders_ad_slots_and_refuses_bad_files() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(args)
            .output()
            .unwrap()
    };
    let ok = run(&[
        "render",
        "tests/fixtures/sample.json",
        "--ad-slots",
        "tests/fixtures/ad-slots.json",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let html = String::from_utf8(ok.stdout).unwrap();
    assert!(
        html.contains("id=\"div-gpt-ad-warta-1\"") && html.contains("id=\"div-gpt-ad-warta-2\"")
    );

    let dir = std::env::temp_dir().join(format!("warta-ads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("ads.json");
    std::fs::write(
        &bad,
        r#"[{"after": 1, "id": "", "minHeight": {"phone": 1, "desktop": 1}}]"#,
    )
    .unwrap();
    let refused = run(&[
        "render",
        "tests/fixtures/sample.json",
        "--ad-slots",
        bad.to_str().unwrap(),
    ]);
    assert!(!refused.status.success());
    assert!(refused.stdout.is_empty());
    assert_eq!(
        String::from_utf8(refused.stderr).unwrap(),
        format!(
            "warta: {}: [0].id: must be an element id: 1 to 200 characters, no spaces\n",
            bad.display()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();

    let schema = run(&["schema", "--ad-slots"]);
    assert!(schema.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(schema["type"], "array");
    let slot = &schema["$defs"]["AdSlot"];
    assert_eq!(slot["additionalProperties"], false);
    assert_eq!(
        slot["required"],
        serde_json::json!(["after", "id", "minHeight"])
    );
}

#[test]
fn nesting_is_measured_outside_strings_only() {
    use warta::model::decode_article;
    let too_deep = |title: String| {
        let doc = format!(r#"{{"version":1,"title":{title}}}"#);
        decode_article(&doc)
            .unwrap_err()
            .to_string()
            .contains("deeper than 127 levels")
    };
    let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    // The document's own object is the first level.
    assert!(!too_deep(nested(126)));
    assert!(too_deep(nested(127)));
    let in_string = format!(r#""{}\"{}""#, "[".repeat(500), "{".repeat(500));
    assert!(!too_deep(in_string));
    // The native parser draws the same line.
    assert!(serde_json::from_str::<serde_json::Value>(&nested(127)).is_ok());
    assert!(serde_json::from_str::<serde_json::Value>(&nested(128)).is_err());
}
