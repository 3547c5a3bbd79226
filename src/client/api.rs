//! The Wasm's half of `window.warta`: what a bundle adds to the loader's
//! object (see [`loader`](super::loader) for the names they share).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Node;

use super::loader::{self, Warta};
use super::mount::{mount_all, mount_within, unmount_within};

/// `window.warta.mount(target?)` and `window.warta.unmount(target)` for
/// hosts that want control, such as widgets inside a shadow root, which the
/// page watcher cannot see.
#[inline(never)]
pub(super) fn expose() {
    if web_sys::window().is_none() {
        return;
    }
    // The loader's object, completed, so what it handed out stays valid.
    let api = loader::loader_or_new();
    complete(&api);
    loader::install(&api);
}

/// Gives the loader `warta.guest.mount(target)` and `.unmount(target)`.
pub(super) fn expose_guest(guest: &Warta) {
    complete(guest);
}

/// Sets `mount`, `unmount` and `version` on `api`.
fn complete(api: &Warta) {
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
    api.set_mount(mount.into_js_value().unchecked_ref());
    api.set_unmount(unmount.into_js_value().unchecked_ref());
    api.set_version(env!("CARGO_PKG_VERSION"));
}
