//! The handshake with warta-init.js, the Rust half of the protocol: the
//! names on `window.warta` that the loader and the Wasm share, declared
//! once here, as src/js/protocol.d.ts declares them for the loader
//! (`WartaLoaderApi`, `WartaHostApi`, `WartaGuest`; docs/protocol.md).
//!
//! The loader leaves `held(mount)`, which says whether a widget still
//! waits for its loading strategy (and, by being there, that the loader
//! is); `whole(mount)` and `unwhole(mount)`, which take a mount to the full
//! client and back; and `guest`, for the full client it loads for the
//! island bundle. A bundle completes the object with `mount`, `unmount` and
//! `version` (see `api`). Every lookup reads `window.warta` afresh: a page
//! (or a test) may replace it.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    /// The page's `window`, as it holds `warta`.
    type Page;
    #[wasm_bindgen(method, getter = warta)]
    fn warta(this: &Page) -> JsValue;
    #[wasm_bindgen(method, setter = warta)]
    fn set_warta(this: &Page, api: &Warta);

    /// `window.warta`: the loader's object, or the one a bundle made.
    pub(super) type Warta;

    #[wasm_bindgen(method, getter = held)]
    fn held_fn(this: &Warta) -> JsValue;
    #[wasm_bindgen(method, catch)]
    fn held(this: &Warta, mount: &Element) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn whole(this: &Warta, mount: &Element) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn unwhole(this: &Warta, mount: &Element) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn guest(this: &Warta) -> JsValue;

    /// `warta.mount(target?)`, as a bundle provides it.
    #[wasm_bindgen(method, setter = mount)]
    pub(super) fn set_mount(this: &Warta, mount: &js_sys::Function);
    /// `warta.unmount(target)`, as a bundle provides it.
    #[wasm_bindgen(method, setter = unmount)]
    pub(super) fn set_unmount(this: &Warta, unmount: &js_sys::Function);
    /// `warta.version`, the crate's.
    #[wasm_bindgen(method, setter = version)]
    pub(super) fn set_version(this: &Warta, version: &str);
}

fn page() -> Option<Page> {
    Some(web_sys::window()?.unchecked_into())
}

/// The `window.warta` object warta-init.js made, if it did.
fn loader() -> Option<Warta> {
    let api = page()?.warta();
    api.is_object().then(|| api.unchecked_into())
}

/// Whether warta-init.js loaded the Wasm and so decides when widgets mount.
pub(super) fn present() -> bool {
    loader().is_some_and(|api| api.held_fn().is_function())
}

/// Whether the loader says this widget waits for its strategy; the loader
/// mounts it (through `warta.mount`) when the strategy fires.
pub(super) fn held(mount: &Element) -> bool {
    loader().is_some_and(|api| api.held(mount).is_ok_and(|answer| answer.is_truthy()))
}

/// Asks the loader to mount `mount` with the full client; whether it could
/// be asked (the loader is there, and the call did not throw).
pub(super) fn whole(mount: &Element) -> bool {
    loader().is_some_and(|api| api.whole(mount).is_ok())
}

/// Tells the loader that the full client should let go of `mount`.
pub(super) fn unwhole(mount: &Element) {
    if let Some(api) = loader() {
        let _ = api.unwhole(mount);
    }
}

/// The object warta-init.js left for the full client it loads for the
/// island bundle's hand-overs (`warta.guest`), if it did.
pub(super) fn guest() -> Option<Warta> {
    let guest = loader()?.guest();
    guest.is_object().then(|| guest.unchecked_into())
}

/// The loader's object, or a new one for a page that loaded a bundle
/// itself (no loader).
pub(super) fn loader_or_new() -> Warta {
    loader().unwrap_or_else(|| js_sys::Object::new().unchecked_into())
}

/// Makes `api` the page's `window.warta`.
pub(super) fn install(api: &Warta) {
    if let Some(page) = page() {
        page.set_warta(api);
    }
}
