//! Server render: the article's markup, ready to be hydrated.

use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::components::{ArticleView, ArticleViewProps};
use crate::model::Article;

/// Renders the article as hydratable HTML (the content of the mount's root).
pub async fn article_markup(article: Rc<Article>) -> String {
    LocalServerRenderer::<ArticleView>::with_props(ArticleViewProps { article })
        .hydratable(true)
        .render()
        .await
}

/// Blocking [`article_markup`] for native callers (CLI, benchmarks, tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn article_markup_blocking(article: Rc<Article>) -> String {
    futures::executor::block_on(article_markup(article))
}
