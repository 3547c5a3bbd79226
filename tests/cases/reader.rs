//! Reader cases shared by the native test (`tests/reader.rs`) and the
//! browser test (`tests/reader_browser.rs`): each document and the one line
//! both readers must give for it, word for word.
#![allow(dead_code)] // each test crate uses a different part

/// A minimal valid article; cases edit it as text.
pub const MINIMAL: &str = r#"{"version":1,"site":{"name":"S"},"url":"https://example.com/a","title":"T","body":[{"type":"paragraph","text":"x"}]}"#;

/// [`MINIMAL`] with its body replaced by `blocks`.
pub fn with_body(blocks: &str) -> String {
    MINIMAL.replace(r#"[{"type":"paragraph","text":"x"}]"#, blocks)
}

/// [`MINIMAL`] with `field` (`"key":value`) added after the version.
pub fn with_field(field: &str) -> String {
    MINIMAL.replacen(r#""version":1,"#, &format!(r#""version":1,{field},"#), 1)
}

/// `"title": [[[…]]]` nested `depth` deep: valid JSON a stack could choke on.
pub fn nested_title(depth: usize) -> String {
    MINIMAL.replace(
        r#""title":"T""#,
        &format!(r#""title":{}{}"#, "[".repeat(depth), "]".repeat(depth)),
    )
}

/// Documents both readers accept.
pub fn accepted() -> Vec<(&'static str, String)> {
    vec![
        ("minimal", MINIMAL.to_owned()),
        // RFC 8259 lets a reader skip a byte order mark; editors add one.
        ("byte order mark", format!("\u{feff}{MINIMAL}")),
        (
            "type after the fields",
            with_body(r#"[{"level":3,"text":"Sub","type":"heading"}]"#),
        ),
        (
            "surrogate pair",
            MINIMAL.replace(r#""title":"T""#, r#""title":"\ud83d\ude00""#),
        ),
        (
            "nullable field null",
            with_body(r#"[{"type":"readAlso","title":"R","url":null}]"#),
        ),
    ]
}

/// A refused document: its name, its text, and the one line both readers
/// give for it (the browser runs the native reader's code, serde_json and all).
pub struct Refused {
    pub name: &'static str,
    pub doc: String,
    pub line: String,
}

/// Documents both readers refuse.
pub fn refused() -> Vec<Refused> {
    lines()
        .into_iter()
        .map(|(name, doc, line)| Refused { name, doc, line })
        .collect()
}

fn lines() -> Vec<(&'static str, String, String)> {
    let too_deep = "the document nests arrays and objects deeper than 127 levels".to_owned();
    let mut cases = vec![
        (
            "no version",
            MINIMAL.replace(r#""version":1,"#, ""),
            "missing field `version`".to_owned(),
        ),
        (
            "version as text",
            MINIMAL.replace(r#""version":1"#, r#""version":"1""#),
            "version: must be a whole number".to_owned(),
        ),
        (
            "version 1.0",
            MINIMAL.replace(r#""version":1"#, r#""version":1.0"#),
            "version: must be a whole number".to_owned(),
        ),
        (
            "version 2",
            MINIMAL.replace(r#""version":1"#, r#""version":2"#),
            "version: contract version 2 is not supported; this warta reads version 1".to_owned(),
        ),
        (
            "not an object",
            "[1, 2]".to_owned(),
            "the document must be a JSON object".to_owned(),
        ),
        (
            "truncated",
            MINIMAL[..60].to_owned(),
            "not valid JSON: EOF while parsing a string at line 1 column 60".to_owned(),
        ),
        (
            "empty",
            String::new(),
            "not valid JSON: EOF while parsing a value at line 1 column 0".to_owned(),
        ),
        (
            "oversized",
            format!("{MINIMAL}{}", " ".repeat(5 * 1024 * 1024)),
            "the document is 5242996 bytes; at most 5242880 are accepted".to_owned(),
        ),
        (
            "unknown field",
            with_field(r#""onclick":"alert(1)""#),
            "onclick: unknown field `onclick`, expected one of `version`, `lang`, `site`, `url`, `kicker`, `title`, `summary`, `published`, `updated`, `authors`, `editor`, `sourceTag`, `hero`, `body`, `follow`, `latest`, `partnerLinks`, `share`".to_owned(),
        ),
        (
            "unknown field in a block",
            with_body(r#"[{"type":"paragraph","text":"x","onclick":"alert(1)"}]"#),
            "body[0].onclick: unknown field `onclick`, expected `text` or `inlines`".to_owned(),
        ),
        (
            "unknown field in a run",
            with_body(r#"[{"type":"paragraph","inlines":[{"text":"r","onclick":"alert(1)"}]}]"#),
            "body[0].inlines[0].onclick: unknown field `onclick`, expected one of `text`, `strong`, `em`, `link`".to_owned(),
        ),
        (
            "unknown field in the site",
            MINIMAL.replace(r#"{"name":"S"}"#, r#"{"name":"S","onclick":"alert(1)"}"#),
            "site.onclick: unknown field `onclick`, expected `name` or `url`".to_owned(),
        ),
        (
            "wrong type in a nested object",
            MINIMAL.replace(r#"{"name":"S"}"#, r#"{"name":5}"#),
            "site.name: invalid type: integer `5`, expected a string".to_owned(),
        ),
        (
            "array where an object belongs",
            with_field(r#""share":{"utm":[]}"#),
            "share.utm: invalid type: sequence, expected an object".to_owned(),
        ),
        (
            "array of fields where a site belongs",
            MINIMAL.replace(r#"{"name":"S"}"#, r#"["S"]"#),
            "site: invalid type: sequence, expected an object".to_owned(),
        ),
        (
            "another block type's field, null",
            with_body(r#"[{"type":"paragraph","text":"x","title":null}]"#),
            "body[0].title: unknown field `title`, expected `text` or `inlines`".to_owned(),
        ),
        (
            "another block type's field, wrong type",
            with_body(r#"[{"type":"paragraph","text":"x","width":"abc"}]"#),
            "body[0].width: unknown field `width`, expected `text` or `inlines`".to_owned(),
        ),
        (
            "level null",
            with_body(r#"[{"type":"heading","text":"x","level":null}]"#),
            "body[0]: invalid type: null for `level`, expected u8".to_owned(),
        ),
        (
            "inlines null",
            with_body(r#"[{"type":"paragraph","inlines":null}]"#),
            "body[0]: invalid type: null for `inlines`, expected a sequence".to_owned(),
        ),
        (
            "body image alt null, like the hero's",
            with_body(r#"[{"type":"image","src":"https://example.com/a.jpg","alt":null}]"#),
            "body[0]: invalid type: null for `alt`, expected a string".to_owned(),
        ),
        (
            "hero alt null",
            with_field(r#""hero":{"src":"https://example.com/a.jpg","alt":null}"#),
            // Read by the block table, so the same words as a body image's.
            "hero: invalid type: null for `alt`, expected a string".to_owned(),
        ),
        (
            "field before type, wrong type",
            with_body(r#"[{"text":5,"type":"quote"}]"#),
            "body[0].text: invalid type: integer `5`, expected a string".to_owned(),
        ),
        (
            "unknown block type with an escape",
            with_body(r#"[{"type":"para\u001b[31mgraph","text":"x"}]"#),
            "body[0].type: unknown variant `para\\u{1b}[31mgraph`, expected one of `paragraph`, `readAlso`, `heading`, `quote`, `image`".to_owned(),
        ),
        (
            "unknown key with a newline",
            with_field(r#""x\nwarta: forged":1"#),
            "x\\u{a}warta: forged: unknown field `x\\u{a}warta: forged`, expected one of `version`, `lang`, `site`, `url`, `kicker`, `title`, `summary`, `published`, `updated`, `authors`, `editor`, `sourceTag`, `hero`, `body`, `follow`, `latest`, `partnerLinks`, `share`".to_owned(),
        ),
        (
            "duplicate key in a block",
            with_body(r#"[{"type":"quote","text":"a","text":"b"}]"#),
            "body[0].text: duplicate field `text`".to_owned(),
        ),
        (
            "version 1e0",
            MINIMAL.replace(r#""version":1"#, r#""version":1e0"#),
            "version: must be a whole number".to_owned(),
        ),
        (
            "duplicate key",
            with_field(r#""title":"Again""#),
            "title: duplicate field `title`".to_owned(),
        ),
        (
            "lone surrogate",
            MINIMAL.replace(r#""title":"T""#, r#""title":"\ud800""#),
            "title: lone surrogate in a \\u escape; text must be Unicode".to_owned(),
        ),
        (
            "host no browser accepts",
            MINIMAL.replace("https://example.com/a", "https://."),
            "url: must name a valid host, such as example.com".to_owned(),
        ),
        (
            "script in the host",
            MINIMAL.replace("https://example.com/a", r#"https://\"'><script>alert(1)</script>"#),
            "url: must name a valid host, such as example.com".to_owned(),
        ),
    ];
    // 126 arrays in the document object: 127 levels, the deepest read, so
    // the reader gets as far as the types.
    cases.push((
        "nested at the limit",
        nested_title(126),
        "title: invalid type: sequence, expected a string".to_owned(),
    ));
    for depth in [127, 1_000, 2_000, 5_000] {
        cases.push(("nested deep", nested_title(depth), too_deep.clone()));
    }
    cases
}
