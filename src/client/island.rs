//! The island bundle's backend (warta-island.js, no Yew): intact server
//! markup is made live in place ([`live_bar`](super::live_bar)); every
//! other mount goes to the full client.
//!
//! A mount that needs rendering or more than its share bar's fields (an
//! empty mount, markup rendered from other JSON, a share bar the page
//! changed, JSON that must be read in full to say what is wrong with it)
//! goes to the full client, which warta-init.js fetches only then
//! (`warta.whole(mount)`) and which reports the mount's state as usual.
//!
//! The island keeps the mount in its registry, so the page watcher and
//! `warta.unmount` still find it; tearing it down tells the loader
//! (`warta.unwhole(mount)`), which stops it in the full client, or never
//! mounts it there if that has not happened yet.

use std::rc::Rc;

use web_sys::Element;

use super::backend::{Backend, Json};
use super::live_bar::{make_live, LiveBar};
use super::loader;
use super::outcome::{refuse, report, MountState, Mounting};
use super::registry::{App, Life};
use crate::model::ShareSubject;

const BAR_SELECTOR: &str = ":scope > .warta-share";

/// The island bundle's backend: share bars of intact server markup made
/// live without Yew, every other mount handed to the full client. Built
/// with every client, so every build checks it; the island bundle mounts
/// with it.
pub struct Island;

impl Backend for Island {
    /// Only the share bar's fields: a whole article is the full client's.
    type Read = Rc<ShareSubject>;
    const MAY_BE_GUEST: bool = false;
    const TRUSTS_SERVED_MARKUP: bool = true;

    fn set_panic_hook(report: fn(&str)) {
        std::panic::set_hook(Box::new(move |info| report(&info.to_string())));
    }

    /// The island bundle has no whole-article reader: the full client takes
    /// the mount.
    fn read(
        mount: &Element,
        life: &Rc<Life>,
        _text: String,
        subject: Option<ShareSubject>,
    ) -> Result<Self::Read, Mounting> {
        subject.map(Rc::new).ok_or_else(|| hand_over(mount, life))
    }

    /// Listens on the island's bar, reported `hydrated` at once: nothing in
    /// the page changes but the share sheet's button, shown where there is
    /// one.
    fn make_live(
        mount: &Element,
        life: &Rc<Life>,
        island: Element,
        json: Json<Self::Read>,
    ) -> Mounting {
        // The shape check passed, so the bar is there; should it not be, the
        // full client sorts it out.
        let Some(bar) = island.query_selector(BAR_SELECTOR).ok().flatten() else {
            return hand_over(mount, life);
        };
        life.hold(Box::new(make_live(&bar, json.read)));
        life.ready.set(true);
        report(mount, MountState::Hydrated, None);
        Mounting::Hydrating
    }

    /// Rendering needs Yew: the full client takes the mount.
    fn replace_island(
        mount: &Element,
        life: &Rc<Life>,
        _root: Element,
        _json: Json<Self::Read>,
        _island: Option<Element>,
        _why: &'static str,
    ) -> Mounting {
        hand_over(mount, life)
    }

    /// [`hand_over`] where the full client would render the whole article.
    fn render_whole(
        mount: &Element,
        life: &Rc<Life>,
        _root: Option<Element>,
        _json: Json<Self::Read>,
        _why: &'static str,
    ) -> Mounting {
        hand_over(mount, life)
    }
}

/// Dropping it puts the server's markup back as it was.
impl App for LiveBar {
    fn destroy(self: Box<Self>) {}
}

/// A mount the island bundle handed to the full client.
struct HandedOver(Element);

impl App for HandedOver {
    /// The island tore a handed-over mount down: the full client lets go of
    /// it.
    fn destroy(self: Box<Self>) {
        loader::unwhole(&self.0);
    }

    fn runs_elsewhere(&self) -> bool {
        true
    }
}

/// Asks the loader to mount `mount` with the full client.
fn hand_over(mount: &Element, life: &Rc<Life>) -> Mounting {
    if !loader::whole(mount) {
        return refuse(
            mount,
            "this widget needs the full client (warta.js), which warta-init.js loads for the \
             island bundle: load warta with warta-init.js, or import warta.js"
                .to_owned(),
        );
    }
    // Nothing of the island's to wait for: a teardown takes it back at once.
    life.hold(Box::new(HandedOver(mount.clone())));
    life.ready.set(true);
    Mounting::HandedOver
}
