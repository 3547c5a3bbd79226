//! Phase 3: the lines after the head, split at the section headings. Each
//! section reads its own lines: a "Baca juga" or "Google News" line in a
//! link list is a list item, not a body card or a call-to-action.

use super::lines::Line;

/// The lines of each section, in order. A heading seen (even with nothing
/// under it) makes its list present, so the widget shows the section.
pub(super) struct Sections<'t> {
    pub body: Vec<&'t str>,
    pub latest: Option<Vec<&'t str>>,
    pub partners: Option<Vec<&'t str>>,
}

#[derive(Clone, Copy)]
enum Section {
    Body,
    Latest,
    Partners,
}

pub(super) fn split_sections<'t>(lines: &[Line<'t>]) -> Sections<'t> {
    let mut sections = Sections {
        body: Vec::new(),
        latest: None,
        partners: None,
    };
    let mut section = Section::Body;
    for line in lines {
        let text = line.text;
        if text.eq_ignore_ascii_case("terkini lainnya") {
            section = Section::Latest;
            sections.latest.get_or_insert_with(Vec::new);
        } else if text.eq_ignore_ascii_case("tautan sahabat") {
            section = Section::Partners;
            sections.partners.get_or_insert_with(Vec::new);
        } else {
            match section {
                Section::Body => sections.body.push(text),
                Section::Latest => sections.latest.get_or_insert_with(Vec::new).push(text),
                Section::Partners => sections.partners.get_or_insert_with(Vec::new).push(text),
            }
        }
    }
    sections
}
