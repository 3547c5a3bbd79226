use std::rc::Rc;

use yew::prelude::*;

use super::figure::Figure;
use crate::language::Language;
use crate::model::Image;

/// One article on a list page.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedArticle {
    /// Link to its page, relative to the list page.
    pub href: String,
    /// The headline.
    pub title: String,
    /// The standfirst.
    pub summary: Option<String>,
    /// The lead photo (shown without its caption).
    pub hero: Option<Image>,
    /// First publication, RFC 3339.
    pub published: Option<String>,
    /// The section (kicker).
    pub section: Option<String>,
}

/// A link beside the list: another page of it, or a section.
#[derive(Clone, Debug, PartialEq)]
pub struct ListLink {
    /// Link text.
    pub label: String,
    /// Relative link.
    pub href: String,
}

/// Props of [`ArticleList`].
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The page's heading (the site's name, or the section's).
    pub heading: AttrValue,
    /// The articles of this page, newest first.
    pub items: Rc<Vec<ListedArticle>>,
    /// 1-based number of this page and how many there are.
    pub page: (usize, usize),
    /// The previous and next pages, when there are.
    #[prop_or_default]
    pub previous: Option<String>,
    /// See `previous`.
    #[prop_or_default]
    pub next: Option<String>,
    /// The site's sections, for the navigation above the list.
    #[prop_or_default]
    pub sections: Rc<Vec<ListLink>>,
    /// Interface language. Default Indonesian.
    #[prop_or_default]
    pub language: Language,
}

/// The words of a list page.
struct ListWords {
    sections: &'static str,
    pages: &'static str,
    previous: &'static str,
    next: &'static str,
    page_of: fn(usize, usize) -> String,
}

fn words(language: Language) -> ListWords {
    match language {
        Language::Indonesian => ListWords {
            sections: "Kanal",
            pages: "Halaman",
            previous: "Sebelumnya",
            next: "Berikutnya",
            page_of: |n, of| format!("Halaman {n} dari {of}"),
        },
        Language::English => ListWords {
            sections: "Sections",
            pages: "Pages",
            previous: "Previous",
            next: "Next",
            page_of: |n, of| format!("Page {n} of {of}"),
        },
    }
}

/// A list page's content: its heading, the sections, the newest articles
/// (headline, hero, summary, time) as cards in the article's styles, and
/// plain links to the other pages, which work without any script.
#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let language = props.language;
    let words = words(language);
    let (page, pages) = props.page;
    let items = props.items.iter().enumerate().map(|(i, item)| {
        let hero = item.hero.clone().map(|hero| Image {
            caption: None,
            credit: None,
            ..hero
        });
        html! {
            <li class="warta-list__item">
                <article class="warta-card">
                    if let Some(section) = &item.section {
                        <p class="warta-card__section">{section}</p>
                    }
                    <h2 class="warta-card__title"><a class="warta-card__link" href={item.href.clone()}>{&item.title}</a></h2>
                    if let Some(hero) = hero {
                        // The first card's photo is in the first screen: loaded at once.
                        <Figure image={hero} hero={page == 1 && i == 0} {language} />
                    }
                    if let Some(summary) = &item.summary {
                        <p class="warta-card__summary">{summary}</p>
                    }
                    if let Some(published) = &item.published {
                        <time class="warta-card__time" datetime={published.clone()}>{language.display_time(published)}</time>
                    }
                </article>
            </li>
        }
    });
    html! {
        <main class="warta-list">
            <h1 class="warta-list__heading">{&props.heading}</h1>
            if !props.sections.is_empty() {
                <nav class="warta-list__sections" aria-label={words.sections}>
                    <ul>
                        {for props.sections.iter().map(|s| html! {
                            <li><a href={s.href.clone()}>{&s.label}</a></li>
                        })}
                    </ul>
                </nav>
            }
            <ol class="warta-list__items">{for items}</ol>
            if pages > 1 {
                <nav class="warta-list__pages" aria-label={words.pages}>
                    if let Some(href) = &props.previous {
                        <a rel="prev" href={href.clone()}>{words.previous}</a>
                    }
                    <span aria-current="page">{(words.page_of)(page, pages)}</span>
                    if let Some(href) = &props.next {
                        <a rel="next" href={href.clone()}>{words.next}</a>
                    }
                </nav>
            }
        </main>
    }
}
