//! A small scanner of warta's own HTML output that says whether hostile text
//! got out of its place: a script the renderer did not write, an event
//! handler attribute, a link or source that could run a script.
//!
//! It reads the markup the way a browser tokenizer would for what matters
//! here (tags, quoted attributes, entities in attribute values, raw-text
//! script content), not a full HTML parser. Shared by `tests/native/hostile.rs` and
//! the fuzz targets (`fuzz/`), which include it by path.
#![allow(dead_code)] // each includer uses a different subset

/// One start tag: its name and attributes (names lower-cased, values decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Lower-case element name.
    pub name: String,
    /// Attribute names (lower-case) and decoded values, in order.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The decoded value of an attribute, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every start tag in `html`, in order. Comments are skipped; the content
/// of `script` and `style` is raw text up to its end tag.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |end| i + end + 3);
            continue;
        }
        if html[i..].starts_with('/') || html[i..].starts_with('!') {
            continue;
        }
        let name_len = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 {
            continue; // "<" followed by text is text, as in a browser
        }
        let name = html[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i = (i + 1).min(bytes.len());
                break;
            }
            let attr_len = bytes[i..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && !b"=>/".contains(b))
                .count()
                .max(1);
            let attr = html[i..i + attr_len].to_ascii_lowercase();
            i += attr_len;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(quote as char)
                            .map_or(html.len(), |e| i + 1 + e);
                        value = decode_entities(&html[i + 1..end]);
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let len = bytes[i..]
                            .iter()
                            .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                            .count();
                        value = decode_entities(&html[i..i + len]);
                        i += len;
                    }
                }
            }
            attrs.push((attr, value));
        }
        if name == "script" || name == "style" {
            let end_tag = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&end_tag)
                .map_or(html.len(), |e| i + e);
        }
        tags.push(Tag { name, attrs });
    }
    tags
}

/// Decodes the character references a browser decodes in attribute values
/// and that matter for schemes: numeric ones and a few named ones.
pub fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Attributes whose value a browser follows as a URL.
const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "xlink:href",
    "data",
    "background",
];

/// The scheme a browser would see in a URL attribute, lower-case, after it
/// drops the whitespace and control characters it ignores; `None` for a
/// relative URL.
pub fn url_scheme(value: &str) -> Option<String> {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let is_scheme = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    is_scheme.then(|| scheme.to_ascii_lowercase())
}

/// What is wrong with the markup, if anything: every script that is not one
/// of warta's own data or loader scripts, every `on…` attribute, every URL
/// attribute (or srcset file) whose scheme is not http, https or mailto,
/// and every element that embeds or redirects (`iframe`, `object`, `embed`,
/// `base`, `form`, `meta http-equiv`).
pub fn injected(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in start_tags(html) {
        match tag.name.as_str() {
            "script" => {
                let own = matches!(
                    tag.attr("type"),
                    Some("application/json" | "application/ld+json")
                ) || (tag.attr("type") == Some("module")
                    && tag
                        .attr("src")
                        .is_some_and(|s| s.ends_with("warta-init.js")));
                if !own {
                    found.push(format!("script element {:?}", tag.attrs));
                }
            }
            "iframe" | "object" | "embed" | "base" | "form" | "frame" | "frameset" => {
                found.push(format!("{} element", tag.name));
            }
            "meta" if tag.attr("http-equiv").is_some() => {
                found.push("meta http-equiv".to_owned());
            }
            _ => {}
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                found.push(format!("event handler attribute {name} on <{}>", tag.name));
            }
            let urls: Vec<&str> = if name == "srcset" {
                value
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .collect()
            } else if URL_ATTRS.contains(&name.as_str()) {
                vec![value.as_str()]
            } else {
                Vec::new()
            };
            for url in urls {
                if let Some(scheme) = url_scheme(url) {
                    if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
                        found.push(format!("{scheme}: URL in {name} of <{}>", tag.name));
                    }
                }
            }
        }
    }
    found
}

/// The element structure: tag names and attribute names, without values.
/// Hostile text shown as text leaves it as benign text does.
pub fn structure(html: &str) -> Vec<(String, Vec<String>)> {
    start_tags(html)
        .into_iter()
        .map(|tag| (tag.name, tag.attrs.into_iter().map(|(n, _)| n).collect()))
        .collect()
}
