//! The `warta` command line: import, validate, render and describe articles.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Parser, Subcommand};
use warta::ad_slots::unplaced_ad_slots;
use warta::embed::LOAD_STRATEGIES;
use warta::import::{import_json, ImportOptions};
use warta::json::{parse_ad_slots, to_pretty_json};
use warta::model::limits::MAX_INPUT_BYTES;
use warta::model::one_line;
use warta::model::read_article;
use warta::render::RenderOptions;

/// warta turns news articles (JSON) into an embeddable, hydratable widget.
#[derive(Parser)]
#[command(name = "warta", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert scraped article text into warta JSON (on stdout).
    Import {
        /// Text file to read, or `-` for stdin.
        input: PathBuf,
        /// Canonical URL of the article; guessed from site and title when absent.
        #[arg(long)]
        url: Option<String>,
        /// What the input is: scraped text, an article page, or a WordPress
        /// REST API post (`/wp-json/wp/v2/posts/ID`, with or without `_embed`).
        #[arg(long, value_enum, default_value_t = ImportFrom::Text)]
        from: ImportFrom,
    },
    /// Build a page per article JSON under SRC, plus the widget's assets, into OUT.
    Build(BuildArgs),
    /// Merge the manifests of `build --shard K/N --base-url` runs, copied into one OUT,
    /// into the sitemaps, feeds, robots.txt and list pages (renders no article).
    Merge(MergeArgs),
    /// Check an article; exit 0 when valid, else one line per problem on stderr.
    Validate {
        /// JSON file to read, or `-` for stdin.
        input: PathBuf,
    },
    /// Print the embeddable fragment: server markup plus the JSON copy.
    Render {
        /// JSON file to read, or `-` for stdin.
        input: PathBuf,
        /// JSON file of in-article ad slots (see the README).
        #[arg(long, value_name = "FILE")]
        ad_slots: Option<PathBuf>,
        /// When this widget loads its Wasm and mounts, whatever the page's strategy.
        #[arg(long, value_name = "STRATEGY", value_parser = LOAD_STRATEGIES)]
        load: Option<String>,
    },
    /// Write a complete static HTML page (index.html) for the article.
    Page {
        /// JSON file to read, or `-` for stdin.
        input: PathBuf,
        /// Directory to write index.html into (created if missing).
        #[arg(short, long, default_value = ".")]
        out_dir: PathBuf,
        /// URL prefix of warta.css, warta.js and warta-init.js. Default: beside the page.
        #[arg(long, default_value = "")]
        asset_base: String,
        /// JSON file of in-article ad slots (see the README).
        #[arg(long, value_name = "FILE")]
        ad_slots: Option<PathBuf>,
        /// When the page loads warta's Wasm (default: the loader's, eager).
        #[arg(long, value_name = "STRATEGY", value_parser = LOAD_STRATEGIES)]
        load: Option<String>,
        #[command(flatten)]
        integrity: IntegrityArgs,
    },
    /// Print the integrity (SHA-384) of the files a page links, after checking that the
    /// loader's digests match the files it fetches; with --asset-base, the two tags.
    Integrity {
        /// Folder of the release build.
        #[arg(default_value = "dist")]
        dir: PathBuf,
        /// URL prefix the files are served from: print the page's `<link>` and `<script>`.
        #[arg(long, value_name = "URL")]
        asset_base: Option<String>,
    },
    /// Print the JSON Schema of the article data contract.
    Schema {
        /// Print the schema of the ad-slot file instead.
        #[arg(long)]
        ad_slots: bool,
    },
}

/// How a command failed: its exit status (README, "Exit statuses"), so
/// scripts can tell a bad article from a missing file, and its lines for
/// stderr.
struct Failure {
    status: u8,
    lines: Vec<String>,
}

impl Failure {
    /// The input was read but is not a valid article (or cannot become one).
    fn invalid<T: ToString>(problems: impl IntoIterator<Item = T>) -> Self {
        let lines = problems.into_iter().map(|p| p.to_string()).collect();
        Failure { status: 1, lines }
    }

    /// An input file could not be read.
    fn unreadable(line: String) -> Self {
        Failure {
            status: 3,
            lines: vec![line],
        }
    }

