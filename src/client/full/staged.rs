//! The full client's island: the share bar hydrated, or rendered fresh, by
//! Yew in a stage outside the page, then swapped in.
//!
//! Each Yew app lives in a *stage*: an element of its own that Yew works on
//! outside the page and that then takes over its place (the share bar's
//! island, or the article's root; see [`swap_in`]). Tearing down unwraps
//! the stage, leaving what it showed in the page as plain HTML (the share
//! links still work as links) and out of Yew's reach: Yew destroys an app
//! later, in its scheduler, and by then it finds nothing of its own to
//! remove, which it only warns about. A stage torn down before it reached
//! the page is dropped; the page keeps what it showed.

use std::rc::Rc;

use gloo::console;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, Node};
use yew::platform::spawn_local;
use yew::{AppHandle, BaseComponent, Callback, NodeRef};

use crate::client::loader;
use crate::client::outcome::{reason, report, MountState, Mounting};
use crate::client::registry::{finish_tear_down, holds, App, Life};
use crate::components::{ShareBar, ShareBarProps};
use crate::embed::{ISLAND_ATTR, SHAPE_ATTR};
use crate::model::ShareSubject;

/// A Yew app's stage and the place it takes over.
pub(super) struct Staged {
    stage: Element,
    place: Element,
}

impl Staged {
    pub(super) fn new(stage: &Element, place: &Element) -> Rc<Self> {
        Rc::new(Staged {
            stage: stage.clone(),
            place: place.clone(),
        })
    }

    /// Unwraps the stage, if it reached the page.
    fn tear_down(&self) {
        if self.stage.parent_node().is_some() {
            unwrap_stage(&self.stage);
            // Mounted again later, the share bar is rendered anew: its
            // shape no longer describes what is there.
            if self.place.has_attribute(SHAPE_ATTR) {
                let _ = self.place.remove_attribute(SHAPE_ATTR);
            }
        }
    }
}

/// A Yew app as the registry holds it: the app and its stage.
pub(super) struct YewApp<C: BaseComponent> {
    pub(super) app: AppHandle<C>,
    pub(super) staged: Rc<Staged>,
}

impl<C: BaseComponent> App for YewApp<C> {
    /// Unwraps the stage and destroys the app.
    fn destroy(self: Box<Self>) {
        self.staged.tear_down();
        self.app.destroy();
    }
}

/// Puts the stage's content where the stage is and drops the stage,
/// keeping a reader's focus on the node that had it.
fn unwrap_stage(stage: &Element) {
    let focused = gloo::utils::document()
        .active_element()
        .filter(|active| stage.contains(Some(active)));
    while let Some(child) = stage.first_child() {
        if stage.before_with_node_1(&child).is_err() {
            break;
        }
    }
    stage.remove();
    if let Some(focused) = focused.as_ref().and_then(|f| f.dyn_ref::<HtmlElement>()) {
        let _ = focused.focus();
    }
}

/// Yew checks the markup later, in a microtask (or after one of its 16 ms
/// pauses), and a page's own code can run before it: a MutationObserver, a
/// listener. So the island's nodes are hydrated in a stage outside the page,
/// where nothing else can reach them, while a copy holds their place; the
/// real nodes go back once Yew has hydrated them (see [`swap_in`]).
pub(super) fn hydrate_island(
    mount: &Element,
    life: &Rc<Life>,
    island: Element,
    subject: Rc<ShareSubject>,
) -> Mounting {
    let Some(stage) = new_stage() else {
        return render_island(mount, life, island, subject, reason::CHANGED_BY_PAGE);
    };
    let focused = focused_path(&island);
    while let Some(child) = island.first_child() {
        if stage.append_child(&child).is_err() {
            break;
        }
    }
    // A copy shows the same markup meanwhile, so nothing moves, and keeps
    // a reader's focus where it was.
    let mut child = stage.first_child();
    while let Some(node) = child {
        if let Ok(copy) = node.clone_node_with_deep(true) {
            let _ = island.append_child(&copy);
        }
        child = node.next_sibling();
    }
    if let Some(path) = &focused {
        focus_at(&island, path);
    }
    let staged = Staged::new(&stage, &island);
    // Yew sets the bar's reference once the bar, and all inside it, is
    // hydrated.
    let bar_ref = NodeRef::default();
    let hydrated = {
        let bar_ref = bar_ref.clone();
        move |_: &Element| bar_ref.get().is_some()
    };
    let finish = swap_in(&island, &stage, hydrated, true, |_| {});
    let props = ShareBarProps {
        subject,
        on_ready: ready(mount, life, MountState::Hydrated, None, finish.clone()),
        bar_ref,
    };
    let held = life.clone();
    let start = move || {
        let app = yew::Renderer::<ShareBar>::with_root_and_props(stage, props).hydrate();
        held.hold(Box::new(YewApp { app, staged }));
        spawn_local(async move { finish() });
    };
    // With the loader, Yew's hydration gets a task of its own too (the
    // copy keeps the island on show meanwhile; see `client::mount_one`).
    // A widget torn down in between is not hydrated.
    if loader::present() {
        let life = life.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            if holds(&life) {
                start();
            }
        })
        .forget();
    } else {
        start();
    }
    Mounting::Hydrating
}

