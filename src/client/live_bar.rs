//! A server-rendered share bar made live without Yew: what the island
//! bundle does with intact server markup.
//!
//! The bar has nothing to render after the server did: its one piece of
//! state is the live region's message. So the island bundle leaves every
//! node where the server put it and listens for clicks on the bar itself;
//! a click on a control does exactly what [`crate::components::ShareBar`]'s
//! handlers do ([`browser::share_clicked`]). That keeps Yew, and the cost of
//! hydrating with it, out of the bundle every reader downloads (see
//! docs/performance.md, "The island").

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::browser::{self, StatusLine};
use crate::model::{ShareSettings, ShareSubject, ShareTarget};

const NATIVE_ITEM: &str = "li[data-network=native]";
const STATUS: &str = "[role=status]";

/// A live share bar. Dropping it stops it: the listener goes, the share
/// sheet's button is hidden again and the status line emptied, so the bar
/// is the server's markup again (its links work as links).
pub struct LiveBar {
    bar: Element,
    _clicks: EventListener,
}

/// Makes the server-rendered bar (`.warta-share`) live for `subject`.
pub fn make_live(bar: &Element, subject: Rc<ShareSubject>) -> LiveBar {
    // Hidden in server markup; shown only where the browser has a sheet.
    if browser::can_share_natively(&subject.url, &subject.title) {
        if let Some(item) = bar.query_selector(NATIVE_ITEM).ok().flatten() {
            let _ = item.remove_attribute("hidden");
        }
    }
    let status_line = bar.query_selector(STATUS).ok().flatten();
    let status = StatusLine::new(
        move |message| {
            if let Some(line) = &status_line {
                line.set_text_content(message);
            }
        },
        Rc::new(RefCell::new(None)),
    );
    let owner = bar.clone();
    // Not passive (gloo's default): a click on "copy" or a popup must be
    // able to stop the link.
    let options = EventListenerOptions::enable_prevent_default();
    let clicks = EventListener::new_with_options(bar, "click", options, move |event| {
        if let Some(target) = clicked_control(&owner, event.target(), &subject) {
            browser::share_clicked(event, &target, &subject, Some(owner.clone()), &status);
        }
    });
    LiveBar {
        bar: bar.clone(),
        _clicks: clicks,
    }
}

/// The share target of the control a click landed in (on its icon, its
/// text or itself): a link or button directly in one of the bar's items,
/// one of the article's targets.
fn clicked_control(
    bar: &Element,
    target: Option<web_sys::EventTarget>,
    subject: &ShareSubject,
) -> Option<ShareTarget> {
    let target = target?.dyn_into::<Element>().ok()?;
    let control = target.closest("a, button").ok()??;
    let item = control.parent_element()?;
    if !bar.contains(Some(&item)) {
        return None;
    }
    let id = item.get_attribute("data-network")?;
    let default_settings = ShareSettings::default();
    let settings = subject.share.as_ref().unwrap_or(&default_settings);
    settings.networks().iter().find(|t| t.id() == id).cloned()
}

impl Drop for LiveBar {
    fn drop(&mut self) {
        if let Some(item) = self.bar.query_selector(NATIVE_ITEM).ok().flatten() {
            // As the server writes it.
            let _ = item.set_attribute("hidden", "hidden");
        }
        if let Some(line) = self.bar.query_selector(STATUS).ok().flatten() {
            line.set_text_content(None);
        }
    }
}
