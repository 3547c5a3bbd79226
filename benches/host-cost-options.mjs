// The host-cost benchmark's command line (benches/host-cost.mjs): its
// options, read with Node's util.parseArgs in strict mode, and their values
// checked, so that a run that could not measure what it was asked to is
// refused before a page is written or a browser started. No browser, no
// server, nothing but the file system's stat here: benches/host-cost-options.test.mjs
// tests it with `node --test`.
import { accessSync, constants, readdirSync, statSync, writeSync } from "node:fs";
import { parseArgs } from "node:util";

export const PROFILE = {
  // A mid-range phone on a slow mobile network.
  phone: { viewport: { width: 390, height: 844 }, cpu: 4, network: { latency: 150, down: 1.6e6, up: 750e3 } },
  // This machine as it is.
  desktop: { viewport: { width: 1280, height: 900 }, cpu: 1, network: null },
};
// The phone's page and network with this machine's CPU, not slowed: Chromium's
// 4× slowdown also multiplies the time the page's thread waits for a CPU,
// so on a shared machine the 4× figures move by a third between hours and
// these by about half that (docs/performance.md, "The measuring machine").
// Not a default: for comparing builds measured on different days.
PROFILE["phone-1x"] = { ...PROFILE.phone, cpu: 1 };
export const DEFAULT_PROFILES = ["phone", "desktop"];

// Both bundles; an older dist without the island bundle is measured too.
export const ASSETS = ["warta.css", "warta-init.js", "warta-island.js", "warta-island_bg.wasm", "warta.js", "warta_bg.wasm"];
export const ENCODINGS = ["br", "gzip", "identity"];
// warta's loading strategies (LOAD_STRATEGIES in src/embed.rs).
export const LOADS = ["eager", "idle", "visible", "interaction"];

const OPTIONS = {
  runs: { type: "string", default: "10" },
  encoding: { type: "string", default: "br" },
  load: { type: "string" },
  article: { type: "string", default: "tests/fixtures/sample.json" },
  hero: { type: "boolean", default: false },
  profiles: { type: "string" },
  dist: { type: "string", default: "dist" },
  warta: { type: "string", default: "target/release/warta" },
  repeat: { type: "boolean", default: false },
  debug: { type: "boolean", default: false },
  traces: { type: "string" },
  untraced: { type: "boolean", default: false },
  compare: { type: "string" },
  floor: { type: "boolean", default: false },
  tasks: { type: "boolean", default: false },
  "js-flags": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
};

export const SYNOPSIS = `usage: node benches/host-cost.mjs [--runs 10] [--encoding br|gzip|identity]
         [--load eager|idle|visible|interaction] [--article FILE] [--hero]
         [--profiles phone,desktop,phone-1x] [--dist DIR] [--warta BIN] [--repeat] [--debug]
         [--traces DIR] [--untraced] [--compare DIR | --floor] [--tasks] [--js-flags FLAGS]`;

export const HELP = `${SYNOPSIS}

What warta costs the page that embeds it: the page \`warta page\` writes for
an article against the same page without warta's script and preload lines,
loaded in turn, each in a fresh browser context. After \`trunk build --release\`
and \`cargo build --release --features cli\`. Method: docs/performance.md.

  --runs N            loads of each page per profile (default 10)
  --encoding E        how responses are served: br (default), gzip or identity
  --load STRATEGY     warta's loading strategy written into the page
                      (\`warta page --load\`); default: warta's own default
  --article FILE      the article (default tests/fixtures/sample.json)
  --hero              give the article a 90 KB hero photo
  --profiles NAMES    which profiles to run, in order, comma-separated
                      (default phone,desktop); phone-1x is the phone's screen
                      and network without the CPU slowdown
  --dist DIR          this build's assets (default dist)
  --warta BIN         the warta CLI that writes the page (default target/release/warta)
  --repeat            a returning reader: assets cached from a first, unmeasured load
  --debug             print each load's resource timeline and warta's tasks
  --traces DIR        keep each traced load's Chromium trace in DIR
  --untraced          skip the traced loads (the task and trace rows print —)
  --compare DIR       also load the page with another build's assets (DIR) and
                      print the paired difference
  --floor             compare, the same way, with the floor (benches/host-cost-floor.js)
  --tasks             time warta's tasks in the untraced loads
  --js-flags FLAGS    V8 flags for Chromium, e.g. --js-flags --no-wasm-lazy-compilation
  -h, --help          print this and exit`;

/** A command line the benchmark refuses: exit status 2, one line on stderr. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
    this.exitCode = 2;
  }
}

const fail = (message) => {
  throw new UsageError(message);
};

// One of host-cost's own options, as it may stand on the command line.
const isOwnOption = (arg) => {
  const name = /^--([^=]+)/.exec(arg)?.[1];
  return arg === "-h" || (name !== undefined && Object.hasOwn(OPTIONS, name));
};

/**
 * The documented form `--js-flags --no-wasm-lazy-compilation` gives a value
 * that starts with a dash, which strict parseArgs takes for a forgotten
 * value; V8's flags always start with one. So the argument after
 * `--js-flags` is its value, unless it is one of host-cost's own options.
 */
function joinJsFlags(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--js-flags" && i + 1 < argv.length && !isOwnOption(argv[i + 1])) {
      out.push(`--js-flags=${argv[++i]}`);
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

/** parseArgs' errors, in host-cost's words: the option concerned first. */
function explain(error, argv) {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  const option = quoted.replace(/ <value>$/, "");
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option "${option}"`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument "${option}" (every value follows its option)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      if (/does not take an argument/.test(error.message)) return `${option}: takes no value`;
      const at = argv.lastIndexOf(option);
      const next = at >= 0 ? argv[at + 1] : undefined;
      if (next === undefined) return `${option}: expected a value`;
      if (option === "--js-flags") return `--js-flags: expected V8 flags, got host-cost's own option "${next}"`;
      return `${option}: expected a value, got "${next}" (to give a value that starts with a dash, write ${option}=${next})`;
    }
    default:
      return error.message.split("\n")[0];
  }
}

