//! The island bundle's way out. A mount that needs rendering or more than
//! its share bar's fields (an empty mount, markup rendered from other JSON,
//! a share bar the page changed, JSON that must be read in full to say what
//! is wrong with it) goes to the full client, which
//! warta-init.js fetches only then (`warta.whole(mount)`) and which reports
//! the mount's state as usual.
//!
//! The island keeps the mount in its registry, so the page watcher and
//! `warta.unmount` still find it; tearing it down tells the loader
//! (`warta.unwhole(mount)`), which stops it in the full client, or never
//! mounts it there if that has not happened yet.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::attach::Json;
use super::registry::{App, Life};
use super::watch::loader_fn;
use super::{refuse, Mounting};

/// Asks the loader to mount `mount` with the full client.
pub(super) fn hand_over(mount: &Element, life: &Rc<Life>) -> Mounting {
    let asked = loader_fn("whole").is_some_and(|whole| whole.call1(&JsValue::NULL, mount).is_ok());
    if !asked {
        return refuse(
            mount,
            "this widget needs the full client (warta.js), which warta-init.js loads for the \
             island bundle: load warta with warta-init.js, or import warta.js"
                .to_owned(),
        );
    }
    // Nothing of the island's to wait for: a teardown takes it back at once.
    *life.app.borrow_mut() = Some(App::HandedOver(mount.clone()));
    life.ready.set(true);
    Mounting::HandedOver
}

/// [`hand_over`] where the full client would render the whole article.
pub(super) fn hand_over_whole(
    mount: &Element,
    life: &Rc<Life>,
    _root: Option<Element>,
    _json: Json,
    _why: &'static str,
) -> Mounting {
    hand_over(mount, life)
}

/// The island tore a handed-over mount down: the full client lets go of it.
pub(super) fn take_back(mount: &Element) {
    if let Some(unwhole) = loader_fn("unwhole") {
        let _ = unwhole.call1(&JsValue::NULL, mount);
    }
}
