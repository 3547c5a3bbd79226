//! Browser entry: finds every mount on the page, hydrates or renders it, and
//! keeps doing so for widgets that arrive later.
//!
//! Per mount: read the JSON copy (only the share bar's fields when the
//! markup's fingerprint says the server rendered it from exactly this text;
//! else the whole article, decoded and validated by the CLI's own reader,
//! `model::read_article`), then
//! - make the share-bar island live when the article markup belongs to this
//!   JSON (fingerprint) and the island still has the shape the server wrote
//!   ([`crate::embed::shape`]): hydrated by Yew out of the page's reach
//!   until Yew is done, so Yew's hydration cannot panic (full client), or
//!   listened to in place without Yew ([`live_bar`], island bundle);
//! - render the island fresh when the page changed its markup, leaving the
//!   rest of the article (and any ads in it) alone;
//! - render the whole article when the mount is empty or its markup was
//!   rendered from other JSON;
//! - or, when the JSON is unusable, leave the markup exactly as it is.
//!
//! The mount reports the outcome once it is true, in `data-warta-state` and
//! with a bubbling `warta:ready` (`detail.state`, `detail.reason`) or
//! `warta:error` (`detail.state`, `detail.message`) event.
//!
//! Two bundles are built from this module. The full client (feature
//! `hydration`, warta.js) does all of the above with Yew. The island bundle
//! (feature `island` without `hydration`; the `warta-island` binary,
//! warta-island.js, what warta-init.js loads first) has no Yew at all, and
//! so is a quarter of the size: it makes the share bars of intact server
//! markup live in place ([`live_bar`]) and hands every other mount to the
//! full client ([`hand_over`]), which the loader fetches only then.

mod attach;
#[cfg(not(feature = "hydration"))]
mod hand_over;
pub mod live_bar;
mod read;
mod registry;
mod watch;

use std::rc::Rc;

use gloo::console;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::browser::dispatch;
use crate::embed::{fingerprint, page_text, STATE_ATTR};
use attach::{Json, Source};
use read::ReadError;
use registry::Life;
pub use watch::watch_page;

/// Selects mounts (`embed::MOUNT_ATTR`), spelled out: building selectors
/// with `format!` costs bundle bytes for nothing.
const MOUNT_SELECTOR: &str = "[data-warta]";

/// What became of a mount, as written to `data-warta-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MountState {
    /// The server markup was kept and its share bar made live in place
    /// (hydrated by Yew, or listened to by the island bundle).
    Hydrated,
    /// warta rendered in the browser: the whole article for an empty or
    /// stale mount, or the share bar when the page had changed its markup.
    Rendered,
    /// The article could not be shown by warta; the markup is untouched.
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

/// Why warta rendered instead of hydrating; sent as `detail.reason`.
pub mod reason {
    /// The mount held only the JSON.
    pub const EMPTY_MOUNT: &str = "the mount has no server markup";
    /// The fingerprint says the markup came from other JSON.
    pub const STALE_MARKUP: &str = "the server markup was rendered from other JSON";
    /// The share bar's markup no longer has the shape the server wrote.
    pub const CHANGED_BY_PAGE: &str = "markup changed by the page";
    /// The share bar's island is gone from the markup.
    pub const ISLAND_MISSING: &str = "the share bar was missing from the markup";
    /// The island is there but empty: the page emptied it.
    pub const ISLAND_EMPTY: &str = "the share bar was empty";
    /// The widget was mounted before and torn down (the page removed it and
    /// put it back, or called `warta.unmount`); its share bar is rendered anew.
    pub const MOUNTED_BEFORE: &str = "the widget was mounted before";
}

