use std::rc::Rc;

use yew::prelude::*;

use super::body::ArticleBody;
use super::figure::Figure;
use super::footer::ArticleFooter;
use super::header::ArticleHeader;
use super::link_list::LinkList;
use super::share_bar::ShareBar;
use crate::ad_slots::AdSlot;
use crate::language::Language;
use crate::model::Article;
use crate::model::ShareSubject;

/// The share bar as the server rendered it for hydration: its markup (with
/// Yew's markers) and the [shape](crate::embed::shape) of that markup.
#[derive(Clone, Debug, PartialEq)]
pub struct PrerenderedIsland {
    /// Hydratable markup of the island's component.
    pub html: AttrValue,
    /// Shape of `html`, written into `data-warta-shape`.
    pub shape: AttrValue,
    /// Hash of the shape and `html`, written into `data-warta-markup`
    /// ([`crate::embed::shape::markup_hash`]).
    pub markup: AttrValue,
}

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show; validated before it gets here.
    pub article: Rc<Article>,
    /// Ad slots between paragraphs (server render only). Default none.
    #[prop_or_default]
    pub ad_slots: Rc<Vec<AdSlot>>,
    /// The share bar pre-rendered for hydration (server render only).
    /// Default `None`: the [`ShareBar`] component renders in its place.
    #[prop_or_default]
    pub share_island: Option<PrerenderedIsland>,
    /// Called once the share bar is live in the browser. Default: nothing.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The whole article: header, hero, share bar, body, footer and link lists.
///
/// On the server everything but the share bar is static markup, and the
/// share bar sits in an island (`data-warta-island="share"`) that the browser
/// hydrates on its own. In the browser, an empty mount renders this whole
/// component, producing the same elements.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let language = Language::from_tag(&article.lang);
    let labels = language.labels();
    let island = props.share_island.as_ref();
    let share_bar = match island {
        // The server's markup of the bar, rendered on its own to be hydrated
        // on its own. Raw HTML reaches a page through `innerHTML`, which a
        // page enforcing Trusted Types refuses: browser builds never take
        // it (only the server render passes an island).
        #[cfg(feature = "ssr")]
        Some(island) => Html::from_html_unchecked(island.html.clone()),
        _ => html! {
            <ShareBar subject={Rc::new(ShareSubject::from(&**article))} on_ready={props.on_ready.clone()} />
        },
    };
    html! {
        <article class="warta-article" lang={article.lang.clone()}>
            <ArticleHeader article={article.clone()} />
            if let Some(hero) = &article.hero {
                <Figure image={hero.clone()} hero=true {language} />
            }
            <div class="warta-share-island" data-warta-island="share"
                data-warta-shape={island.map(|island| island.shape.clone())}
                data-warta-markup={island.map(|island| island.markup.clone())}>
                {share_bar}
            </div>
            <ArticleBody article={article.clone()} ad_slots={props.ad_slots.clone()} />
            <ArticleFooter article={article.clone()} />
            if let Some(items) = &article.latest {
                <LinkList heading={labels.latest} items={Rc::new(items.clone())} {language} class="warta-links--latest" />
            }
            if let Some(items) = &article.partner_links {
                <LinkList heading={labels.partners} items={Rc::new(items.clone())} {language} class="warta-links--partners" />
            }
        </article>
    }
}
