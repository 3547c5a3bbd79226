use yew::prelude::*;

use crate::labels::Labels;
use crate::model::Image;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The photo, caption and credit.
    pub image: Image,
    /// The lead photo: loaded eagerly and at high priority. Default false.
    #[prop_or_default]
    pub hero: bool,
    /// Article language, for the credit label. Default `id`.
    #[prop_or_else(|| "id".to_owned())]
    pub lang: String,
}

/// A photo with its caption and credit. Width and height (or a CSS aspect
/// ratio when they are unknown) reserve the space, so nothing shifts when the
/// image arrives.
#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let image = &props.image;
    let labels = Labels::for_lang(&props.lang);
    let class = classes!(
        "warta-figure",
        props.hero.then_some("warta-figure--hero"),
        image.src.is_none().then_some("warta-figure--no-image")
    );
    html! {
        <figure {class}>
            if let Some(src) = &image.src {
                <img
                    class="warta-figure__image"
                    src={src.clone()}
                    alt={image.alt.clone()}
                    width={image.width.map(|w| w.to_string())}
                    height={image.height.map(|h| h.to_string())}
                    loading={if props.hero { "eager" } else { "lazy" }}
                    decoding="async"
                    fetchpriority={props.hero.then_some("high")}
                />
            }
            if image.caption.is_some() || image.credit.is_some() {
                <figcaption class="warta-figure__caption">
                    if let Some(caption) = &image.caption {
                        {caption}
                    }
                    if let Some(credit) = &image.credit {
                        {" "}<span class="warta-figure__credit">{format!("({}: {credit})", labels.photo)}</span>
                    }
                </figcaption>
            }
        </figure>
    }
}
