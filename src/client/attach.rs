//! Deciding, per mount, between making the share-bar island live,
//! rendering it fresh, and rendering the whole article; the backend
//! ([`Backend`]) then does it.
//!
//! How the island is made live depends on the bundle: the full client
//! hydrates it with Yew (`full::staged`); the island bundle, which carries
//! no Yew, listens on the server's markup (`island`) and hands every mount
//! that needs rendering to the full client.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::backend::{Backend, Json};
use super::find::MOUNT_SELECTOR;
use super::outcome::{reason, Mounting};
use super::registry::Life;
use crate::embed::shape::{markup_as_served, shape_of_dom};
use crate::embed::{FINGERPRINT_ATTR, SHAPE_ATTR};

const ROOT_SELECTOR: &str = ":scope > [data-warta-root]";
const ISLAND_SELECTOR: &str = "[data-warta-island]";

/// Whether the mount's markup is the server's render of the JSON text with
/// this fingerprint: then the server (this warta version) has validated it,
/// and only the share bar's island can need Yew, unless the page removed it.
pub(super) fn rendered_from(mount: &Element, json_fingerprint: &str) -> bool {
    mount
        .query_selector(ROOT_SELECTOR)
        .ok()
        .flatten()
        .filter(|root| root.first_element_child().is_some())
        .and_then(|root| root.get_attribute(FINGERPRINT_ATTR))
        .is_some_and(|found| found == json_fingerprint)
}

/// Makes the island live when the markup belongs to this JSON and still has
/// the server's shape; otherwise renders what is needed fresh.
#[inline(never)]
pub(super) fn attach<B: Backend>(
    mount: &Element,
    life: &Rc<Life>,
    json: Json<B::Read>,
) -> Mounting {
    let root = match mount.query_selector(ROOT_SELECTOR).ok().flatten() {
        Some(root) if root.first_element_child().is_some() => root,
        // An empty root is reused; a missing one is made.
        empty_or_missing => {
            return B::render_whole(mount, life, empty_or_missing, json, reason::EMPTY_MOUNT)
        }
    };
    if root.get_attribute(FINGERPRINT_ATTR).as_deref() != Some(json.fingerprint.as_str()) {
        return B::render_whole(mount, life, Some(root), json, reason::STALE_MARKUP);
    }
    match intact_island::<B>(mount, &root) {
        Ok(island) => B::make_live(mount, life, island, json),
        // The island bundle reads neither the island nor why: it hands the
        // mount over, and the full client finds the same again.
        Err((island, why)) => B::replace_island(mount, life, root, json, island, why),
    }
}

/// The mount's island when it still has the shape the server wrote; else
/// why it cannot be made live as the server wrote it, and the island as it
/// is (none when it is gone).
fn intact_island<B: Backend>(
    mount: &Element,
    root: &Element,
) -> Result<Element, (Option<Element>, &'static str)> {
    let Some(island) = own_island(mount, root) else {
        return Err((None, reason::ISLAND_MISSING));
    };
    let why = if !island.has_child_nodes() {
        reason::ISLAND_EMPTY
    } else {
        match island.get_attribute(SHAPE_ATTR) {
            None => reason::MOUNTED_BEFORE,
            Some(server_shape) if has_shape::<B>(&island, &server_shape) => return Ok(island),
            Some(_) => reason::CHANGED_BY_PAGE,
        }
    };
    Err((Some(island), why))
}

/// Whether the island's tree has the shape the server wrote. The island
/// bundle first asks whether the markup is exactly the server's, which
/// touches no node from script; Yew's hydration needs the walk
/// (see [`markup_as_served`] for why).
fn has_shape<B: Backend>(island: &Element, server_shape: &str) -> bool {
    if B::TRUSTS_SERVED_MARKUP && markup_as_served(island, server_shape) {
        return true;
    }
    shape_of_dom(island).as_deref() == Some(server_shape)
}

/// The first island in the root that belongs to this mount, not to a widget
/// nested in its body.
fn own_island(mount: &Element, root: &Element) -> Option<Element> {
    let islands = root.query_selector_all(ISLAND_SELECTOR).ok()?;
    (0..islands.length())
        .filter_map(|i| islands.item(i)?.dyn_into::<Element>().ok())
        .find(|island| {
            island
                .closest(MOUNT_SELECTOR)
                .ok()
                .flatten()
                .is_some_and(|owner| owner.is_same_node(Some(mount)))
        })
}
