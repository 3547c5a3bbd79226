//! Shortening text for places with a length limit (posts on X, meta
//! descriptions).

/// At most `max` characters: cut at a word break when one is near the end,
/// trailing punctuation dropped, and "…" added. Text that fits is returned
/// as it is.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() > max * 3 / 4 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("pendek", 10), "pendek");
        assert_eq!(
            shorten("satu dua tiga empat lima", 20),
            "satu dua tiga empat…"
        );
        assert_eq!(shorten("satu, dua, tiga, empat", 18), "satu, dua, tiga…");
        // No word break near the end: cut inside the word.
        assert_eq!(shorten("a bcdefghijklmnopqrstuvwxyz", 10), "a bcdefgh…");
        assert_eq!(shorten(&"🎉".repeat(20), 10).chars().count(), 10);
    }
}
