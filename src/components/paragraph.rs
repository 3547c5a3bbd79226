use yew::prelude::*;

use crate::model::{Paragraph, Run};

/// Props of [`BodyParagraph`].
#[derive(Properties, PartialEq)]
pub struct BodyParagraphProps {
    /// The paragraph: plain text or styled runs.
    pub paragraph: Paragraph,
}

/// A body paragraph. Runs become `<strong>`, `<em>` and links; text is always
/// text, never HTML.
#[component]
pub fn BodyParagraph(props: &BodyParagraphProps) -> Html {
    let p = &props.paragraph;
    match &p.text {
        Some(text) => html! { <p>{text}</p> },
        None => html! { <p>{for p.inlines.iter().map(run)}</p> },
    }
}

fn run(run: &Run) -> Html {
    let mut node = html! { {&run.text} };
    if run.em {
        node = html! { <em>{node}</em> };
    }
    if run.strong {
        node = html! { <strong>{node}</strong> };
    }
    match &run.link {
        Some(href) => html! { <a href={href.clone()}>{node}</a> },
        None => node,
    }
}
