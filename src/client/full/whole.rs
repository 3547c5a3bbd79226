//! The whole article rendered in the browser, for a mount that is empty or
//! whose markup was rendered from other JSON (the full client only; the
//! island bundle hands such mounts to it).

use std::rc::Rc;

use web_sys::Element;
use yew::platform::spawn_local;

use super::source::Source;
use super::staged::{fail, move_into, new_stage, ready, rendered, swap_in, Staged, YewApp};
use crate::client::backend::Json;
use crate::client::outcome::{refuse, MountState, Mounting};
use crate::client::registry::Life;
use crate::components::{ArticleView, ArticleViewProps};
use crate::embed::{AD_AFTER_ATTR, FINGERPRINT_ATTR, ROOT_ATTR};

/// Renders the whole article for the mount's root (made when missing).
/// Stale markup stays on show until the new article is ready; then the
/// host's nodes in it (ad slots among them) move into the new article, in
/// the same step as the swap.
pub(super) fn render_whole(
    mount: &Element,
    life: &Rc<Life>,
    root: Option<Element>,
    json: Json<Source>,
    why: &'static str,
) -> Mounting {
    let article = match json.read.article() {
        Ok(article) => article,
        Err(message) => return refuse(mount, message),
    };
    let Some(root) = root.or_else(|| create_root(mount)) else {
        return fail(mount, "could not create the element to render into");
    };
    let Some(stage) = new_stage() else {
        return fail(mount, "could not create the element to render into");
    };
    let staged = Staged::new(&stage, &root);
    // With the swap, not before: a render torn down before it is shown
    // leaves the old markup with its own fingerprint.
    let before_swap = {
        let (root, stage, expected) = (root.clone(), stage.clone(), json.fingerprint);
        move |hosts: &[Element]| {
            keep_host_nodes(&root, &stage, hosts);
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
    life.hold(Box::new(YewApp { app, staged }));
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

/// Moves the host's nodes in the old article's body under `root` into the
/// new body in `stage`: declared ad slots and ads an inserter put between
/// paragraphs go after the same paragraph, at the end of the body if the
/// new article is shorter. The host's nodes elsewhere in the article follow
/// the new one ([`swap_in`]).
fn keep_host_nodes(root: &Element, stage: &Element, hosts: &[Element]) {
    let find = |within: &Element, selector: &str| within.query_selector(selector).ok().flatten();
    let (Some(body), Some(old_body)) = (
        find(stage, ".warta-body"),
        find(root, ":scope > .warta-article > .warta-body"),
    ) else {
        return;
    };
    // In document order: each goes after its paragraph, or after the node
    // put there just before it.
    let mut last: Option<(u32, &Element)> = None;
    for host in hosts {
        let after = match host.get_attribute(AD_AFTER_ATTR) {
            Some(after) => after.parse().unwrap_or(u32::MAX),
            None if old_body.contains(Some(host)) => paragraphs_up_to(&old_body, host),
            None => continue,
        };
        let anchor = match last {
            Some((before, node)) if before == after => Some(node.clone()),
            _ => find(&body, &format!(":scope > p:nth-of-type({after})")),
        };
        let next = match (anchor, after) {
            (Some(anchor), _) => anchor.next_sibling(),
            (None, 0) => body.first_child(),
            (None, _) => None,
        };
        move_into(&body, host, next.as_ref());
        last = Some((after, host));
    }
}

/// How many of the body's paragraphs come before `node` or hold it.
fn paragraphs_up_to(body: &Element, node: &Element) -> u32 {
    let children = body.children();
    let mut count = 0;
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            break;
        };
        count += u32::from(child.matches("p").unwrap_or(false));
        if child.contains(Some(node)) {
            break;
        }
    }
    count
}
