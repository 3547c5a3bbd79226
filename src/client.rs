//! Browser entry: finds every mount on the page, hydrates or renders it, and
//! keeps doing so for widgets that arrive later.
//!
//! Per mount: read the JSON copy, decode it (`JSON.parse` +
//! serde-wasm-bindgen, no serde_json in the bundle), validate it, then
//! - hydrate the share-bar island when the article markup belongs to this
//!   JSON (fingerprint) and the island still has the shape the server wrote
//!   ([`crate::embed::shape`]), so Yew's hydration cannot panic;
//! - render the island fresh when the page changed its markup, leaving the
//!   rest of the article (and any ads in it) alone;
//! - render the whole article when the mount is empty or its markup was
//!   rendered from other JSON;
//! - or, when the JSON is unusable, leave the markup exactly as it is.
//!
//! The mount reports the outcome once it is true, in `data-warta-state` and
//! with a bubbling `warta:ready` (`detail.state`, `detail.reason`) or
//! `warta:error` (`detail.state`, `detail.message`) event.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::console;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};
use yew::{AppHandle, Callback};

use crate::browser::dispatch;
use crate::components::{ArticleView, ArticleViewProps, ShareBar, ShareBarProps};
use crate::embed::shape::shape_of_dom;
use crate::embed::{
    fingerprint, AD_AFTER_ATTR, FINGERPRINT_ATTR, ISLAND_ATTR, ROOT_ATTR, SHAPE_ATTR, STATE_ATTR,
};
use crate::model::limits::{nests_too_deep, MAX_INPUT_BYTES, MAX_NESTING};
use crate::model::{check_version, validate, Article};

/// What became of a mount, as written to `data-warta-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MountState {
    /// The server markup was kept and its share bar hydrated in place.
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
    /// The island is there but empty: warta unmounted the widget before
    /// (the page removed it, then put it back), or the page emptied it.
    pub const ISLAND_EMPTY: &str =
        "the share bar was empty (unmounted before, or emptied by the page)";
}

/// What [`mount_one`] set in motion. The final state is reported on the
/// mount once it is true (after Yew has run), not when this returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mounting {
    /// Hydrating the share bar of intact server markup.
    Hydrating,
    /// Rendering in the browser, for this reason.
    Rendering(&'static str),
    /// The JSON was unusable; reported at once as `error`.
    Failed(String),
    /// The mount was mounted before; nothing was done.
    AlreadyMounted,
}

/// The Yew app behind a mount, kept to tear it down.
enum App {
    Island(AppHandle<ShareBar>),
    Whole(AppHandle<ArticleView>),
    /// Nothing runs (the JSON was unusable).
    Nothing,
}

struct Mounted {
    mount: Element,
    app: App,
    /// Whether it was in the document when mounted; only those are torn
    /// down when they leave it (a host may mount a detached tree on purpose).
    was_connected: bool,
}

// Selectors for the attributes in `embed`, spelled out: building them with
// `format!` at run time costs bundle bytes for nothing.
const MOUNT_SELECTOR: &str = "[data-warta]";
const ROOT_SELECTOR: &str = ":scope > [data-warta-root]";
const DATA_SELECTOR: &str = ":scope > script[data-warta-data]";
const ISLAND_SELECTOR: &str = "[data-warta-island]";
const AD_WRAPPER_SELECTOR: &str = ".warta-ad[data-warta-ad-after]";

thread_local! {
    /// Every mount warta has taken on, in mounting order.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// The page watcher, once started.
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// The browser entry: a last-resort panic report, every widget on the page,
/// widgets that arrive later, and the `window.warta` API.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| report_panic(&info.to_string())));
    mount_all();
    watch_page();
    expose_api();
}

/// Mounts every widget in the document that is not mounted yet. Returns
/// how many were newly mounted.
pub fn mount_all() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .map_or(0, |document| mount_within(&document))
}

/// Mounts `target` if it is a mount, and every mount inside it (an element,
/// document or shadow root). Returns how many were newly mounted.
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
pub fn mount_one(mount: &Element) -> Mounting {
    if is_mounted(mount) {
        return Mounting::AlreadyMounted;
    }
    let (mounting, app) = match read_article(mount) {
        Ok((article, json_text)) => attach(mount, Rc::new(article), &json_text),
        Err(message) => {
            console::error!(format!("warta: {message}"));
            report(mount, MountState::Error, Some(&message));
            (Mounting::Failed(message), App::Nothing)
        }
    };
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            mount: mount.clone(),
            app,
            was_connected: mount.is_connected(),
        })
    });
    mounting
}

/// Stops `target` if it is a mount, and every mount inside it: the Yew app
/// is destroyed (removing what it rendered) and the state attribute cleared,
/// so the mount can be mounted again. Returns how many were stopped.
pub fn unmount_within(target: &Node) -> u32 {
    let mut count = 0;
    for mount in mounts_at(target) {
        if let Some(entry) = take_mounted(|m| m.mount.is_same_node(Some(&mount))) {
            tear_down(entry);
            count += 1;
        }
    }
    count
}

