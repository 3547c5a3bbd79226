//! Each validation rule, reported with its JSON path; every problem at once.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;

use serde_json::{json, Value};
use warta::model::read_article;

/// Problems for the sample with `edit` applied, as "path: message" lines.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value: Value = serde_json::from_str(common::SAMPLE_JSON).unwrap();
    edit(&mut value);
    match read_article(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn fixtures_are_valid() {
    for (name, json) in common::FIXTURES {
        assert!(
            read_article(json).is_ok(),
            "{name}: {:?}",
            read_article(json).err()
        );
    }
}

type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn each_rule_reports_its_path() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["body"][3]["url"] = json!("javascript:alert(1)")),
            "body[3].url: only http and https links are allowed",
        ),
        (
            Box::new(|v| v["url"] = json!("/relatif")),
            "url: only http and https links are allowed",
        ),
        (
            Box::new(|v| v["title"] = json!("   ")),
            "title: must not be empty",
        ),
        (
            Box::new(|v| v["editor"] = json!("")),
            "editor: must not be empty",
        ),
        (
            Box::new(|v| v["body"] = json!([])),
            "body: must have at least one block",
        ),
        (
            Box::new(|v| v["published"] = json!("16 Mei 2024")),
            "published: must be an RFC 3339 time with an offset, like 2024-05-16T07:12:00+07:00",
        ),
        (
            Box::new(|v| v["hero"]["src"] = json!("https://x.id/a.jpg")),
            "hero.alt: must describe the image for readers who cannot see it",
        ),
        (
            Box::new(|v| {
                v["hero"]["width"] = json!(0);
                v["hero"]["height"] = json!(10);
            }),
            "hero.width: must be a positive number of pixels",
        ),
        (
            Box::new(|v| v["hero"]["width"] = json!(100)),
            "hero: needs both width and height, or neither",
        ),
        (
            Box::new(|v| v["hero"] = json!({"alt": ""})),
            "hero: needs a src, a caption or a credit; it would show nothing",
        ),
        (
            Box::new(|v| v["body"][0] = json!({"type": "paragraph"})),
            "body[0]: needs text or inlines",
        ),
        (
            Box::new(|v| {
                v["body"][0] = json!({"type": "paragraph", "text": "a", "inlines": [{"text": "b"}]})
            }),
            "body[0]: has both text and inlines; use one",
        ),
        (
            Box::new(
                |v| v["body"][0] = json!({"type": "paragraph", "inlines": [{"text": "b", "link": "mailto:a@b.id"}, {"text": "c", "link": "vbscript:x"}]}),
            ),
            "body[0].inlines[1].link: only http, https and mailto links are allowed",
        ),
        (
            Box::new(|v| v["body"][1] = json!({"type": "heading", "text": "H", "level": 1})),
            "body[1].level: must be 2, 3 or 4 (the headline is level 1)",
        ),
        (
            Box::new(|v| v["follow"]["googleNews"] = json!("news.google.com")),
            "follow.googleNews: only http and https links are allowed",
        ),
        (
            Box::new(|v| v["latest"] = json!([{"title": "", "url": "https://a.id/"}])),
            "latest[0].title: must not be empty",
        ),
        (
            Box::new(|v| v["partnerLinks"] = json!([{"title": "A", "url": "ftp://a.id/"}])),
            "partnerLinks[0].url: only http and https links are allowed",
        ),
        (
            Box::new(|v| v["share"] = json!({"networks": ["x", "whatsapp", "x"]})),
            "share.networks[2]: is listed twice",
        ),
        (
            Box::new(|v| v["lang"] = json!("id id")),
            "lang: must be a language tag such as \"id\" or \"en\"",
        ),
        (
            Box::new(|v| v["authors"] = json!([{"name": "A", "url": "data:text/html,x"}])),
            "authors[0].url: only http, https and mailto links are allowed",
        ),
        (
            Box::new(|v| v["site"]["url"] = json!("https://")),
            "site.url: must name a host after https://",
        ),
        (
            Box::new(|v| v["title"] = json!("x".repeat(100_001))),
            "title: is longer than 100000 characters",
        ),
    ];
    for (edit, expected) in cases {
        assert_eq!(problems_after(edit), [expected]);
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(|v| {
        v["title"] = json!("");
        v["url"] = json!("ftp://x");
        v["body"][2] = json!({"type": "readAlso", "title": "", "url": "javascript:x"});
        v["editor"] = json!(" ");
    });
    assert_eq!(
        problems,
        [
            "url: only http and https links are allowed",
            "title: must not be empty",
            "editor: must not be empty",
            "body[2].title: must not be empty",
            "body[2].url: only http and https links are allowed",
        ]
    );
}

#[test]
fn structure_errors_carry_their_path() {
    let p = problems_after(|v| v["body"][4]["text"] = json!(42));
    assert_eq!(
        p,
        ["body[4].text: invalid type: integer `42`, expected a string"]
    );
    // serde_json writes keys in order, so `cite` comes before `type`: the
    // field is judged when the type arrives, at the block's path.
    let p =
        problems_after(|v| v["body"][0] = json!({"type": "paragraph", "text": "a", "cite": "b"}));
    assert_eq!(
        p,
        ["body[0]: unknown field `cite`, expected `text` or `inlines`"]
    );
    let p = problems_after(|v| v["body"][3] = json!({"type": "readAlso", "url": "https://a.id/"}));
    assert_eq!(p, ["body[3]: missing field `title`"]);
    let p = problems_after(|v| v["body"][2] = json!({"text": "tanpa jenis"}));
    assert_eq!(p, ["body[2]: missing field `type`"]);
    let p = problems_after(|v| v["body"][1] = json!({"type": "video", "src": "x"}));
    assert!(
        p[0].starts_with("body[1].type: unknown variant `video`"),
        "{p:?}"
    );
    let p = problems_after(|v| v["tittle"] = json!("typo"));
    assert!(
        p[0].starts_with("tittle: unknown field `tittle`, expected one of"),
        "{p:?}"
    );
    let p = problems_after(|v| {
        v.as_object_mut().unwrap().remove("title");
    });
    assert_eq!(p, ["missing field `title`"]);
}

#[test]
fn versions_and_documents() {
    assert_eq!(
        problems_after(|v| v["version"] = json!(2)),
        ["version: contract version 2 is not supported; this warta reads version 1"]
    );
    assert_eq!(
        problems_after(|v| v["version"] = json!("1")),
        ["version: must be a whole number"]
    );
    assert_eq!(
        problems_after(|v| {
            v.as_object_mut().unwrap().remove("version");
        }),
        ["missing field `version`"]
    );
    let err = |text: &str| read_article(text).unwrap_err()[0].to_string();
    assert!(err("{\"version\": 1,").starts_with("not valid JSON: EOF while parsing"));
    assert_eq!(err("[1, 2]"), "the document must be a JSON object");
    assert!(err(&" ".repeat(5 * 1024 * 1024 + 1)).starts_with("the document is 5242881 bytes"));
    // Deep nesting is refused before parsing, not by a stack overflow.
    assert_eq!(
        err(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
        "the document nests arrays and objects deeper than 127 levels"
    );
}
