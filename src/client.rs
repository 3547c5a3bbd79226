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
//! Two bundles are built from this module, each with one backend behind the
//! same interface (`backend`), chosen once (`bundle`). The full client
//! (feature `hydration`, warta.js) does all of the above with Yew (`full`).
//! The island bundle (feature `island`; the `warta-island` binary,
//! warta-island.js, what warta-init.js loads first) has no Yew at all, and
//! so is a quarter of the size: it makes the share bars of intact server
//! markup live in place ([`live_bar`]) and hands every other mount to the
//! full client (`island`), which the loader fetches only then.
//!
//! The modules, each using only those listed before it:
//! - `outcome`, `find`, `read`, `loader`, `registry`, [`live_bar`]: leaves
//!   (a mount's outcome and report; finding mounts; its JSON; the handshake
//!   with warta-init.js; the mounts held and their teardown; the bar made
//!   live without Yew);
//! - `backend`: the interface, and a mount's JSON as read;
//! - `attach`: the decision, for either backend;
//! - `island`, `full`: the two backends;
//! - `bundle`: this build's backend;
//! - `mount`: mounting and unmounting with it;
//! - `watch`, `api`: the page watcher and the `window.warta` calls;
//! - this file: [`start`] and the last-resort panic report.

mod api;
mod attach;
mod backend;
// The backend this build mounts with, chosen here and nowhere else: the
// island's (client/bundle.rs), or Yew's where the full client is built.
#[cfg_attr(feature = "hydration", path = "client/bundle_full.rs")]
mod bundle;
mod find;
#[cfg(feature = "hydration")]
mod full;
mod island;
pub mod live_bar;
mod loader;
mod mount;
mod outcome;
mod read;
mod registry;
mod watch;

use gloo::console;

use backend::Backend;
use bundle::Bundle;
use find::mounts_at;
use outcome::report;

#[cfg(feature = "hydration")]
pub use full::Full;
pub use island::Island;
pub use mount::{mount_all, mount_one, mount_within, mounted_count, sweep_removed, unmount_within};
pub use outcome::{reason, MountState, Mounting};
pub use watch::watch_page;

/// The browser entry: a last-resort panic report, every widget on the page,
/// widgets that arrive later, and the `window.warta` API.
///
/// With warta-init.js on the page (it leaves `window.warta.held`), the
/// loader decides when each widget mounts (its loading strategy) and asks
/// for each in a task of its own, so nothing is mounted here: instantiating
/// the Wasm and mounting widgets never share one long task. Without it (a
/// page that calls `init()` of warta.js itself), every widget mounts now.
pub fn start() {
    Bundle::set_panic_hook(report_panic);
    if Bundle::MAY_BE_GUEST {
        if let Some(guest) = loader::guest() {
            // The island bundle watches the page; this one mounts only what
            // it is handed.
            api::expose_guest(&guest);
            return;
        }
    }
    if !loader::present() {
        mount_all();
    }
    watch_page();
    api::expose();
}

/// Last resort, from the panic hook: the Wasm is about to stop, and every
/// widget with it; every mount says what happened. (The page still shows
/// each article: what Yew had not finished never replaced it.) Mounts the
/// other bundle runs live on and are left alone (`registry::runs_elsewhere`).
pub fn report_panic(message: &str) {
    let message = format!("warta stopped: {message}");
    console::error!(&message);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let runs_only_handed = mount::loaded_as_guest();
    for mount in mounts_at(&document) {
        if !registry::runs_elsewhere(&mount, runs_only_handed) {
            report(&mount, MountState::Error, Some(&message));
        }
    }
}
