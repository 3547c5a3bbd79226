//! warta: an embeddable news-article widget.
//!
//! A publisher's page carries an article as JSON ([`model::Article`]). The
//! same Yew components render it on the server (feature `ssr`) and hydrate it
//! in the browser (feature `hydration`; feature `island` builds the smaller
//! client that only hydrates share bars, see [`client`]).
//!
//! ```
//! use warta::import::{import_text, ImportOptions};
//! use warta::model::validate;
//!
//! let text = "example.com\n\nJudul Berita\n\nParagraf pertama.\n\nBaca juga : Berita lain\n";
//! let imported = import_text(text, &ImportOptions::default()).unwrap();
//! assert_eq!(imported.article.title, "Judul Berita");
//! assert!(validate(&imported.article).is_empty());
//! ```
#![deny(missing_docs)]

pub mod ad_slots;
pub mod browser;
#[cfg(feature = "cli")]
pub mod build;
#[cfg(all(feature = "island", target_arch = "wasm32"))]
pub mod client;
pub mod components;
pub mod embed;
pub mod import;
#[cfg(feature = "cli")]
pub mod integrity;
#[cfg(feature = "page")]
pub mod json;
pub mod labels;
pub mod language;
pub mod model;
#[cfg(feature = "page")]
pub mod page;
#[cfg(feature = "ssr")]
pub mod render;
pub mod share;
pub mod text;