    /// The command line asks for something that cannot be done (clap's status).
    fn usage(line: String) -> Self {
        Failure {
            status: 2,
            lines: vec![line],
        }
    }

    /// Output could not be written.
    fn unwritable(line: String) -> Self {
        Failure {
            status: 4,
            lines: vec![line],
        }
    }
}

fn main() -> ExitCode {
    // Bad arguments: clap prints usage and exits with status 2.
    let cli = Cli::parse();
    match run(cli.command).and_then(|output| write_stdout(&output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in &failure.lines {
                say(line);
            }
            ExitCode::from(failure.status)
        }
    }
}

/// Writes the output, built whole first so stdout never holds half a
/// document. A reader that stopped reading (`warta render x | head -1`)
/// is not an error.
fn write_stdout(output: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::unwritable(format!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// One `warta:` line on stderr, escaped by the same rule as every problem
/// (`model::one_line`), so whatever an input holds it cannot split a
/// message, forge another `warta:` line or send terminal codes. A closed
/// stderr is ignored, never a panic.
fn say(line: &str) {
    let _ = writeln!(io::stderr().lock(), "warta: {}", one_line(line.to_owned()));
}

fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Import {
            input,
            url,
            from: from @ (ImportFrom::Html | ImportFrom::Wordpress),
        } => {
            check_url(url.as_deref())?;
            import_page(&read_input(&input)?, url, from)
        }
        Command::Import { input, url, .. } => {
            check_url(url.as_deref())?;
            let text = read_input(&input)?;
            let (json, imported) =
                import_json(&text, &ImportOptions { url }).map_err(|e| Failure::invalid([e]))?;
            for note in &imported.notes {
                say(&format!("note: {note}"));
            }
            Ok(json)
        }
        Command::Validate { input } => {
            let text = read_input(&input)?;
            read_article(&text).map_err(Failure::invalid)?;
            Ok(String::new())
        }
        Command::Render {
            input,
            ad_slots,
            load,
        } => {
            one_stdin(&input, ad_slots.as_ref())?;
            let article = Rc::new(article_file(&input)?);
            let options = render_options(&article, ad_slots.as_ref())?;
            Ok(match load {
                Some(load) => warta::page::fragment_loading(&article, &options, &load),
                None => warta::page::fragment(&article, &options),
            })
        }
        Command::Page {
            input,
            out_dir,
            asset_base,
            ad_slots,
            load,
            integrity,
        } => {
            one_stdin(&input, ad_slots.as_ref())?;
            if out_dir.exists() && !out_dir.is_dir() {
                return Err(Failure::unwritable(format!(
                    "cannot write {}: it is a file; -o takes the folder to write index.html into",
                    out_dir.display()
                )));
            }
            let article = Rc::new(article_file(&input)?);
            let options = render_options(&article, ad_slots.as_ref())?;
            let base = warta::page::asset_base(&asset_base);
            let integrity = integrity.read(&base, None)?;
            let html = warta::page::page_loading(
                &article,
                &base,
                &options,
                load.as_deref(),
                integrity.as_ref(),
            );
            let path = out_dir.join("index.html");
            std::fs::create_dir_all(&out_dir)
                .and_then(|()| std::fs::write(&path, html))
                .map_err(|e| {
                    Failure::unwritable(format!("cannot write {}: {e}", path.display()))
                })?;
            say(&format!("wrote {}", path.display()));
            Ok(String::new())
        }
        Command::Build(args) => build(args),
        Command::Integrity { dir, asset_base } => integrity(&dir, asset_base.as_deref()),
        Command::Merge(args) => merge(args),
        Command::Schema { ad_slots } => {
            let schema = if ad_slots {
                warta::ad_slots::schema()
            } else {
                schemars::schema_for!(warta::model::Article)
            };
            Ok(serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n")
        }
    }
}

/// Reads the ad-slot file, if any; notes on stderr for slots the article
/// cannot place.
fn render_options(
    article: &warta::model::Article,
    ad_slots: Option<&PathBuf>,
) -> Result<RenderOptions, Failure> {
    let Some(path) = ad_slots else {
        return Ok(RenderOptions::default());
    };
    let ad_slots = parse_ad_slots(&read_input(path)?).map_err(|problems| {
        Failure::invalid(problems.iter().map(|p| format!("{}: {p}", path.display())))
    })?;
    for note in unplaced_ad_slots(article, &ad_slots) {
        say(&format!("note: {note}"));
    }
    Ok(RenderOptions { ad_slots })
}

/// Standard input can be read once: the article and the ad slots cannot both come from it.
fn one_stdin(input: &Path, ad_slots: Option<&PathBuf>) -> Result<(), Failure> {
    if input.as_os_str() == "-" && ad_slots.is_some_and(|p| p.as_os_str() == "-") {
        return Err(Failure::usage(
            "the article and --ad-slots cannot both be read from standard input (`-`); give one of them as a file".to_owned(),
        ));
    }
    Ok(())
}

/// `--url` must be where the article is: an absolute http or https URL.
fn check_url(url: Option<&str>) -> Result<(), Failure> {
    let Some(url) = url else { return Ok(()) };
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some() => {
            Ok(())
        }
        _ => Err(Failure::invalid([format!(
            "--url {url}: not an absolute http or https URL (such as https://example.com/berita/judul)"
        )])),
    }
}

