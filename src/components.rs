//! The widget's Yew components, one per file, plus two view functions
//! (paragraphs, icons) for markup too frequent or too small to be a component.
//! They render the same markup on the server and in the browser: no browser
//! APIs while rendering, no clock, no randomness.

mod ad_slot;
mod article_list;
mod article_view;
mod body;
mod figure;
mod footer;
mod header;
mod icons;
mod link_list;
mod paragraph;
mod read_also;
mod share_bar;

pub use article_list::{ArticleList, ArticleListProps, ListLink, ListedArticle};
pub use article_view::{ArticleView, ArticleViewProps, PrerenderedIsland};
pub use body::{ArticleBody, ArticleBodyProps};
pub use figure::{Figure, FigureProps};
pub use footer::{ArticleFooter, ArticleFooterProps};
pub use header::{ArticleHeader, ArticleHeaderProps};
pub use link_list::{LinkList, LinkListProps};
pub use read_also::{ReadAlsoCard, ReadAlsoCardProps};
pub use share_bar::{ShareBar, ShareBarProps};
