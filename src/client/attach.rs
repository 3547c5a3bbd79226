//! Deciding, per mount, between hydrating the share-bar island, rendering
//! it fresh, and rendering the whole article; then doing it.

use std::rc::Rc;

use gloo::console;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::platform::spawn_local;
use yew::Callback;

use super::registry::{finish_tear_down, App, Life};
use super::{reason, report, MountState, Mounting, MOUNT_SELECTOR};
use crate::components::{ArticleView, ArticleViewProps, ShareBar, ShareBarProps};
use crate::embed::shape::shape_of_dom;
use crate::embed::{
    fingerprint, AD_AFTER_ATTR, FINGERPRINT_ATTR, ISLAND_ATTR, ROOT_ATTR, SHAPE_ATTR,
};
use crate::model::Article;

const ROOT_SELECTOR: &str = ":scope > [data-warta-root]";
const ISLAND_SELECTOR: &str = "[data-warta-island]";
const AD_WRAPPER_SELECTOR: &str = ".warta-ad[data-warta-ad-after]";

/// Hydrates the island when the markup belongs to this JSON and still has
/// the server's shape; otherwise renders what is needed fresh.
pub(super) fn attach(
    mount: &Element,
    life: &Rc<Life>,
    article: Rc<Article>,
    json_text: &str,
) -> Mounting {
    let expected = fingerprint(json_text);
    let root = match mount.query_selector(ROOT_SELECTOR).ok().flatten() {
        Some(root) if root.first_element_child().is_some() => root,
        // An empty root is reused; a missing one is made.
        empty_or_missing => {
            return render_whole(
                mount,
                life,
                empty_or_missing,
                article,
                &expected,
                reason::EMPTY_MOUNT,
            )
        }
    };
    if root.get_attribute(FINGERPRINT_ATTR).as_deref() != Some(expected.as_str()) {
        return render_whole(
            mount,
            life,
            Some(root),
            article,
            &expected,
            reason::STALE_MARKUP,
        );
    }
    let Some(island) = own_island(mount, &root) else {
        return match recreate_island(&root) {
            Some(island) => render_island(mount, life, island, article, reason::ISLAND_MISSING),
            None => render_whole(
                mount,
                life,
                Some(root),
                article,
                &expected,
                reason::ISLAND_MISSING,
            ),
        };
    };
    if !island.has_child_nodes() {
        return render_island(mount, life, island, article, reason::ISLAND_EMPTY);
    }
    let Some(server_shape) = island.get_attribute(SHAPE_ATTR) else {
        return render_island(mount, life, island, article, reason::MOUNTED_BEFORE);
    };
    if server_shape != shape_of_dom(&island) {
        return render_island(mount, life, island, article, reason::CHANGED_BY_PAGE);
    }
    hydrate_island(mount, life, island, article)
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

/// Yew checks the markup later, in a microtask, and a page's own code can
/// run before it (a MutationObserver, a listener). So the island's content
/// is hydrated in a stage outside the page, where nothing else can reach it,
/// and put back in the task queued right behind Yew's: after hydration,
/// before the browser can paint (Yew may yield to the browser before it
/// runs effects, so putting it back from `on_ready` could show an empty
/// island for a frame).
fn hydrate_island(
    mount: &Element,
    life: &Rc<Life>,
    island: Element,
    article: Rc<Article>,
) -> Mounting {
    let Some(stage) = new_stage() else {
        return render_island(mount, life, island, article, reason::CHANGED_BY_PAGE);
    };
    let focused = gloo::utils::document()
        .active_element()
        .filter(|active| island.contains(Some(active)));
    while let Some(child) = island.first_child() {
        if stage.append_child(&child).is_err() {
            break;
        }
    }
    *life.stage.borrow_mut() = Some((stage.clone(), island.clone()));
    // Put back once: whichever comes first after hydration, the task behind
    // Yew's or the report (so a `warta:ready` listener finds it in place).
    // Should Yew be paused mid-run (it yields every 16 ms), the task comes
    // first and hydration happens in place, as without a stage.
    let put_back = Rc::new({
        let stage = stage.clone();
        move || {
            // Torn down meanwhile, its stage has been unwrapped already.
            if stage.parent_node().is_none() && stage.has_child_nodes() {
                let _ = island.append_child(&stage);
                if let Some(focused) = focused.as_ref().and_then(|f| f.dyn_ref::<HtmlElement>()) {
                    let _ = focused.focus();
                }
            }
        }
    });
    let on_ready = {
        let put_back = put_back.clone();
        ready(mount, life, MountState::Hydrated, None, move || put_back())
    };
    let props = ShareBarProps { article, on_ready };
    let app = yew::Renderer::<ShareBar>::with_root_and_props(stage, props).hydrate();
    *life.app.borrow_mut() = Some(App::Island(app));
    spawn_local(async move { put_back() });
    Mounting::Hydrating
}

/// Renders the share bar fresh in its island; the article around it stays.
fn render_island(
    mount: &Element,
    life: &Rc<Life>,
    island: Element,
    article: Rc<Article>,
    why: &'static str,
) -> Mounting {
    console::warn!("warta:", why, "- rendering the share bar again");
    island.set_inner_html("");
    let Some(stage) = new_stage().filter(|stage| island.append_child(stage).is_ok()) else {
        return fail(mount, "could not create the element to render into");
    };
    *life.stage.borrow_mut() = Some((stage.clone(), island));
    let props = ShareBarProps {
        article,
        on_ready: ready(mount, life, MountState::Rendered, Some(why), || {}),
    };
    let app = yew::Renderer::<ShareBar>::with_root_and_props(stage, props).render();
    *life.app.borrow_mut() = Some(App::Island(app));
    Mounting::Rendering(why)
}

/// Renders the whole article into the mount's root (made when missing).
/// Ad slots a stale render held are moved into the new body.
fn render_whole(
    mount: &Element,
    life: &Rc<Life>,
    root: Option<Element>,
    article: Rc<Article>,
    expected: &str,
    why: &'static str,
) -> Mounting {
    let (root, ad_slots) = match root {
        Some(root) => {
            let slots = take_ad_slots(&root);
            root.set_inner_html("");
            (root, slots)
        }
        None => match create_root(mount) {
            Some(root) => (root, Vec::new()),
            None => return fail(mount, "could not create the element to render into"),
        },
    };
    let Some(stage) = new_stage().filter(|stage| root.append_child(stage).is_ok()) else {
        return fail(mount, "could not create the element to render into");
    };
    let _ = root.set_attribute(FINGERPRINT_ATTR, expected);
    *life.stage.borrow_mut() = Some((stage.clone(), root.clone()));
    let props = ArticleViewProps {
        article,
        ad_slots: Rc::default(),
        share_island: None,
        on_ready: ready(mount, life, MountState::Rendered, Some(why), move || {
            restore_ad_slots(&root, &ad_slots)
        }),
    };
    let app = yew::Renderer::<ArticleView>::with_root_and_props(stage, props).render();
    *life.app.borrow_mut() = Some(App::Whole(app));
    Mounting::Rendering(why)
}

fn fail(mount: &Element, message: &str) -> Mounting {
    report(mount, MountState::Error, Some(message));
    Mounting::Failed(message.to_owned())
}

/// The element a Yew app renders in (see `registry`). It adds no box of its
/// own to the layout.
fn new_stage() -> Option<Element> {
    let stage = gloo::utils::document().create_element("div").ok()?;
    stage.set_class_name("warta-stage");
    Some(stage)
}

/// The callback that reports a mount's state once its app is live, after
/// `then` has put things in place; or, for a mount torn down before Yew got
/// to it, finishes tearing it down instead.
fn ready(
    mount: &Element,
    life: &Rc<Life>,
    state: MountState,
    why: Option<&'static str>,
    then: impl Fn() + 'static,
) -> Callback<()> {
    let (mount, life) = (mount.clone(), Rc::downgrade(life));
    Callback::from(move |()| {
        let Some(life) = life.upgrade() else {
            return;
        };
        if life.cancelled.get() {
            then();
            finish_tear_down(&life);
            return;
        }
        life.ready.set(true);
        then();
        report(&mount, state, why);
    })
}

/// Puts a new, empty island where the share bar stands in server markup:
/// before the body. `None` when the article element is gone too.
fn recreate_island(root: &Element) -> Option<Element> {
    let article = root.query_selector(".warta-article").ok().flatten()?;
    let island = gloo::utils::document().create_element("div").ok()?;
    island.set_class_name("warta-share-island");
    island.set_attribute(ISLAND_ATTR, "share").ok()?;
    let body = article
        .query_selector(":scope > .warta-body")
        .ok()
        .flatten();
    article
        .insert_before(&island, body.as_ref().map(|b| b.as_ref()))
        .ok()?;
    Some(island)
}

fn create_root(mount: &Element) -> Option<Element> {
    let root = gloo::utils::document().create_element("div").ok()?;
    root.set_class_name("warta-root");
    root.set_attribute(ROOT_ATTR, "").ok()?;
    mount.prepend_with_node_1(&root).ok()?;
    Some(root)
}

/// Detaches the ad-slot wrappers of markup about to be replaced, each with
/// the paragraph number it stood after.
fn take_ad_slots(root: &Element) -> Vec<(u32, Element)> {
    let Ok(slots) = root.query_selector_all(AD_WRAPPER_SELECTOR) else {
        return Vec::new();
    };
    (0..slots.length())
        .filter_map(|i| slots.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|slot| {
            let after = slot.get_attribute(AD_AFTER_ATTR)?.parse().ok()?;
            slot.remove();
            Some((after, slot))
        })
        .collect()
}

/// Puts ad-slot wrappers back after their paragraphs in the new body; a
/// slot whose paragraph the new article lacks goes at the end of the body,
/// never lost.
fn restore_ad_slots(root: &Element, slots: &[(u32, Element)]) {
    let Some(body) = root.query_selector(".warta-body").ok().flatten() else {
        return;
    };
    let mut homeless = Vec::new();
    // Backwards, so slots after the same paragraph keep their order.
    for (after, slot) in slots.iter().rev() {
        let selector = format!(":scope > p:nth-of-type({after})");
        match body.query_selector(&selector).ok().flatten() {
            Some(paragraph) => {
                let _ = paragraph.after_with_node_1(slot);
            }
            None => homeless.push(slot),
        }
    }
    for slot in homeless.into_iter().rev() {
        let _ = body.append_child(slot);
    }
}