/// Puts a stage Yew has worked on into its place, replacing what the place
/// showed meanwhile, as soon as `done` says Yew has been there: in the task
/// queued right behind Yew's, or from the app's first effect, whichever
/// comes first. Until then the place keeps showing what it did, so nothing
/// flashes or shifts whenever the browser paints. `before` runs just
/// before the old content goes, with the stage already in the page and the
/// [host's nodes](host_nodes) that were in the place, to move those it has
/// a place for into the stage; the rest follow the stage, in their order.
/// With `same_markup` (the place showed a copy of the stage's content),
/// focus moves to the same place in the real nodes.
pub(super) fn swap_in(
    place: &Element,
    stage: &Element,
    done: impl Fn(&Element) -> bool + 'static,
    same_markup: bool,
    before: impl Fn(&[Element]) + 'static,
) -> Rc<dyn Fn()> {
    let (place, stage) = (place.clone(), stage.clone());
    Rc::new(move || {
        if stage.parent_node().is_none() && done(&stage) {
            swap(&place, &stage, same_markup, &before);
        }
    })
}

/// [`swap_in`]'s swap, once for every kind of stage.
fn swap(place: &Element, stage: &Element, same_markup: bool, before: &dyn Fn(&[Element])) {
    let refocus = same_markup.then(|| focused_path(place)).flatten();
    let hosts = host_nodes(place);
    let _ = place.append_child(stage);
    before(&hosts);
    for host in hosts.iter().filter(|host| !stage.contains(Some(host))) {
        move_into(place, host, None);
    }
    // What is left before the stage is warta's old content.
    while let Some(old) = place
        .first_child()
        .filter(|old| !old.is_same_node(Some(stage)))
    {
        // `remove` is every child node's (text and comments too).
        old.unchecked_into::<Element>().remove();
    }
    if let Some(path) = refocus {
        focus_at(stage, &path);
    }
}

/// Elements warta does not write, and the ad slots it writes for the host.
/// warta's elements carry a `warta-` class, but for the insides of its
/// SVGs and the bare elements of the body, the header and photos
/// (paragraphs, inline runs, quote credits, image sources, times);
/// `<font>` is page translation's wrapper around warta's own text.
const HOST_ELEMENTS: &str = ":not([class*=warta-],font,svg[class*=warta-] *,\
    :is(.warta-body,.warta-header,.warta-figure) :is(p,a,em,strong,cite,footer,picture,source,img,time)),\
    [data-warta-ad-after]";

/// Host nodes kept whole though they hold warta's elements: declared ad
/// slots and nested widgets.
const KEPT_WHOLE: &str = "[data-warta-ad-after],[data-warta]";

/// The host's nodes under `root`, which warta is about to render afresh:
/// the elements warta never writes ([`HOST_ELEMENTS`]: ad slots — `div`,
/// `ins`, `iframe`, `script` —, an extension's badge, a nested widget) and
/// the ad slots it declared, outermost first, in document order. They are
/// the host's, and warta never deletes them: they are moved beside the
/// fresh render. Not kept, because beside it they would show warta's
/// content twice: page translation's `<font>` around warta's text, and an
/// element the page wrapped around warta's elements (a theme wrapping the
/// icons), which is looked into instead. warta's own elements are told
/// apart by a `warta-` class, or by name where warta writes them bare, so
/// scripts that rewrite other attributes (lazy images' `src`) change
/// nothing; text and comments count as warta's.
pub(super) fn host_nodes(root: &Element) -> Vec<Element> {
    let mut kept: Vec<Element> = Vec::new();
    let Ok(found) = root.query_selector_all(HOST_ELEMENTS) else {
        return kept;
    };
    for index in 0..found.length() {
        let Some(element) = found.item(index).map(JsCast::unchecked_into::<Element>) else {
            continue;
        };
        if kept
            .last()
            .is_some_and(|host| host.contains(Some(&element)))
        {
            continue;
        }
        // Declared ad slots and nested widgets hold warta's elements too.
        if element.matches(KEPT_WHOLE).unwrap_or(false)
            || element
                .query_selector("[class*=warta-]")
                .ok()
                .flatten()
                .is_none()
        {
            kept.push(element);
        }
    }
    kept
}

