//! What the full client reads of a mount's JSON, and its reader for whole
//! articles.

use std::rc::Rc;

use crate::model::ShareSubject;
use crate::model::{self, Article};

/// What a mount's JSON was read as.
pub(in crate::client) enum Source {
    /// The whole article, decoded and validated.
    Article(Rc<Article>),
    /// Only what the share bar needs (`attach::rendered_from` held), and
    /// the text, read in full later if the whole article must be rendered
    /// after all.
    Subject {
        subject: Rc<ShareSubject>,
        text: String,
    },
}

impl Source {
    /// What the share bar needs.
    pub(super) fn subject(&self) -> Rc<ShareSubject> {
        match self {
            Source::Article(article) => Rc::new(ShareSubject::from(&**article)),
            Source::Subject { subject, .. } => subject.clone(),
        }
    }

    /// The whole article, read now if only the subject was.
    pub(super) fn article(self) -> Result<Rc<Article>, String> {
        match self {
            Source::Article(article) => Ok(article),
            Source::Subject { text, .. } => read_article(&text).map(Rc::new),
        }
    }
}

/// Reads, decodes and validates the article with the one reader
/// (`model::read_article`, serde_json, the CLI's very code).
pub(super) fn read_article(text: &str) -> Result<Article, String> {
    model::read_article(text).map_err(|problems| model::summary(&problems))
}
