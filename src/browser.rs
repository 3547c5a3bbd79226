//! Browser actions behind the share bar. Called only from event handlers and
//! effects, never while rendering, so the server render never reaches them.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, HtmlDocument, HtmlTextAreaElement, ShareData,
};

use crate::language::Language;
use crate::model::ShareSubject;
use crate::model::{ShareNetwork, ShareSettings, ShareTarget};
use crate::share::tagged_url;

/// Share popups open at this size, centred over the page.
const POPUP_WIDTH: i32 = 600;
const POPUP_HEIGHT: i32 = 540;

/// How long a copy confirmation stays in the share bar's live region.
const STATUS_MS: u32 = 4_000;

/// The share bar's spoken status line ("Tautan disalin"): how to show a
/// message, and the timer that clears it. A new message replaces the timer,
/// which cancels the old one.
#[derive(Clone)]
pub struct StatusLine {
    show: Rc<dyn Fn(Option<&'static str>)>,
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl StatusLine {
    /// `show` puts a message in the live region (`None` empties it).
    pub fn new(
        show: impl Fn(Option<&'static str>) + 'static,
        timer: Rc<RefCell<Option<Timeout>>>,
    ) -> Self {
        StatusLine {
            show: Rc::new(show),
            timer,
        }
    }

    fn say(&self, message: &'static str) {
        (self.show)(Some(message));
        let clear = self.show.clone();
        *self.timer.borrow_mut() = Some(Timeout::new(STATUS_MS, move || clear(None)));
    }
}

/// What a click on one share control does once warta is live: a popup for
/// a network (or the link itself), the OS sheet, or a copy of the link with
/// its spoken confirmation; then `warta:share` from `bar`. The one place
/// for it, whether Yew hydrated the bar (full client) or the island bundle
/// made the server's markup live without Yew.
pub fn share_clicked(
    event: &Event,
    target: &ShareTarget,
    subject: &ShareSubject,
    bar: Option<Element>,
    status: &StatusLine,
) {
    let default_settings = ShareSettings::default();
    let settings = subject.share.as_ref().unwrap_or(&default_settings);
    let id = target.id().to_owned();
    let shared_url = tagged_url(&subject.url, settings.utm.as_ref(), &id);
    let announce = move |url: &str| {
        if let Some(bar) = &bar {
            announce_share(bar, &id, url);
        }
    };
    match target {
        ShareTarget::Network(ShareNetwork::Native) => {
            // The button may be clicked from script while hidden, or after
            // the page removed `navigator.share`: calling it then would
            // throw an uncaught TypeError.
            if !can_share_natively(&shared_url, &subject.title) {
                return;
            }
            let title = subject.title.clone();
            spawn_local(async move {
                if let Ok(true) = share_natively(&shared_url, &title).await {
                    announce(&shared_url);
                }
            });
        }
        ShareTarget::Network(ShareNetwork::Copy) => {
            event.prevent_default();
            let labels = Language::from_tag(subject.lang()).labels();
            let status = status.clone();
            spawn_local(async move {
                let copied = copy_text(&shared_url).await;
                if copied {
                    announce(&shared_url);
                }
                status.say(if copied {
                    labels.link_copied
                } else {
                    labels.copy_failed
                });
            });
        }
        _ => {
            // The popup opens the link's own address, which the server or
            // Yew wrote from these same settings (`share::share_href`): the
            // island bundle then carries no network's URL rules.
            let href = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|clicked| clicked.closest("a[href]").ok().flatten())
                .and_then(|link| link.get_attribute("href"));
            let external = *target != ShareTarget::Network(ShareNetwork::Email);
            if external && href.is_some_and(|href| open_share_popup(&href)) {
                event.prevent_default();
            }
            announce(&shared_url);
        }
    }
}

/// Whether the browser offers the OS share sheet for this link.
pub fn can_share_natively(url: &str, title: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has = |name: &str| Reflect::get(&navigator, &name.into()).is_ok_and(|f| f.is_function());
    if !has("share") {
        return false;
    }
    // Older implementations have share() without canShare(); they accept a URL.
    !has("canShare") || navigator.can_share_with_data(&share_data(url, title))
}

/// Opens the OS share sheet. `Ok(true)` when the reader shared, `Ok(false)`
/// when they closed the sheet.
pub async fn share_natively(url: &str, title: &str) -> Result<bool, JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    match JsFuture::from(navigator.share_with_data(&share_data(url, title))).await {
        Ok(_) => Ok(true),
        Err(error) if error_name(&error).as_deref() == Some("AbortError") => Ok(false),
        Err(error) => Err(error),
    }
}

fn share_data(url: &str, title: &str) -> ShareData {
    let data = ShareData::new();
    data.set_title(title);
    data.set_text(title);
    data.set_url(url);
    data
}

fn error_name(error: &JsValue) -> Option<String> {
    Reflect::get(error, &"name".into()).ok()?.as_string()
}

/// Readers with a mouse get a popup; touch readers follow the link, which
/// hands over to the network's app.
fn prefers_popup() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(hover: hover) and (pointer: fine)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// Tries a sized popup for a share link. `true` when it opened; `false`
/// leaves the click to the link itself (a new tab), so it never opens twice.
pub fn open_share_popup(href: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !prefers_popup() {
        return false;
    }
    let number =
        |value: Result<JsValue, JsValue>| value.ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as i32;
    let (screen_left, screen_top) = (number(window.screen_x()), number(window.screen_y()));
    let (outer_width, outer_height) = (number(window.outer_width()), number(window.outer_height()));
    let left = screen_left + (outer_width - POPUP_WIDTH).max(0) / 2;
    let top = screen_top + (outer_height - POPUP_HEIGHT).max(0) / 2;
    let features = format!("popup,width={POPUP_WIDTH},height={POPUP_HEIGHT},left={left},top={top}");
    // Not "noopener": with it, open() always returns null and a blocked
    // popup could not be told from an open one. The opener is cut below.
    match window.open_with_url_and_target_and_features(href, "warta-share", &features) {
        Ok(Some(popup)) => {
            let _ = Reflect::set(&popup, &"opener".into(), &JsValue::NULL);
            true
        }
        _ => false,
    }
}

/// Copies text: the Clipboard API first, then the older selection copy for
/// browsers without it or pages that refuse it.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    if let Some(clipboard) = clipboard {
        if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return true;
        }
    }
    copy_with_selection(text)
}

fn copy_with_selection(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(area) = document.create_element("textarea") else {
        return false;
    };
    let area: HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // Through CSSOM, not a style attribute, which a strict CSP would refuse.
    let style = area.style();
    for (name, value) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "0"),
        ("opacity", "0"),
        ("pointer-events", "none"),
    ] {
        let _ = style.set_property(name, value);
    }
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .unchecked_ref::<HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    area.remove();
    copied
}

/// Tells the host page about a share: a `warta:share` event with
/// `{network, url}` for the publisher's analytics.
pub fn announce_share(from: &Element, network: &str, url: &str) {
    dispatch(from, "warta:share", &[("network", network), ("url", url)]);
}

/// Dispatches a bubbling, composed custom event whose `detail` holds the
/// given string fields, so it reaches the host page even from a shadow root.
pub fn dispatch(target: &Element, name: &str, detail: &[(&str, &str)]) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
