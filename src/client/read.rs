//! Reading a mount's JSON copy, through the one reader.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::model::{self, Article, Problem};

/// The mount's JSON script.
const DATA_SELECTOR: &str = ":scope > script[data-warta-data]";

/// Why a mount's article could not be read.
pub(super) enum ReadError {
    /// The JSON script is not there (yet: a page may add it later).
    NoScript,
    /// The JSON is unusable, for this reason.
    Invalid(String),
}

impl ReadError {
    pub(super) fn message(&self) -> String {
        match self {
            ReadError::NoScript => {
                "the mount has no <script type=\"application/json\" data-warta-data> with the article"
                    .to_owned()
            }
            ReadError::Invalid(message) => message.clone(),
        }
    }
}

pub(super) fn data_script(mount: &Element) -> Option<Element> {
    mount.query_selector(DATA_SELECTOR).ok().flatten()
}

/// Reads, decodes and validates the mount's JSON copy; the article and the
/// exact text it came from (for the fingerprint). The steps, their order and
/// their messages are the native reader's (`model::read_article`), sharing
/// its checks; the browser's `JSON.parse` and serde-wasm-bindgen parse and
/// decode, as serde_json here costs readers 5 KB gzip. Where the two still
/// differ (syntax messages, paths of type errors) `tests/cases/reader.rs`
/// says so.
pub(super) fn read_article(mount: &Element) -> Result<(Article, String), ReadError> {
    let script = data_script(mount).ok_or(ReadError::NoScript)?;
    let text = script.text_content().unwrap_or_default();
    let invalid = |problem: Problem| ReadError::Invalid(problem.to_string());
    let json = model::precheck(&text).map_err(invalid)?;
    let value = js_sys::JSON::parse(json)
        .map_err(|_| invalid(Problem::new("", "the article is not valid JSON")))?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(invalid(Problem::new("", model::NOT_AN_OBJECT)));
    }
    let key = JsValue::from_str("version");
    let version = js_sys::Reflect::has(&value, &key)
        .unwrap_or(false)
        .then(|| {
            let v = js_sys::Reflect::get(&value, &key).ok()?.as_f64()?;
            (v.fract() == 0.0 && v >= 0.0).then_some(v as u64)
        });
    model::check_version_value(version).map_err(invalid)?;
    // serde-wasm-bindgen reads only the fields a struct names; the
    // document's other keys are refused here, as serde_json refuses them.
    let fields = model::field_names::<Article>();
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(invalid(Problem::new(
                key.clone(),
                model::unknown_field(&key, fields),
            )));
        }
    }
    let article: Article = serde_wasm_bindgen::from_value(value)
        .map_err(|e| invalid(Problem::new("", decode_message(&e.to_string()))))?;
    match model::validate(&article).as_slice() {
        [] => Ok((article, text)),
        problems => Err(ReadError::Invalid(model::summary(problems))),
    }
}

/// serde-wasm-bindgen's error without its `Error: ` prefix, and cut short:
/// it may quote a whole offending value (`JsValue([[[…`). Byte and char
/// scans only: string searches cost the bundle kilobytes.
fn decode_message(text: &str) -> String {
    const MAX_CHARS: usize = 200;
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
