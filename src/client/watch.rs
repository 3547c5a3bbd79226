//! Widgets that come and go after load, and the `window.warta` API.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::read::data_script;
use super::{
    mount_all, mount_one, mount_within, mounts_at, registry, sweep_removed, unmount_within,
    MOUNT_SELECTOR,
};

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Mounts widgets added to the page later (infinite scroll, client-side
/// navigation) and tears down those removed. Idempotent.
#[inline(never)]
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

/// A node the page added: the JSON script a mount was waiting for, or
/// mounts (or a container of mounts). Other nodes inside a mount (warta's
/// own rendering among them) are not a reason to mount it again; nor are
/// nodes already gone again (added and removed in one batch).
fn mount_added(node: &Node) {
    let Some(element) = node.dyn_ref::<Element>() else {
        return;
    };
    if let Some(mount) = element.closest(MOUNT_SELECTOR).ok().flatten() {
        if data_script(&mount).is_some() && !held(&mount) && registry::take_if_awaiting(&mount) {
            mount_one(&mount);
        }
    }
    for mount in mounts_at(node) {
        if !mount.is_connected() || registry::is_mounted(&mount) || held(&mount) {
            continue;
        }
        if data_script(&mount).is_some() {
            mount_one(&mount);
        } else {
            // Still being built: mounted when its script arrives.
            registry::register_awaiting(&mount);
        }
    }
}

/// The `window.warta` object warta-init.js made, if it did.
fn loader_api() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"warta".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// A function of the loader's, by name: `held(mount)` says whether a widget
/// still waits for its loading strategy; `whole(mount)` and `unwhole(mount)`
/// take a mount to the full client and back (see src/js/warta-init.js).
/// None without the loader.
pub(super) fn loader_fn(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&loader_api()?.into(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether warta-init.js loaded the Wasm and so decides when widgets mount.
pub(super) fn loader_present() -> bool {
    loader_fn("held").is_some()
}

/// Whether the loader says this widget waits for its strategy; the loader
/// mounts it (through `warta.mount`) when the strategy fires.
fn held(mount: &Element) -> bool {
    loader_fn("held").is_some_and(|held| {
        held.call1(&JsValue::NULL, mount)
            .is_ok_and(|answer| answer.is_truthy())
    })
}

/// The object warta-init.js left for the full client it loads for the
/// island bundle's hand-overs (`warta.guest`), if it did.
#[cfg(feature = "hydration")]
fn guest_api() -> Option<js_sys::Object> {
    js_sys::Reflect::get(&loader_api()?.into(), &"guest".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether this full client was loaded for the island bundle's hand-overs.
#[cfg(feature = "hydration")]
pub(super) fn loaded_as_guest() -> bool {
    guest_api().is_some()
}

/// Gives the loader `warta.guest.mount(target)` and `.unmount(target)`.
#[cfg(feature = "hydration")]
pub(super) fn expose_guest_api() {
    if let Some(guest) = guest_api() {
        complete_api(&guest);
    }
}

/// `window.warta.mount(target?)` and `window.warta.unmount(target)` for
/// hosts that want control, such as widgets inside a shadow root, which the
/// page watcher cannot see.
#[inline(never)]
pub(super) fn expose_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The loader's object, completed, so what it handed out stays valid.
    let api = loader_api().unwrap_or_default();
    complete_api(&api);
    let _ = js_sys::Reflect::set(&window, &"warta".into(), &api);
}

/// Sets `mount`, `unmount` and `version` on `api`.
fn complete_api(api: &js_sys::Object) {
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
    let _ = js_sys::Reflect::set(api, &"mount".into(), &mount.into_js_value());
    let _ = js_sys::Reflect::set(api, &"unmount".into(), &unmount.into_js_value());
    let _ = js_sys::Reflect::set(api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
}
