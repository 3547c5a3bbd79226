//! Reading a mount's JSON copy: its script, and only the share bar's
//! fields (both bundles; the full client reads whole articles with the one
//! reader, see `full::read_article`).

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::embed::page_text;
use crate::model::ShareSubject;
use crate::model::{self, CustomNetwork, ShareNetwork, ShareSettings, ShareTarget, Utm};

/// The mount's JSON script.
const DATA_SELECTOR: &str = ":scope > script[data-warta-data]";

/// Why a mount's article could not be read when its JSON script is not
/// there (yet: a page may add it later).
pub(super) const NO_SCRIPT: &str =
    "the mount has no <script type=\"application/json\" data-warta-data> with the article";

pub(super) fn data_script(mount: &Element) -> Option<Element> {
    mount.query_selector(DATA_SELECTOR).ok().flatten()
}

/// The text of the mount's JSON copy, as the page holds it; none without
/// the script.
pub(super) fn script_text(mount: &Element) -> Option<JsString> {
    let script = data_script(mount)?;
    Some(page_text::text_of(&script))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of the page's own string: no copy of a long article's
    /// text back out of Rust to read four fields of it.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;
}

/// Reads only what the share bar needs, for markup whose fingerprint says
/// the server rendered it from exactly this text (and so validated it). The
/// URL the bar links to is still checked, as no fingerprint is a proof.
/// `None` if anything fails or has another type than the contract's; the
/// caller then reads the whole article, which says why.
///
/// The browser's own `JSON.parse` does the parsing: serde_json and serde's
/// visitors for four fields cost the island bundle 13 KB gzip (measured,
/// docs/performance.md, "Two bundles"), and this text is one the server
/// already read and validated with the one reader.
pub(super) fn read_subject(text: &JsString) -> Option<ShareSubject> {
    let json = parse_json(text).ok()?;
    if !is_object(&json) {
        return None;
    }
    let subject = ShareSubject {
        url: field(&json, "url")?.as_string()?,
        title: field(&json, "title")?.as_string()?,
        lang: optional(&json, "lang", JsValue::as_string)?,
        share: optional(&json, "share", share_settings)?,
    };
    model::is_web_link(&subject.url).then_some(subject)
}

fn share_settings(json: &JsValue) -> Option<ShareSettings> {
    if !is_object(json) {
        return None;
    }
    Some(ShareSettings {
        networks: optional(json, "networks", networks)?,
        utm: optional(json, "utm", utm)?,
    })
}

fn networks(json: &JsValue) -> Option<Vec<ShareTarget>> {
    let list = json.dyn_ref::<js_sys::Array>()?;
    list.iter().map(|entry| target(&entry)).collect()
}

/// A network's name, or a publisher's own network. Of the latter the bar
/// uses only the id (its events, `utm_source`): its link is the one the
/// server wrote into the markup, which the fingerprint vouches for.
fn target(json: &JsValue) -> Option<ShareTarget> {
    if let Some(name) = json.as_string() {
        return ShareNetwork::from_id(&name).map(ShareTarget::Network);
    }
    if !is_object(json) {
        return None;
    }
    let custom = CustomNetwork {
        id: field(json, "id")?.as_string()?,
        label: field(json, "label")?.as_string()?,
        url: field(json, "url")?.as_string()?,
    };
    Some(ShareTarget::Custom(custom))
}

fn utm(json: &JsValue) -> Option<Utm> {
    if !is_object(json) {
        return None;
    }
    Some(Utm {
        source: optional(json, "source", JsValue::as_string)?,
        medium: optional(json, "medium", JsValue::as_string)?,
        campaign: optional(json, "campaign", JsValue::as_string)?,
    })
}

/// A JSON object (not an array, not null).
fn is_object(json: &JsValue) -> bool {
    json.is_object() && !js_sys::Array::is_array(json)
}