/// What [`mount_one`] set in motion. The final state is reported on the
/// mount once it is true (after Yew has run), not when this returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mounting {
    /// Making the share bar of intact server markup live (the island
    /// bundle is done when this returns; Yew hydrates in its scheduler).
    Hydrating,
    /// Rendering in the browser, for this reason.
    Rendering(&'static str),
    /// The JSON was unusable; reported at once as `error`.
    Failed(String),
    /// The JSON was read; hydrating or rendering follows in a task of its
    /// own (with warta-init.js on the page).
    Scheduled,
    /// The mount was mounted before; nothing was done.
    AlreadyMounted,
    /// The island bundle handed the mount to the full client, which
    /// reports its state.
    HandedOver,
}

/// The browser entry: a last-resort panic report, every widget on the page,
/// widgets that arrive later, and the `window.warta` API.
///
/// With warta-init.js on the page (it leaves `window.warta.held`), the
/// loader decides when each widget mounts (its loading strategy) and asks
/// for each in a task of its own, so nothing is mounted here: instantiating
/// the Wasm and mounting widgets never share one long task. Without it (a
/// page that calls `init()` of warta.js itself), every widget mounts now.
pub fn start() {
    #[cfg(feature = "hydration")]
    yew::set_custom_panic_hook(Box::new(|info| report_panic(&info.to_string())));
    #[cfg(not(feature = "hydration"))]
    std::panic::set_hook(Box::new(|info| report_panic(&info.to_string())));
    #[cfg(feature = "hydration")]
    if watch::loaded_as_guest() {
        // The island bundle watches the page; this one mounts only what
        // it is handed.
        watch::expose_guest_api();
        return;
    }
    if !watch::loader_present() {
        mount_all();
    }
    watch_page();
    watch::expose_api();
}

/// Mounts every widget in the document that is not mounted yet. Returns
/// how many were newly mounted.
#[inline(never)]
pub fn mount_all() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .map_or(0, |document| mount_within(&document))
}

/// Mounts `target` if it is a mount, and every mount inside it (an element,
/// document or shadow root). Returns how many were newly mounted.
#[inline(never)]
pub fn mount_within(target: &Node) -> u32 {
    let mut count = 0;
    for mount in mounts_at(target) {
        if mount_one(&mount) != Mounting::AlreadyMounted {
            count += 1;
        }
    }
    count
}

/// Hydrates or renders one mount; does nothing for a mount already mounted.
#[inline(never)]
pub fn mount_one(mount: &Element) -> Mounting {
    if registry::is_mounted(mount) {
        return Mounting::AlreadyMounted;
    }
    let life = Rc::new(Life::default());
    registry::register(mount, life.clone());
    match read(mount) {
        Ok(json) if watch::loader_present() => {
            // Reading the JSON and hydrating each take a task of their own,
            // so neither adds up to a long one on a slow phone. The page may
            // tear the widget down in between: then nothing is attached.
            let mount = mount.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if registry::holds(&life) {
                    attach::attach(&mount, &life, json);
                }
            })
            .forget();
            Mounting::Scheduled
        }
        Ok(json) => attach::attach(mount, &life, json),
        #[cfg(not(feature = "hydration"))]
        Err(ReadError::NeedsFullClient) => hand_over::hand_over(mount, &life),
        Err(error) => {
            if matches!(error, ReadError::NoScript) {
                registry::mark_awaiting_script(mount);
            }
            refuse(mount, error.message())
        }
    }
}

/// Says why a mount's article cannot be shown: on the console and in its
/// state and `warta:error` event. The markup stays as it is.
fn refuse(mount: &Element, message: String) -> Mounting {
    console::error!(format!("warta: {message}"));
    report(mount, MountState::Error, Some(&message));
    Mounting::Failed(message)
}

