//! The archive: what the site outputs need of every article (its entry),
//! read in a first pass over SRC, checked against the site's address, and
//! put in the site's order (newest first). Shards write their entries to
//! a manifest, which the merge step reads back.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::time::epoch_seconds;
use crate::model::{read_article, Article, Image, LinkItem};

/// What the sitemaps, feeds, list pages and "Terkini Lainnya" lists need of
/// one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The JSON file, relative to SRC, `/`-separated.
    pub file: String,
    /// The article's canonical URL.
    pub url: String,
    /// The headline.
    pub title: String,
    /// The standfirst, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// First publication, RFC 3339 as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Last update, RFC 3339 as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The section (the kicker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Writers, in byline order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The lead photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    /// BCP 47 language tag.
    pub lang: String,
    /// The publication's name.
    pub site: String,
    /// Whether the article carries its own "Terkini Lainnya" (which wins).
    #[serde(default)]
    pub own_latest: bool,
}

impl Entry {
    /// The entry of an article read from `file`.
    pub fn of(file: &Path, article: &Article) -> Entry {
        Entry {
            file: super::slash_path(file),
            url: article.url.clone(),
            title: article.title.clone(),
            summary: article.summary.clone(),
            published: article.published.clone(),
            updated: article.updated.clone(),
            section: article.kicker.clone(),
            authors: article.authors.iter().map(|a| a.name.clone()).collect(),
            hero: article.hero.clone().filter(|hero| hero.src.is_some()),
            lang: article.lang.clone(),
            site: article.site.name.clone(),
            own_latest: article.latest.is_some(),
        }
    }

    /// When it was published (else updated), for the site's order.
    pub fn time(&self) -> Option<i64> {
        self.published
            .as_deref()
            .or(self.updated.as_deref())
            .and_then(epoch_seconds)
    }

    /// `lastmod`: the update time, else the publication time.
    pub fn modified(&self) -> Option<&str> {
        self.updated.as_deref().or(self.published.as_deref())
    }

    /// The page's folder under OUT, `/`-separated with a trailing `/`
    /// (`2024/05/putin-beijing/`).
    pub fn page_dir(&self) -> String {
        format!("{}/", self.file.strip_suffix(".json").unwrap_or(&self.file))
    }
}

/// Where a site build keeps the entries it read, under OUT, so that the
/// next build parses only the articles whose JSON changed.
pub const CACHE_FILE: &str = ".warta-cache/entries.json";

/// The entries cache: per file, a hash of its JSON and its entry.
#[derive(Default, Serialize, Deserialize)]
struct Cache {
    version: String,
    entries: BTreeMap<String, (String, Entry)>,
}

/// Reads the entry of every valid article among `files` (relative to
/// `src`), in parallel; an unreadable or invalid one has none (its page
/// build reports why). An article whose JSON hashes as in `OUT`'s cache
/// is not parsed again. Also returns the new cache when it differs, for
/// [`write_cache`] once the build has written OUT.
pub fn read_entries(src: &Path, files: &[PathBuf], out: &Path) -> (Vec<Entry>, Option<Vec<u8>>) {
    let cache_path = out.join(CACHE_FILE);
    let cache: Cache = fs::read(&cache_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
        .filter(|c| c.version == env!("CARGO_PKG_VERSION"))
        .unwrap_or_default();
    let read: Vec<(String, String, Entry)> = files
        .par_iter()
        .filter_map(|file| {
            let text = fs::read_to_string(src.join(file)).ok()?;
            let key = super::slash_path(file);
            let hash: String = Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if let Some((cached, entry)) = cache.entries.get(&key) {
                if *cached == hash {
                    return Some((key, hash, entry.clone()));
                }
            }
            let article = read_article(&text).ok()?;
            Some((key, hash, Entry::of(file, &article)))
        })
        .collect();
    let fresh = Cache {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        entries: read
            .iter()
            .map(|(key, hash, entry)| (key.clone(), (hash.clone(), entry.clone())))
            .collect(),
    };
    let update = (fresh.entries != cache.entries)
        .then(|| serde_json::to_vec(&fresh).expect("entries serialise"));
    (
        read.into_iter().map(|(_, _, entry)| entry).collect(),
        update,
    )
}

/// Writes the entries cache. Only a cache: a failed write costs the next
/// build some parsing, nothing else.
pub fn write_cache(out: &Path, cache: &[u8]) {
    let _ = super::write_atomic(&out.join(CACHE_FILE), cache);
}

/// The site's order: newest first, articles without a time last, ties
/// broken by URL then file, so every build orders alike.
pub fn sort_newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.time()
            .cmp(&a.time())
            .then_with(|| a.url.cmp(&b.url))
            .then_with(|| a.file.cmp(&b.file))
    });
}

