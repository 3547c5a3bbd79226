//! Deciding, per mount, between making the share-bar island live,
//! rendering it fresh, and rendering the whole article; then doing it.
//!
//! How the island is made live depends on the bundle: the full client
//! hydrates it with Yew (`staged`); the island bundle, which carries no Yew,
//! listens on the server's markup (`live`) and hands every mount that needs
//! rendering to the full client.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::registry::Life;
use super::{reason, Mounting, MOUNT_SELECTOR};
#[cfg(not(feature = "hydration"))]
use crate::embed::shape::markup_as_served;
use crate::embed::shape::shape_of_dom;
use crate::embed::{FINGERPRINT_ATTR, SHAPE_ATTR};
#[cfg(feature = "hydration")]
use crate::model::Article;
use crate::share::ShareSubject;

#[cfg(not(feature = "hydration"))]
mod live;
#[cfg(feature = "hydration")]
mod staged;
#[cfg(feature = "hydration")]
mod whole;

/// The whole article for a mount: rendered here by the full client, or
/// handed to the full client by the island bundle.
#[cfg(not(feature = "hydration"))]
use super::hand_over::hand_over_whole as whole_article;
#[cfg(feature = "hydration")]
use whole::render_whole as whole_article;

/// The island made live (intact server markup), or replaced because the
/// page changed it.
#[cfg(not(feature = "hydration"))]
use live::{make_island_live, replace_island};
#[cfg(feature = "hydration")]
use staged::{hydrate_island as make_island_live, replace_island};

const ROOT_SELECTOR: &str = ":scope > [data-warta-root]";
const ISLAND_SELECTOR: &str = "[data-warta-island]";

/// A mount's JSON copy: its text, its fingerprint, and what was decoded.
pub(super) struct Json {
    /// Read in full later if only the subject was and the whole article
    /// must be rendered after all (the island bundle hands over instead).
    #[cfg(feature = "hydration")]
    pub text: String,
    pub fingerprint: String,
    pub source: Source,
}

/// What a mount's JSON was read as.
pub(super) enum Source {
    /// The whole article, decoded and validated.
    #[cfg(feature = "hydration")]
    Article(Rc<Article>),
    /// Only what the share bar needs ([`rendered_from`] held).
    Subject(Rc<ShareSubject>),
}

impl Source {
    /// What the share bar needs.
    fn subject(&self) -> Rc<ShareSubject> {
        match self {
            #[cfg(feature = "hydration")]
            Source::Article(article) => Rc::new(ShareSubject::from(&**article)),
            Source::Subject(subject) => subject.clone(),
        }
    }
}

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
pub(super) fn attach(mount: &Element, life: &Rc<Life>, json: Json) -> Mounting {
    let root = match mount.query_selector(ROOT_SELECTOR).ok().flatten() {
        Some(root) if root.first_element_child().is_some() => root,
        // An empty root is reused; a missing one is made.
        empty_or_missing => {
            return whole_article(mount, life, empty_or_missing, json, reason::EMPTY_MOUNT)
        }
    };
    if root.get_attribute(FINGERPRINT_ATTR).as_deref() != Some(json.fingerprint.as_str()) {
        return whole_article(mount, life, Some(root), json, reason::STALE_MARKUP);
    }
    match intact_island(mount, &root) {
        Ok(island) => make_island_live(mount, life, island, json.source.subject()),
        Err(changed) => replace_island(mount, life, root, json, changed),
    }
}

/// Why a mount's island cannot be made live as the server wrote it, and the
/// island as it is (none when it is gone). The island bundle reads neither:
/// it hands the mount over, and the full client finds the same again.
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
pub(super) struct IslandChanged {
    pub island: Option<Element>,
    pub why: &'static str,
}

/// The mount's island when it still has the shape the server wrote.
fn intact_island(mount: &Element, root: &Element) -> Result<Element, IslandChanged> {
    let Some(island) = own_island(mount, root) else {
        return Err(IslandChanged {
            island: None,
            why: reason::ISLAND_MISSING,
        });
    };
    let why = if !island.has_child_nodes() {
        reason::ISLAND_EMPTY
    } else {
        match island.get_attribute(SHAPE_ATTR) {
            None => reason::MOUNTED_BEFORE,
            Some(server_shape) if has_shape(&island, &server_shape) => return Ok(island),
            Some(_) => reason::CHANGED_BY_PAGE,
        }
    };
    Err(IslandChanged {
        island: Some(island),
        why,
    })
}

/// Whether the island's tree has the shape the server wrote. The island
/// bundle first asks whether the markup is exactly the server's, which
/// touches no node from script; Yew's hydration needs the walk
/// (see [`markup_as_served`] for why).
fn has_shape(island: &Element, server_shape: &str) -> bool {
    #[cfg(not(feature = "hydration"))]
    if markup_as_served(island, server_shape) {
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