/// Moves `node` into `parent`, before `child` (at the end without one):
/// with the DOM's `moveBefore` where the browser has it, which keeps an
/// ad's iframe loaded and its script's state (both ends must be in the
/// page); otherwise by inserting it, which reloads an iframe.
pub(super) fn move_into(parent: &Element, node: &Element, child: Option<&Node>) {
    if parent
        .unchecked_ref::<Parent>()
        .move_before(node, child)
        .is_err()
    {
        let _ = parent.insert_before(node, child);
    }
}

#[wasm_bindgen]
extern "C" {
    /// A node as the parent of `moveBefore`.
    type Parent;
    /// `Node.moveBefore`; throws where the browser lacks it.
    #[wasm_bindgen(method, js_name = moveBefore, catch)]
    fn move_before(this: &Parent, node: &Node, child: Option<&Node>) -> Result<(), JsValue>;
}

/// Where the focused element sits under `root`, as indexes among element
/// children (comments, such as Yew's markers, do not count: hydration
/// removes them).
fn focused_path(root: &Element) -> Option<Vec<u32>> {
    let mut node = gloo::utils::document().active_element()?;
    if !root.contains(Some(&node)) || node.is_same_node(Some(root)) {
        return None;
    }
    let mut path = Vec::new();
    while !node.is_same_node(Some(root)) {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|sibling| sibling.is_same_node(Some(&node)))
        })?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some(path)
}

/// Focuses the element at `path` under `root`, if there is one.
fn focus_at(root: &Element, path: &[u32]) {
    let mut element = root.clone();
    for &index in path {
        match element.children().item(index) {
            Some(child) => element = child,
            None => return,
        }
    }
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Renders the share bar fresh for its island; the article around it stays,
/// and the island shows what it had until the new bar is ready.
pub(super) fn render_island(
    mount: &Element,
    life: &Rc<Life>,
    island: Element,
    subject: Rc<ShareSubject>,
    why: &'static str,
) -> Mounting {
    console::warn!("warta:", why, "- rendering the share bar again");
    let Some(stage) = new_stage() else {
        return fail(mount, "could not create the element to render into");
    };
    let staged = Staged::new(&stage, &island);
    let finish = swap_in(&island, &stage, rendered, false, |_| {});
    let props = ShareBarProps {
        subject,
        on_ready: ready(mount, life, MountState::Rendered, Some(why), finish.clone()),
        bar_ref: NodeRef::default(),
    };
    let app = yew::Renderer::<ShareBar>::with_root_and_props(stage, props).render();
    life.hold(Box::new(YewApp { app, staged }));
    spawn_local(async move { finish() });
    Mounting::Rendering(why)
}

/// Whether Yew has rendered into a stage (its first render is one step).
pub(super) fn rendered(stage: &Element) -> bool {
    stage.has_child_nodes()
}

pub(super) fn fail(mount: &Element, message: &str) -> Mounting {
    report(mount, MountState::Error, Some(message));
    Mounting::Failed(message.to_owned())
}

/// The element a Yew app renders in (see the module's docs). It adds no box of its
/// own to the layout.
pub(super) fn new_stage() -> Option<Element> {
    let stage = gloo::utils::document().create_element("div").ok()?;
    stage.set_class_name("warta-stage");
    Some(stage)
}

/// The callback that reports a mount's state once its app is live, after
/// `then` has put things in place; or, for a mount torn down before Yew got
/// to it, finishes tearing it down instead (the page keeps what it showed).
/// It keeps the mount's life alive until then: the registry lets go of it
/// at teardown.
pub(super) fn ready(
    mount: &Element,
    life: &Rc<Life>,
    state: MountState,
    why: Option<&'static str>,
    then: Rc<dyn Fn()>,
) -> Callback<()> {
    let (mount, life) = (mount.clone(), life.clone());
    Callback::from(move |()| {
        if life.cancelled.get() {
            finish_tear_down(&life);
            return;
        }
        then();
        life.ready.set(true);
        report(&mount, state, why);
    })
}

/// Puts a new, empty island where the share bar stands in server markup:
/// before the body. `None` when the article element is gone too.
pub(super) fn recreate_island(root: &Element) -> Option<Element> {
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
