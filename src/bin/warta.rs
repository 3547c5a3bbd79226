//! The `warta` command line: import, validate, render and describe articles.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Parser, Subcommand};
use warta::ad_slots::unplaced_ad_slots;
use warta::import::{import_json, ImportOptions};
use warta::json::{parse_ad_slots, parse_article};
use warta::model::limits::MAX_INPUT_BYTES;
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
    },
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

/// How a command failed; each kind has its own exit status (README, "Exit
/// statuses"), so scripts can tell a bad article from a missing file.
enum Failure {
    /// The input was read but is not a valid article (or cannot become
    /// one): status 1. One line per problem.
    Invalid(Vec<String>),
    /// An input file could not be read: status 3.
    Unreadable(String),
    /// Output could not be written: status 4.
    Unwritable(String),
}

impl Failure {
    fn status(&self) -> u8 {
        match self {
            Failure::Invalid(_) => 1,
            Failure::Unreadable(_) => 3,
            Failure::Unwritable(_) => 4,
        }
    }

    fn lines(&self) -> &[String] {
        match self {
            Failure::Invalid(lines) => lines,
            Failure::Unreadable(line) | Failure::Unwritable(line) => std::slice::from_ref(line),
        }
    }
}

/// Problems as error lines.
fn invalid<T: ToString>(problems: Vec<T>) -> Failure {
    Failure::Invalid(problems.iter().map(ToString::to_string).collect())
}

fn main() -> ExitCode {
    // Bad arguments: clap prints usage and exits with status 2.
    let cli = Cli::parse();
    match run(cli.command).and_then(|output| write_stdout(&output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in failure.lines() {
                say(line);
            }
            ExitCode::from(failure.status())
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
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Unwritable(format!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// One `warta:` line on stderr. Control characters are shown escaped, so
/// whatever an input holds, it cannot split a message, forge another
/// `warta:` line or send terminal codes. A closed stderr is ignored, never
/// a panic.
fn say(line: &str) {
    let mut shown = String::with_capacity(line.len());
    for c in line.chars() {
        // Line and paragraph separators and bidi overrides can fake a line
        // or reorder it on screen, like control characters.
        let unsafe_format = matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        );
        if c.is_control() || unsafe_format {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    let _ = writeln!(io::stderr().lock(), "warta: {shown}");
}

fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Import { input, url } => {
            let text = read_input(&input)?;
            let (json, imported) = import_json(&text, &ImportOptions { url })
                .map_err(|e| Failure::Invalid(vec![e.to_string()]))?;
            for note in &imported.notes {
                say(&format!("note: {note}"));
            }
            Ok(json)
        }
        Command::Validate { input } => {
            let text = read_input(&input)?;
            parse_article(&text).map_err(invalid)?;
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
                .map_err(|e| {
                    Failure::Unwritable(format!("cannot write {}: {e}", path.display()))
                })?;
            say(&format!("wrote {}", path.display()));
            Ok(String::new())
        }
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
) -> Result<RenderOptions, Failure> {
    let Some(path) = ad_slots else {
        return Ok(RenderOptions::default());
    };
    let ad_slots = parse_ad_slots(&read_input(path)?).map_err(|problems| {
        Failure::Invalid(
            problems
                .iter()
                .map(|p| format!("{}: {p}", path.display()))
                .collect(),
        )
    })?;
    for note in unplaced_ad_slots(article, &ad_slots) {
        say(&format!("note: {note}"));
    }
    Ok(RenderOptions { ad_slots })
}

/// Reads and validates an article; problems become error lines.
fn read_article(path: &PathBuf) -> Result<warta::model::Article, Failure> {
    parse_article(&read_input(path)?).map_err(invalid)
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
    result.map_err(|e| Failure::Unreadable(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(Failure::Invalid(vec![format!(
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
            Err(Failure::Invalid(vec![format!(
                "{name} is not UTF-8 text: invalid byte at offset {}{hint}",
                e.valid_up_to()
            )]))
        }
    }
}
