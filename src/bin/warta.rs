//! The `warta` command line: import, validate, render and describe articles.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Parser, Subcommand};
use warta::ad_slots::unplaced_ad_slots;
use warta::embed::LOAD_STRATEGIES;
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
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
        Command::Import { input, url } => {
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
        Command::Render {
            input,
            ad_slots,
            load,
        } => {
            let article = Rc::new(read_article(&input)?);
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
            let article = Rc::new(read_article(&input)?);
            let options = render_options(&article, ad_slots.as_ref())?;
            let base = match asset_base.as_str() {
                "" => String::new(),
                base if base.ends_with('/') => base.to_owned(),
                base => format!("{base}/"),
            };
            let html = warta::page::page_loading(&article, &base, &options, load.as_deref());
            let path = out_dir.join("index.html");
            std::fs::create_dir_all(&out_dir)
                .and_then(|()| std::fs::write(&path, html))
                .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
            eprintln!("warta: wrote {}", path.display());
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
