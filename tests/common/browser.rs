//! Browser-test helpers: server-render in the page, stage markup, watch events.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use warta::ad_slots::{AdSlot, ReservedHeight};
use warta::embed::{fragment_html, script_safe_json};
use warta::model::Article;
use warta::render::RenderOptions;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, Element};

/// Server-renders `json` (in the browser, with the same components) into a fragment.
pub async fn server_fragment(json: &str) -> String {
    server_fragment_with(json, &Default::default()).await
}

/// [`server_fragment`] with render options (ad slots).
pub async fn server_fragment_with(json: &str, options: &RenderOptions) -> String {
    let article: Article = serde_json::from_str(json).unwrap();
    let markup = warta::render::article_markup(Rc::new(article), options).await;
    fragment_html(&markup, &script_safe_json(json))
}

/// The sample rendered with ad slots `ad-one` (after paragraph 2) and
/// `ad-two` (after paragraph 5), staged with its JSON copy changed by
/// `edit`: markup from one JSON, data from another, as when a publisher
/// edits the JSON after the server render.
pub async fn stale_sample_with_ads(edit: impl FnOnce(&mut serde_json::Value)) -> Stage {
    let slot = |after: u32, id: &str| AdSlot {
        after,
        id: id.to_owned(),
        min_height: ReservedHeight {
            phone: 250,
            desktop: 90,
        },
        label: None,
    };
    let options = RenderOptions {
        ad_slots: vec![slot(2, "ad-one"), slot(5, "ad-two")],
    };
    let mut edited: serde_json::Value = serde_json::from_str(super::SAMPLE_JSON).unwrap();
    edit(&mut edited);
    let stale = server_fragment_with(super::SAMPLE_JSON, &options).await;
    Stage::new(&replace_json(
        &stale,
        &script_safe_json(&edited.to_string()),
    ))
}

/// The fragment with its JSON copy swapped for `json`, markup unchanged:
/// what a page looks like after someone edits the JSON but not the markup.
pub fn replace_json(fragment: &str, json: &str) -> String {
    let start = fragment.find("data-warta-data>").unwrap() + "data-warta-data>".len();
    let end = fragment.rfind("</script>").unwrap();
    format!("{}{json}{}", &fragment[..start], &fragment[end..])
}

/// Events seen: (event name, `detail.state`, `detail.reason` or
/// `detail.message`, empty when absent).
pub type EventLog = Rc<RefCell<Vec<(String, String, String)>>>;

/// A fresh container in the page holding `html`; removed when dropped.
pub struct Stage(pub Element);

impl Stage {
    pub fn new(html: &str) -> Self {
        let document = gloo::utils::document();
        let container = document.create_element("div").unwrap();
        container.set_inner_html(html);
        document.body().unwrap().append_child(&container).unwrap();
        Stage(container)
    }

    pub fn mount(&self, index: usize) -> Element {
        self.0
            .query_selector_all("[data-warta]")
            .unwrap()
            .item(index as u32)
            .unwrap()
            .dyn_into()
            .unwrap()
    }

    pub fn find(&self, selector: &str) -> Element {
        self.0
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    /// Records every `warta:*` event that bubbles up to the container.
    pub fn events(&self) -> (EventLog, [EventListener; 2]) {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let listen = |name: &'static str| {
            let seen = seen.clone();
            EventListener::new(&self.0, name, move |event| {
                let detail = event.dyn_ref::<CustomEvent>().unwrap().detail();
                let get = |key: &str| {
                    js_sys::Reflect::get(&detail, &key.into())
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let why = get("reason").or_else(|| get("message")).unwrap_or_default();
                seen.borrow_mut()
                    .push((name.to_owned(), get("state").unwrap(), why));
            })
        };
        (seen.clone(), [listen("warta:ready"), listen("warta:error")])
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Runs JavaScript in the page, to stub browser APIs the way a test needs them.
pub fn run_js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&JsValue::NULL)
        .expect("stub script runs")
}

/// A clipboard that records what is written in `window.__copied` (the real
/// one needs a user's gesture and focus).
pub fn stub_recording_clipboard() {
    run_js(
        "window.__copied = null;
         Object.defineProperty(navigator, 'clipboard', { configurable: true,
           value: { writeText: (text) => { window.__copied = text; return Promise.resolve(); } } });",
    );
}

/// Lets promises and spawned futures settle: one turn of the event loop.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
