//! Phase 1: the text as non-blank lines, each with the blank-line-separated
//! group it belongs to (a caption sits in the headline's group).

/// One non-blank line, trimmed, and its group.
pub(super) struct Line<'a> {
    pub text: &'a str,
    pub group: usize,
}

/// Splits at `\n`, `\r\n` and a lone `\r` (old Mac files and some
/// scrapers), so no file becomes one long line.
pub(super) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut group = 0;
    let mut lines = Vec::new();
    for raw in raw_lines(text) {
        let text = raw.trim();
        if text.is_empty() {
            group += 1;
        } else {
            lines.push(Line { text, group });
        }
    }
    lines
}

/// Lines the way [`str::lines`] cuts them, with a lone `\r` as a break too.
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(end) = rest.find(['\r', '\n']) else {
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..end];
        let width = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[end + width..];
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, usize)> {
        split_lines(text)
            .into_iter()
            .map(|l| (l.text, l.group))
            .collect()
    }

    #[test]
    fn every_line_ending_breaks_a_line() {
        let expected = [("a", 0), ("b", 0), ("c", 1)];
        assert_eq!(texts("a\nb\n\nc\n"), expected);
        assert_eq!(texts("a\r\nb\r\n\r\nc\r\n"), expected);
        assert_eq!(texts("a\rb\r\rc\r"), expected);
        assert_eq!(texts("a\r\nb\n\rc"), expected);
        assert_eq!(texts("  a  \n\t\nb"), [("a", 0), ("b", 1)]);
    }
}
