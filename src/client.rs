//! Browser entry: finds every mount on the page and hydrates or renders it.
//!
//! Per mount: read the JSON copy, decode it (`JSON.parse` + serde-wasm-bindgen,
//! no serde_json in the bundle), validate it, then
//! - hydrate the server markup when its fingerprint matches the JSON,
//! - render fresh when the mount is empty or the fingerprint differs
//!   (Yew would panic on markup that does not match),
//! - or, when the JSON is unusable, leave the markup exactly as it is.
//!
//! The mount reports the outcome in `data-warta-state` and with a bubbling
//! `warta:ready` or `warta:error` event.

use std::rc::Rc;

use gloo::console;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::browser::dispatch;
use crate::components::{ArticleView, ArticleViewProps};
use crate::embed::{fingerprint, DATA_ATTR, FINGERPRINT_ATTR, MOUNT_ATTR, ROOT_ATTR, STATE_ATTR};
use crate::model::{check_version, limits::MAX_INPUT_BYTES, validate, Article};

/// What became of a mount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MountState {
    /// The server markup was hydrated in place.
    Hydrated,
    /// The article was rendered in the browser (empty or stale mount).
    Rendered,
    /// The JSON was unusable; the markup was left untouched.
    Error,
}

impl MountState {
    /// The value written to `data-warta-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            MountState::Hydrated => "hydrated",
            MountState::Rendered => "rendered",
            MountState::Error => "error",
        }
    }
}

/// Mounts every widget on the page that is not mounted yet. Safe to call
/// again after adding widgets.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(mounts) = document.query_selector_all(&format!("[{MOUNT_ATTR}]:not([{STATE_ATTR}])"))
    else {
        return;
    };
    for i in 0..mounts.length() {
        if let Some(mount) = mounts
            .item(i)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            mount_one(&mount);
        }
    }
}

/// Hydrates or renders one mount and reports the outcome.
pub fn mount_one(mount: &Element) -> MountState {
    match read_article(mount).and_then(|(article, json_text)| attach(mount, article, &json_text)) {
        Ok(state) => {
            report(mount, state, "warta:ready", None);
            state
        }
        Err(message) => {
            console::error!(format!("warta: {message}"));
            report(mount, MountState::Error, "warta:error", Some(&message));
            MountState::Error
        }
    }
}

/// Reads, decodes and validates the mount's JSON copy.
fn read_article(mount: &Element) -> Result<(Article, String), String> {
    let script = mount
        .query_selector(&format!(":scope > script[{DATA_ATTR}]"))
        .ok()
        .flatten()
        .ok_or(
            "the mount has no <script type=\"application/json\" data-warta-data> with the article",
        )?;
    let text = script.text_content().unwrap_or_default();
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "the article JSON is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
            text.len()
        ));
    }
    let value =
        js_sys::JSON::parse(&text).map_err(|_| "the article is not valid JSON".to_owned())?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err("the article JSON must be an object".to_owned());
    }
    let version =
        js_sys::Reflect::get(&value, &JsValue::from_str("version")).unwrap_or(JsValue::UNDEFINED);
    match version.as_f64() {
        Some(v) if v.fract() == 0.0 && v >= 0.0 => {
            check_version(v as u64).map_err(|p| p.to_string())?
        }
        _ => return Err("version: must be a whole number".to_owned()),
    }
    let article: Article = serde_wasm_bindgen::from_value(value)
        .map_err(|e| format!("the article does not match the contract: {e}"))?;
    let problems = validate(&article);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        return Err(format!("{first}{more}"));
    }
    Ok((article, text))
}

/// Hydrates when the server markup belongs to this JSON, else renders fresh.
fn attach(mount: &Element, article: Article, json_text: &str) -> Result<MountState, String> {
    let props = ArticleViewProps {
        article: Rc::new(article),
    };
    let expected = fingerprint(json_text);
    let root = mount
        .query_selector(&format!(":scope > [{ROOT_ATTR}]"))
        .ok()
        .flatten();
    if let Some(root) = &root {
        let matches = root.get_attribute(FINGERPRINT_ATTR).as_deref() == Some(expected.as_str());
        if matches && root.first_element_child().is_some() {
            yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).hydrate();
            return Ok(MountState::Hydrated);
        }
    }
    let root = match root {
        Some(stale) => {
            stale.set_inner_html("");
            stale
        }
        None => create_root(mount).ok_or("could not create the element to render into")?,
    };
    let _ = root.set_attribute(FINGERPRINT_ATTR, &expected);
    yew::Renderer::<ArticleView>::with_root_and_props(root, props).render();
    Ok(MountState::Rendered)
}

fn create_root(mount: &Element) -> Option<Element> {
    let root = web_sys::window()?.document()?.create_element("div").ok()?;
    root.set_class_name("warta-root");
    root.set_attribute(ROOT_ATTR, "").ok()?;
    mount.prepend_with_node_1(&root).ok()?;
    Some(root)
}

/// Sets the state attribute and dispatches the bubbling, composed event.
fn report(mount: &Element, state: MountState, event: &str, message: Option<&str>) {
    let _ = mount.set_attribute(STATE_ATTR, state.as_str());
    match message {
        Some(message) => dispatch(
            mount,
            event,
            &[("state", state.as_str()), ("message", message)],
        ),
        None => dispatch(mount, event, &[("state", state.as_str())]),
    }
}
