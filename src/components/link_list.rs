use std::rc::Rc;

use yew::prelude::*;

use crate::language::Language;
use crate::model::LinkItem;

/// Props of [`LinkList`].
#[derive(Properties, PartialEq)]
pub struct LinkListProps {
    /// Section heading ("Terkini Lainnya", "Tautan Sahabat").
    pub heading: AttrValue,
    /// The links; empty shows a short note under the heading.
    pub items: Rc<Vec<LinkItem>>,
    /// Article language, for the empty note and dates. Default Indonesian.
    #[prop_or_default]
    pub language: Language,
    /// Extra class for the section.
    #[prop_or_default]
    pub class: Classes,
}

/// A titled list of links to other stories or sites.
#[component]
pub fn LinkList(props: &LinkListProps) -> Html {
    let language = props.language;
    let labels = language.labels();
    let items = props.items.iter().map(|item| {
        html! {
            <li class="warta-links__item">
                if let Some(url) = &item.url {
                    <a class="warta-links__link" href={url.clone()}>{&item.title}</a>
                } else {
                    <span class="warta-links__link">{&item.title}</span>
                }
                if let Some(published) = &item.published {
                    <time class="warta-links__time" datetime={published.clone()}>{language.display_time(published)}</time>
                }
            </li>
        }
    });
    html! {
        <section class={classes!("warta-links", props.class.clone(), props.items.is_empty().then_some("warta-links--empty"))} aria-label={props.heading.clone()}>
            <h2 class="warta-links__heading">{&props.heading}</h2>
            if props.items.is_empty() {
                <p class="warta-links__empty">{labels.empty_list}</p>
            } else {
                <ul class="warta-links__list">{for items}</ul>
            }
        </section>
    }
}
