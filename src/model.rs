//! The article data contract: plain types, their validation, and nothing that
//! touches a browser or a renderer.
//!
//! The JSON is versioned ([`CONTRACT_VERSION`]) and camelCase. The structs in
//! `article.rs`, `block.rs` and `image.rs` are the one statement of every
//! field: serde derives the decoder and the writer from them, schemars
//! (`schema` feature) the JSON Schema that `warta schema` prints, and
//! `docs/contract.md` says how to change one. `read.rs` is the one reader,
//! native and in the browser.
//!
//! Imports run one way: each module uses only those after it in `read`,
//! `validate`, `article`, `block` (and its child `block/decode.rs`), `image`,
//! then the leaves `object`, `limits`, `schema` and `date`. Nothing here uses
//! a module outside the model; `language` uses the model.

mod article;
mod block;
mod date;
mod image;
pub mod limits;
mod object;
mod read;
#[cfg(feature = "schema")]
pub(crate) mod schema;
mod validate;

pub use article::{
    Article, Author, CustomNetwork, Follow, LinkItem, ShareNetwork, ShareSettings, ShareSubject,
    ShareTarget, Site, Utm, CONTRACT_VERSION, DEFAULT_TAG,
};
pub use block::{Block, Heading, Image, Paragraph, Quote, ReadAlso, Run};
pub use date::{days_from_civil, parse_rfc3339, DateTime};
pub use image::{ImageCandidate, ImageFormat};
pub(crate) use object::object_serde;
#[doc(hidden)] // for `object_serde!` outside the model (ad slots)
pub use object::ObjectOnly;
pub use read::{decode_article, read_article, summary, typed};
pub use validate::{
    check_version, custom_network_problems, is_web_link, one_line, validate, Problem,
    MAX_NETWORK_ID_CHARS, SHARE_PLACEHOLDERS,
};