/// Reads and validates an article; problems become error lines.
fn article_file(path: &PathBuf) -> Result<warta::model::Article, Failure> {
    read_article(&read_input(path)?).map_err(Failure::invalid)
}

/// Reads a file, or stdin for `-`, as UTF-8 text, without a leading byte
/// order mark (editors on Windows add one; it is not part of the text).
/// Reading stops past the contract's size limit, so a huge input is refused
/// without filling memory.
fn read_input(path: &PathBuf) -> Result<String, Failure> {
    let limit = MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
    };
    let name = if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    };
    result.map_err(|e| Failure::unreadable(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(Failure::invalid([format!(
            "{name} is larger than {limit} bytes, the size limit of an article"
        )]));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let hint = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                " (it looks like UTF-16; save it as UTF-8)"
            } else {
                ""
            };
            Err(Failure::invalid([format!(
                "{name} is not UTF-8 text: invalid byte at offset {}{hint}",
                e.valid_up_to()
            )]))
        }
    }
}

// ---- import --from html|wordpress and build (issue 11). Exit statuses:
// 0 success, 1 invalid input, 2 usage (clap), 3 input unreadable, 4 output
// not writable; a closed stdout pipe ends quietly with 0.

/// What `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ImportFrom {
    /// Scraped article text in the sample's shape.
    Text,
    /// An article's HTML page.
    Html,
    /// A WordPress REST API post as JSON.
    Wordpress,
}

/// Subresource Integrity for assets on another origin (`warta page`, `warta build`).
#[derive(clap::Args)]
struct IntegrityArgs {
    /// Release build whose files an --asset-base on another origin serves: the page
    /// carries their integrity (SHA-384). Default: --assets, else dist
    #[arg(long = "integrity-from", value_name = "DIR")]
    from: Option<PathBuf>,
    /// No integrity attributes, even with an --asset-base on another origin.
    #[arg(long, conflicts_with = "from")]
    no_integrity: bool,
}

