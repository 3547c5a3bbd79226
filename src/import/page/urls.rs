//! Links as the contract takes them: resolved against the page's base,
//! http(s) only (and `mailto:` for text links), within the URL limit.

use url::Url;

use crate::model::limits::MAX_URL_CHARS;

/// A link as http(s), resolved against the base; `None` for any other scheme.
pub fn resolve_web(base: &Url, raw: &str) -> Option<String> {
    let url = base.join(raw.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
        .then(|| url.to_string())
        .filter(|u| u.len() <= MAX_URL_CHARS)
}

/// Like [`resolve_web`] but also keeps `mailto:` (for text links and authors).
pub fn resolve_link(base: &Url, raw: &str) -> Option<String> {
    let url = base.join(raw.trim()).ok()?;
    if url.scheme() == "mailto" {
        return (!url.path().is_empty() && url.as_str().len() <= MAX_URL_CHARS)
            .then(|| url.to_string());
    }
    resolve_web(base, raw)
}

/// The URL without its query and fragment, for telling whether two links
/// show the same picture (`a.jpg?w=800` and `a.jpg`).
pub fn strip_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}
