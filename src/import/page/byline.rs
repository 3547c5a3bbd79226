//! The writer's name from a byline, when the page names no author.

use super::text::clean;

/// "Oleh: Name", "By Name", "Penulis : Name", "Name | Selasa, 12 Maret
/// 2024 09:15 WIB" → "Name".
pub fn byline_name(byline: &str) -> Option<String> {
    let text = clean(byline);
    let text = without_dateline(&text).to_owned();
    // ASCII lower case keeps byte offsets, so `text` can be cut where `lower` matched.
    let lower = text.to_ascii_lowercase();
    let mut rest = text.as_str();
    for prefix in ["oleh", "by", "penulis", "reporter", "written by"] {
        if lower.starts_with(prefix) {
            let after = &text[prefix.len()..];
            if after.starts_with([' ', ':']) {
                rest = after.trim_start_matches([' ', ':']);
                break;
            }
        }
    }
    let name = rest.trim();
    (!name.is_empty() && name.chars().count() <= 120).then(|| name.to_owned())
}

/// A byline without the date written before or after the name: only a part
/// made wholly of date words (and holding a digit) is taken off, so a
/// name, or a site after the name, is never lost.
fn without_dateline(byline: &str) -> &str {
    let mut cuts: Vec<(usize, usize)> = [" | ", " - ", " – ", " — ", " · ", " • ", " / ", ", "]
        .iter()
        .flat_map(|sep| byline.match_indices(sep))
        .map(|(at, sep)| (at, at + sep.len()))
        .collect();
    cuts.sort_unstable();
    let named = |part: &str| !part.trim().is_empty();
    // The earliest cut with only a date after it; else the latest with only a date before.
    if let Some(&(at, _)) = cuts
        .iter()
        .find(|&&(at, end)| is_dateline(&byline[end..]) && named(&byline[..at]))
    {
        return byline[..at].trim();
    }
    if let Some(&(_, end)) = cuts
        .iter()
        .rev()
        .find(|&&(at, end)| is_dateline(&byline[..at]) && named(&byline[end..]))
    {
        return byline[end..].trim();
    }
    byline
}

/// "Selasa, 12 Maret 2024 09:15 WIB", "12/03/2024", "March 12, 2024 at 9:15 am".
fn is_dateline(text: &str) -> bool {
    // Days, months and their short forms (Indonesian, English), time zones, lead-ins.
    const WORDS: &str = "senin selasa rabu kamis jumat jum'at sabtu minggu ahad \
        monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun \
        januari februari maret april mei juni juli agustus september oktober november desember \
        january february march may june july august october december \
        jan feb mar apr jun jul agu agt aug sep sept okt oct nov des dec \
        wib wita wit utc gmt pukul jam at on am pm published updated diterbitkan diperbarui";
    let lower = text.to_lowercase();
    let is_date_word = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        word.is_empty()
            || word.chars().all(|c| c.is_ascii_digit() || ":./-".contains(c))
            || WORDS.split_whitespace().any(|w| w == word)
            // "12th"
            || ["st", "nd", "rd", "th"].iter().any(|s| {
                word.strip_suffix(s)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    lower.contains(|c: char| c.is_ascii_digit()) && lower.split_whitespace().all(is_date_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_labels() {
        assert_eq!(
            byline_name("Oleh: Rina Wulandari").as_deref(),
            Some("Rina Wulandari")
        );
        assert_eq!(byline_name("By Jane Doe").as_deref(), Some("Jane Doe"));
        // Letters whose lower case is longer must not shift the cut.
        assert_eq!(byline_name("İİ by x").as_deref(), Some("İİ by x"));
    }

    #[test]
    fn bylines_lose_their_dateline() {
        for (byline, name) in [
            (
                "Rina Kurniasih | Selasa, 12 Maret 2024 09:15 WIB",
                "Rina Kurniasih",
            ),
            ("Rina Kurniasih - Selasa, 12 Maret 2024", "Rina Kurniasih"),
            (
                "Oleh Rina Kurniasih · 12/03/2024 09.15 WIB",
                "Rina Kurniasih",
            ),
            ("By Jane Doe — March 12, 2024 at 9:15 am", "Jane Doe"),
            (
                "Kamis, 16 Mei 2024 07:12 WIB | Oleh: Rina, Dimas",
                "Rina, Dimas",
            ),
            ("Rina, Dimas, Selasa 12 Maret 2024", "Rina, Dimas"),
            // Not a date: nothing is taken off.
            ("Rina Kurniasih - Kabar Kota", "Rina Kurniasih - Kabar Kota"),
            ("Tim Liputan 6", "Tim Liputan 6"),
        ] {
            assert_eq!(byline_name(byline).as_deref(), Some(name), "{byline}");
        }
    }
}
