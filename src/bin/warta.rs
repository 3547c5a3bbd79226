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
            let html = warta::page::page_loading(&article, &base, &options, load.as_deref());
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
    /// Remove the pages in OUT that no article under SRC makes any more (deleted or
    /// taken down): OUT must be SRC's alone. A --files build always removes the pages
    /// of listed articles that are gone.
    #[arg(long, conflicts_with = "files")]
    prune: bool,
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
    // Assets served from elsewhere need no copy, unless --assets says so.
    let assets = args
        .assets
        .or_else(|| args.asset_base.is_none().then(|| PathBuf::from("dist")));
    let options = warta::build::BuildOptions {
        src: args.src,
        out: args.out,
        assets,
        asset_base: args.asset_base,
        files,
        shard: args.shard,
        jobs: args.jobs,
        force: args.force,
        prune: args.prune,
    };
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
    let summary = format!(
        "built {}, unchanged {}, removed {}, failed {}",
        report.built,
        report.unchanged,
        report.removed.len(),
        report.failed.len()
    );
    if report.failed.is_empty() {
        say(&summary);
        return Ok(String::new());
    }
    let lines = std::iter::once(summary)
        .chain(
            report
                .failed
                .iter()
                .map(|f| format!("  {}: {}", f.file.display(), f.problem)),
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
