//! The site outputs of `warta build --base-url`: from the archive's
//! entries, the sitemaps, the news sitemap, robots.txt, the feeds (the
//! site's and each section's) and the list pages. Each file is written
//! atomically and only when its bytes change, so a build with nothing new
//! rewrites nothing.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::archive::{check_urls, sort_newest_first, Entry, Problem};
use super::feeds::{atom, rss, section_slug, Channel};
use super::list_pages::{list_pages, page_dir, List};
use super::sitemap::{news_sitemap, robots, sitemap, Limits};
use super::write_atomic;

/// Where the section folders go under OUT: `sections/internasional/`.
pub const SECTIONS_DIR: &str = "sections";

/// What the site outputs need beyond the entries.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The site's address; every article's `url` must be under it. Ends with `/`.
    pub base_url: url::Url,
    /// The build's time, seconds since the epoch (the news sitemap's window ends here).
    pub now: i64,
    /// Articles per feed.
    pub feed_size: usize,
    /// "Terkini Lainnya" length for articles without their own; 0 fills none.
    pub latest: usize,
    /// Per-file limits of the sitemaps.
    pub limits: Limits,
    /// URL prefix of the stylesheet for the list pages (ends with `/`);
    /// `None` links the copy at OUT's root relatively.
    pub asset_base: Option<String>,
    /// The stylesheet's `integrity`, for an asset base on another origin.
    pub stylesheet_integrity: Option<String>,
}

/// What writing the site outputs did.
#[derive(Clone, Debug, Default)]
pub struct SiteReport {
    /// Files written (their bytes changed), relative to OUT.
    pub written: Vec<PathBuf>,
    /// Files already up to date.
    pub unchanged: usize,
    /// Articles left out of the outputs, one line each.
    pub problems: Vec<Problem>,
}

