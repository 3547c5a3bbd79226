//! Size limits for input. Generous for any real article, small enough that a
//! hostile page cannot make a reader's phone parse or render without end.

/// Largest JSON document accepted, in bytes (5 MiB).
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;
/// Most body blocks in one article.
pub const MAX_BLOCKS: usize = 10_000;
/// Longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 4_096;
/// Most items in any other list (authors, inline runs, latest, partner links).
pub const MAX_LIST_ITEMS: usize = 1_000;
/// Deepest nesting of arrays and objects accepted: serde_json's own limit.
/// The browser checks it before parsing, so a hostile document cannot
/// exhaust the stack of the decoder.
pub const MAX_NESTING: usize = 127;

/// Whether JSON text nests arrays and objects deeper than [`MAX_NESTING`].
/// A byte scan that skips strings; it does not check the syntax.
pub fn nests_too_deep(json: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in json.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}
