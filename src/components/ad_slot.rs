//! An in-article ad slot. A view function: it has no behaviour, and the
//! browser never re-renders it (see [`crate::ad_slots`]).
//!
//! The element with the slot's id is empty, as ad scripts expect. Beside it,
//! in the same grid cell, an invisible SVG of the reserved height holds the
//! space open; an SVG's `height` attribute works under a strict
//! Content-Security-Policy, where an inline `style` would be refused. The
//! slot element carries `data-warta-ad` and its wrapper the paragraph it
//! follows (`embed::AD_SLOT_ATTR`, `embed::AD_AFTER_ATTR`).

use yew::prelude::*;

use crate::ad_slots::AdSlot;

pub(crate) fn ad_slot_view(slot: &AdSlot) -> Html {
    let spacer = |class: &'static str, px: u32| {
        html! {
            <svg class={classes!("warta-ad__space", class)} width="1" height={px.to_string()} aria-hidden="true" focusable="false"></svg>
        }
    };
    html! {
        <div class="warta-ad" data-warta-ad-after={slot.after.to_string()}>
            if let Some(label) = &slot.label {
                // Not a `p`: ad inserters count those as the body's paragraphs.
                <div class="warta-ad__label">{label}</div>
            }
            <div class="warta-ad__box">
                {spacer("warta-ad__space--phone", slot.min_height.phone)}
                {spacer("warta-ad__space--desktop", slot.min_height.desktop)}
                <div class="warta-ad__slot" id={slot.id.clone()} data-warta-ad=""></div>
            </div>
        </div>
    }
}
