//! The page model: what a front-end reads from its input and hands to the
//! core, and the page importers' options and errors. A leaf.

use crate::model::Problem;

/// Facts the page may not carry.
#[derive(Clone, Debug, Default)]
pub struct PageOptions {
    /// Canonical article URL; wins over what the page declares.
    pub url: Option<String>,
}

/// Why a page could not become a valid article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageImportError {
    /// No canonical URL in the page and none given.
    NoUrl,
    /// No headline anywhere.
    NoTitle,
    /// No article text found.
    NoBody,
    /// The input is not what the importer reads (bad JSON, not a post).
    Unreadable(String),
    /// The result still breaks the contract; one entry per problem.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for PageImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoUrl => f.write_str(
                "the page declares no canonical URL (JSON-LD url, og:url or <link rel=canonical>); pass --url",
            ),
            Self::NoTitle => f.write_str("the page has no headline (JSON-LD, og:title, <h1> or <title>)"),
            Self::NoBody => f.write_str("no article text found in the page"),
            Self::Unreadable(why) => f.write_str(why),
            Self::Invalid(problems) => {
                f.write_str("the imported article is not valid: ")?;
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("; "))
            }
        }
    }
}

impl std::error::Error for PageImportError {}

/// An image the page declares for the article (the share picture).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaImage {
    /// URL as written (may be relative).
    pub src: String,
    /// Pixel size, when declared.
    pub width: Option<u32>,
    /// Pixel size, when declared.
    pub height: Option<u32>,
    /// `og:image:alt` or the JSON-LD caption.
    pub alt: Option<String>,
    /// JSON-LD caption.
    pub caption: Option<String>,
}

/// A writer as the page names them.
#[derive(Clone, Debug, PartialEq)]
pub struct MetaAuthor {
    /// Name.
    pub name: String,
    /// Profile URL as written (may be relative).
    pub url: Option<String>,
}

/// Article facts gathered before the body is read. URLs are as the page
/// wrote them; the caller resolves them against the base.
#[derive(Clone, Debug, Default)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Standfirst or description.
    pub summary: Option<String>,
    /// RFC 3339 publication time.
    pub published: Option<String>,
    /// RFC 3339 update time.
    pub updated: Option<String>,
    /// Writers.
    pub authors: Vec<MetaAuthor>,
    /// Lead picture.
    pub image: Option<MetaImage>,
    /// Publication's name.
    pub site_name: Option<String>,
    /// Publication's home page.
    pub site_url: Option<String>,
    /// Canonical article URL.
    pub url: Option<String>,
    /// Language tag as declared (`id`, `id_ID`, `en-US`).
    pub lang: Option<String>,
    /// Section ("Internasional").
    pub kicker: Option<String>,
    /// `<base href>`, which relative links resolve against first.
    pub base: Option<String>,
    /// Where each field came from, for the notes ("title from og:title").
    pub sources: Vec<(&'static str, &'static str)>,
}

impl PageMeta {
    /// Fills the fields still empty from `other`, recording where they came from.
    pub(in crate::import) fn fill_from(&mut self, other: PageMeta, source: &'static str) {
        macro_rules! take {
            ($field:ident) => {
                if self.$field.is_none() && other.$field.is_some() {
                    self.$field = other.$field;
                    self.sources.push((stringify!($field), source));
                }
            };
        }
        take!(title);
        take!(summary);
        take!(published);
        take!(updated);
        take!(image);
        take!(site_name);
        take!(site_url);
        take!(url);
        take!(lang);
        take!(kicker);
        take!(base);
        if self.authors.is_empty() && !other.authors.is_empty() {
            self.authors = other.authors;
            self.sources.push(("authors", source));
        }
    }

    /// Where a field came from, if it was found.
    pub fn source_of(&self, field: &str) -> Option<&'static str> {
        self.sources
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, source)| *source)
    }
}
