//! Every mount warta has taken on, and how each is torn down.
//!
//! The registry knows no backend: each mount's app is an [`App`], which
//! knows how to stop itself (a live bar by being dropped, a Yew app by
//! unwrapping its stage, see `full::staged`, a hand-over by telling the
//! loader). What the registry adds is the timing: an app Yew has not run
//! yet is stopped once it has (see [`Life::cancelled`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::Element;

use crate::embed::STATE_ATTR;

/// What makes a mount live, as the registry holds it: the full client's
/// Yew apps, the island bundle's listener on server markup, or a hand-over.
pub(super) trait App {
    /// Stops it; what it showed stays in the page as plain HTML.
    fn destroy(self: Box<Self>);
    /// Whether the other bundle runs the mount (the island bundle handed
    /// it to the full client).
    fn runs_elsewhere(&self) -> bool {
        false
    }
}

/// One mount's app, from the moment warta takes it on.
#[derive(Default)]
pub(super) struct Life {
    /// The app, once made; none when the JSON was unusable.
    app: RefCell<Option<Box<dyn App>>>,
    /// Yew has finished hydrating or rendering it.
    pub(super) ready: Cell<bool>,
    /// It was torn down before Yew got to it.
    pub(super) cancelled: Cell<bool>,
}

impl Life {
    /// Holds the mount's app, made now.
    pub(super) fn hold(&self, app: Box<dyn App>) {
        *self.app.borrow_mut() = Some(app);
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
/// it alone: one this bundle handed over ([`App::runs_elsewhere`]), or,
/// with `runs_only_handed` (the full client serving the island bundle runs
/// only the mounts it was handed; the island bundle's are still live), one
/// it never took on. False when the registry cannot be read (the panic came
/// while it was being changed): then every mount is reported, as before.
pub(super) fn runs_elsewhere(mount: &Element, runs_only_handed: bool) -> bool {
    MOUNTED
        .try_with(|mounted| {
            mounted.try_borrow().is_ok_and(|mounted| {
                match mounted.iter().find(|m| m.mount.is_same_node(Some(mount))) {
                    None => runs_only_handed,
                    Some(m) => m
                        .life
                        .app
                        .try_borrow()
                        .is_ok_and(|app| app.as_ref().is_some_and(|app| app.runs_elsewhere())),
                }
            })
        })
        .unwrap_or(false)
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

/// Destroys the app.
pub(super) fn finish_tear_down(life: &Life) {
    if let Some(app) = life.app.take() {
        app.destroy();
    }
}

/// Lets go of a mount that was waiting for its JSON script; whether it was.
pub(super) fn take_if_awaiting(mount: &Element) -> bool {
    take(|m| m.awaiting_script && m.mount.is_same_node(Some(mount))).is_some()
}
