use std::rc::Rc;

use yew::prelude::*;

use crate::language::Language;
use crate::model::Article;

/// Props of [`ArticleFooter`].
#[derive(Properties, PartialEq)]
pub struct ArticleFooterProps {
    /// The article.
    pub article: Rc<Article>,
}

/// Source tag, editor credit and the follow call-to-action.
#[component]
pub fn ArticleFooter(props: &ArticleFooterProps) -> Html {
    let article = &props.article;
    let labels = Language::from_tag(&article.lang).labels();
    html! {
        <footer class="warta-footer">
            if let Some(tag) = &article.source_tag {
                <p class="warta-footer__source">{labels.source}{": "}<span class="warta-footer__tag">{tag}</span></p>
            }
            if let Some(editor) = &article.editor {
                <p class="warta-footer__editor">{labels.editor}{": "}<span class="warta-footer__name">{editor}</span></p>
            }
            if let Some(follow) = &article.follow {
                <aside class="warta-follow" aria-label={labels.follow}>
                    <p class="warta-follow__text">{&follow.text}</p>
                    if follow.google_news.is_some() || follow.whatsapp_channel.is_some() {
                        <p class="warta-follow__links">
                            if let Some(url) = &follow.google_news {
                                <a class="warta-follow__link" href={url.clone()}>{labels.google_news}</a>
                            }
                            if let Some(url) = &follow.whatsapp_channel {
                                <a class="warta-follow__link" href={url.clone()}>{labels.whatsapp_channel}</a>
                            }
                        </p>
                    }
                </aside>
            }
        </footer>
    }
}
