//! The article data contract: plain types, their validation, and nothing that
//! touches a browser or a renderer.
//!
//! The JSON is versioned ([`CONTRACT_VERSION`]) and camelCase. Every type here
//! derives `JsonSchema` under the `schema` feature, so `warta schema` prints a
//! schema that cannot drift from the code.

mod article;
mod block;
mod block_decode;
mod date;
pub mod limits;
mod validate;

pub use article::{
    Article, Author, Follow, Image, ImageCandidate, ImageFormat, LinkItem, ShareNetwork,
    ShareSettings, Site, Utm, CONTRACT_VERSION,
};
pub use block::{Block, Heading, Paragraph, Quote, ReadAlso, Run};
pub use date::{parse_rfc3339, DateTime};
pub use validate::{check_version, validate, Problem};
