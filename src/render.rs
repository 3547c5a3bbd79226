//! Server render: the article as static markup around a single hydratable
//! island, the share bar (see [`crate::embed`] for why).

use std::rc::Rc;

use yew::{Callback, LocalServerRenderer};

use crate::ad_slots::AdSlot;
use crate::components::{
    ArticleView, ArticleViewProps, PrerenderedIsland, ShareBar, ShareBarProps,
};
use crate::embed::shape::{markup_hash, shape_of_html};
use crate::model::Article;
use crate::model::ShareSubject;

/// How to render beyond the article itself: what the host page places in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenderOptions {
    /// In-article ad slots, validated with
    /// [`validate_ad_slots`](crate::ad_slots::validate_ad_slots).
    pub ad_slots: Vec<AdSlot>,
}

/// Renders the article (the content of the mount's root): static HTML, with
/// the share bar's hydratable markup and its shape in the island.
pub async fn article_markup(article: Rc<Article>, options: &RenderOptions) -> String {
    let share_bar = LocalServerRenderer::<ShareBar>::with_props(ShareBarProps {
        subject: Rc::new(ShareSubject::from(&*article)),
        on_ready: Callback::noop(),
        bar_ref: Default::default(),
    })
    .hydratable(true)
    .render()
    .await;
    let shape = shape_of_html(&share_bar);
    let share_island = PrerenderedIsland {
        markup: markup_hash(&shape, &share_bar).into(),
        shape: shape.into(),
        html: share_bar.into(),
    };
    LocalServerRenderer::<ArticleView>::with_props(ArticleViewProps {
        article,
        ad_slots: Rc::new(options.ad_slots.clone()),
        share_island: Some(share_island),
        on_ready: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

/// Blocking [`article_markup`] for native callers (CLI, benchmarks, tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn article_markup_blocking(article: Rc<Article>, options: &RenderOptions) -> String {
    futures::executor::block_on(article_markup(article, options))
}

/// [`article_markup`] at once, for the npm package's render in Node (no
/// thread to block). Yew's local server renderer spawns no task; with Yew's
/// `not_browser_env` feature, which the npm crate turns on, its scheduler
/// runs each component at once rather than in a microtask, and none of
/// warta's components suspends, so the render is complete at its first
/// poll (the package's tests render every fixture and hostile article
/// through here).
#[cfg(target_arch = "wasm32")]
pub fn article_markup_blocking(article: Rc<Article>, options: &RenderOptions) -> String {
    use std::future::Future;
    use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

    // Nothing ever wakes it: the future is polled once.
    const VTABLE: RawWakerVTable = RawWakerVTable::new(
        |_| RawWaker::new(std::ptr::null(), &VTABLE),
        |_| {},
        |_| {},
        |_| {},
    );
    // SAFETY: every function of the vtable ignores the (null) data pointer.
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    let render = std::pin::pin!(article_markup(article, options));
    match render.poll(&mut Context::from_waker(&waker)) {
        Poll::Ready(markup) => markup,
        Poll::Pending => unreachable!("a component suspended the server render"),
    }
}
