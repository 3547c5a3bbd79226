//! Reading a mount's JSON copy: size, depth, syntax, version, contract.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::model::limits::{nests_too_deep, MAX_INPUT_BYTES, MAX_NESTING};
use crate::model::{check_version, validate, Article};

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
/// exact text it came from (for the fingerprint).
pub(super) fn read_article(mount: &Element) -> Result<(Article, String), ReadError> {
    let script = data_script(mount).ok_or(ReadError::NoScript)?;
    let text = script.text_content().unwrap_or_default();
    let invalid = |message: String| ReadError::Invalid(message);
    if text.len() > MAX_INPUT_BYTES {
        return Err(invalid(format!(
            "the article JSON is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
            text.len()
        )));
    }
    // Before parsing: the decoder recurses, and a stack overflow in Wasm
    // would stop every widget on the page.
    if nests_too_deep(&text) {
        return Err(invalid(format!(
            "the article JSON nests deeper than {MAX_NESTING} levels"
        )));
    }
    let value = js_sys::JSON::parse(&text)
        .map_err(|_| invalid("the article is not valid JSON".to_owned()))?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(invalid("the article JSON must be an object".to_owned()));
    }
    let version =
        js_sys::Reflect::get(&value, &JsValue::from_str("version")).unwrap_or(JsValue::UNDEFINED);
    match version.as_f64() {
        Some(v) if v.fract() == 0.0 && v >= 0.0 => {
            check_version(v as u64).map_err(|p| invalid(p.to_string()))?
        }
        _ => return Err(invalid("version: must be a whole number".to_owned())),
    }
    let article: Article = serde_wasm_bindgen::from_value(value)
        .map_err(|e| invalid(format!("the article does not match the contract: {e}")))?;
    let problems = validate(&article);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        return Err(invalid(format!("{first}{more}")));
    }
    Ok((article, text))
}
