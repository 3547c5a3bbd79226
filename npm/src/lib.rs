//! The Node bindings of the npm package `warta`: the CLI's render, page,
//! reader and schema, compiled to Wasm (`wasm-pack build --target nodejs`,
//! scripts/npm-package.sh).
//!
//! Every input crosses as JSON text and goes through the CLI's own readers
//! ([`read_article`], [`parse_ad_slots`]), so the package reports the same
//! problems, paths and words as `warta validate` and `warta render`. The
//! package's JavaScript (`npm/js/index.ts`) turns plain objects into that
//! text with `JSON.stringify` and turns a failure, thrown here as JSON text
//! (see [`Failure`]), into an `Error` carrying the problems.
#![deny(missing_docs)]

use std::rc::Rc;

use serde_json::json;
use warta::ad_slots::unplaced_ad_slots;
use warta::embed::LOAD_STRATEGIES;
use warta::json::parse_ad_slots;
use warta::model::{read_article, Article, Problem};
use warta::page::{asset_base, fragment, fragment_loading, page_loading, Integrity};
use warta::render::RenderOptions;
use wasm_bindgen::prelude::*;

/// What went wrong, thrown to JavaScript as JSON text:
/// `{"input": "article" | "adSlots" | "load", "problems": [{"path", "message"}]}`.
struct Failure {
    input: &'static str,
    problems: Vec<Problem>,
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let text = json!({
            "input": failure.input,
            "problems": problems_json(&failure.problems),
        });
        JsValue::from_str(&text.to_string())
    }
}

fn problems_json(problems: &[Problem]) -> serde_json::Value {
    problems
        .iter()
        .map(|p| json!({ "path": p.path, "message": p.message }))
        .collect()
}

/// The article, read and validated as `warta validate` does.
fn article(text: &str) -> Result<Rc<Article>, Failure> {
    read_article(text).map(Rc::new).map_err(|problems| Failure {
        input: "article",
        problems,
    })
}

/// The ad slots (`--ad-slots`), and notes on those the article cannot place.
fn render_options(
    article: &Article,
    ad_slots: Option<String>,
) -> Result<(RenderOptions, Vec<String>), Failure> {
    let Some(text) = ad_slots else {
        return Ok((RenderOptions::default(), Vec::new()));
    };
    let ad_slots = parse_ad_slots(&text).map_err(|problems| Failure {
        input: "adSlots",
        problems,
    })?;
    let notes = unplaced_ad_slots(article, &ad_slots);
    Ok((RenderOptions { ad_slots }, notes))
}

/// A loading strategy (`--load`), one of [`LOAD_STRATEGIES`].
fn strategy(load: Option<String>) -> Result<Option<String>, Failure> {
    match load {
        Some(load) if !LOAD_STRATEGIES.contains(&load.as_str()) => Err(Failure {
            input: "load",
            problems: vec![Problem::new(
                "",
                format!(
                    "{load:?} is not a loading strategy; use one of {}",
                    LOAD_STRATEGIES.join(", ")
                ),
            )],
        }),
        load => Ok(load),
    }
}

/// `warta render`: the fragment, then the notes `warta render` prints on
/// stderr (ad slots the article cannot place).
#[wasm_bindgen(js_name = renderFragment)]
pub fn render_fragment(
    article_json: &str,
    ad_slots_json: Option<String>,
    load: Option<String>,
) -> Result<Vec<String>, JsValue> {
    let load = strategy(load)?;
    let article = article(article_json)?;
    let (options, notes) = render_options(&article, ad_slots_json)?;
    let html = match load {
        Some(load) => fragment_loading(&article, &options, &load),
        None => fragment(&article, &options),
    };
    Ok(std::iter::once(html).chain(notes).collect())
}

/// `warta page`: the index.html it writes, then its notes.
#[wasm_bindgen(js_name = renderPage)]
pub fn render_page(
    article_json: &str,
    asset_base_url: &str,
    ad_slots_json: Option<String>,
    load: Option<String>,
    stylesheet_integrity: Option<String>,
    loader_integrity: Option<String>,
) -> Result<Vec<String>, JsValue> {
    let load = strategy(load)?;
    let article = article(article_json)?;
    let (options, notes) = render_options(&article, ad_slots_json)?;
    // The package's own assets' digests, for an asset base on another
    // origin (index.ts reads them, as `warta page` does off dist/).
    let integrity = stylesheet_integrity
        .zip(loader_integrity)
        .map(|(stylesheet, loader)| Integrity { stylesheet, loader });
    let html = page_loading(
        &article,
        &asset_base(asset_base_url),
        &options,
        load.as_deref(),
        integrity.as_ref(),
    );
    Ok(std::iter::once(html).chain(notes).collect())
}

/// `warta validate`: every problem as JSON text (`[]` when valid).
#[wasm_bindgen(js_name = validateArticle)]
pub fn validate_article(article_json: &str) -> String {
    let problems = read_article(article_json).err().unwrap_or_default();
    problems_json(&problems).to_string()
}

/// `warta schema` (or `warta schema --ad-slots`), as it prints it.
#[wasm_bindgen(js_name = schemaText)]
pub fn schema_text(ad_slots: bool) -> String {
    let schema = if ad_slots {
        warta::ad_slots::schema()
    } else {
        schemars::schema_for!(Article)
    };
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

/// warta's version: what the fingerprint of every render starts with.
#[wasm_bindgen(js_name = wartaVersion)]
pub fn warta_version() -> String {
    warta::embed::VERSION.to_owned()
}
