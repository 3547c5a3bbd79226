//! The article's language: the one place that reads the `lang` tag and
//! formats everything in the widget's own words (labels, dates, page locale)
//! for it. The default tag is the contract's ([`DEFAULT_TAG`], from the
//! model).
//!
//! Indonesian and English are complete. Any other tag gets Indonesian,
//! whole: interface words and dates come from one language, never a mix.

use crate::labels::{Labels, ENGLISH, INDONESIAN};
use crate::model::{parse_rfc3339, DateTime};

// The default is the contract's, so the model declares it (it fills in
// `lang`); this module reads it like any other.
pub use crate::model::DEFAULT_TAG;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// Bahasa Indonesia, the default.
    #[default]
    Indonesian,
    /// English.
    English,
}

impl Language {
    /// The language for a BCP 47 tag (`id`, `en-GB`, …), by its primary
    /// subtag; anything else is Indonesian.
    pub fn from_tag(tag: &str) -> Self {
        match primary_subtag(tag).as_str() {
            "en" => Language::English,
            _ => Language::Indonesian,
        }
    }

    /// The widget's fixed words in this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Language::Indonesian => &INDONESIAN,
            Language::English => &ENGLISH,
        }
    }

    /// A timestamp as readers expect it: "Kamis, 16 Mei 2024 07:12 WIB",
    /// "Thursday, 16 May 2024, 07:12 WIB".
    pub fn format_time(self, t: &DateTime) -> String {
        let (weekdays, months, comma) = match self {
            Language::Indonesian => (&WEEKDAYS_ID, &MONTHS_ID, ""),
            Language::English => (&WEEKDAYS_EN, &MONTHS_EN, ","),
        };
        format!(
            "{}, {} {} {}{comma} {:02}:{:02} {}",
            weekdays[t.weekday()],
            t.day,
            months[usize::from(t.month) - 1],
            t.year,
            t.hour,
            t.minute,
            t.zone_label()
        )
    }

    /// An RFC 3339 timestamp from the article, formatted; shown as written
    /// if it does not parse (validation refuses that before it gets here).
    pub fn display_time(self, text: &str) -> String {
        parse_rfc3339(text).map_or_else(|| text.to_owned(), |t| self.format_time(&t))
    }
}

/// Open Graph's `og:locale` for a tag: `id` → `id_ID`, `en` → `en_US`,
/// `pt-BR` → `pt_BR`; a language without a region stands alone.
pub fn og_locale(tag: &str) -> String {
    let primary = primary_subtag(tag);
    let region = tag
        .split('-')
        .skip(1)
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()));
    match (primary.as_str(), region) {
        (_, Some(region)) => format!("{primary}_{}", region.to_ascii_uppercase()),
        ("id", None) => "id_ID".to_owned(),
        ("en", None) => "en_US".to_owned(),
        (_, None) => primary,
    }
}

fn primary_subtag(tag: &str) -> String {
    tag.split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const WEEKDAYS_ID: [&str; 7] = [
    "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
