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
/// The reader checks it before parsing, to say so in plain words.
pub const MAX_NESTING: usize = 127;

/// Whether `text` has more than `max` characters. Its byte length bounds the
/// count from above, so most texts are never counted: counting costs the
/// island bundle a lazily compiled function the first time it reads a URL.
pub fn more_chars_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}
