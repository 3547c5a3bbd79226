//! Reader cases shared by the native test (`tests/native/reader.rs`) and the
//! browser test (`tests/browser/reader.rs`): each document and the one line
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

/// [`MINIMAL`] sharing to one network of the publisher's own, `fields` its object's.
pub fn custom_network(fields: &str) -> String {
    with_field(&format!(r#""share":{{"networks":[{{{fields}}}]}}"#))
}

/// Documents both readers accept.
pub fn accepted() -> Vec<(&'static str, String)> {
    vec![
        ("minimal", MINIMAL.to_owned()),
        // RFC 8259 lets a reader skip a byte order mark; editors add one.
        ("byte order mark", format!("\u{feff}{MINIMAL}")),
        (
            "every network and one of the publisher's own",
            with_field(
                r#""share":{"networks":["native","whatsapp","facebook","x","telegram","line","linkedin","bluesky","mastodon","threads","email","copy",{"id":"forum-2","label":"Forum","url":"HTTPS://forum.example/bagi?u={url}&t={title}&x={text}"}]}"#,
            ),
        ),
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
        // At the edges of the contract's rules: each is valid.
        (
            "links of every accepted form",
            with_field(concat!(
                r#""authors":[{"name":"A","url":"mailto:redaksi@example.com"},"#,
                r#"{"name":"B","url":"HTTP://user:pw@[::1]:65535/a?b#c"},"#,
                r#"{"name":"C","url":"https://xn--bcher-kva.example./%2C"},"#,
                r#"{"name":"D","url":"https://bücher.example:0"}]"#
            )),
        ),
        (
            "dates of every accepted form",
            with_field(concat!(
                r#""published":"2024-02-29t23:59:60.5z","#,
                r#""updated":"2000-02-29 07:12:00-03:30""#
            )),
        ),
        (
            "image with a caption only, decorative",
            with_body(r#"[{"type":"image","caption":"c","width":null,"height":null}]"#),
        ),
        (
            "run of one space",
            with_body(
                r#"[{"type":"paragraph","inlines":[{"text":"a"},{"text":" "},{"text":"b"}]}]"#,
            ),
        ),
        (
            "text with a byte order mark only",
            // U+FEFF is not white space to Unicode (JavaScript's `\s` says it is).
            MINIMAL.replace(r#""title":"T""#, r#""title":"\ufeff""#),
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
    cases.extend(contract_rules());
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

/// A body of `n` paragraphs.
fn paragraphs(n: usize) -> String {
    format!(
        "[{}]",
        vec![r#"{"type":"paragraph","text":"x"}"#; n].join(",")
    )
}

/// Documents of the right types that break a rule of the contract
/// (`src/model/validate.rs`), one rule each.
fn contract_rules() -> Vec<(&'static str, String, String)> {
    let url = |url: &str| MINIMAL.replace("https://example.com/a", url);
    let image = |fields: &str| with_body(&format!(r#"[{{"type":"image",{fields}}}]"#));
    let files = r#""srcset":[{"src":"https://example.com/a-400.jpg","width":400}]"#;
    let time = |path: &str| {
        format!("{path}: must be an RFC 3339 time with an offset, like 2024-05-16T07:12:00+07:00")
    };
    vec![
        (
            "javascript: link",
            url("javascript:alert(1)"),
            "url: only http and https links are allowed".to_owned(),
        ),
        (
            "data: link",
            with_body(
                r#"[{"type":"readAlso","title":"R","url":"data:text/html,<script>alert(1)</script>"}]"#,
            ),
            "body[0].url: only http and https links are allowed".to_owned(),
        ),
        (
            "relative link",
            url("/a"),
            "url: only http and https links are allowed".to_owned(),
        ),
        (
            "mailto where only web links go",
            url("mailto:redaksi@example.com"),
            "url: only http and https links are allowed".to_owned(),
        ),
        (
            "javascript: inline link",
            with_body(
                r#"[{"type":"paragraph","inlines":[{"text":"r","link":"JavaScript:alert(1)"}]}]"#,
            ),
            "body[0].inlines[0].link: only http, https and mailto links are allowed".to_owned(),
        ),
        (
            "link without a host",
            url("https:///a"),
            "url: must name a host after https://".to_owned(),
        ),
        (
            "port out of range",
            url("https://example.com:65536/"),
            "url: must have a port from 0 to 65535 after the host".to_owned(),
        ),
        (
            "link with a space",
            url("https://example.com/a b"),
            "url: must not contain spaces or control characters".to_owned(),
        ),
        (
            "over-long link",
            url(&format!("https://example.com/{}", "a".repeat(4_077))),
            "url: is longer than 4096 characters".to_owned(),
        ),
        (
            "blank title",
            MINIMAL.replace(r#""title":"T""#, r#""title":" \t ""#),
            "title: must not be empty".to_owned(),
        ),
        (
            "whitespace-only text",
            with_body(r#"[{"type":"paragraph","text":"\u00a0\u3000\u2028\u0085"}]"#),
            "body[0].text: must not be empty".to_owned(),
        ),
        (
            "empty run",
            with_body(r#"[{"type":"paragraph","inlines":[{"text":""}]}]"#),
            "body[0].inlines[0].text: must not be empty".to_owned(),
        ),
        (
            "malformed date",
            with_field(r#""published":"2024-13-45T07:12:00+07:00""#),
            time("published"),
        ),
        (
            "date without offset",
            with_field(r#""updated":"2024-05-16T07:12:00""#),
            time("updated"),
        ),
        (
            "29 February in a common year",
            with_field(r#""published":"2023-02-29T07:12:00Z""#),
            time("published"),
        ),
        (
            "over-long title",
            MINIMAL.replace(
                r#""title":"T""#,
                &format!(r#""title":"{}""#, "x".repeat(100_001)),
            ),
            "title: is longer than 100000 characters".to_owned(),
        ),
        (
            "no blocks",
            with_body("[]"),
            "body: must have at least one block".to_owned(),
        ),
        (
            "too many blocks",
            with_body(&paragraphs(10_001)),
            "body: has 10001 blocks; at most 10000 are allowed".to_owned(),
        ),
        (
            "too many authors",
            with_field(&format!(
                r#""authors":[{}]"#,
                vec![r#"{"name":"A"}"#; 1_001].join(",")
            )),
            "authors: has 1001 items; at most 1000 are allowed".to_owned(),
        ),
        (
            "zero width",
            image(r#""src":"https://example.com/a.jpg","alt":"A","width":0,"height":10"#),
            "body[0].width: must be a positive number of pixels".to_owned(),
        ),
        (
            "width without height",
            image(r#""src":"https://example.com/a.jpg","alt":"A","width":400,"height":null"#),
            "body[0]: needs both width and height, or neither".to_owned(),
        ),
        (
            "src without alt",
            with_field(r#""hero":{"src":"https://example.com/a.jpg","alt":" "}"#),
            "hero.alt: must describe the image for readers who cannot see it".to_owned(),
        ),
        (
            "image with nothing to show",
            image(r#""src":null,"alt":"A""#),
            "body[0]: needs a src, a caption or a credit; it would show nothing".to_owned(),
        ),
        (
            "srcset without src",
            image(&format!(r#""caption":"c",{files}"#)),
            "body[0].src: is needed as the fallback when srcset or formats are given".to_owned(),
        ),
        (
            "srcset file ending with a comma",
            image(
                r#""src":"https://example.com/a.jpg","alt":"A","srcset":[{"src":"https://example.com/a.jpg,","width":400}]"#,
            ),
            "body[0].srcset[0].src: must not end with a comma (encode it as %2C)".to_owned(),
        ),
        (
            "format that is not an image type",
            image(
                r#""src":"https://example.com/a.jpg","alt":"A","formats":[{"type":"text/html","srcset":[{"src":"https://example.com/a.avif","width":400}]}]"#,
            ),
            "body[0].formats[0].type: must be an image media type such as \"image/avif\""
                .to_owned(),
        ),
        (
            "format without files",
            image(
                r#""src":"https://example.com/a.jpg","alt":"A","formats":[{"type":"image/avif","srcset":[]}]"#,
            ),
            "body[0].formats[0].srcset: must list at least one file".to_owned(),
        ),
        (
            "paragraph with text and inlines",
            with_body(r#"[{"type":"paragraph","text":"a","inlines":[{"text":"b"}]}]"#),
            "body[0]: has both text and inlines; use one".to_owned(),
        ),
        (
            "paragraph with neither",
            with_body(r#"[{"type":"paragraph","text":null,"inlines":[]}]"#),
            "body[0]: needs text or inlines".to_owned(),
        ),
        (
            "heading level 5",
            with_body(r#"[{"type":"heading","text":"H","level":5}]"#),
            "body[0].level: must be 2, 3 or 4 (the headline is level 1)".to_owned(),
        ),
        (
            "language tag with a space",
            with_field(r#""lang":"id id""#),
            "lang: must be a language tag such as \"id\" or \"en\"".to_owned(),
        ),
        (
            "network listed twice",
            with_field(r#""share":{"networks":["x","whatsapp","x"]}"#),
            "share.networks[2]: is listed twice".to_owned(),
        ),
        (
            "blank campaign tag",
            with_field(r#""share":{"utm":{"source":" "}}"#),
            "share.utm.source: must not be empty".to_owned(),
        ),
        (
            "unknown network",
            with_field(r#""share":{"networks":["x","myspace"]}"#),
            "share.networks[1]: unknown variant `myspace`, expected one of `native`, `whatsapp`, `facebook`, `x`, `telegram`, `line`, `linkedin`, `bluesky`, `mastodon`, `threads`, `email`, `copy`".to_owned(),
        ),
        (
            "network neither a name nor an object",
            with_field(r#""share":{"networks":[7]}"#),
            "share.networks[0]: invalid type: integer `7`, expected a network's name or an object".to_owned(),
        ),
        (
            "own network with a known network's id",
            custom_network(r#""id":"whatsapp","label":"W","url":"https://a.example/?u={url}""#),
            "share.networks[0].id: is a network warta knows: list it by its name instead".to_owned(),
        ),
        (
            "own network id with capitals",
            custom_network(r#""id":"Forum","label":"F","url":"https://a.example/?u={url}""#),
            "share.networks[0].id: must be 1 to 32 lower-case letters, digits or hyphens, starting with a letter or digit".to_owned(),
        ),
        (
            "own network with a blank label",
            custom_network(r#""id":"forum","label":" ","url":"https://a.example/?u={url}""#),
            "share.networks[0].label: must not be empty".to_owned(),
        ),
        (
            "own network over http",
            custom_network(r#""id":"forum","label":"F","url":"http://a.example/?u={url}""#),
            "share.networks[0].url: must be an https link".to_owned(),
        ),
        (
            "own network running a script",
            custom_network(r#""id":"forum","label":"F","url":"javascript:alert({url})""#),
            "share.networks[0].url: only http and https links are allowed".to_owned(),
        ),
        (
            "own network with an unknown placeholder",
            custom_network(r#""id":"forum","label":"F","url":"https://a.example/?u={url}&s={site}""#),
            "share.networks[0].url: has a brace that is not one of {url}, {title} and {text}".to_owned(),
        ),
        (
            "own network sharing no link",
            custom_network(r#""id":"forum","label":"F","url":"https://a.example/?t={title}""#),
            "share.networks[0].url: must have {url} or {text}: the link it shares".to_owned(),
        ),
        (
            "own network with another field",
            custom_network(r#""id":"forum","label":"F","url":"https://a.example/?u={url}","icon":"x.svg""#),
            "share.networks[0].icon: unknown field `icon`, expected one of `id`, `label`, `url`".to_owned(),
        ),
        // Rules no JSON Schema can state (docs/contract.md, "What the schema cannot say").
        (
            "own network id listed twice",
            with_field(
                r#""share":{"networks":[{"id":"forum","label":"F","url":"https://a.example/?u={url}"},{"id":"forum","label":"G","url":"https://b.example/?u={url}"}]}"#,
            ),
            "share.networks[1]: is listed twice".to_owned(),
        ),
        (
            "width listed twice",
            image(
                r#""src":"https://example.com/a.jpg","alt":"A","srcset":[{"src":"https://example.com/a.jpg","width":400},{"src":"https://example.com/b.jpg","width":400}]"#,
            ),
            "body[0].srcset[1].width: is listed twice; each width once".to_owned(),
        ),
        (
            "host label over 252 bytes",
            url(&format!("https://{}.id/", "é".repeat(127))),
            "url: must name a valid host, such as example.com".to_owned(),
        ),
        (
            "host name over 1012 bytes",
            url(&format!("https://{}/", vec!["a".repeat(63); 16].join("."))),
            "url: must name a valid host, such as example.com".to_owned(),
        ),
    ]
}
