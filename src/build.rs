//! `warta build`: a static site from a folder of article JSON.
//!
//! Every `*.json` under the source folder becomes a page: `SRC/a/b.json` →
//! `OUT/a/b/index.html` (so the article's URL path ends in `/a/b/`), and
//! the widget's assets are copied once to `OUT/`. Each page is a pure
//! function of its JSON, the asset base and the warta version, so pages
//! build in parallel (rayon) and a batch runner can shard the list (see
//! [`Shard`] and `--files`).
//!
//! Writes are atomic: a page goes to a temporary file beside its target and
//! is renamed over it, so a failed or interrupted build never leaves half a
//! page. The page ends with a comment holding a hash of its inputs; the
//! next build skips an article whose page already carries the same hash.
//! A hash rather than modification times: a copied or checked-out tree
//! gets new times but the same content, and an edit within the same second
//! still changes the hash.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::model::{read_article, LinkItem};
use crate::render::RenderOptions;

pub mod archive;
pub mod feeds;
pub mod list_pages;
pub mod site;
pub mod sitemap;
pub mod time;
mod xml;

use archive::Entry;
use site::{SiteOptions, SiteReport};

/// The widget's files, copied once to the output root: the stylesheet, the
/// loader, the island bundle it loads first and the full client it loads
/// when a widget needs one.
pub const ASSET_FILES: &[&str] = &[
    "warta.css",
    "warta-init.js",
    "warta-island.js",
    "warta-island_bg.wasm",
    "warta.js",
    "warta_bg.wasm",
];

/// Name prefix of temporary files; never a page, swept at the next build.
const TEMP_PREFIX: &str = ".warta-tmp-";

/// What a build reads and where it writes.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Folder of article JSON, read recursively.
    pub src: PathBuf,
    /// Output folder.
    pub out: PathBuf,
    /// Folder with the widget's built assets; `None` copies nothing.
    pub assets: Option<PathBuf>,
    /// URL prefix of the assets; `None` means relative links to the copies at `OUT/`.
    pub asset_base: Option<String>,
    /// The `integrity` of the linked assets, for an asset base on another
    /// origin (see `crate::integrity`); `None` writes none.
    pub integrity: Option<crate::page::Integrity>,
    /// Only these files, instead of walking SRC: paths relative to SRC, or
    /// as `git diff --name-only` prints them (relative to a folder above
    /// SRC). A listed article that no longer exists has its page removed;
    /// a listed file that is not `*.json` is skipped with a note.
    pub files: Option<Vec<PathBuf>>,
    /// Only this share of the files.
    pub shard: Option<Shard>,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Rebuild pages even when up to date.
    pub force: bool,
    /// Full builds: remove the pages in OUT that no article under SRC makes
    /// (OUT is SRC's alone). Listed builds always remove the pages of
    /// listed articles that are gone.
    pub prune: bool,
    /// Site builds (`--base-url`): the archive's outputs and "Terkini
    /// Lainnya" lists. `None` builds the pages alone.
    pub site: Option<SiteOptions>,
}

/// What a build tells its caller as it goes, from its worker threads (the
/// command line draws a progress bar from it).
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// How many articles there are to build, before the first.
    Start {
        /// Articles in this build.
        articles: usize,
    },
    /// One article is done: built, unchanged or (with its failure) failed.
    Done {
        /// Why it failed, when it did.
        failure: Option<&'a Failure>,
    },
}

