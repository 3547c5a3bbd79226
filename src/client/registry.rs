//! Every mount warta has taken on, and how each is torn down.
//!
//! The island bundle's live bars need nothing here but dropping (the bar's
//! listener goes, and the markup is the server's again). The rest of this
//! is about the full client's Yew apps. Each Yew app lives in a *stage*: an
//! element of its own that Yew works on outside the page and that then
//! takes over its place (the share bar's
//! island, or the article's root; see `attach::swap_in`). Tearing down
//! unwraps the stage, leaving what it showed in the page as plain HTML (the
//! share links still work as links) and out of Yew's reach: Yew destroys an
//! app later, in its scheduler, and by then it finds nothing of its own to
//! remove, which it only warns about. A stage torn down before it reached
//! the page is dropped; the page keeps what it showed. The share icons are
//! the exception: raw markup, which Yew removes even from inside elements
//! it leaves alone, and with a panic if a node is not where it put it. So
//! each app's icons are recorded once it is ready, and the teardown gives
//! the page a copy of each and hands the icon itself back, hidden, to the
//! element Yew holds it in ([`hand_icons_back`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
#[cfg(feature = "hydration")]
use yew::AppHandle;

#[cfg(feature = "hydration")]
use crate::components::{ArticleView, ShareBar, ICON_SELECTOR};
use crate::embed::{SHAPE_ATTR, STATE_ATTR};

/// What makes a mount live: the full client's Yew apps, the island
/// bundle's listener on server markup, or a hand-over.
pub(super) enum App {
    #[cfg(feature = "hydration")]
    Island(AppHandle<ShareBar>),
    #[cfg(feature = "hydration")]
    Whole(AppHandle<ArticleView>),
    /// The island bundle made the server's share bar live in place.
    #[cfg(not(feature = "hydration"))]
    Live(super::live_bar::LiveBar),
    /// The island bundle handed this mount to the full client.
    #[cfg(not(feature = "hydration"))]
    HandedOver(Element),
}

impl App {
    fn destroy(self) {
        match self {
            #[cfg(feature = "hydration")]
            App::Island(app) => app.destroy(),
            #[cfg(feature = "hydration")]
            App::Whole(app) => app.destroy(),
            // Dropping it puts the server's markup back as it was.
            #[cfg(not(feature = "hydration"))]
            App::Live(bar) => drop(bar),
            #[cfg(not(feature = "hydration"))]
            App::HandedOver(mount) => super::hand_over::take_back(&mount),
        }
    }
}

/// One mount's app, from the moment warta takes it on.
#[derive(Default)]
pub(super) struct Life {
    /// The app, once made; none when the JSON was unusable.
    pub(super) app: RefCell<Option<App>>,
    /// The stage the app renders in, and the place it takes over.
    pub(super) stage: RefCell<Option<(Element, Element)>>,
    /// Yew has finished hydrating or rendering it.
    pub(super) ready: Cell<bool>,
    /// It was torn down before Yew got to it.
    pub(super) cancelled: Cell<bool>,
    /// The share icons Yew holds as raw markup, each with the element Yew
    /// holds it in; recorded once the app is ready.
    icons: RefCell<Vec<(Node, Element)>>,
}

impl Life {
    /// Records the share icons under `root`, which Yew has just hydrated or
    /// rendered: each `<svg>` is the raw node Yew holds, in its link
    /// (hydration checked the island's shape first, raw content included).
    #[cfg(feature = "hydration")]
    pub(super) fn record_icons(&self, root: &Element) {
        let Ok(found) = root.query_selector_all(ICON_SELECTOR) else {
            return;
        };
        let mut icons = self.icons.borrow_mut();
        for index in 0..found.length() {
            let Some(icon) = found.item(index) else {
                continue;
            };
            if let Some(holder) = icon.parent_element() {
                icons.push((icon, holder));
            }
        }
    }
}

pub(super) struct Mounted {
    pub(super) mount: Element,
    pub(super) life: Rc<Life>,
    /// Whether it was in the document when mounted; only those are torn
    /// down when they leave it (a host may mount a detached tree on purpose).
    pub(super) was_connected: bool,
    /// It had no JSON script; the page watcher mounts it when one arrives.
    pub(super) awaiting_script: bool,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Takes a mount on, before anything about it is reported: a host listener
/// that reacts to its events by mounting again finds it already there.
pub(super) fn register(mount: &Element, life: Rc<Life>) {
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            mount: mount.clone(),
            life,
            was_connected: mount.is_connected(),
            awaiting_script: false,
        })
    });
}

/// Takes on a mount that has no JSON script yet, without reporting.
pub(super) fn register_awaiting(mount: &Element) {
    register(mount, Rc::default());
    mark_awaiting_script(mount);
}