/// Tears down every mount that has left the document. Returns how many.
pub fn sweep_removed() -> u32 {
    let mut count = 0;
    while let Some(entry) = take_mounted(|m| m.was_connected && !m.mount.is_connected()) {
        tear_down(entry);
        count += 1;
    }
    count
}

/// How many mounts are live (mounted and not torn down).
pub fn mounted_count() -> usize {
    MOUNTED.with(|mounted| mounted.borrow().len())
}

fn is_mounted(mount: &Element) -> bool {
    MOUNTED.with(|mounted| {
        mounted
            .borrow()
            .iter()
            .any(|m| m.mount.is_same_node(Some(mount)))
    })
}

/// Removes and returns the first registry entry that matches.
fn take_mounted(matches: impl Fn(&Mounted) -> bool) -> Option<Mounted> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(matches)?;
        Some(mounted.remove(index))
    })
}

/// Destroys the mount's app; its state no longer holds, so it goes too.
fn tear_down(entry: Mounted) {
    match entry.app {
        App::Island(app) => app.destroy(),
        App::Whole(app) => app.destroy(),
        App::Nothing => {}
    }
    let _ = entry.mount.remove_attribute(STATE_ATTR);
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

/// Reads, decodes and validates the mount's JSON copy.
fn read_article(mount: &Element) -> Result<(Article, String), String> {
    let script = data_script(mount).ok_or(
        "the mount has no <script type=\"application/json\" data-warta-data> with the article",
    )?;
    let text = script.text_content().unwrap_or_default();
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "the article JSON is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
            text.len()
        ));
    }
    // Before parsing: the decoder recurses, and a stack overflow in Wasm
    // would stop every widget on the page.
    if nests_too_deep(&text) {
        return Err(format!(
            "the article JSON nests deeper than {MAX_NESTING} levels"
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

fn data_script(mount: &Element) -> Option<Element> {
    mount.query_selector(DATA_SELECTOR).ok().flatten()
}

/// Decides between hydrating the island, rendering it, and rendering the
/// whole article; the state is reported when Yew has done it.
fn attach(mount: &Element, article: Rc<Article>, json_text: &str) -> (Mounting, App) {
    let expected = fingerprint(json_text);
    let root = mount.query_selector(ROOT_SELECTOR).ok().flatten();
    let root = match root {
        Some(root) if root.first_element_child().is_some() => root,
        // An empty root is reused; a missing one is made.
        empty_or_missing => {
            return render_whole(
                mount,
                empty_or_missing,
                article,
                &expected,
                reason::EMPTY_MOUNT,
            )
        }
    };
    if root.get_attribute(FINGERPRINT_ATTR).as_deref() != Some(expected.as_str()) {
        return render_whole(mount, Some(root), article, &expected, reason::STALE_MARKUP);
    }
    let island = root.query_selector(ISLAND_SELECTOR).ok().flatten();
    let Some(island) = island else {
        let Some(island) = recreate_island(&root) else {
            return render_whole(
                mount,
                Some(root),
                article,
                &expected,
                reason::ISLAND_MISSING,
            );
        };
        return render_island(mount, island, article, reason::ISLAND_MISSING);
    };
    if !island.has_child_nodes() {
        return render_island(mount, island, article, reason::ISLAND_EMPTY);
    }
    let intact = island.get_attribute(SHAPE_ATTR).as_deref() == Some(&*shape_of_dom(&island));
    if !intact {
        return render_island(mount, island, article, reason::CHANGED_BY_PAGE);
    }
    let props = ShareBarProps {
        article,
        on_ready: ready(mount, MountState::Hydrated, None),
    };
    let app = yew::Renderer::<ShareBar>::with_root_and_props(island, props).hydrate();
    (Mounting::Hydrating, App::Island(app))
}

/// Renders the share bar fresh in its island; the article around it stays.
fn render_island(
    mount: &Element,
    island: Element,
    article: Rc<Article>,
    why: &'static str,
) -> (Mounting, App) {
    console::warn!("warta:", why, "- rendering the share bar again");
    let props = ShareBarProps {
        article,
        on_ready: ready(mount, MountState::Rendered, Some(why)),
    };
    let app = yew::Renderer::<ShareBar>::with_root_and_props(island, props).render();
    (Mounting::Rendering(why), App::Island(app))
}

/// Puts a new, empty island where the share bar stands in server markup:
/// before the body. `None` when the article element is gone too.
fn recreate_island(root: &Element) -> Option<Element> {
    let article = root.query_selector(".warta-article").ok().flatten()?;
    let island = gloo::utils::document().create_element("div").ok()?;
    island.set_class_name("warta-share-island");
    island.set_attribute(ISLAND_ATTR, "share").ok()?;
    let body = article
        .query_selector(":scope > .warta-body")
        .ok()
        .flatten();
    article
        .insert_before(&island, body.as_ref().map(|b| b.as_ref()))
        .ok()?;
    Some(island)
}

/// Renders the whole article into the mount's root (made when missing).
/// Ad slots a stale render held are moved into the new body.
fn render_whole(
    mount: &Element,
    root: Option<Element>,
    article: Rc<Article>,
    expected: &str,
    why: &'static str,
) -> (Mounting, App) {
    let (root, ad_slots) = match root {
        Some(root) => {
            let slots = take_ad_slots(&root);
            (root, slots)
        }
        None => match create_root(mount) {
            Some(root) => (root, Vec::new()),
            None => {
                let message = "could not create the element to render into".to_owned();
                report(mount, MountState::Error, Some(&message));
                return (Mounting::Failed(message), App::Nothing);
            }
        },
    };
    let _ = root.set_attribute(FINGERPRINT_ATTR, expected);
    let on_ready = ready(mount, MountState::Rendered, Some(why));
    let on_ready = if ad_slots.is_empty() {
        on_ready
    } else {
        let body_root = root.clone();
        Callback::from(move |()| {
            restore_ad_slots(&body_root, &ad_slots);
            on_ready.emit(());
        })
    };
    let props = ArticleViewProps {
        article,
        ad_slots: Rc::default(),
        share_island: None,
        on_ready,
    };
    let app = yew::Renderer::<ArticleView>::with_root_and_props(root, props).render();
    (Mounting::Rendering(why), App::Whole(app))
}

fn create_root(mount: &Element) -> Option<Element> {
    let root = gloo::utils::document().create_element("div").ok()?;
    root.set_class_name("warta-root");
    root.set_attribute(ROOT_ATTR, "").ok()?;
    mount.prepend_with_node_1(&root).ok()?;
    Some(root)
}

/// Detaches the ad-slot wrappers of markup about to be replaced, each with
/// the paragraph number it stood after.
fn take_ad_slots(root: &Element) -> Vec<(u32, Element)> {
    let Ok(slots) = root.query_selector_all(AD_WRAPPER_SELECTOR) else {
        return Vec::new();
    };
    (0..slots.length())
        .filter_map(|i| slots.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|slot| {
            let after = slot.get_attribute(AD_AFTER_ATTR)?.parse().ok()?;
            slot.remove();
            Some((after, slot))
        })
        .collect()
}

/// Puts ad-slot wrappers back after their paragraphs in the new body.
fn restore_ad_slots(root: &Element, slots: &[(u32, Element)]) {
    let Some(body) = root.query_selector(".warta-body").ok().flatten() else {
        return;
    };
    for (after, slot) in slots.iter().rev() {
        let selector = format!(":scope > p:nth-of-type({after})");
        if let Some(paragraph) = body.query_selector(&selector).ok().flatten() {
            let _ = paragraph.after_with_node_1(slot);
        }
    }
}

/// The callback that reports a mount's state once its app is live.
fn ready(mount: &Element, state: MountState, why: Option<&'static str>) -> Callback<()> {
    let mount = mount.clone();
    Callback::from(move |()| report(&mount, state, why))
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
/// widget with it, so every mount says so.
pub fn report_panic(message: &str) {
    let message = format!("warta stopped: {message}");
    console::error!(&message);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for mount in mounts_at(&document) {
        report(&mount, MountState::Error, Some(&message));
    }
}

/// Mounts widgets added to the page later (infinite scroll, client-side
/// navigation) and tears down those removed. Idempotent.
pub fn watch_page() {
    if WATCHING.with(|watching| watching.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
        let mut removed = false;
        for record in records.iter() {
            let record: MutationRecord = record.unchecked_into();
            removed |= record.removed_nodes().length() > 0;
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(node) = added.item(i) {
                    mount_added(&node);
                }
            }
        }
        if removed {
            sweep_removed();
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(&document, &options);
    // The watcher lives as long as the page.
    on_change.forget();
}

/// A node the page added: a mount, a container of mounts, or the JSON
/// script arriving in a mount that was waiting for it.
fn mount_added(node: &Node) {
    let Some(element) = node.dyn_ref::<Element>() else {
        return;
    };
    let waiting = element.closest(MOUNT_SELECTOR).ok().flatten().into_iter();
    for mount in waiting.chain(mounts_at(node)) {
        // A mount still being built gets its turn when its script arrives.
        if !is_mounted(&mount) && data_script(&mount).is_some() {
            mount_one(&mount);
        }
    }
}

/// `window.warta.mount(target?)` and `window.warta.unmount(target)` for
/// hosts that want control, such as widgets inside a shadow root, which the
/// page watcher cannot see.
fn expose_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let mount =
        Closure::<dyn Fn(JsValue) -> u32>::new(|target: JsValue| match target.dyn_into::<Node>() {
            Ok(node) => mount_within(&node),
            Err(_) => mount_all(),
        });
    let unmount = Closure::<dyn Fn(JsValue) -> u32>::new(|target: JsValue| {
        target
            .dyn_into::<Node>()
            .map_or(0, |node| unmount_within(&node))
    });
    let _ = js_sys::Reflect::set(&api, &"mount".into(), &mount.into_js_value());
    let _ = js_sys::Reflect::set(&api, &"unmount".into(), &unmount.into_js_value());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    let _ = js_sys::Reflect::set(&window, &"warta".into(), &api);
}