impl IntegrityArgs {
    /// The digests a page links with `asset_base`: none for assets beside
    /// the page (or with --no-integrity), else read off the release build
    /// (--integrity-from, else `assets`, else dist).
    fn read(
        &self,
        asset_base: &str,
        assets: Option<&Path>,
    ) -> Result<Option<warta::page::Integrity>, Failure> {
        if self.no_integrity || !warta::integrity::is_other_origin(asset_base) {
            return Ok(None);
        }
        let dir = (self.from.as_deref().or(assets))
            .unwrap_or(Path::new("dist"))
            .to_path_buf();
        warta::integrity::of_assets(&dir)
            .map(Some)
            .map_err(|problem| Failure {
                status: 3,
                lines: vec![
                    problem,
                    "a page with an --asset-base on another origin carries the integrity of the \
                     files it serves: --integrity-from DIR names their release build (default: \
                     --assets, else dist), --no-integrity writes none"
                        .to_owned(),
                ],
            })
    }
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Folder of article JSON, read recursively (`a/b.json` → `OUT/a/b/index.html`).
    src: PathBuf,
    /// Output folder.
    #[arg(short, long)]
    out: PathBuf,
    /// Folder of the widget's built assets, copied once to OUT. Default: dist
    /// (unless --asset-base says the assets are served elsewhere).
    #[arg(long, value_name = "DIR")]
    assets: Option<PathBuf>,
    /// URL prefix of the assets when they are served elsewhere; nothing is copied then
    /// unless --assets is also given. Default: relative links to the copies in OUT.
    #[arg(long, value_name = "URL")]
    asset_base: Option<String>,
    /// Build only the files listed, one a line (`-` for stdin): paths relative to SRC,
    /// or as `git diff --name-only` prints them. Pages of listed articles that are
    /// gone are removed; other files are skipped with a note.
    #[arg(long, value_name = "LIST")]
    files: Option<PathBuf>,
    /// Build only shard K of N (`K/N`, 0-based), split by a hash of each path.
    #[arg(long, value_name = "K/N")]
    shard: Option<warta::build::Shard>,
    /// Worker threads, at least 1. Default: every core.
    #[arg(short, long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    jobs: Option<usize>,
    /// Rebuild every page, even those up to date.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    integrity: IntegrityArgs,
    /// Remove the pages in OUT that no article under SRC makes any more (deleted or
    /// taken down): OUT must be SRC's alone. A --files build always removes the pages
    /// of listed articles that are gone.
    #[arg(long, conflicts_with = "files")]
    prune: bool,
    #[command(flatten)]
    site: SiteArgs,
    /// With --base-url: newest other articles in "Terkini Lainnya" of an article
    /// without its own `latest` (0: none).
    #[arg(long, value_name = "N", default_value_t = 5, requires = "base_url",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=100))]
    latest: usize,
}

/// The options of a site build, shared by `build` and `merge`.
#[derive(clap::Args)]
struct SiteArgs {
    /// The site's address (`https://example.com/`): also write sitemap.xml,
    /// news-sitemap.xml, robots.txt, feeds and list pages, and fill "Terkini Lainnya"
    /// from the archive. Every article's url must lie under it.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The build's time for the news sitemap's 48 hours (RFC 3339), for reproducible
    /// builds. Default: now.
    #[arg(long, value_name = "TIME", requires = "base_url")]
    now: Option<String>,
    /// Articles in each feed.
    #[arg(long, value_name = "N", default_value_t = 50, requires = "base_url",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000))]
    feed_size: usize,
}

impl SiteArgs {
    /// The site options, or `None` without --base-url.
    fn options(
        &self,
        asset_base: Option<&str>,
        integrity: Option<&warta::page::Integrity>,
        latest: usize,
    ) -> Result<Option<warta::build::site::SiteOptions>, Failure> {
        let Some(base) = &self.base_url else {
            return Ok(None);
        };
        let usage = |message: String| Failure {
            status: 2,
            lines: vec![message],
        };
        let base_url = warta::build::site::parse_base_url(base).map_err(usage)?;
        let now = match &self.now {
            Some(text) => warta::build::time::epoch_seconds(text).ok_or_else(|| {
                usage(format!(
                    "--now {text}: expected an RFC 3339 time such as 2024-05-16T07:12:00+07:00"
                ))
            })?,
            None => warta::build::time::now_seconds(),
        };
        Ok(Some(warta::build::site::SiteOptions {
            base_url,
            now,
            feed_size: self.feed_size,
            latest,
            limits: Default::default(),
            asset_base: asset_base.map(|base| {
                if base.is_empty() || base.ends_with('/') {
                    base.to_owned()
                } else {
                    format!("{base}/")
                }
            }),
            stylesheet_integrity: integrity.map(|integrity| integrity.stylesheet.clone()),
        }))
    }
}

#[derive(clap::Args)]
struct MergeArgs {
    /// The output folder holding every shard's OUT (with its .warta-shards/ manifests).
    out: PathBuf,
    /// URL prefix of warta.css for the list pages, as the shards were built with.
    #[arg(long, value_name = "URL")]
    asset_base: Option<String>,
    #[command(flatten)]
    integrity: IntegrityArgs,
    #[command(flatten)]
    site: SiteArgs,
}