/// The mount's JSON text, read as much as the mount needs: only the share
/// bar's fields when the markup is the server's render of exactly this text
/// (it validated it), else the whole article, decoded and validated.
fn read(mount: &Element) -> Result<Json, ReadError> {
    let script = read::script_text(mount)?;
    let text = page_text::copy(&script);
    let fingerprint = fingerprint(&text);
    let subject = attach::rendered_from(mount, &fingerprint)
        .then(|| read::read_subject(&script))
        .flatten();
    let source = match subject {
        Some(subject) => Source::Subject(Rc::new(subject)),
        None => read_whole(&text)?,
    };
    Ok(Json {
        #[cfg(feature = "hydration")]
        text,
        fingerprint,
        source,
    })
}

/// Reads, decodes and validates the whole article.
#[cfg(feature = "hydration")]
fn read_whole(text: &str) -> Result<Source, ReadError> {
    Ok(Source::Article(Rc::new(read::read_article(text)?)))
}

/// The island bundle has no whole-article reader: the full client takes
/// the mount.
#[cfg(not(feature = "hydration"))]
fn read_whole(_text: &str) -> Result<Source, ReadError> {
    Err(ReadError::NeedsFullClient)
}

/// Stops `target` if it is a mount, and every mount inside it: the Yew app
/// is destroyed, the state attribute removed, and the article stays as
/// plain HTML (share links work as links, as before the Wasm); the mount can
/// be mounted again. Returns how many were stopped.
pub fn unmount_within(target: &Node) -> u32 {
    let mut count = 0;
    for mount in mounts_at(target) {
        if let Some(entry) = registry::take(|m| m.mount.is_same_node(Some(&mount))) {
            registry::tear_down(entry);
            count += 1;
        }
    }
    count
}

/// Tears down every mount that has left the document. Returns how many.
pub fn sweep_removed() -> u32 {
    let mut count = 0;
    while let Some(entry) = registry::take(|m| m.was_connected && !m.mount.is_connected()) {
        registry::tear_down(entry);
        count += 1;
    }
    count
}

/// How many mounts are live (mounted and not torn down).
pub fn mounted_count() -> usize {
    registry::count()
}

/// `target` itself when it is a mount, then the mounts inside it.
fn mounts_at(target: &Node) -> Vec<Element> {
    let mut found = Vec::new();
    if let Some(element) = target.dyn_ref::<Element>() {
        if element.matches(MOUNT_SELECTOR).unwrap_or(false) {
            found.push(element.clone());
        }
    }
    let inside = match target.node_type() {
        Node::ELEMENT_NODE => target
            .unchecked_ref::<Element>()
            .query_selector_all(MOUNT_SELECTOR),
        Node::DOCUMENT_NODE => target
            .unchecked_ref::<web_sys::Document>()
            .query_selector_all(MOUNT_SELECTOR),
        Node::DOCUMENT_FRAGMENT_NODE => target
            .unchecked_ref::<web_sys::DocumentFragment>()
            .query_selector_all(MOUNT_SELECTOR),
        _ => return found,
    };
    if let Ok(list) = inside {
        found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    found
}

/// Sets the state attribute and dispatches `warta:ready` (with the reason
/// for a render) or `warta:error` (with the message).
fn report(mount: &Element, state: MountState, detail: Option<&str>) {
    let _ = mount.set_attribute(STATE_ATTR, state.as_str());
    let (event, key) = match state {
        MountState::Error => ("warta:error", "message"),
        _ => ("warta:ready", "reason"),
    };
    match detail {
        Some(text) => dispatch(mount, event, &[("state", state.as_str()), (key, text)]),
        None => dispatch(mount, event, &[("state", state.as_str())]),
    }
}

/// Last resort, from the panic hook: the Wasm is about to stop, and every
/// widget with it; every mount says what happened. (The page still shows
/// each article: what Yew had not finished never replaced it.) Mounts the
/// other bundle runs live on and are left alone ([`registry::runs_elsewhere`]).
pub fn report_panic(message: &str) {
    let message = format!("warta stopped: {message}");
    console::error!(&message);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for mount in mounts_at(&document) {
        if !registry::runs_elsewhere(&mount) {
            report(&mount, MountState::Error, Some(&message));
        }
    }
}
