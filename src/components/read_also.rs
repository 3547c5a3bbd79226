use yew::prelude::*;

use crate::language::Language;
use crate::model::ReadAlso;

/// Props of [`ReadAlsoCard`].
#[derive(Properties, PartialEq)]
pub struct ReadAlsoCardProps {
    /// The related story.
    pub card: ReadAlso,
    /// Article language, for the label. Default Indonesian.
    #[prop_or_default]
    pub language: Language,
}

/// An inline "Baca juga" card: an aside so screen readers can skip it, named
/// after its story so the several cards of an article are told apart, and a
/// link when the story has a URL.
#[component]
pub fn ReadAlsoCard(props: &ReadAlsoCardProps) -> Html {
    let card = &props.card;
    let label = props.language.labels().read_also;
    html! {
        <aside class="warta-read-also" aria-label={format!("{label}: {}", card.title)}>
            if let Some(image) = &card.image {
                <img class="warta-read-also__image" src={image.clone()} alt="" width="96" height="64" loading="lazy" decoding="async" />
            }
            // Not a `p`: ad inserters count those as the body's paragraphs.
            <div class="warta-read-also__text">
                <span class="warta-read-also__label">{label}</span>
                if let Some(url) = &card.url {
                    <a class="warta-read-also__title" href={url.clone()}>{&card.title}</a>
                } else {
                    <span class="warta-read-also__title">{&card.title}</span>
                }
            </div>
        </aside>
    }
}
