//! The home page (`index.html`) and a page per section listing the newest
//! articles, paginated (`page/2/` …): the [`ArticleList`] component,
//! rendered on the server in the article's styles. Nothing on them needs
//! the Wasm, so they load the stylesheet alone.
//!
//! Each ends with a stamp of what it shows (`<!-- warta-list HASH -->`, not
//! an article page's stamp, which `--prune` looks for), so a build renders
//! only the list pages whose articles changed.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use yew::LocalServerRenderer;

use super::archive::Entry;
use super::site::SiteOptions;
use crate::components::{ArticleList, ArticleListProps, ListLink, ListedArticle};
use crate::language::Language;

/// Articles per list page.
pub const PAGE_SIZE: usize = 20;

/// What one list (the home page's or a section's) is.
pub struct List<'a> {
    /// Its folder under OUT, `/`-separated, empty or ending with `/`.
    pub folder: String,
    /// Heading and title.
    pub heading: String,
    /// Its articles, newest first.
    pub entries: Vec<&'a Entry>,
}

/// The pages of a list: (path under OUT, HTML, or `None` when the page
/// in `out` already shows exactly this). Page 1 is `FOLDER/index.html`,
/// page n `FOLDER/page/n/index.html`.
pub fn list_pages(
    out: &Path,
    list: &List<'_>,
    sections: &[(String, String)],
    base_url: &str,
    options: &SiteOptions,
) -> Vec<(String, Option<String>)> {
    let asset_base = options.asset_base.as_deref();
    let integrity = options.stylesheet_integrity.as_deref();
    let chunks: Vec<&[&Entry]> = if list.entries.is_empty() {
        vec![&[]]
    } else {
        list.entries.chunks(PAGE_SIZE).collect()
    };
    let pages = chunks.len();
    let language = list
        .entries
        .first()
        .map_or(Language::Indonesian, |e| Language::from_tag(&e.lang));
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            let number = i + 1;
            let dir = page_dir(&list.folder, number);
            // From this page back to OUT's root.
            let up = "../".repeat(dir.matches('/').count());
            let stamp = stamp(&[
                &dir,
                &list.heading,
                // The list's language (its newest article's) sets the page's words.
                list.entries.first().map_or("", |e| e.lang.as_str()),
                &pages.to_string(),
                asset_base.unwrap_or(""),
                integrity.unwrap_or(""),
                base_url,
                &serde_json::to_string(chunk).expect("entries serialise"),
                &serde_json::to_string(sections).expect("sections serialise"),
            ]);
            let stamp_line = format!("<!-- warta-list {stamp} -->\n");
            let path = format!("{dir}index.html");
            if ends_with(&out.join(&path), &stamp_line) {
                return (path, None);
            }
            let link_to = |target: String| format!("{up}{target}");
            let items = chunk
                .iter()
                .map(|entry| ListedArticle {
                    href: link_to(href_path(&entry.page_dir())),
                    title: entry.title.clone(),
                    summary: entry.summary.clone(),
                    hero: entry.hero.clone(),
                    published: entry.published.clone(),
                    section: entry.section.clone(),
                })
                .collect();
            let props = ArticleListProps {
                heading: list.heading.clone().into(),
                items: Rc::new(items),
                page: (number, pages),
                previous: (number > 1).then(|| link_to(page_dir(&list.folder, number - 1))),
                next: (number < pages).then(|| link_to(page_dir(&list.folder, number + 1))),
                sections: Rc::new(
                    sections
                        .iter()
                        .map(|(label, folder)| ListLink {
                            label: label.clone(),
                            href: link_to(folder.clone()),
                        })
                        .collect(),
                ),
                language,
            };
            let markup = futures::executor::block_on(
                LocalServerRenderer::<ArticleList>::with_props(props)
                    .hydratable(false)
                    .render(),
            );
            let title = if number == 1 {
                list.heading.clone()
            } else {
                format!("{} ({number})", list.heading)
            };
            let css = match asset_base {
                Some(base) => format!("{base}warta.css"),
                None => format!("{up}warta.css"),
            };
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <title>{title}</title>\n\
                 <link rel=\"canonical\" href=\"{canonical}\">\n\
                 <link rel=\"alternate\" type=\"application/rss+xml\" href=\"{feeds}feed.xml\">\n\
                 <link rel=\"alternate\" type=\"application/atom+xml\" href=\"{feeds}atom.xml\">\n\
                 <link rel=\"stylesheet\" href=\"{css}\"{checked}>\n\
                 </head>\n<body>\n<div class=\"warta warta--list\">{markup}</div>\n</body>\n</html>\n{stamp_line}",
                lang = attr(list.entries.first().map_or("id", |e| e.lang.as_str())),
                title = text(&title),
                canonical = attr(&format!("{base_url}{dir}")),
                feeds = attr(&format!("{base_url}{}", list.folder)),
                css = attr(&css),
                checked = integrity.map_or_else(String::new, |digest| format!(
                    " integrity=\"{}\" crossorigin=\"anonymous\"",
                    attr(digest)
                )),
            );
            (path, Some(html))
        })
        .collect()
}

/// A hash of everything a list page shows, with warta's version.
fn stamp(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    for part in parts {
        hash.update([0]);
        hash.update(part.as_bytes());
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the file ends with `tail`; reads only its end.
fn ends_with(path: &Path, tail: &str) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    if file.seek(SeekFrom::End(-(tail.len() as i64))).is_err() {
        return false;
    }
    let mut end = String::new();
    file.take(tail.len() as u64)
        .read_to_string(&mut end)
        .is_ok()
        && end == tail
}

/// A `/`-separated path as a URL path: each name percent-encoded where a
/// URL would read it otherwise (`#`, `?`, `%`, spaces).
fn href_path(path: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'?')
        .add(b'<')
        .add(b'>')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\\');
    path.split('/')
        .map(|name| utf8_percent_encode(name, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The folder of page `number` of the list in `folder`.
pub fn page_dir(folder: &str, number: usize) -> String {
    if number == 1 {
        folder.to_owned()
    } else {
        format!("{folder}page/{number}/")
    }
}