/// `import --from html|wordpress`: the page's JSON on stdout, notes on stderr.
fn import_page(text: &str, url: Option<String>, from: ImportFrom) -> Result<String, Failure> {
    use warta::import::html::{import_html, PageImportError, PageOptions};
    let options = PageOptions { url };
    let imported = match from {
        ImportFrom::Wordpress => warta::import::wordpress::import_wordpress(text, &options),
        _ => import_html(text, &options),
    };
    match imported {
        Ok(imported) => {
            for note in &imported.notes {
                say(&format!("note: {note}"));
            }
            Ok(to_pretty_json(&imported.article))
        }
        Err(PageImportError::Invalid(problems)) => Err(Failure::invalid(
            std::iter::once("the imported article is not valid:".to_owned())
                .chain(problems.iter().map(ToString::to_string)),
        )),
        Err(error) => Err(Failure::invalid([error])),
    }
}

/// A path as git prints one with unusual characters (`core.quotePath`,
/// on by default): in double quotes, with C escapes and each non-ASCII
/// byte in octal (`"caf\303\251.json"`). Any other line is the path itself.
fn git_unquoted(line: &str) -> String {
    let Some(inner) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        return line.to_owned();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut rest = inner.bytes().peekable();
    while let Some(b) = rest.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match rest.next() {
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    match rest.peek() {
                        Some(&o @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(o - b'0');
                            rest.next();
                        }
                        _ => break,
                    }
                }
                bytes.push(value as u8);
            }
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(b'a') => bytes.push(7),
            Some(b'b') => bytes.push(8),
            Some(b'f') => bytes.push(12),
            Some(b'r') => bytes.push(b'\r'),
            Some(b'v') => bytes.push(11),
            Some(other) => bytes.push(other),
            None => bytes.push(b'\\'),
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| line.to_owned())
}

/// How `build` shows its progress on stderr: a bar on a terminal; in a
/// log, a line per failure and one every tenth of the articles.
struct BuildProgress {
    bar: Option<indicatif::ProgressBar>,
    total: AtomicUsize,
    done: AtomicUsize,
}

