//! The notes the block walk and the image reader leave for the user.

use std::collections::BTreeMap;

/// What the walk guessed or dropped, counted so each kind is one note.
#[derive(Default)]
pub struct BodyNotes {
    pub(super) links_dropped: usize,
    pub(super) lists: usize,
    pub(super) tables: usize,
    pub(super) alt_from_caption: usize,
    pub(super) alt_from_title: usize,
    pub(super) credits_guessed: usize,
    pub(super) read_also_without_link: usize,
    pub(super) embeds_skipped: usize,
    pub(super) images_without_src: usize,
    /// Figures with no picture and no text, by the element they held ("" when empty).
    pub(super) figures_skipped: BTreeMap<String, usize>,
}

impl BodyNotes {
    /// One sentence per kind of guess, in a fixed order.
    pub fn into_notes(self, notes: &mut Vec<String>) {
        let lines = [
            (
                self.links_dropped,
                "link(s) with a scheme other than http, https or mailto kept as plain text",
            ),
            (self.lists, "list(s) became one paragraph per item"),
            (self.tables, "table(s) became one paragraph per row"),
            (
                self.alt_from_caption,
                "image(s) without alt text use their caption as alt",
            ),
            (
                self.alt_from_title,
                "image(s) without alt text or caption use the headline as alt",
            ),
            (
                self.credits_guessed,
                "photo credit(s) taken from the end of the caption",
            ),
            (
                self.read_also_without_link,
                "\"Baca juga\" card(s) have no link",
            ),
            (
                self.embeds_skipped,
                "embedded video/iframe figure(s) skipped",
            ),
            (
                self.images_without_src,
                "image(s) without a usable src skipped",
            ),
        ];
        for (count, what) in lines {
            if count > 0 {
                notes.push(format!("{count} {what}"));
            }
        }
        for (held, count) in self.figures_skipped {
            notes.push(if held.is_empty() {
                format!("{count} empty figure(s) skipped")
            } else {
                format!("{count} figure(s) holding only <{held}> skipped")
            });
        }
    }
}
