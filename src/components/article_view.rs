use std::rc::Rc;

use yew::prelude::*;

use super::{ArticleBody, ArticleFooter, ArticleHeader, Figure, LinkList, ShareBar};
use crate::labels::Labels;
use crate::model::Article;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show; validated before it gets here.
    pub article: Rc<Article>,
}

/// The whole article: header, hero, share bar, body, footer and link lists.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let labels = Labels::for_lang(&article.lang);
    html! {
        <article class="warta-article" lang={article.lang.clone()}>
            <ArticleHeader article={article.clone()} />
            if let Some(hero) = &article.hero {
                <Figure image={hero.clone()} hero=true lang={article.lang.clone()} />
            }
            <ShareBar article={article.clone()} />
            <ArticleBody article={article.clone()} />
            <ArticleFooter article={article.clone()} />
            if let Some(items) = &article.latest {
                <LinkList heading={labels.latest} items={Rc::new(items.clone())} lang={article.lang.clone()} class="warta-links--latest" />
            }
            if let Some(items) = &article.partner_links {
                <LinkList heading={labels.partners} items={Rc::new(items.clone())} lang={article.lang.clone()} class="warta-links--partners" />
            }
        </article>
    }
}
