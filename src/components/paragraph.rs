//! A body paragraph. A view function rather than a component: paragraphs are
//! the most frequent block, and a component each would cost the server render
//! a third of its time for no behaviour.

use yew::prelude::*;

use crate::model::{Paragraph, Run};

/// The paragraph's markup. Runs become `<strong>`, `<em>` and links; text is
/// always text, never HTML.
pub(crate) fn paragraph_view(p: &Paragraph) -> Html {
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