/// An entry kept out of the site outputs, and why: one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The JSON file, relative to SRC.
    pub file: String,
    /// What is wrong.
    pub problem: String,
}

/// Keeps the entries the site outputs may list: an article whose `url` is
/// outside `base_url`, or the second and later of those sharing a `url`
/// (in file order), is taken out with a problem.
pub fn check_urls(entries: Vec<Entry>, base_url: &url::Url) -> (Vec<Entry>, Vec<Problem>) {
    let mut entries = entries;
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    let mut first_of: HashMap<String, String> = HashMap::new();
    let mut kept = Vec::with_capacity(entries.len());
    let mut problems = Vec::new();
    for entry in entries {
        if !is_under(&entry.url, base_url) {
            problems.push(Problem {
                problem: format!(
                    "url {} is outside --base-url {base_url}; left out of the sitemaps, feeds and lists",
                    entry.url
                ),
                file: entry.file,
            });
            continue;
        }
        if let Some(first) = first_of.get(&entry.url) {
            problems.push(Problem {
                problem: format!(
                    "url {} is also {first}'s; left out of the sitemaps, feeds and lists",
                    entry.url
                ),
                file: entry.file,
            });
            continue;
        }
        first_of.insert(entry.url.clone(), entry.file.clone());
        kept.push(entry);
    }
    (kept, problems)
}

/// Whether `link` is on the base URL's origin, at or below its path.
fn is_under(link: &str, base: &url::Url) -> bool {
    let Ok(link) = url::Url::parse(link) else {
        return false;
    };
    link.origin() == base.origin() && link.path().starts_with(base.path())
}

/// "Terkini Lainnya" for each article without its own: the `count` newest
/// other articles of `newest_first`. Keyed by file.
pub fn latest_lists(newest_first: &[Entry], count: usize) -> HashMap<String, Vec<LinkItem>> {
    if count == 0 {
        return HashMap::new();
    }
    // Only the newest `count + 1` can be on any list: each article's list
    // is those, without itself.
    let top: Vec<&Entry> = newest_first.iter().take(count + 1).collect();
    newest_first
        .iter()
        .filter(|entry| !entry.own_latest)
        .filter_map(|entry| {
            let list = top
                .iter()
                .filter(|other| other.file != entry.file)
                .take(count)
                .map(|other| LinkItem {
                    title: other.title.clone(),
                    url: Some(other.url.clone()),
                    published: other.published.clone(),
                })
                .collect::<Vec<_>>();
            (!list.is_empty()).then(|| (entry.file.clone(), list))
        })
        .collect()
}

/// Where shard K of N keeps its manifest, under OUT.
pub const MANIFEST_DIR: &str = ".warta-shards";

/// A shard's manifest: which shard, and the entries of its articles.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// 0-based shard number.
    pub shard: u64,
    /// Number of shards.
    pub shards: u64,
    /// warta's version: manifests of another version do not merge.
    pub version: String,
    /// The shard's articles.
    pub entries: Vec<Entry>,
}

/// The manifest's file name for shard `index` of `count`.
pub fn manifest_name(index: u64, count: u64) -> String {
    format!("{index}-of-{count}.json")
}

/// Reads every shard's manifest from `OUT/.warta-shards/`: all N of one
/// split, of this version, else a one-line error.
pub fn read_manifests(out: &Path) -> Result<Vec<Entry>, String> {
    let dir = out.join(MANIFEST_DIR);
    let listing = fs::read_dir(&dir).map_err(|e| {
        format!(
            "cannot read {}: {e} (run the `build --shard K/N` builds with --base-url first, and copy their OUT here)",
            dir.display()
        )
    })?;
    let mut manifests = Vec::new();
    for item in listing.flatten() {
        let path = item.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a shard manifest: {e}", path.display()))?;
        if manifest.version != env!("CARGO_PKG_VERSION") {
            return Err(format!(
                "{}: written by warta {}, this is {}; rebuild the shards",
                path.display(),
                manifest.version,
                env!("CARGO_PKG_VERSION")
            ));
        }
        manifests.push(manifest);
    }
    let Some(count) = manifests.first().map(|m| m.shards) else {
        return Err(format!("{} holds no shard manifest", dir.display()));
    };
    let mut seen: Vec<u64> = Vec::new();
    for manifest in &manifests {
        if manifest.shards != count {
            return Err(format!(
                "{} holds manifests of different splits ({count} and {} shards)",
                dir.display(),
                manifest.shards
            ));
        }
        seen.push(manifest.shard);
    }
    seen.sort_unstable();
    let missing: Vec<String> = (0..count)
        .filter(|k| seen.binary_search(k).is_err())
        .map(|k| format!("{k}/{count}"))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{}: no manifest of shard {}",
            dir.display(),
            missing.join(", ")
        ));
    }
    Ok(manifests.into_iter().flat_map(|m| m.entries).collect())
}
