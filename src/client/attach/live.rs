//! The island bundle's island: intact server markup is made live in place
//! (`client::live_bar`), without Yew; a mount whose island the page changed
//! goes to the full client, which renders the share bar fresh.

use std::rc::Rc;

use web_sys::Element;

use super::{IslandChanged, Json};
use crate::client::hand_over::hand_over;
use crate::client::live_bar::make_live;
use crate::client::registry::{App, Life};
use crate::client::{report, MountState, Mounting};
use crate::share::ShareSubject;

const BAR_SELECTOR: &str = ":scope > .warta-share";

/// Listens on the island's bar, reported `hydrated` at once: nothing in the
/// page changes but the share sheet's button, shown where there is one.
pub(super) fn make_island_live(
    mount: &Element,
    life: &Rc<Life>,
    island: Element,
    subject: Rc<ShareSubject>,
) -> Mounting {
    // The shape check passed, so the bar is there; should it not be, the
    // full client sorts it out.
    let Some(bar) = island.query_selector(BAR_SELECTOR).ok().flatten() else {
        return hand_over(mount, life);
    };
    *life.app.borrow_mut() = Some(App::Live(make_live(&bar, subject)));
    life.ready.set(true);
    report(mount, MountState::Hydrated, None);
    Mounting::Hydrating
}

/// Rendering needs Yew: the full client takes the mount.
pub(super) fn replace_island(
    mount: &Element,
    life: &Rc<Life>,
    _root: Element,
    _json: Json,
    _changed: IslandChanged,
) -> Mounting {
    hand_over(mount, life)
}