/// The site's base URL from `--base-url`: absolute http(s), a folder (a
/// `/` is added at the end when missing), no query or fragment.
pub fn parse_base_url(text: &str) -> Result<url::Url, String> {
    let mut base = url::Url::parse(text).map_err(|e| format!("--base-url {text}: {e}"))?;
    if !matches!(base.scheme(), "http" | "https") {
        return Err(format!(
            "--base-url {text}: must be an http or https address"
        ));
    }
    if base.query().is_some() || base.fragment().is_some() {
        return Err(format!("--base-url {text}: must have no query or fragment"));
    }
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

/// The entries the outputs list, checked and newest first, with the
/// problems of those left out.
pub fn site_entries(entries: Vec<Entry>, options: &SiteOptions) -> (Vec<Entry>, Vec<Problem>) {
    let (mut kept, problems) = check_urls(entries, &options.base_url);
    sort_newest_first(&mut kept);
    (kept, problems)
}

/// Writes every site output under `out` from the archive's entries.
pub fn write_site(
    out: &Path,
    entries: Vec<Entry>,
    options: &SiteOptions,
) -> Result<SiteReport, String> {
    let (entries, problems) = site_entries(entries, options);
    let base = options.base_url.as_str();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let xml = |e: io::Error| format!("cannot write XML: {e}");

    let sitemaps = sitemap(&entries, base, options.limits).map_err(xml)?;
    let news = news_sitemap(&entries, base, options.now, options.limits).map_err(xml)?;
    let mut stale = Vec::new();
    for (stem, parts) in [("sitemap", &sitemaps), ("news-sitemap", &news)] {
        // Parts an earlier, larger build wrote: parts are numbered from 1
        // beside an index, so past the last part, or all when one file is enough.
        let mut n = if parts.len() == 1 { 1 } else { parts.len() };
        while out.join(format!("{stem}-{n}.xml")).exists() {
            stale.push(out.join(format!("{stem}-{n}.xml")));
            n += 1;
        }
    }
    for (name, bytes) in sitemaps.into_iter().chain(news) {
        files.push((PathBuf::from(name), bytes));
    }
    files.push((PathBuf::from("robots.txt"), robots(base).into_bytes()));

    // The site's feeds, then each section's.
    let site_name = entries.first().map_or_else(
        || options.base_url.host_str().unwrap_or("").to_owned(),
        |e| e.site.clone(),
    );
    let newest = &entries[..entries.len().min(options.feed_size)];
    push_feeds(
        &mut files,
        Path::new(""),
        &Channel {
            title: site_name.clone(),
            link: base.to_owned(),
            folder: base.to_owned(),
            entries: newest,
        },
    )
    .map_err(xml)?;
    for (slug, (name, section)) in sections(&entries) {
        let folder = format!("{base}{SECTIONS_DIR}/{slug}/");
        let newest: Vec<Entry> = section
            .into_iter()
            .take(options.feed_size)
            .cloned()
            .collect();
        push_feeds(
            &mut files,
            &Path::new(SECTIONS_DIR).join(&slug),
            &Channel {
                title: format!("{site_name}: {name}"),
                link: folder.clone(),
                folder,
                entries: &newest,
            },
        )
        .map_err(xml)?;
    }

    // The list pages: the home page and each section's; those already
    // showing exactly their articles are not rendered again.
    let mut up_to_date = 0;
    let sections = sections(&entries);
    let nav: Vec<(String, String)> = sections
        .iter()
        .map(|(slug, (name, _))| (name.clone(), format!("{SECTIONS_DIR}/{slug}/")))
        .collect();
    let lists = std::iter::once(List {
        folder: String::new(),
        heading: site_name.clone(),
        entries: entries.iter().collect(),
    })
    .chain(sections.into_iter().map(|(slug, (name, entries))| List {
        folder: format!("{SECTIONS_DIR}/{slug}/"),
        heading: name,
        entries,
    }));
    for list in lists {
        let pages = list_pages(out, &list, &nav, base, options);
        let mut n = pages.len().max(1) + 1;
        while out
            .join(page_dir(&list.folder, n))
            .join("index.html")
            .exists()
        {
            stale.push(out.join(page_dir(&list.folder, n)).join("index.html"));
            n += 1;
        }
        for (path, html) in pages {
            match html {
                Some(html) => files.push((PathBuf::from(path), html.into_bytes())),
                None => up_to_date += 1,
            }
        }
    }

    let mut report = SiteReport {
        problems,
        unchanged: up_to_date,
        ..SiteReport::default()
    };
    for (name, bytes) in files {
        let target = out.join(&name);
        if write_if_changed(&target, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?
        {
            report.written.push(name);
        } else {
            report.unchanged += 1;
        }
    }
    for part in stale {
        fs::remove_file(&part).map_err(|e| format!("cannot remove {}: {e}", part.display()))?;
        // A list page's folder (`page/7/`) goes with it when that empties it.
        if part.file_name().is_some_and(|n| n == "index.html") {
            let _ = part.parent().map(fs::remove_dir);
        }
    }
    Ok(report)
}

fn push_feeds(
    files: &mut Vec<(PathBuf, Vec<u8>)>,
    folder: &Path,
    channel: &Channel<'_>,
) -> io::Result<()> {
    files.push((folder.join("feed.xml"), rss(channel)?));
    files.push((folder.join("atom.xml"), atom(channel)?));
    Ok(())
}

/// The sections by slug: the name as its newest article writes it, and
/// its articles newest first.
fn sections(newest_first: &[Entry]) -> BTreeMap<String, (String, Vec<&Entry>)> {
    let mut sections: BTreeMap<String, (String, Vec<&Entry>)> = BTreeMap::new();
    for entry in newest_first {
        let Some(name) = &entry.section else { continue };
        let Some(slug) = section_slug(name) else {
            continue;
        };
        sections
            .entry(slug)
            .or_insert_with(|| (name.clone(), Vec::new()))
            .1
            .push(entry);
    }
    sections
}

/// Writes `bytes` atomically unless the file already holds them; says whether it wrote.
pub fn write_if_changed(target: &Path, bytes: &[u8]) -> io::Result<bool> {
    if fs::read(target).is_ok_and(|existing| existing == bytes) {
        return Ok(false);
    }
    write_atomic(target, bytes)?;
    Ok(true)
}
