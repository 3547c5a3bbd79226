//! Mounting and unmounting: the steps every mount goes through, whichever
//! backend this build has ([`Bundle`]).
//!
//! Per mount: read the JSON copy (only the share bar's fields when the
//! markup's fingerprint says the server rendered it from exactly this text;
//! else the whole article, which the backend reads, or hands over), then
//! let [`attach`] decide what the mount needs.

use std::rc::Rc;

use web_sys::{Element, Node};

use super::attach::{self, rendered_from};
use super::backend::{Backend, Json};
use super::bundle::Bundle;
use super::find::mounts_at;
use super::loader;
use super::outcome::{refuse, Mounting};
use super::read;
use super::registry::{self, Life};
use crate::embed::{fingerprint, page_text};

/// Mounts every widget in the document that is not mounted yet. Returns
/// how many were newly mounted.
#[inline(never)]
pub fn mount_all() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .map_or(0, |document| mount_within(&document))
}

/// Mounts `target` if it is a mount, and every mount inside it (an element,
/// document or shadow root). Returns how many were newly mounted.
#[inline(never)]
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
#[inline(never)]
pub fn mount_one(mount: &Element) -> Mounting {
    if registry::is_mounted(mount) {
        return Mounting::AlreadyMounted;
    }
    let life = Rc::new(Life::default());
    registry::register(mount, life.clone());
    let json = match read::<Bundle>(mount, &life) {
        Ok(json) => json,
        Err(done) => return done,
    };
    if loader::present() {
        // Reading the JSON and hydrating each take a task of their own,
        // so neither adds up to a long one on a slow phone. The page may
        // tear the widget down in between: then nothing is attached.
        let mount = mount.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            if registry::holds(&life) {
                attach::attach::<Bundle>(&mount, &life, json);
            }
        })
        .forget();
        Mounting::Scheduled
    } else {
        attach::attach::<Bundle>(mount, &life, json)
    }
}

/// The mount's JSON text, read as much as the mount needs: only the share
/// bar's fields when the markup is the server's render of exactly this text
/// (it validated it), else what the backend makes of the whole article.
/// `Err` when the mount is dealt with already: no script, unusable JSON, or
/// handed over.
fn read<B: Backend>(mount: &Element, life: &Rc<Life>) -> Result<Json<B::Read>, Mounting> {
    let Some(script) = read::script_text(mount) else {
        registry::mark_awaiting_script(mount);
        return Err(refuse(mount, read::NO_SCRIPT.to_owned()));
    };
    let text = page_text::copy(&script);
    let fingerprint = fingerprint(&text);
    let subject = rendered_from(mount, &fingerprint)
        .then(|| read::read_subject(&script))
        .flatten();
    let read = B::read(mount, life, text, subject)?;
    Ok(Json { fingerprint, read })
}

/// Stops `target` if it is a mount, and every mount inside it: the Yew app
/// is destroyed, the state attribute removed, and the article stays as
/// plain HTML (share links work as links, as before the Wasm); the mount can
/// be mounted again. Returns how many were stopped.
pub fn unmount_within(target: &Node) -> u32 {
    let mut count = 0;
    for mount in mounts_at(target) {
        if let Some(entry) = registry::take(|m| m.mount.is_same_node(Some(&mount))) {
            registry::tear_down(entry);
            count += 1;
        }
    }
    count
}

/// Tears down every mount that has left the document. Returns how many.
pub fn sweep_removed() -> u32 {
    let mut count = 0;
    while let Some(entry) = registry::take(|m| m.was_connected && !m.mount.is_connected()) {
        registry::tear_down(entry);
        count += 1;
    }
    count
}

/// How many mounts are live (mounted and not torn down).
pub fn mounted_count() -> usize {
    registry::count()
}

/// Whether this build is the full client the loader fetched for the island
/// bundle's hand-overs (it found `warta.guest`): then it mounts only what it
/// is handed.
pub(super) fn loaded_as_guest() -> bool {
    Bundle::MAY_BE_GUEST && loader::guest().is_some()
}
