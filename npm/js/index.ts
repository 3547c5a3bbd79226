// The package's Node API: warta's render, page, reader and schema, from the
// Wasm build of the same Rust code as the `warta` CLI (npm/src/lib.rs).
// Compiled by scripts/npm-package.sh to index.js and index.d.ts.
//
// Every input reaches the Wasm as JSON text and goes through the CLI's own
// reader, so the problems, their paths and their words are `warta
// validate`'s. A plain object is written as that text with JSON.stringify
// rather than handed over as a JavaScript value (serde-wasm-bindgen): the
// reader's checks are on the text (its size, nesting, duplicate keys and
// lone surrogates, each with its path) and a second reader of JavaScript
// values would word its errors its own way.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { AdSlot, Article } from "./contract.js";
import type * as Bindings from "./wasm/warta_node.js";

export type * from "./contract.js";

// The wasm-bindgen glue for Node is CommonJS (wasm/package.json says so).
const wasm: typeof Bindings = createRequire(import.meta.url)("./wasm/warta_node.js");

/** When a widget loads its Wasm and mounts (README, "Loading strategies"). */
export type LoadStrategy = "eager" | "idle" | "visible" | "interaction";

/** Options of {@link render}, as `warta render`'s. */
export interface RenderOptions {
  /** In-article ad slots (`--ad-slots`): the list, or its JSON text. Default: none. */
  adSlots?: AdSlot[] | string;
  /** `--load`: when this widget loads, whatever the page's strategy. Default: the page's. */
  load?: LoadStrategy;
  /**
   * Receives each note `warta render` prints on stderr (an ad slot after
   * the article's last paragraph is left out). Default: `console.warn`,
   * as `warta: note: …`.
   */
  onNote?: (note: string) => void;
}

/** Options of {@link page}, as `warta page`'s. */
export interface PageOptions extends RenderOptions {
  /**
   * `--asset-base`: the URL prefix of warta.css and warta-init.js. Default: beside the page.
   * On another origin (`https://…`), the links carry the integrity of the package's own
   * files, as `warta page` writes it; serve exactly those.
   */
  assetBase?: string;
}

/** One problem, as `warta validate` prints it: `path: message` (just `message` when the path is empty). */
export interface Problem {
  /** Where, as `body[3].url`; empty for the document itself. */
  path: string;
  /** What is wrong. */
  message: string;
}

/** What a failed call throws: the input at fault and every problem found in it. */
export class WartaError extends Error {
  /** Which input: the article, the ad slots or the loading strategy. */
  readonly input: "article" | "adSlots" | "load";
  /** Every problem, in document order. */
  readonly problems: Problem[];

  constructor(input: WartaError["input"], problems: Problem[]) {
    const first = problems[0] ? problemLine(problems[0]) : "";
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(`invalid ${input}: ${first}${more}`);
    this.name = "WartaError";
    this.input = input;
    this.problems = problems;
  }
}

/** A problem as one line, the way `warta validate` prints it after `warta: `. */
export function problemLine(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** warta's version, which every render's fingerprint starts with (`0.1.0`). */
export const version: string = wasm.wartaVersion();

/**
 * The folder of the browser assets in this package (ends with a path
 * separator): copy or serve {@link assetFiles} from it, beside each other.
 * They are the build every render of this package expects.
 */
export const assetsDir: string = fileURLToPath(new URL("./assets/", import.meta.url));

/** The browser assets, as `warta build` copies them: the stylesheet, the loader and both bundles. */
export const assetFiles: readonly string[] = [
  "warta.css",
  "warta-init.js",
  "warta-island.js",
  "warta-island_bg.wasm",
  "warta.js",
  "warta_bg.wasm",
];

/**
 * The embeddable fragment, byte for byte what `warta render` prints.
 * Throws a {@link WartaError} for an invalid article, ad-slot list or strategy.
 */
export function render(article: Article | string, options: RenderOptions = {}): string {
  const text = jsonText(article, "article");
  const slots = options.adSlots === undefined ? undefined : jsonText(options.adSlots, "adSlots");
  return withNotes(options, () => wasm.renderFragment(text, slots, options.load));
}

/**
 * The complete static page, byte for byte the index.html `warta page` writes.
 * Throws a {@link WartaError} as {@link render} does.
 */
export function page(article: Article | string, options: PageOptions = {}): string {
  const text = jsonText(article, "article");
  const slots = options.adSlots === undefined ? undefined : jsonText(options.adSlots, "adSlots");
  const base = options.assetBase ?? "";
  const [css, loader] = /^(https?:)?\/\//i.test(base) ? [digest("warta.css"), digest("warta-init.js")] : [];
  return withNotes(options, () => wasm.renderPage(text, base, slots, options.load, css, loader));
}

/** A file of the package's assets as Subresource Integrity writes it: `sha384-` and base64. */
function digest(file: string): string {
  return `sha384-${createHash("sha384").update(readFileSync(join(assetsDir, file))).digest("base64")}`;
}

/**
 * Every problem `warta validate` finds in the article; empty when it is
 * valid. Never throws: what cannot be read at all is one problem.
 */
export function validate(article: unknown): Problem[] {
  try {
    return JSON.parse(wasm.validateArticle(jsonText(article, "article"))) as Problem[];
  } catch (error) {
    if (error instanceof WartaError) return error.problems;
    throw error;
  }
}

/** The JSON Schema `warta schema` prints (with `adSlots`, `warta schema --ad-slots`'s). */
export function schema(options: { adSlots?: boolean } = {}): Record<string, unknown> {
  return JSON.parse(wasm.schemaText(options.adSlots === true)) as Record<string, unknown>;
}

/**
 * The JSON text of an input: a string as it is, anything else as
 * JSON.stringify writes it (`undefined` as `null`, which the reader
 * refuses as not an object). A string must be well-formed UTF-16, as a
 * file must be UTF-8 for the CLI: a lone surrogate would otherwise reach
 * the reader as U+FFFD.
 */
function jsonText(value: unknown, input: WartaError["input"]): string {
  if (typeof value === "string") {
    const at = loneSurrogate(value);
    if (at >= 0) {
      throw new WartaError(input, [{ path: "", message: `the document is not Unicode text (a lone surrogate at UTF-16 offset ${at})` }]);
    }
    return value;
  }
  try {
    return JSON.stringify(value) ?? "null";
  } catch (error) {
    // A cycle, a BigInt, a throwing toJSON, or nesting too deep for the stack.
    const why = error instanceof Error ? error.message : String(error);
    throw new WartaError(input, [{ path: "", message: `cannot be written as JSON: ${why}` }]);
  }
}

/** The offset of the first lone surrogate in `text`, or -1. */
function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return i;
    i++;
  }
  return -1;
}

/** Runs a render, gives its notes to `onNote` and returns its markup; failures as {@link WartaError}s. */
function withNotes(options: RenderOptions, run: () => string[]): string {
  let out: string[];
  try {
    out = run();
  } catch (error) {
    // The Wasm throws a failure as JSON text (npm/src/lib.rs, `Failure`).
    if (typeof error !== "string") throw error;
    const failure = JSON.parse(error) as { input: WartaError["input"]; problems: Problem[] };
    throw new WartaError(failure.input, failure.problems);
  }
  const [html, ...notes] = out;
  const onNote = options.onNote ?? ((note: string) => console.warn(`warta: note: ${note}`));
  for (const note of notes) onNote(note);
  return html ?? "";
}
