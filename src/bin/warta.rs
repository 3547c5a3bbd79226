//! The `warta` command line: import, validate, render and describe articles.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Parser, Subcommand};
use warta::ad_slots::unplaced_ad_slots;
use warta::import::{import_text, ImportOptions};
use warta::json::{parse_ad_slots, parse_article, to_pretty_json};
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
    },
    /// Print the JSON Schema of the article data contract.
    Schema {
        /// Print the schema of the ad-slot file instead.
        #[arg(long)]
        ad_slots: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = match cli.command {
        Command::Build(args) => return build_command(args),
        Command::Import {
            input, url, from, ..
        } if from != ImportFrom::Text => return import_page_command(&input, url, from),
        command => command,
    };
    match run(command) {
        Ok(output) => {
            // Output is built whole before anything is written, so stdout
            // never holds half a document.
            let mut stdout = io::stdout().lock();
            if stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for line in lines {
                eprintln!("warta: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, Vec<String>> {
    match command {
        Command::Import { input, url, .. } => {
            let text = read_input(&input)?;
            let imported =
                import_text(&text, &ImportOptions { url }).map_err(|e| vec![e.to_string()])?;
            for note in &imported.notes {
                eprintln!("warta: note: {note}");
            }
            Ok(to_pretty_json(&imported.article))
        }
        Command::Validate { input } => {
            let text = read_input(&input)?;
            parse_article(&text)
                .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
            Ok(String::new())
        }
        Command::Render { input, ad_slots } => {
            let article = Rc::new(read_article(&input)?);
            let options = render_options(&article, ad_slots.as_ref())?;
            Ok(warta::page::fragment(&article, &options))
        }
        Command::Page {
            input,
            out_dir,
            asset_base,
            ad_slots,
        } => {
            let article = Rc::new(read_article(&input)?);
            let options = render_options(&article, ad_slots.as_ref())?;
            let base = match asset_base.as_str() {
                "" => String::new(),
                base if base.ends_with('/') => base.to_owned(),
                base => format!("{base}/"),
            };
            let html = warta::page::page(&article, &base, &options);
            let path = out_dir.join("index.html");
            std::fs::create_dir_all(&out_dir)
                .and_then(|()| std::fs::write(&path, html))
                .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
            eprintln!("warta: wrote {}", path.display());
            Ok(String::new())
        }
        Command::Build(_) => unreachable!("handled in main"),
        Command::Schema { ad_slots } => {
            let schema = if ad_slots {
                schemars::schema_for!(Vec<warta::ad_slots::AdSlot>)
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
) -> Result<RenderOptions, Vec<String>> {
    let Some(path) = ad_slots else {
        return Ok(RenderOptions::default());
    };
    let ad_slots = parse_ad_slots(&read_input(path)?).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{}: {p}", path.display()))
            .collect::<Vec<_>>()
    })?;
    for note in unplaced_ad_slots(article, &ad_slots) {
        eprintln!("warta: note: {note}");
    }
    Ok(RenderOptions { ad_slots })
}

/// Reads and validates an article; problems become error lines.
fn read_article(path: &PathBuf) -> Result<warta::model::Article, Vec<String>> {
    parse_article(&read_input(path)?)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

/// Reads a file, or stdin for `-`, as UTF-8 text.
fn read_input(path: &PathBuf) -> Result<String, Vec<String>> {
    let mut text = String::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut file| file.read_to_string(&mut text))
            .map(|_| ())
    };
    result.map_err(|e| vec![format!("cannot read {}: {e}", path.display())])?;
    Ok(text)
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
    /// Build only the files listed (paths relative to SRC, one a line; `-` for stdin).
    #[arg(long, value_name = "LIST")]
    files: Option<PathBuf>,
    /// Build only shard K of N (`K/N`, 0-based), split by a hash of each path.
    #[arg(long, value_name = "K/N")]
    shard: Option<warta::build::Shard>,
    /// Worker threads. Default: every core.
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Rebuild every page, even those up to date.
    #[arg(long)]
    force: bool,
}

fn import_page_command(input: &PathBuf, url: Option<String>, from: ImportFrom) -> ExitCode {
    let text = match read_source(input) {
        Ok(text) => text,
        Err(failure) => return failure.report(),
    };
    let options = warta::import::html::PageOptions { url };
    let imported = match from {
        ImportFrom::Wordpress => warta::import::wordpress::import_wordpress(&text, &options),
        _ => warta::import::html::import_html(&text, &options),
    };
    match imported {
        Ok(imported) => {
            for note in &imported.notes {
                eprintln!("warta: note: {note}");
            }
            emit(&to_pretty_json(&imported.article))
        }
        Err(warta::import::html::PageImportError::Invalid(problems)) => {
            eprintln!("warta: the imported article is not valid:");
            for problem in problems {
                eprintln!("warta: {problem}");
            }
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("warta: {error}");
            ExitCode::from(1)
        }
    }
}

fn build_command(args: BuildArgs) -> ExitCode {
    let files = match &args.files {
        Some(list) => match read_source(list) {
            Ok(text) => Some(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from)
                    .collect(),
            ),
            Err(failure) => return failure.report(),
        },
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
        progress: warta::build::Progress::Auto,
    };
    let report = match warta::build::build(&options) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("warta: {error}");
            return ExitCode::from(match error {
                warta::build::BuildError::Read(_) => 3,
                warta::build::BuildError::Write(_) => 4,
            });
        }
    };
    eprintln!(
        "warta: built {}, unchanged {}, failed {}",
        report.built,
        report.unchanged,
        report.failed.len()
    );
    for failure in &report.failed {
        eprintln!("warta:   {}: {}", failure.file.display(), failure.problem);
    }
    if report.failed.iter().any(|f| f.write) {
        ExitCode::from(4)
    } else if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// An input that could not be used, with its exit status.
struct InputFailure {
    status: u8,
    message: String,
}

impl InputFailure {
    fn report(self) -> ExitCode {
        eprintln!("warta: {}", self.message);
        ExitCode::from(self.status)
    }
}

/// Reads a file or stdin (`-`): unreadable is status 3, not UTF-8 is invalid input (1).
fn read_source(path: &PathBuf) -> Result<String, InputFailure> {
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes))
    };
    if let Err(e) = result {
        return Err(InputFailure {
            status: 3,
            message: format!("cannot read {}: {e}", path.display()),
        });
    }
    String::from_utf8(bytes).map_err(|_| InputFailure {
        status: 1,
        message: format!("{} is not UTF-8 text", path.display()),
    })
}

/// Writes the whole output to stdout; a closed pipe is a quiet success.
fn emit(output: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: cannot write the output: {e}");
            ExitCode::from(4)
        }
    }
}