impl BuildProgress {
    fn new() -> Self {
        let bar = io::stderr().is_terminal().then(|| {
            let style = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} articles, {elapsed} so far, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            indicatif::ProgressBar::new(0).with_style(style)
        });
        BuildProgress {
            bar,
            total: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
        }
    }

    fn show(&self, event: warta::build::Progress<'_>) {
        match event {
            warta::build::Progress::Start { articles } => {
                self.total.store(articles, Ordering::Relaxed);
                if let Some(bar) = &self.bar {
                    bar.set_length(articles as u64);
                }
            }
            warta::build::Progress::Done { failure } => {
                if let Some(failure) = failure {
                    let line = format!(
                        "warta: failed {}: {}",
                        failure.file.display(),
                        one_line(failure.problem.clone())
                    );
                    match &self.bar {
                        Some(bar) => bar.println(line),
                        None => eprintln!("{line}"),
                    }
                }
                let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
                let total = self.total.load(Ordering::Relaxed);
                match &self.bar {
                    Some(bar) => bar.inc(1),
                    None if n % (total / 10).max(1) == 0 || n == total => {
                        say(&format!("{n}/{total} articles"))
                    }
                    None => {}
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `integrity`: the digests, or with an asset base the tags to paste.
fn integrity(dir: &Path, asset_base: Option<&str>) -> Result<String, Failure> {
    let problems = warta::integrity::loader_problems(dir).map_err(Failure::unreadable)?;
    if !problems.is_empty() {
        return Err(Failure::invalid(problems));
    }
    let digests = warta::integrity::linked_digests(dir).map_err(Failure::unreadable)?;
    Ok(match asset_base {
        None => format!(
            "warta.css {}\nwarta-init.js {}\n",
            digests.stylesheet, digests.loader
        ),
        Some(base) => {
            let base = html_escape::encode_double_quoted_attribute(base);
            let slash = if base.is_empty() || base.ends_with('/') {
                ""
            } else {
                "/"
            };
            let base = format!("{base}{slash}");
            format!(
                "<link rel=\"stylesheet\" href=\"{base}warta.css\" integrity=\"{}\" crossorigin=\"anonymous\">\n\
                 <script type=\"module\" src=\"{base}warta-init.js\" integrity=\"{}\" crossorigin=\"anonymous\"></script>\n",
                digests.stylesheet, digests.loader
            )
        }
    })
}

/// `build`: pages on disk, a summary on stderr, nothing on stdout.
fn build(args: BuildArgs) -> Result<String, Failure> {
    let files = match &args.files {
        Some(list) => Some(
            read_input(list)?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| PathBuf::from(git_unquoted(l)))
                .collect(),
        ),
        None => None,
    };
    let integrity = args.integrity.read(
        args.asset_base.as_deref().unwrap_or(""),
        args.assets.as_deref(),
    )?;
    // Assets served from elsewhere need no copy, unless --assets says so.
    let assets = args
        .assets
        .or_else(|| args.asset_base.is_none().then(|| PathBuf::from("dist")));

    let site = args
        .site
        .options(args.asset_base.as_deref(), integrity.as_ref(), args.latest)?;
    let options = warta::build::BuildOptions {
        integrity,
        site,
        src: args.src,
        out: args.out,
        assets,
        asset_base: args.asset_base.clone(),
        files,
        shard: args.shard,
        jobs: args.jobs,
        force: args.force,
        prune: args.prune,
    };
    if options.site.is_none() {
        say("note: no --base-url: pages only (no sitemaps, feeds, robots.txt or list pages)");
    }
    let shown = BuildProgress::new();
    let report = warta::build::build(&options, |event| shown.show(event));
    shown.finish();
    let report = report.map_err(|error| match error {
        warta::build::BuildError::Read(_) => Failure::unreadable(error.to_string()),
        warta::build::BuildError::Write(_) => Failure::unwritable(error.to_string()),
    })?;
    for (file, why) in &report.skipped {
        say(&format!("note: skipped {}: {why}", file.display()));
    }
    for page in &report.removed {
        say(&format!("removed {} (its article is gone)", page.display()));
    }
    let mut summary = format!(
        "built {}, unchanged {}, removed {}, failed {}",
        report.built,
        report.unchanged,
        report.removed.len(),
        report.failed.len()
    );
    let mut failed: Vec<(String, String)> = report
        .failed
        .iter()
        .map(|f| (f.file.display().to_string(), f.problem.clone()))
        .collect();
    if let Some(site) = &report.site {
        summary.push_str(&site_summary(site));
        failed.extend(
            site.problems
                .iter()
                .map(|p| (p.file.clone(), p.problem.clone())),
        );
    } else if options.shard.is_some() && options.site.is_some() {
        summary.push_str("; manifest written for `warta merge`");
    }
    if failed.is_empty() {
        say(&summary);
        return Ok(String::new());
    }
    let lines = std::iter::once(summary)
        .chain(
            failed
                .iter()
                .map(|(file, problem)| format!("  {file}: {problem}")),
        )
        .collect();
    // A page that could not be written outranks an invalid article.
    let status = if report.failed.iter().any(|f| f.write) {
        4
    } else {
        1
    };
    Err(Failure { status, lines })
}

/// `; site files: written 9, unchanged 0, left out 1` for the build's summary.
fn site_summary(site: &warta::build::site::SiteReport) -> String {
    format!(
        "; site files written {}, unchanged {}, articles left out {}",
        site.written.len(),
        site.unchanged,
        site.problems.len()
    )
}

/// `merge`: the site outputs from the shards' manifests.
fn merge(args: MergeArgs) -> Result<String, Failure> {
    // The pages carry their lists already; merge writes no page.
    let integrity = args
        .integrity
        .read(args.asset_base.as_deref().unwrap_or(""), None)?;
    let Some(site) = args
        .site
        .options(args.asset_base.as_deref(), integrity.as_ref(), 0)?
    else {
        return Err(Failure {
            status: 2,
            lines: vec!["merge needs --base-url, as the shards were built with".to_owned()],
        });
    };
    let report = warta::build::merge(&args.out, &site).map_err(|error| match error {
        warta::build::BuildError::Read(_) => Failure::unreadable(error.to_string()),
        warta::build::BuildError::Write(_) => Failure::unwritable(error.to_string()),
    })?;
    let summary = format!("merged{}", site_summary(&report));
    if report.problems.is_empty() {
        say(&summary);
        return Ok(String::new());
    }
    let lines = std::iter::once(summary)
        .chain(
            report
                .problems
                .iter()
                .map(|p| format!("  {}: {}", p.file, p.problem)),
        )
        .collect();
    Err(Failure { status: 1, lines })
}