/// The value of `key`, `None` when the key is absent or `null`.
fn field(object: &JsValue, key: &str) -> Option<JsValue> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// An optional key, as the contract's `#[serde(default)]` reads it: absent
/// or `null` is `Some(None)`; present, `read` must accept it, else `None`.
fn optional<T>(
    object: &JsValue,
    key: &str,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Option<Option<T>> {
    match field(object, key) {
        None => Some(None),
        Some(value) => read(&value).map(Some),
    }
}

#[cfg(all(test, feature = "hydration"))]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::read_subject as read_subject_of;
    use crate::model::ShareSubject;
    use crate::model::{
        read_article, summary, CustomNetwork, ShareNetwork, ShareSettings, ShareTarget, Utm,
    };

    wasm_bindgen_test_configure!(run_in_browser);

    const FIXTURES: [&str; 4] = [
        include_str!("../../tests/fixtures/sample.json"),
        include_str!("../../tests/fixtures/rich-inline.json"),
        include_str!("../../tests/fixtures/long-bilingual.json"),
        include_str!("../../tests/fixtures/english.json"),
    ];

    /// `read_subject` of a page string holding `text`.
    fn read_subject(text: &str) -> Option<ShareSubject> {
        read_subject_of(&text.into())
    }

    /// `read_subject` as the one reader sees the same text.
    fn from_reader(text: &str) -> ShareSubject {
        let article =
            read_article(text).unwrap_or_else(|problems| panic!("{}", summary(&problems)));
        ShareSubject::from(&article)
    }

    #[wasm_bindgen_test]
    fn the_share_fields_read_as_the_one_reader_reads_them() {
        for text in FIXTURES {
            assert_eq!(read_subject(text), Some(from_reader(text)));
        }
    }

    #[wasm_bindgen_test]
    fn every_network_utm_tag_and_null_reads_as_the_contract_says() {
        let mut all: Vec<ShareTarget> = ShareNetwork::ALL
            .iter()
            .map(|&network| ShareTarget::Network(network))
            .collect();
        all.reverse();
        all.insert(
            3,
            ShareTarget::Custom(CustomNetwork {
                id: "forum-2".into(),
                label: "Forum Kita".into(),
                url: "https://forum.example.id/bagi?u={url}&t={title}".into(),
            }),
        );
        // The contract's names for them, as serde writes them.
        let names: Vec<String> = all
            .iter()
            .map(|network| serde_json::to_string(network).unwrap())
            .collect();
        let text = format!(
            r#"{{"url":"https://example.id/a","title":"T","lang":null,"body":[{{"x":1}}],
               "share":{{"networks":[{}],"utm":{{"source":"s","medium":null,"campaign":"c"}}}}}}"#,
            names.join(",")
        );
        let expected = ShareSubject {
            url: "https://example.id/a".into(),
            title: "T".into(),
            lang: None,
            share: Some(ShareSettings {
                networks: Some(all),
                utm: Some(Utm {
                    source: Some("s".into()),
                    medium: None,
                    campaign: Some("c".into()),
                }),
            }),
        };
        assert_eq!(read_subject(&text), Some(expected));
    }

    #[wasm_bindgen_test]
    fn anything_off_contract_falls_back_to_the_full_read() {
        let off = [
            "",
            "{",
            "[]",
            "null",
            r#"{"title":"T"}"#,
            r#"{"url":1,"title":"T"}"#,
            r#"{"url":"https://example.id/","title":["T"]}"#,
            r#"{"url":"javascript:alert(1)","title":"T"}"#,
            r#"{"url":"https://example.id/","title":"T","lang":1}"#,
            r#"{"url":"https://example.id/","title":"T","share":[]}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"networks":["myspace"]}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"networks":[{"id":"kita","label":"K"}]}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"networks":[{"id":7,"label":"K","url":"https://a.id/?u={url}"}]}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"networks":[["kita"]]}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"networks":"copy"}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"utm":[]}}"#,
            r#"{"url":"https://example.id/","title":"T","share":{"utm":{"source":2}}}"#,
        ];
        for text in off {
            assert_eq!(read_subject(text), None, "{text}");
        }
    }
}
