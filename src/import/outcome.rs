//! What every importer hands back: the article with its notes, or why it
//! cannot make one. A leaf: the importers above all use it.

use crate::model::limits::MAX_INPUT_BYTES;
use crate::model::{Article, Problem};

/// Facts the text does not carry.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Canonical article URL. Without it one is guessed from site and title.
    pub url: Option<String>,
}

/// The imported article and what the importer had to guess or skip.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article.
    pub article: Article,
    /// One sentence per guess or deliberate skip, for the user to review.
    /// Each is one line: notes never quote the text.
    pub notes: Vec<String>,
}

/// Why text could not be imported. Every message is one line and quotes
/// nothing from the text, so no input can forge or garble it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The text has no line that could be a headline.
    NoTitle,
    /// The text has a headline but nothing for the body.
    NoBody,
    /// The text is larger than an article document may be.
    TooLarge {
        /// Size of the text, in bytes.
        bytes: usize,
    },
    /// The article the text makes would break the contract (a field over
    /// its limit, an invalid `--url`); every problem, in document order.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NoTitle => {
                f.write_str("the text has no headline (it is empty or only a site name)")
            }
            ImportError::NoBody => f.write_str(
                "the text has a headline but no body paragraphs (an article needs at least one)",
            ),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the text is {bytes} bytes; at most {MAX_INPUT_BYTES} are imported, the size limit of an article"
            ),
            ImportError::Invalid(problems) => {
                f.write_str("the imported article would be invalid: ")?;
                match problems.split_first() {
                    Some((first, [])) => write!(f, "{first}"),
                    Some((first, rest)) => write!(f, "{first} (and {} more)", rest.len()),
                    None => f.write_str("no reason given"),
                }
            }
        }
    }
}

impl std::error::Error for ImportError {}
