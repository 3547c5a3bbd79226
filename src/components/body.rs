use std::rc::Rc;

use yew::prelude::*;

use super::ad_slot::ad_slot_view;
use super::figure::Figure;
use super::paragraph::paragraph_view;
use super::read_also::ReadAlsoCard;
use crate::ad_slots::AdSlot;
use crate::language::Language;
use crate::model::{Article, Block};

/// Props of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article whose body to render.
    pub article: Rc<Article>,
    /// Ad slots to place between paragraphs (server render only). Default none.
    #[prop_or_default]
    pub ad_slots: Rc<Vec<AdSlot>>,
}

/// The body blocks in reading order, read-also cards where they stand, and
/// each ad slot after the paragraph it names.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let language = Language::from_tag(&props.article.lang);
    let mut paragraphs = 0;
    let blocks = props.article.body.iter().map(|block| match block {
        Block::Paragraph(p) => {
            paragraphs += 1;
            let view = paragraph_view(p);
            let mut slots = props
                .ad_slots
                .iter()
                .filter(|slot| slot.after == paragraphs)
                .peekable();
            if slots.peek().is_none() {
                view
            } else {
                html! { <>{view}{for slots.map(ad_slot_view)}</> }
            }
        }
        Block::ReadAlso(card) => html! { <ReadAlsoCard card={card.clone()} {language} /> },
        Block::Heading(h) => {
            let tag = match h.level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            html! { <@{tag} class="warta-body__heading">{&h.text}</@> }
        }
        Block::Quote(q) => html! {
            <blockquote class="warta-body__quote">
                <p>{&q.text}</p>
                if let Some(cite) = &q.cite {
                    <footer><cite>{cite}</cite></footer>
                }
            </blockquote>
        },
        Block::Image(image) => html! { <Figure image={image.clone()} {language} /> },
    });
    html! { <div class="warta-body">{for blocks}</div> }
}
