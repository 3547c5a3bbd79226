//! Reading a mount's JSON copy, through the one reader.

use web_sys::Element;

use crate::model::{self, Article};

/// The mount's JSON script.
const DATA_SELECTOR: &str = ":scope > script[data-warta-data]";

/// Why a mount's article could not be read.
pub(super) enum ReadError {
    /// The JSON script is not there (yet: a page may add it later).
    NoScript,
    /// The JSON is unusable, for this reason.
    Invalid(String),
}

impl ReadError {
    pub(super) fn message(&self) -> String {
        match self {
            ReadError::NoScript => {
                "the mount has no <script type=\"application/json\" data-warta-data> with the article"
                    .to_owned()
            }
            ReadError::Invalid(message) => message.clone(),
        }
    }
}

pub(super) fn data_script(mount: &Element) -> Option<Element> {
    mount.query_selector(DATA_SELECTOR).ok().flatten()
}

/// Reads, decodes and validates the mount's JSON copy with the one reader
/// (`model::read_article`, serde_json, the CLI's very code): the article
/// and the exact text it came from (for the fingerprint).
pub(super) fn read_article(mount: &Element) -> Result<(Article, String), ReadError> {
    let script = data_script(mount).ok_or(ReadError::NoScript)?;
    let text = script.text_content().unwrap_or_default();
    match model::read_article(&text) {
        Ok(article) => Ok((article, text)),
        Err(problems) => Err(ReadError::Invalid(model::summary(&problems))),
    }
}
