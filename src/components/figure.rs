use yew::prelude::*;

use crate::language::Language;
use crate::model::{Image, ImageCandidate};

/// How wide an article image is shown: the text column (`--warta-measure`,
/// 42rem) on wide screens, the screen's width on phones.
const SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// A `srcset` value: each file with its width.
fn srcset(candidates: &[ImageCandidate]) -> String {
    let mut out = String::new();
    for (i, candidate) in candidates.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&candidate.src);
        out.push(' ');
        out.push_str(&candidate.width.to_string());
        out.push('w');
    }
    out
}

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The photo, caption and credit.
    pub image: Image,
    /// The lead photo: loaded eagerly and at high priority. Default false.
    #[prop_or_default]
    pub hero: bool,
    /// Article language, for the credit label. Default Indonesian.
    #[prop_or_default]
    pub language: Language,
}

/// A photo with its caption and credit. Width and height (or a CSS aspect
/// ratio when they are unknown) reserve the space, so nothing shifts when the
/// image arrives. With `srcset` the browser picks the file for the screen;
/// with `formats` a `<picture>` offers AVIF or WebP first.
#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let image = &props.image;
    let labels = props.language.labels();
    let class = classes!(
        "warta-figure",
        props.hero.then_some("warta-figure--hero"),
        image.src.is_none().then_some("warta-figure--no-image")
    );
    let img = image.src.as_ref().map(|src| {
        let responsive = !(image.srcset.is_empty() && image.formats.is_empty());
        html! {
            <img
                class="warta-figure__image"
                src={src.clone()}
                srcset={(!image.srcset.is_empty()).then(|| srcset(&image.srcset))}
                sizes={responsive.then_some(SIZES)}
                alt={image.alt.clone()}
                width={image.width.map(|w| w.to_string())}
                height={image.height.map(|h| h.to_string())}
                loading={if props.hero { "eager" } else { "lazy" }}
                decoding="async"
                fetchpriority={props.hero.then_some("high")}
            />
        }
    });
    html! {
        <figure {class}>
            if let Some(img) = img {
                if image.formats.is_empty() {
                    {img}
                } else {
                    <picture>
                        {for image.formats.iter().map(|format| html! {
                            <source type={format.media_type.clone()} srcset={srcset(&format.srcset)} sizes={SIZES} />
                        })}
                        {img}
                    </picture>
                }
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
