//! What became of a mount, and how the mount says so: the outcome every
//! backend reports the same way, in `data-warta-state` and with a bubbling
//! `warta:ready` (`detail.state`, `detail.reason`) or `warta:error`
//! (`detail.state`, `detail.message`) event.

use gloo::console;
use web_sys::Element;

use crate::browser::dispatch;
use crate::embed::STATE_ATTR;

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

/// What [`mount_one`](super::mount_one) set in motion. The final state is
/// reported on the mount once it is true (after Yew has run), not when
/// this returns.
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

/// Sets the state attribute and dispatches `warta:ready` (with the reason
/// for a render) or `warta:error` (with the message).
pub(super) fn report(mount: &Element, state: MountState, detail: Option<&str>) {
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

/// Says why a mount's article cannot be shown: on the console and in its
/// state and `warta:error` event. The markup stays as it is.
pub(super) fn refuse(mount: &Element, message: String) -> Mounting {
    console::error!(format!("warta: {message}"));
    report(mount, MountState::Error, Some(&message));
    Mounting::Failed(message)
}
