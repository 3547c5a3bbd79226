use std::rc::Rc;

use yew::prelude::*;

use crate::language::Language;
use crate::model::{Article, Block};

/// Words per minute used for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

/// Props of [`ArticleHeader`].
#[derive(Properties, PartialEq)]
pub struct ArticleHeaderProps {
    /// The article.
    pub article: Rc<Article>,
}

/// Site, kicker, headline, summary, byline, dates and reading time.
#[component]
pub fn ArticleHeader(props: &ArticleHeaderProps) -> Html {
    let article = &props.article;
    let language = Language::from_tag(&article.lang);
    let labels = language.labels();
    let minutes = reading_minutes(article);
    let authors = article.authors.iter().enumerate().map(|(i, author)| {
        let separator = if i == 0 { "" } else { ", " };
        html! {
            <>
                {separator}
                if let Some(url) = &author.url {
                    <a class="warta-byline__author" href={url.clone()} rel="author">{&author.name}</a>
                } else {
                    <span class="warta-byline__author">{&author.name}</span>
                }
            </>
        }
    });
    html! {
        // The site line and the meta line are divs: ad inserters count
        // the article's `p` elements as its paragraphs.
        <header class="warta-header">
            <div class="warta-header__site">
                if let Some(url) = &article.site.url {
                    <a href={url.clone()}>{&article.site.name}</a>
                } else {
                    {&article.site.name}
                }
                if let Some(kicker) = &article.kicker {
                    <span class="warta-header__kicker">{kicker}</span>
                }
            </div>
            <h1 class="warta-header__title">{&article.title}</h1>
            if let Some(summary) = &article.summary {
                <p class="warta-header__summary">{summary}</p>
            }
            <div class="warta-header__meta">
                if !article.authors.is_empty() {
                    <span class="warta-byline">{labels.by}{" "}{for authors}</span>
                }
                if let Some(published) = &article.published {
                    <time class="warta-header__published" datetime={published.clone()}>{language.display_time(published)}</time>
                }
                if let Some(updated) = &article.updated {
                    <span class="warta-header__updated">
                        {labels.updated}{" "}
                        <time datetime={updated.clone()}>{language.display_time(updated)}</time>
                    </span>
                }
                <span class="warta-header__reading">{format!("{minutes} {}", labels.minutes_read)}</span>
            </div>
        </header>
    }
}

/// Whole minutes to read the body, at least one.
pub(crate) fn reading_minutes(article: &Article) -> usize {
    let words: usize = article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(p) => match &p.text {
                Some(text) => text.split_ascii_whitespace().count(),
                None => p
                    .inlines
                    .iter()
                    .map(|run| run.text.split_ascii_whitespace().count())
                    .sum(),
            },
            Block::Heading(h) => h.text.split_ascii_whitespace().count(),
            Block::Quote(q) => q.text.split_ascii_whitespace().count(),
            Block::ReadAlso(_) | Block::Image(_) => 0,
        })
        .sum();
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}
