//! Share icons as inline SVG: shipped with the widget, so showing the share
//! bar asks no third party for anything. Simple glyphs of our own drawing on a
//! 24×24 grid; the visible text label beside each carries the meaning, so the
//! icons are hidden from assistive technology.
//!
//! Each icon is Yew elements, not raw markup: raw markup reaches the page
//! through `innerHTML`, which a page that enforces Trusted Types refuses
//! (docs/protocol.md, "Trusted Types"), and Yew's removal of raw markup
//! panics when a page has moved a node it holds.

use yew::prelude::*;

use crate::model::ShareNetwork;

/// One shape of an icon.
enum Shape {
    /// An outlined path.
    Stroke(&'static str),
    /// A filled path.
    Fill(&'static str),
    /// A filled circle: centre x, centre y, radius.
    Dot(&'static str, &'static str, &'static str),
}

use Shape::{Dot, Fill, Stroke};

// Chat bubble with a tail, a handset inside.
const WHATSAPP: &[Shape] = &[
    Stroke("M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z"),
    Fill("M9 8.2c.3-.4.8-.4 1 0l.8 1.6c.1.3 0 .6-.2.8l-.5.5a6 6 0 0 0 2.8 2.8l.5-.5c.2-.2.5-.3.8-.2l1.6.8c.4.2.4.7 0 1-.6.7-1.5 1-2.4.7a8.4 8.4 0 0 1-5.1-5.1c-.3-.9 0-1.8.7-2.4z"),
];
// A lower-case "f".
const FACEBOOK: &[Shape] = &[Fill(
    "M13.5 21v-7.5h2.6l.4-3h-3V8.6c0-.9.3-1.5 1.5-1.5h1.6V4.4A21 21 0 0 0 14.3 4.3c-2.3 0-3.8 1.4-3.8 4V10.5H8v3h2.5V21z",
)];
// Two crossing strokes.
const X: &[Shape] = &[Stroke(
    "M5 4h3.6l10.4 16h-3.6zM18.4 4 13.3 9.8M10.6 14.3 5.6 20",
)];
// A paper plane.
const TELEGRAM: &[Shape] = &[Stroke(
    "M21 4 3 11l6 2.2M21 4l-3 16-7.5-5.2M21 4 9 13.2v5.3l2.6-3.4",
)];
// A rounded speech bubble.
const LINE: &[Shape] = &[Stroke(
    "M12 4c5 0 9 3.1 9 7 0 3.9-4.6 7.2-9.5 9.2-.6.2-.7-.3-.6-.8l.3-1.5C6.5 17.4 3 14.5 3 11c0-3.9 4-7 9-7z",
)];
// "in": a dot, a bar and an arch.
const LINKEDIN: &[Shape] = &[
    Dot("6", "6", "1.8"),
    Fill("M4.5 9.5h3V20h-3zM10 9.5h2.9v1.5c.5-.9 1.7-1.8 3.4-1.8 3 0 3.7 2 3.7 4.6V20h-3v-5.5c0-1.3-.2-2.6-1.8-2.6s-2.2 1.2-2.2 2.6V20h-3z"),
];
// A butterfly: two wings meeting in the middle.
const BLUESKY: &[Shape] = &[Stroke(
    "M12 10.5C10 6.5 6.5 4 4.5 4S3 7.5 3.5 9s2 2.5 4.5 2.5c-3 .5-3.5 2.5-2 4s3.5 1 4.5-1.5zM12 10.5C14 6.5 17.5 4 19.5 4S21 7.5 20.5 9s-2 2.5-4.5 2.5c3 .5 3.5 2.5 2 4s-3.5 1-4.5-1.5z",
)];
// A speech bubble with an "m" inside.
const MASTODON: &[Shape] = &[
    Stroke("M4 9.5C4 5.5 6.5 4 12 4s8 1.5 8 5.5v2c0 3.5-2.5 5.5-8 5.5-1.2 0-2.3-.1-3.3-.3.3 1.8 1.6 2.8 4.3 2.8"),
    Stroke("M8.5 13.5V10a1.75 1.75 0 0 1 3.5 0v1.5M12 11.5V10a1.75 1.75 0 0 1 3.5 0v3.5"),
];
// An "@" drawn in one stroke.
const THREADS: &[Shape] = &[Stroke(
    "M17 8.5C16 5.6 14.2 4 12 4 7.6 4 5 7.2 5 12s2.6 8 7 8c3.4 0 6-1.9 6-5 0-2.6-2-4.1-5-4.1-2.3 0-3.8 1.2-3.8 2.8 0 1.5 1.3 2.5 3 2.5 2.6 0 3.8-2 3.8-5.2",
)];
// An envelope.
const EMAIL: &[Shape] = &[Stroke("M3.5 6h17v12h-17zM3.5 6l8.5 7 8.5-7")];
// Two chain links.
const COPY: &[Shape] = &[Stroke(
    "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
)];
// An arrow leaving a box: a publisher's own network.
const CUSTOM: &[Shape] = &[Stroke("M13.5 4H20v6.5M20 4l-8.5 8.5M18 14v6H4V6h6")];
// An arrow leaving a tray.
const NATIVE: &[Shape] = &[Stroke("M12 15V3.5M7.5 8 12 3.5 16.5 8M5 12v7.5h14V12")];

/// The icon for a share target.
pub fn share_icon(network: ShareNetwork) -> Html {
    icon(match network {
        ShareNetwork::Whatsapp => WHATSAPP,
        ShareNetwork::Facebook => FACEBOOK,
        ShareNetwork::X => X,
        ShareNetwork::Telegram => TELEGRAM,
        ShareNetwork::Line => LINE,
        ShareNetwork::Linkedin => LINKEDIN,
        ShareNetwork::Bluesky => BLUESKY,
        ShareNetwork::Mastodon => MASTODON,
        ShareNetwork::Threads => THREADS,
        ShareNetwork::Email => EMAIL,
        ShareNetwork::Copy => COPY,
        ShareNetwork::Native => NATIVE,
    })
}

/// The icon for a publisher's own network.
pub fn custom_icon() -> Html {
    icon(CUSTOM)
}

/// An `<svg>` of the given shapes.
fn icon(shapes: &'static [Shape]) -> Html {
    let shapes = shapes.iter().map(|shape| match *shape {
        Stroke(d) => html! {
            <path {d} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"></path>
        },
        Fill(d) => html! { <path {d} fill="currentColor"></path> },
        Dot(cx, cy, r) => html! { <circle {cx} {cy} {r} fill="currentColor"></circle> },
    });
    html! {
        <svg class="warta-share__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            {for shapes}
        </svg>
    }
}
