//! Share icons as inline SVG: shipped with the widget, so showing the share
//! bar asks no third party for anything. Simple glyphs of our own drawing on a
//! 24×24 grid; the visible text label beside each carries the meaning, so the
//! icons are hidden from assistive technology.
//!
//! Each icon is raw markup, not elements: Yew hydrates raw markup by
//! stepping over it, where it would compare every element and set every
//! attribute again (the icons were half of the share bar's hydration).
//! Yew's removal of raw markup panics when a page has moved a node it
//! holds, so the teardown hands each icon back first (see
//! `client::full::staged`, which finds them by [`ICON_SELECTOR`]).

use yew::prelude::*;

use crate::model::ShareNetwork;

// The icons' class, written once: `concat!` takes only literals and macros.
macro_rules! icon_class {
    () => {
        "warta-share__icon"
    };
}

/// Finds every icon (see `client::full::staged`).
pub const ICON_SELECTOR: &str = concat!(".", icon_class!());

// An icon: an `<svg>` of the given shapes.
macro_rules! icon {
    ($($shape:expr),+) => {
        concat!(
            r#"<svg class=""#,
            icon_class!(),
            r#"" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">"#,
            $($shape),+,
            "</svg>"
        )
    };
}
// An outlined path.
macro_rules! stroke {
    ($d:literal) => {
        concat!(
            r#"<path d=""#,
            $d,
            r#"" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"></path>"#
        )
    };
}
// A filled path.
macro_rules! fill {
    ($d:literal) => {
        concat!(r#"<path d=""#, $d, r#"" fill="currentColor"></path>"#)
    };
}

// Chat bubble with a tail, a handset inside.
const WHATSAPP: &str = icon!(
    stroke!("M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z"),
    fill!("M9 8.2c.3-.4.8-.4 1 0l.8 1.6c.1.3 0 .6-.2.8l-.5.5a6 6 0 0 0 2.8 2.8l.5-.5c.2-.2.5-.3.8-.2l1.6.8c.4.2.4.7 0 1-.6.7-1.5 1-2.4.7a8.4 8.4 0 0 1-5.1-5.1c-.3-.9 0-1.8.7-2.4z")
);
// A lower-case "f".
const FACEBOOK: &str = icon!(fill!(
    "M13.5 21v-7.5h2.6l.4-3h-3V8.6c0-.9.3-1.5 1.5-1.5h1.6V4.4A21 21 0 0 0 14.3 4.3c-2.3 0-3.8 1.4-3.8 4V10.5H8v3h2.5V21z"
));
// Two crossing strokes.
const X: &str = icon!(stroke!(
    "M5 4h3.6l10.4 16h-3.6zM18.4 4 13.3 9.8M10.6 14.3 5.6 20"
));
// A paper plane.
const TELEGRAM: &str = icon!(stroke!(
    "M21 4 3 11l6 2.2M21 4l-3 16-7.5-5.2M21 4 9 13.2v5.3l2.6-3.4"
));
// A rounded speech bubble.
const LINE: &str = icon!(stroke!(
    "M12 4c5 0 9 3.1 9 7 0 3.9-4.6 7.2-9.5 9.2-.6.2-.7-.3-.6-.8l.3-1.5C6.5 17.4 3 14.5 3 11c0-3.9 4-7 9-7z"
));
// "in": a dot, a bar and an arch.
const LINKEDIN: &str = icon!(
    r#"<circle cx="6" cy="6" r="1.8" fill="currentColor"></circle>"#,
    fill!("M4.5 9.5h3V20h-3zM10 9.5h2.9v1.5c.5-.9 1.7-1.8 3.4-1.8 3 0 3.7 2 3.7 4.6V20h-3v-5.5c0-1.3-.2-2.6-1.8-2.6s-2.2 1.2-2.2 2.6V20h-3z")
);
// An envelope.
const EMAIL: &str = icon!(stroke!("M3.5 6h17v12h-17zM3.5 6l8.5 7 8.5-7"));
// Two chain links.
const COPY: &str = icon!(stroke!(
    "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
));
// An arrow leaving a tray.
const NATIVE: &str = icon!(stroke!("M12 15V3.5M7.5 8 12 3.5 16.5 8M5 12v7.5h14V12"));

/// The icon for a share target.
pub fn share_icon(network: ShareNetwork) -> Html {
    Html::from_html_unchecked(AttrValue::Static(match network {
        ShareNetwork::Whatsapp => WHATSAPP,
        ShareNetwork::Facebook => FACEBOOK,
        ShareNetwork::X => X,
        ShareNetwork::Telegram => TELEGRAM,
        ShareNetwork::Line => LINE,
        ShareNetwork::Linkedin => LINKEDIN,
        ShareNetwork::Email => EMAIL,
        ShareNetwork::Copy => COPY,
        ShareNetwork::Native => NATIVE,
    }))
}
