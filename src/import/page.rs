//! The page core: what the HTML and WordPress importers share.
//!
//! A front-end (`html`: an article's web page; `wordpress`: a REST API post)
//! reads its input into the page model below — the facts the page declares
//! ([`PageMeta`]) and the body's DOM — and hands both on: [`blocks`] walks
//! the DOM into the contract's blocks, [`assemble`] builds the article and
//! fits it to the contract's limits.
//!
//! Three layers, each using only those below it (and the front-ends only
//! the core):
//!
//! 1. `assemble` builds the article, with `hero`, `byline` and `limits`;
//!    `blocks` walks the DOM, with `images` and `noise`.
//! 2. `hero`, `byline`, `limits`, `images`, `noise`.
//! 3. `text`, `urls`, `dom`, `notes`, and the page model (`meta`), which
//!    use nothing of the importer.

pub(super) mod assemble;
pub(super) mod blocks;
mod byline;
mod dom;
mod hero;
pub(super) mod images;
mod limits;
pub(super) mod noise;
pub(super) mod notes;
pub(super) mod text;
pub(super) mod urls;

pub(super) mod meta;

pub use meta::{MetaAuthor, MetaImage, PageImportError, PageMeta, PageOptions};
