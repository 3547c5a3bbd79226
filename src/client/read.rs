//! Reading a mount's JSON copy, through the one reader.

use web_sys::Element;

use crate::model::{self, Article};
use crate::share::ShareSubject;

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

/// The text of the mount's JSON copy.
pub(super) fn script_text(mount: &Element) -> Result<String, ReadError> {
    let script = data_script(mount).ok_or(ReadError::NoScript)?;
    Ok(script.text_content().unwrap_or_default())
}

/// Reads, decodes and validates the article with the one reader
/// (`model::read_article`, serde_json, the CLI's very code).
pub(super) fn read_article(text: &str) -> Result<Article, ReadError> {
    model::read_article(text).map_err(|problems| ReadError::Invalid(model::summary(&problems)))
}

/// Reads only what the share bar needs, for markup whose fingerprint says
/// the server rendered it from exactly this text (and so validated it). The
/// URL the bar links to is still checked, as no fingerprint is a proof.
/// `None` if anything fails; the caller then reads the whole article,
/// which says why.
pub(super) fn read_subject(text: &str) -> Option<ShareSubject> {
    let subject: ShareSubject = serde_json::from_str(text).ok()?;
    model::is_web_link(&subject.url).then_some(subject)
}