function stat(path) {
  try {
    return statSync(path);
  } catch (error) {
    return error;
  }
}

/** `--name`'s value names a folder that can be read and holds at least one of warta's assets. */
function checkBuildFolder(name, path) {
  const found = stat(path);
  if (found instanceof Error) fail(found.code === "ENOENT" ? `--${name}: no such folder "${path}"` : `--${name}: cannot read "${path}" (${found.code})`);
  if (!found.isDirectory()) fail(`--${name}: "${path}" is not a folder`);
  let names;
  try {
    names = readdirSync(path);
  } catch (error) {
    fail(`--${name}: cannot read the folder "${path}" (${error.code})`);
  }
  if (!ASSETS.some((asset) => names.includes(asset))) {
    fail(`--${name}: "${path}" holds none of warta's assets (${ASSETS.join(", ")}); expected a build's dist/ folder`);
  }
}

/**
 * The benchmark's options from its command line (`process.argv.slice(2)`).
 * Returns `{ help: true }` for --help or -h; throws a UsageError for an
 * unknown option, a missing or malformed value, a path given that cannot
 * be used, or --compare with --floor. Paths are checked only when given:
 * the defaults are where `trunk build` and `cargo build` put their output.
 */
export function parseOptions(argv) {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const args = joinJsFlags(argv);
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    if (!String(error.code).startsWith("ERR_PARSE_ARGS_")) throw error;
    fail(explain(error, args));
  }
  const { values, tokens } = parsed;

  // Given twice: which one was meant is a guess (the old parser took the first).
  const given = new Map();
  for (const token of tokens) {
    if (token.kind !== "option" || OPTIONS[token.name].type !== "string") continue;
    if (given.has(token.name)) fail(`--${token.name}: given twice ("${given.get(token.name)}" and "${token.value}"); give it once`);
    given.set(token.name, token.value);
  }
  for (const [name, value] of given) if (value === "") fail(`--${name}: expected a value, got ""`);

  if (!/^[0-9]+$/.test(values.runs) || !Number.isSafeInteger(Number(values.runs)) || Number(values.runs) < 1) {
    fail(`--runs: expected a whole number ≥ 1, got "${values.runs}"`);
  }
  if (!ENCODINGS.includes(values.encoding)) fail(`--encoding: expected ${ENCODINGS.join(", ")}, got "${values.encoding}"`);
  if (values.load !== undefined && !LOADS.includes(values.load)) fail(`--load: expected ${LOADS.join(", ")}, got "${values.load}"`);

  let profiles = DEFAULT_PROFILES;
  if (values.profiles !== undefined) {
    profiles = values.profiles.split(",").map((name) => name.trim());
    const known = Object.keys(PROFILE);
    for (const name of profiles) {
      if (name === "") fail(`--profiles: expected profile names separated by commas (${known.join(", ")}), got "${values.profiles}"`);
      if (!Object.hasOwn(PROFILE, name)) fail(`--profiles: unknown profile "${name}"; expected ${known.join(", ")}`);
    }
  }

  if (values.compare !== undefined && values.floor) fail("--compare and --floor both choose the third page; give one of them");
  if (values.compare !== undefined) checkBuildFolder("compare", values.compare);
  if (given.has("dist")) checkBuildFolder("dist", values.dist);
  if (given.has("article")) {
    const found = stat(values.article);
    if (found instanceof Error) fail(found.code === "ENOENT" ? `--article: no such file "${values.article}"` : `--article: cannot read "${values.article}" (${found.code})`);
    if (!found.isFile()) fail(`--article: "${values.article}" is not a file`);
    try {
      accessSync(values.article, constants.R_OK);
    } catch (error) {
      fail(`--article: cannot read "${values.article}" (${error.code})`);
    }
  }
  // A bare name is looked up on PATH when the page is written; a path is checked here.
  if (given.has("warta") && values.warta.includes("/")) {
    try {
      accessSync(values.warta, constants.X_OK);
    } catch (error) {
      fail(error.code === "ENOENT" ? `--warta: no such file "${values.warta}"` : `--warta: cannot run "${values.warta}" (${error.code})`);
    }
  }
  if (values.traces !== undefined) {
    const found = stat(values.traces);
    if (!(found instanceof Error) && !found.isDirectory()) fail(`--traces: "${values.traces}" is not a folder`);
  }

  return {
    help: false,
    runs: Number(values.runs),
    encoding: values.encoding,
    load: values.load ?? "",
    article: values.article,
    hero: values.hero,
    profiles,
    dist: values.dist,
    warta: values.warta,
    repeat: values.repeat,
    debug: values.debug,
    traces: values.traces ?? "",
    untraced: values.untraced,
    compare: values.compare ?? "",
    floor: values.floor,
    tasks: values.tasks,
    jsFlags: values["js-flags"] ?? "",
  };
}

/**
 * parseOptions for the script itself: --help prints the usage and exits 0;
 * a refused command line prints one line and the synopsis on stderr and
 * exits 2. Written synchronously, so that exiting cannot cut it short.
 */
export function optionsOrExit(argv) {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeSync(2, `host-cost: ${error.message}\n${SYNOPSIS}\n(--help says what each option does)\n`);
    process.exit(error.exitCode);
  }
  if (options.help) {
    writeSync(1, `${HELP}\n`);
    process.exit(0);
  }
  return options;
}
