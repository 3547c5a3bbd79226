//! The whole article rendered in the browser, for a mount that is empty or
//! whose markup was rendered from other JSON (the full client only; the
//! island bundle hands such mounts to it).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::staged::{fail, new_stage, ready, rendered, swap_in};
use super::{Json, Source};
use crate::client::read::read_article;
use crate::client::registry::{App, Life};
use crate::client::{refuse, MountState, Mounting};
use crate::components::{ArticleView, ArticleViewProps};
use crate::embed::{AD_AFTER_ATTR, FINGERPRINT_ATTR, ROOT_ATTR};
use crate::model::Article;
use yew::platform::spawn_local;

const AD_WRAPPER_SELECTOR: &str = ".warta-ad[data-warta-ad-after]";

impl Source {
    /// The whole article, read now if only the subject was.
    fn article(self, json_text: &str) -> Result<Rc<Article>, String> {
        match self {
            Source::Article(article) => Ok(article),
            Source::Subject(_) => read_article(json_text)
                .map(Rc::new)
                .map_err(|error| error.message()),
        }
    }
}

/// Renders the whole article for the mount's root (made when missing).
/// Stale markup stays on show until the new article is ready; then its ad
/// slots move into the new body, in the same step as the swap.
pub(super) fn render_whole(
    mount: &Element,
    life: &Rc<Life>,
    root: Option<Element>,
    json: Json,
    why: &'static str,
) -> Mounting {
    let article = match json.source.article(&json.text) {
        Ok(article) => article,
        Err(message) => return refuse(mount, message),
    };
    let Some(root) = root.or_else(|| create_root(mount)) else {
        return fail(mount, "could not create the element to render into");
    };
    let Some(stage) = new_stage() else {
        return fail(mount, "could not create the element to render into");
    };
    *life.stage.borrow_mut() = Some((stage.clone(), root.clone()));
    // With the swap, not before: a render torn down before it is shown
    // leaves the old markup with its own fingerprint.
    let before_swap = {
        let (root, stage, expected) = (root.clone(), stage.clone(), json.fingerprint);
        move || {
            if let Some(body) = stage.query_selector(".warta-body").ok().flatten() {
                restore_ad_slots(&body, &take_ad_slots(&root));
            }
            let _ = root.set_attribute(FINGERPRINT_ATTR, &expected);
        }
    };
    let finish = swap_in(&root, &stage, rendered, false, before_swap);
    let props = ArticleViewProps {
        article,
        ad_slots: Rc::default(),
        share_island: None,
        on_ready: ready(mount, life, MountState::Rendered, Some(why), finish.clone()),
    };
    let app = yew::Renderer::<ArticleView>::with_root_and_props(stage, props).render();
    *life.app.borrow_mut() = Some(App::Whole(app));
    spawn_local(async move { finish() });
    Mounting::Rendering(why)
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
fn restore_ad_slots(body: &Element, slots: &[(u32, Element)]) {
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