/// Shard `index` of `count`: the files whose path hash modulo `count` is `index`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 0-based shard number.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `K/N` with `0 <= K < N`.
    fn from_str(text: &str) -> Result<Self, String> {
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| format!("{text}: expected K/N, such as 0/4"))?;
        let index: u64 = k
            .trim()
            .parse()
            .map_err(|_| format!("{text}: K is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("{text}: N is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("{text}: need 0 <= K < N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether `relative` (a path under SRC, `/`-separated) is in this shard.
    pub fn contains(&self, relative: &Path) -> bool {
        let digest = Sha256::digest(slash_path(relative).as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % self.count == self.index
    }
}

/// One article that did not become a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The JSON file, relative to SRC.
    pub file: PathBuf,
    /// The first problem, with its JSON path when it is in the article.
    pub problem: String,
    /// Whether the page could not be written (rather than the article being refused).
    pub write: bool,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Pages written.
    pub built: usize,
    /// Pages already up to date.
    pub unchanged: usize,
    /// Articles that failed, sorted by file.
    pub failed: Vec<Failure>,
    /// Asset files copied.
    pub assets_copied: usize,
    /// Pages removed because their article is gone, relative to OUT.
    pub removed: Vec<PathBuf>,
    /// Listed files that are not articles, with the reason, for notes.
    pub skipped: Vec<(PathBuf, String)>,
    /// Site builds: the site outputs written (none in a shard, whose
    /// manifest the merge step reads).
    pub site: Option<SiteReport>,
}

/// Why a build could not start or finish as a whole.
#[derive(Debug)]
pub enum BuildError {
    /// SRC, a listed file set, or the assets could not be read.
    Read(String),
    /// OUT or the assets there could not be written.
    Write(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Read(m) | BuildError::Write(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for BuildError {}

enum Outcome {
    Built,
    Unchanged,
    Failed(Failure),
}

/// Builds the site, telling `progress` as it goes. Per-article failures
/// are in the report; only a problem with the build as a whole is an error.
pub fn build(
    options: &BuildOptions,
    progress: impl Fn(Progress<'_>) + Sync,
) -> Result<BuildReport, BuildError> {
    check_source_folder(&options.src)?;
    let mut report = BuildReport::default();
    let mut gone = Vec::new();
    let mut files = match &options.files {
        Some(list) => {
            let mut files = Vec::new();
            for listed in list {
                match resolve_listed(&options.src, &options.out, listed) {
                    Err(problem) => report.failed.push(Failure {
                        file: listed.clone(),
                        problem,
                        write: false,
                    }),
                    Ok(Listed::Article(file) | Listed::Unknown(file)) if !is_json(&file) => report
                        .skipped
                        .push((file, "not an article (only *.json files are)".to_owned())),
                    Ok(Listed::Article(file)) => files.push(file),
                    Ok(Listed::Gone(file)) => gone.push(file),
                    Ok(Listed::Unknown(file)) => report.skipped.push((
                        file,
                        "no such article under SRC, and no page of it in OUT".to_owned(),
                    )),
                }
            }
            files
        }
        None => {
            let mut found = Vec::new();
            collect_json(&options.src, Path::new(""), &mut found).map_err(|e| {
                BuildError::Read(format!("cannot read {}: {e}", options.src.display()))
            })?;
            // With --prune every article is known, so any page built from
            // one that is gone (deleted, or taken down) goes too. An empty
            // SRC is more likely a mistake (a missing mount) than a site's
            // end: no page goes then.
            if options.prune && !found.is_empty() {
                gone = orphaned_pages(&options.out, &found);
            }
            found
        }
    };
    // A site build reads every article's entry first: each page's "Terkini
    // Lainnya" and the site outputs need the whole archive. It then builds
    // every article (pages whose stamp still matches are skipped), so a
    // page whose list changed is rewritten whatever --files lists.
    let archive = match &options.site {
        Some(site) => {
            let mut all = Vec::new();
            collect_json(&options.src, Path::new(""), &mut all).map_err(|e| {
                BuildError::Read(format!("cannot read {}: {e}", options.src.display()))
            })?;
            let (entries, cache) = archive::read_entries(&options.src, &all, &options.out);
            let (listed, _) = site::site_entries(entries.clone(), site);
            files.extend(all);
            Some((entries, archive::latest_lists(&listed, site.latest), cache))
        }
        None => None,
    };
    if let Some(shard) = options.shard {
        files.retain(|f| shard.contains(f));
        gone.retain(|f| shard.contains(f));
    }
    files.sort();
    files.dedup();

    // Checked before anything is written, so a refused bundle leaves OUT as it was.
    let assets = match &options.assets {
        Some(dir) => Some(read_assets(dir)?),
        None => None,
    };
    fs::create_dir_all(&options.out)
        .map_err(|e| BuildError::Write(format!("cannot write {}: {e}", options.out.display())))?;
    sweep_temporaries(&options.out);
    if let Some(assets) = &assets {
        report.assets_copied = copy_assets(assets, &options.out)?;
    }
    report.removed = remove_pages(&options.out, &gone).map_err(BuildError::Write)?;

    progress(Progress::Start {
        articles: files.len(),
    });
    let run = || -> Vec<Outcome> {
        files
            .par_iter()
            .map(|file| {
                let latest = archive
                    .as_ref()
                    .and_then(|(_, lists, _)| lists.get(&slash_path(file)));
                let outcome = build_one(options, file, latest);
                let failure = match &outcome {
                    Outcome::Failed(failure) => Some(failure),
                    _ => None,
                };
                progress(Progress::Done { failure });
                outcome
            })
            .collect()
    };
    let outcomes = match options.jobs {
        Some(jobs) => rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build()
            .map_err(|e| BuildError::Write(format!("cannot start worker threads: {e}")))?
            .install(run),
        None => run(),
    };

    for outcome in outcomes {
        match outcome {
            Outcome::Built => report.built += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Failed(failure) => report.failed.push(failure),
        }
    }
    report.failed.sort_by(|a, b| a.file.cmp(&b.file));
    if let (Some(site), Some((entries, _, cache))) = (&options.site, archive) {
        if let Some(cache) = cache {
            archive::write_cache(&options.out, &cache);
        }
        report.site = match options.shard {
            Some(shard) => write_manifest(&options.out, shard, entries)?,
            None => Some(site::write_site(&options.out, entries, site).map_err(BuildError::Write)?),
        };
    }
    Ok(report)
}

/// A shard's entries, for the merge step: `OUT/.warta-shards/K-of-N.json`.
fn write_manifest(
    out: &Path,
    shard: Shard,
    entries: Vec<Entry>,
) -> Result<Option<SiteReport>, BuildError> {
    let entries = entries
        .into_iter()
        .filter(|e| shard.contains(Path::new(&e.file)))
        .collect();
    let manifest = archive::Manifest {
        shard: shard.index,
        shards: shard.count,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        entries,
    };
    let target = out
        .join(archive::MANIFEST_DIR)
        .join(archive::manifest_name(shard.index, shard.count));
    let json = serde_json::to_vec_pretty(&manifest).expect("entries serialise");
    site::write_if_changed(&target, &json)
        .map_err(|e| BuildError::Write(format!("cannot write {}: {e}", target.display())))?;
    Ok(None)
}

/// The merge step of a sharded site build: reads every shard's manifest
/// from `OUT/.warta-shards/` and writes the site outputs, rendering no
/// article (each shard's pages already carry the whole archive's lists).
pub fn merge(out: &Path, site: &SiteOptions) -> Result<SiteReport, BuildError> {
    let entries = archive::read_manifests(out).map_err(BuildError::Read)?;
    site::write_site(out, entries, site).map_err(BuildError::Write)
}

/// Where the page of `relative` (a JSON path under SRC) goes, under OUT.
pub fn page_path(out: &Path, relative: &Path) -> PathBuf {
    out.join(relative.with_extension("")).join("index.html")
}

fn build_one(options: &BuildOptions, relative: &Path, latest: Option<&Vec<LinkItem>>) -> Outcome {
    let fail = |problem: String, write: bool| {
        Outcome::Failed(Failure {
            file: relative.to_path_buf(),
            problem,
            write,
        })
    };
    let source = options.src.join(relative);
    let bytes = match fs::read(&source) {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("cannot read: {e}"), false),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return fail("not UTF-8 text".to_owned(), false);
    };
    let asset_base = match &options.asset_base {
        Some(base) if base.is_empty() || base.ends_with('/') => base.clone(),
        Some(base) => format!("{base}/"),
        None => "../".repeat(relative.with_extension("").components().count()),
    };
    let mut stamp = stamp(&text, &asset_base, options.integrity.as_ref());
    if let Some(latest) = latest {
        // The list from the archive is an input of the page too.
        let list = serde_json::to_string(latest).expect("links serialise");
        stamp = self::stamp(&format!("{stamp}\0{list}"), &asset_base, None);
    }
    let target = page_path(&options.out, relative);
    if !options.force && has_stamp(&target, &stamp) {
        return Outcome::Unchanged;
    }
    let article = match read_article(&text) {
        Ok(mut article) => {
            if article.latest.is_none() {
                article.latest = latest.cloned();
            }
            Rc::new(article)
        }
        Err(problems) => {
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_else(|| "invalid article".to_owned());
            return fail(first, false);
        }
    };
    let mut html = crate::page::page_loading(
        &article,
        &asset_base,
        &RenderOptions::default(),
        None,
        options.integrity.as_ref(),
    );
    html.push_str(&stamp_line(&stamp));
    match write_atomic(&target, html.as_bytes()) {
        Ok(()) => Outcome::Built,
        Err(e) => fail(format!("cannot write {}: {e}", target.display()), true),
    }
}

/// Hash of everything a page depends on: warta's version, the asset base,
/// the assets' integrity and the article JSON.
fn stamp(json: &str, asset_base: &str, integrity: Option<&crate::page::Integrity>) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash.update([0]);
    hash.update(asset_base.as_bytes());
    hash.update([0]);
    if let Some(integrity) = integrity {
        hash.update(integrity.stylesheet.as_bytes());
        hash.update([0]);
        hash.update(integrity.loader.as_bytes());
        hash.update([0]);
    }
    hash.update(json.as_bytes());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn stamp_line(stamp: &str) -> String {
    format!("<!-- warta-build {stamp} -->\n")
}

/// Whether the page at `path` ends with this stamp.
fn has_stamp(path: &Path, stamp: &str) -> bool {
    stamp_of(path).is_some_and(|found| found == stamp)
}

/// Whether the file ends with a build stamp, whatever its hash.
fn has_any_stamp(path: &Path) -> bool {
    stamp_of(path).is_some()
}

/// The hash in the build stamp the file ends with, if it ends with one;
/// reads only its tail.
fn stamp_of(path: &Path) -> Option<String> {
    let len = stamp_line(&"0".repeat(64)).len() as u64;
    let mut file = fs::File::open(path).ok()?;
    file.seek(SeekFrom::End(-(len as i64))).ok()?;
    let mut tail = String::new();
    file.take(len).read_to_string(&mut tail).ok()?;
    let hash = tail
        .strip_prefix("<!-- warta-build ")?
        .strip_suffix(" -->\n")?;
    (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hash.to_owned())
}

/// Writes to a temporary file in the target's folder, then renames it over
/// the target: readers and later builds see the old page or the new one,
/// never part of one. The temporary file is removed when anything fails.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let temp = dir.join(format!(
        "{TEMP_PREFIX}{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.flush()?;
        drop(file);
        fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Removes temporary files an interrupted build left behind.
fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            sweep_temporaries(&path);
        } else if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Every `*.json` under `dir`, as paths relative to the walk's root.
fn collect_json(dir: &Path, relative: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        // Hidden files and folders (.git, editor backups) are not articles.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = relative.join(&name);
        if entry.file_type()?.is_dir() {
            collect_json(&path, &rel, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(rel);
        }
    }
    Ok(())
}

/// SRC must be a folder; says which way it is not.
fn check_source_folder(src: &Path) -> Result<(), BuildError> {
    match fs::metadata(src) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(BuildError::Read(format!(
            "cannot read {}: it is a file, not a folder of article JSON",
            src.display()
        ))),
        Err(e) => Err(BuildError::Read(format!(
            "cannot read {}: {e}",
            src.display()
        ))),
    }
}

/// What a listed path is, relative to SRC.
enum Listed {
    /// A file under SRC.
    Article(PathBuf),
    /// No file, but OUT has the page a build made of it: a deleted article.
    Gone(PathBuf),
    /// Neither a file nor a page.
    Unknown(PathBuf),
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

/// A listed path, relative to SRC or as `git diff --name-only` prints it:
/// relative to the repository's root (a folder above SRC) or to the current
/// folder. A deleted article is listed too, so each reading is tried for a
/// file under SRC first, then for a page in OUT. Paths that lead outside
/// SRC are refused.
fn resolve_listed(src: &Path, out: &Path, listed: &Path) -> Result<Listed, String> {
    let outside = || format!("outside SRC ({})", src.display());
    // `./a.json`, as `find` prints it, is `a.json`.
    let listed: PathBuf = listed
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    let src_abs = fs::canonicalize(src).map_err(|e| format!("cannot read SRC: {e}"))?;
    let readings: Vec<PathBuf> = if listed.is_absolute() {
        // The file may be gone; its folder, if still there, resolves links.
        let absolute = match (listed.parent().map(fs::canonicalize), listed.file_name()) {
            (Some(Ok(parent)), Some(name)) => parent.join(name),
            _ => listed.clone(),
        };
        absolute
            .strip_prefix(&src_abs)
            .map(Path::to_path_buf)
            .into_iter()
            .collect()
    } else {
        if !is_plain_relative(&listed) {
            return Err("must be a relative path inside SRC (no `..`, not absolute)".to_owned());
        }
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|d| fs::canonicalize(d).ok());
        let bases = std::iter::once(src_abs.clone())
            .chain(src_abs.ancestors().skip(1).map(Path::to_path_buf))
            .chain(cwd);
        bases
            .filter_map(|base| {
                base.join(&listed)
                    .strip_prefix(&src_abs)
                    .ok()
                    .map(Path::to_path_buf)
            })
            .filter(|rest| is_plain_relative(rest))
            .collect()
    };
    if readings.is_empty() {
        return Err(outside());
    }
    if let Some(file) = readings.iter().find(|r| src_abs.join(r).is_file()) {
        return Ok(Listed::Article(file.clone()));
    }
    if let Some(file) = readings
        .iter()
        .find(|r| is_json(r) && has_any_stamp(&page_path(out, r)))
    {
        return Ok(Listed::Gone(file.clone()));
    }
    Ok(Listed::Unknown(readings[0].clone()))
}

/// Only names: no `..`, `.`, root or prefix, and not empty.
fn is_plain_relative(path: &Path) -> bool {
    !path.as_os_str().is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// The articles (as JSON paths relative to SRC) whose pages are in OUT,
/// written by a build, while the JSON is not among `articles`.
fn orphaned_pages(out: &Path, articles: &[PathBuf]) -> Vec<PathBuf> {
    let known: std::collections::HashSet<&Path> = articles.iter().map(PathBuf::as_path).collect();
    let mut pages = Vec::new();
    collect_built_pages(out, Path::new(""), &mut pages);
    pages.retain(|article| !known.contains(article.as_path()));
    pages
}

/// Every page under `dir` that a build wrote (it ends with the build's
/// stamp), as the JSON path it was built from. OUT's own index.html (not
/// an article's) is never one.
fn collect_built_pages(dir: &Path, relative: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        // A folder with warta's assets of its own is another build's OUT.
        if entry.path().join(ASSET_FILES[1]).exists() {
            continue;
        }
        let rel = relative.join(entry.file_name());
        let page = entry.path().join("index.html");
        if has_any_stamp(&page) {
            // `a/harga.v2/` is the page of `a/harga.v2.json`.
            let mut json = rel.clone().into_os_string();
            json.push(".json");
            out.push(PathBuf::from(json));
        }
        collect_built_pages(&entry.path(), &rel, out);
    }
}

/// Removes the pages of these articles, where a build wrote them, and the
/// folders that leaves empty. Returns the pages removed, relative to OUT.
fn remove_pages(out: &Path, articles: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut removed = Vec::new();
    for article in articles {
        let page = page_path(out, article);
        if !has_any_stamp(&page) {
            continue;
        }
        fs::remove_file(&page).map_err(|e| format!("cannot remove {}: {e}", page.display()))?;
        let mut dir = page.parent();
        while let Some(folder) = dir.filter(|d| *d != out) {
            // Stops at the first folder that still holds something.
            if fs::remove_dir(folder).is_err() {
                break;
            }
            dir = folder.parent();
        }
        removed.push(page.strip_prefix(out).unwrap_or(&page).to_path_buf());
    }
    Ok(removed)
}

/// Pre-compressed copies a release build writes beside each asset
/// (scripts/precompress.mjs), for servers that serve them as they are.
const COMPRESSED: &[&str] = &["gz", "br"];

/// The widget's files read from the assets folder, with their compressed
/// copies where present: (name, bytes or `None` when that copy is absent).
type Assets = Vec<(String, Option<Vec<u8>>)>;

/// Reads and checks every asset before any is copied.
fn read_assets(from: &Path) -> Result<Assets, BuildError> {
    let mut assets = Vec::new();
    for name in ASSET_FILES {
        let source = from.join(name);
        let bytes = fs::read(&source).map_err(|e| {
            BuildError::Read(format!(
                "cannot read the widget asset {}: {e} (run `trunk build --release`, or pass --assets DIR or --asset-base URL)",
                source.display()
            ))
        })?;
        if name.ends_with(".js") && imports_snippet_files(&String::from_utf8_lossy(&bytes)) {
            return Err(BuildError::Read(format!(
                "the widget asset {} is from a debug build: it imports files under snippets/, which a site does not get (run `trunk build --release`)",
                source.display()
            )));
        }
        for ext in COMPRESSED {
            let copy = format!("{name}.{ext}");
            assets.push((copy.clone(), read_compressed(&source, &from.join(&copy))?));
        }
        assets.push((name.to_string(), Some(bytes)));
    }
    Ok(assets)
}

/// A compressed copy of `source`, when there is one. One older than its
/// file is from an earlier build and would be served in its place.
fn read_compressed(source: &Path, copy: &Path) -> Result<Option<Vec<u8>>, BuildError> {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified());
    match (modified(source), modified(copy)) {
        (_, Err(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        (Ok(file), Ok(compressed)) if compressed < file => {
            return Err(BuildError::Read(format!(
                "{} is older than {}: it is from an earlier build (run `trunk build --release`)",
                copy.display(),
                source.display()
            )))
        }
        _ => {}
    }
    fs::read(copy).map(Some).map_err(|e| {
        BuildError::Read(format!(
            "cannot read the widget asset {}: {e}",
            copy.display()
        ))
    })
}

/// Whether JavaScript imports a module under `snippets/`: a debug build's
/// glue does (`import … from './snippets/…'`); a release build has the
/// snippets bundled in (scripts/post-build.sh) and keeps the path only as
/// the name of a Wasm import, a plain string.
pub fn imports_snippet_files(js: &str) -> bool {
    js.match_indices("/snippets/").any(|(at, _)| {
        let before = &js[..at];
        let Some(quote) = before.rfind(['\'', '"', '`']) else {
            return false;
        };
        // The specifier must be one string: no quote between its start and here.
        let code = before[..quote].trim_end();
        let code = code.strip_suffix('(').unwrap_or(code).trim_end();
        code.ends_with("from") || code.ends_with("import")
    })
}

/// Copies the assets to the output root where they differ, and removes a
/// compressed copy there that the assets no longer have (it would be
/// served in place of the new file).
fn copy_assets(assets: &Assets, out: &Path) -> Result<usize, BuildError> {
    let mut copied = 0;
    for (name, bytes) in assets {
        let target = out.join(name);
        let Some(bytes) = bytes else {
            match fs::remove_file(&target) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(BuildError::Write(format!(
                        "cannot remove {}: {e}",
                        target.display()
                    )))
                }
                _ => continue,
            }
        };
        if fs::read(&target).is_ok_and(|existing| existing == *bytes) {
            continue;
        }
        write_atomic(&target, bytes)
            .map_err(|e| BuildError::Write(format!("cannot write {}: {e}", target.display())))?;
        copied += 1;
    }
    Ok(copied)
}

/// A relative path with `/` separators, the same on every system.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_the_files() {
        let shards: Vec<Shard> = (0..3).map(|i| format!("{i}/3").parse().unwrap()).collect();
        for n in 0..50 {
            let path = PathBuf::from(format!("2024/05/artikel-{n}.json"));
            assert_eq!(shards.iter().filter(|s| s.contains(&path)).count(), 1);
        }
        assert!("3/3".parse::<Shard>().is_err());
        assert!("1".parse::<Shard>().is_err());
    }

    #[test]
    fn page_paths_mirror_the_source() {
        assert_eq!(
            page_path(Path::new("out"), Path::new("a/b.json")),
            PathBuf::from("out/a/b/index.html")
        );
    }
}