pub(super) fn mark_awaiting_script(mount: &Element) {
    MOUNTED.with(|mounted| {
        for entry in mounted.borrow_mut().iter_mut() {
            if entry.mount.is_same_node(Some(mount)) {
                entry.awaiting_script = true;
            }
        }
    });
}

pub(super) fn is_mounted(mount: &Element) -> bool {
    MOUNTED.with(|mounted| {
        mounted
            .borrow()
            .iter()
            .any(|m| m.mount.is_same_node(Some(mount)))
    })
}

/// Whether this life is still the one of a mount warta holds (not torn down).
pub(super) fn holds(life: &Rc<Life>) -> bool {
    MOUNTED.with(|mounted| mounted.borrow().iter().any(|m| Rc::ptr_eq(&m.life, life)))
}

pub(super) fn count() -> usize {
    MOUNTED.with(|mounted| mounted.borrow().len())
}

/// Whether the other bundle runs this mount, so that a panic here leaves
/// it alone (see [`other_bundle_runs`]). False when the registry cannot be
/// read (the panic came while it was being changed): then every mount is
/// reported, as before.
pub(super) fn runs_elsewhere(mount: &Element) -> bool {
    MOUNTED
        .try_with(|mounted| {
            mounted.try_borrow().is_ok_and(|mounted| {
                other_bundle_runs(mounted.iter().find(|m| m.mount.is_same_node(Some(mount))))
            })
        })
        .unwrap_or(false)
}

/// The full client serving the island bundle runs only the mounts it was
/// handed; the island bundle's are still live.
#[cfg(feature = "hydration")]
fn other_bundle_runs(entry: Option<&Mounted>) -> bool {
    entry.is_none() && super::watch::loaded_as_guest()
}

/// The island bundle runs every mount but those it handed to the full client.
#[cfg(not(feature = "hydration"))]
fn other_bundle_runs(entry: Option<&Mounted>) -> bool {
    entry.is_some_and(|m| {
        m.life
            .app
            .try_borrow()
            .is_ok_and(|app| matches!(*app, Some(App::HandedOver(_))))
    })
}

/// Removes and returns the first entry that matches.
pub(super) fn take(matches: impl Fn(&Mounted) -> bool) -> Option<Mounted> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(matches)?;
        Some(mounted.remove(index))
    })
}

/// Stops a mount: its state attribute goes, its app is destroyed and what it
/// showed stays as plain HTML. An app Yew has not run yet is destroyed when
/// it does (see [`Life::cancelled`]).
pub(super) fn tear_down(entry: Mounted) {
    let _ = entry.mount.remove_attribute(STATE_ATTR);
    let life = entry.life;
    if life.ready.get() || life.app.borrow().is_none() {
        finish_tear_down(&life);
    } else {
        life.cancelled.set(true);
    }
}

/// Unwraps the stage and destroys the app.
pub(super) fn finish_tear_down(life: &Life) {
    if let Some((stage, place)) = life.stage.take() {
        if stage.parent_node().is_some() {
            unwrap_stage(&stage);
            // Mounted again later, the share bar is rendered anew: its
            // shape no longer describes what is there.
            if place.has_attribute(SHAPE_ATTR) {
                let _ = place.remove_attribute(SHAPE_ATTR);
            }
        }
    }
    hand_icons_back(life);
    if let Some(app) = life.app.take() {
        app.destroy();
    }
}

/// Before Yew destroys an app: the page keeps a copy of each share icon
/// wherever the icon is (a widget taken out of the page too, which may come
/// back), and the icon goes back, hidden, into the element Yew holds it
/// in, so Yew's removal finds it there whatever the page did meanwhile.
fn hand_icons_back(life: &Life) {
    for (icon, holder) in life.icons.take() {
        if let (Some(parent), Ok(copy)) = (icon.parent_node(), icon.clone_node_with_deep(true)) {
            let _ = parent.replace_child(&copy, &icon);
        }
        if let Some(icon) = icon.dyn_ref::<Element>() {
            let _ = icon.set_attribute("hidden", "");
        }
        let _ = holder.append_child(&icon);
    }
}

/// Puts the stage's content where the stage is and drops the stage,
/// keeping a reader's focus on the node that had it.
fn unwrap_stage(stage: &Element) {
    let focused = gloo::utils::document()
        .active_element()
        .filter(|active| stage.contains(Some(active)));
    while let Some(child) = stage.first_child() {
        if stage.before_with_node_1(&child).is_err() {
            break;
        }
    }
    stage.remove();
    if let Some(focused) = focused.as_ref().and_then(|f| f.dyn_ref::<HtmlElement>()) {
        let _ = focused.focus();
    }
}

/// Lets go of a mount that was waiting for its JSON script; whether it was.
pub(super) fn take_if_awaiting(mount: &Element) -> bool {
    take(|m| m.awaiting_script && m.mount.is_same_node(Some(mount))).is_some()
}
