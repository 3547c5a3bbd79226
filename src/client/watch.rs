//! Widgets that come and go after load.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::find::{mounts_at, MOUNT_SELECTOR};
use super::loader::held;
use super::mount::{mount_one, sweep_removed};
use super::read::data_script;
use super::registry;

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
