use std::rc::Rc;

use yew::prelude::*;

use crate::labels::Labels;
use crate::model::{Article, ShareNetwork, ShareSettings};
use crate::share::{share_href, Shared};

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The article being shared.
    pub article: Rc<Article>,
}

/// Share links, in the order the article's share settings give. Every
/// network is a real link, so sharing works before and without the Wasm.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let article = &props.article;
    let labels = Labels::for_lang(&article.lang);
    let default_settings = ShareSettings::default();
    let settings = article.share.as_ref().unwrap_or(&default_settings);
    let shared = Shared {
        url: &article.url,
        title: &article.title,
        utm: settings.utm.as_ref(),
    };
    let items = settings.networks().iter().filter_map(|&network| {
        let href = share_href(network, shared)?;
        let class = classes!(
            "warta-share__link",
            format!("warta-share__link--{}", network.id())
        );
        let external = network != ShareNetwork::Email;
        Some(html! {
            <li class="warta-share__item">
                <a
                    {class}
                    href={href}
                    target={external.then_some("_blank")}
                    rel={external.then_some("noopener noreferrer")}
                    aria-label={format!("{} {}", labels.share_to, network.name())}
                    data-network={network.id()}
                >
                    <span class="warta-share__text">{network.name()}</span>
                </a>
            </li>
        })
    });
    html! {
        <div class="warta-share" role="group" aria-label={labels.share_group}>
            <ul class="warta-share__list">{for items}</ul>
        </div>
    }
}
