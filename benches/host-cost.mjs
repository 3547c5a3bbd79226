// Host-cost benchmark (prints figures; not a test): what warta costs the page
// that embeds it. The page `warta page` writes for an article, against the
// very same page without warta's script and preload lines, served from
// loopback compressed the way a CDN serves it (gzip or brotli, node's zlib),
// loaded N times each in a fresh browser context (a new reader: empty cache),
// alternating, on a phone profile and unthrottled. Medians side by side.
//
// Usage (after `trunk build --release`, which fills dist/):
//   node benches/host-cost.mjs [--runs 10] [--encoding br|gzip|identity]
//        [--load eager|idle|visible|interaction] [--article FILE] [--hero]
//        [--profiles phone,desktop,phone-1x] [--dist DIR] [--warta BIN] [--repeat] [--debug]
//        [--traces DIR] [--untraced] [--compare DIR | --floor] [--tasks] [--js-flags FLAGS]
//   node benches/host-cost.mjs --help
//
// The command line is read and checked first (benches/host-cost-options.mjs):
// an unknown option, a missing or malformed value, a path given that cannot
// be used, or --compare with --floor is refused with one line on stderr
// and exit status 2, before a page is written or a browser started.
// --profiles chooses which profiles run, in that order (default
// phone,desktop; phone-1x is not a default).
// --hero gives the article a hero photo (90 KB of random pixels, shown
// 1200×800, served from loopback), so the page's largest paint is an image that warta's downloads
// could compete with. --load writes that loading strategy into the page
// (`warta page --load`); without it the page keeps warta's default.
// --repeat measures a returning reader: each measured load follows an
// unmeasured one of the same page in the same browser context, with the
// assets served cacheable (a year, immutable) as a CDN serves versioned
// files; the page itself is never cached.
// --debug prints, per load, when each resource was fetched, warta's tasks
// in order and what is inside the long ones. --traces keeps each traced
// load's Chromium trace in DIR (PROFILE-VARIANT-N.json, for chrome://tracing or
// DevTools' performance panel). --untraced skips the traced loads (the task
// and trace rows print —): half the time, for long runs of the paint rows.
// --compare DIR adds a third page: the same page with another build's
// assets (DIR, e.g. main's dist/), loaded in turn with the other two, and
// prints the paired difference (each run's load with this build against
// its load with the other): an A/B of two builds on one machine at one time.
// --floor compares, the same way, with the floor: this build's island Wasm
// loaded as warta-init.js loads it, but instantiated with no-op imports and
// none of warta's work (benches/host-cost-floor.js in place of the loader).
// What is left over it is warta's own code; what the floor itself costs,
// any Wasm widget loaded that way pays.
// --tasks times warta's tasks in the untraced loads, without tracing or a
// profiler: each timer callback and `fetch()` call of the page, wrapped
// before any page script runs, summed per load by what the task does, with
// the pages served cross-origin isolated so that `performance.now()` counts
// in microseconds, not tenths of a millisecond. --js-flags passes V8 flags
// to Chromium, e.g. `--js-flags --no-wasm-lazy-compilation` to see what
// V8's compiling each Wasm function on its first call costs warta's tasks.
//
// Each run loads each page twice. From the load as a reader gets it: LCP
// and FCP (paint timing), main-thread script time as CDP counts it
// (ScriptDuration), bytes transferred before and after LCP (resource
// timing), and when the first widget's share bar is interactive
// (data-warta-state set, from navigation start). From a load traced by
// Chromium (the tracing itself slows script): total blocking time (the part
// over 50 ms of every main-thread task after FCP), the longest task and the
// longest task warta is part of (a task that runs warta's scripts or
// compiles/instantiates Wasm), and the script time found in the trace.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { brotliCompressSync, deflateSync, gzipSync, constants as zlib } from "node:zlib";
// The profiles (phone, desktop, phone-1x) and the assets are defined there too.
import { ASSETS, PROFILE, optionsOrExit } from "./host-cost-options.mjs";

// Exits here, with status 2 (or 0 for --help), on a command line it refuses.
const options = optionsOrExit(process.argv.slice(2));
// Playwright only once the command line is known to be good.
const { launch } = await import("../tests/e2e/harness.mjs");
const RUNS = options.runs;
const ENCODING = options.encoding;
const LOAD = options.load;
const ARTICLE = options.article;
const HERO = options.hero;
const REPEAT = options.repeat;
const DEBUG = options.debug;
const TRACES = options.traces;
const UNTRACED = options.untraced;
const FLOOR = options.floor;
const COMPARE = FLOOR ? "the floor (benches/host-cost-floor.js)" : options.compare;
// What the third page is called in the output.
const AGAINST = FLOOR ? "the floor" : "--compare";
const TASKS = options.tasks;
const JS_FLAGS = options.jsFlags;
if (TRACES) await mkdir(TRACES, { recursive: true });
const PROFILES = options.profiles;
const DIST = options.dist;
const WARTA = options.warta;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".png": "image/png" };

// --- the two pages -----------------------------------------------------------

const dir = await mkdtemp(join(tmpdir(), "warta-host-cost-"));
const files = new Map(); // path → { type, body: { identity, gzip, br } }
function addFile(path, body) {
  const raw = Buffer.from(body);
  files.set(path, {
    type: TYPES[extname(path)] || "application/octet-stream",
    identity: raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  });
}

const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file = files.get(path.endsWith("/") ? `${path}index.html` : path);
  if (!file) {
    res.writeHead(404);
    return res.end();
  }
  const accepts = req.headers["accept-encoding"] || "";
  const encoding = ENCODING !== "identity" && accepts.includes(ENCODING) && !file.type.startsWith("image/") ? ENCODING : "identity";
  // --repeat: assets cached as a CDN serves versioned files; pages never.
  const cache = REPEAT && !file.type.startsWith("text/html") ? "public, max-age=31536000, immutable" : "no-store";
  const headers = { "content-type": file.type, "cache-control": cache };
  // --tasks: cross-origin isolated, so the page's timers count in microseconds.
  if (TASKS && file.type.startsWith("text/html")) Object.assign(headers, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  res.writeHead(200, headers);
  res.end(file[encoding]);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const article = JSON.parse(await readFile(ARTICLE, "utf8"));
if (HERO) {
  addFile("/hero.png", noisePng(200, 150));
  article.hero = { ...article.hero, src: `${origin}/hero.png`, width: 1200, height: 800, alt: article.hero?.alt || article.hero?.caption || article.title };
}
await writeFile(join(dir, "article.json"), JSON.stringify(article));
const pageArgs = ["page", join(dir, "article.json"), "-o", dir];
if (LOAD) pageArgs.push("--load", LOAD);
const made = spawnSync(WARTA, pageArgs, { encoding: "utf8" });
if (made.status !== 0) throw new Error(`${WARTA} ${pageArgs.join(" ")}: ${made.stderr}`);
const withWarta = await readFile(join(dir, "index.html"), "utf8");
// The same page without what makes it interactive: warta's script and preload lines.
const staticPage = withWarta
  .split("\n")
  .filter((line) => !/warta-init\.js|warta(-island)?(\.js|_bg\.wasm)/.test(line))
  .join("\n");
if (staticPage === withWarta) throw new Error("found no warta script line to remove");
addFile("/with/index.html", withWarta);
addFile("/static/index.html", staticPage);
for (const name of ASSETS) {
  const body = await readFile(join(DIST, name)).catch(() => null);
  if (!body) continue;
  addFile(`/with/${name}`, body);
  addFile(`/static/${name}`, body);
}
if (COMPARE) {
  addFile("/compare/index.html", withWarta);
  for (const name of ASSETS) {
    const from = !FLOOR ? join(COMPARE, name) : name === "warta-init.js" ? new URL("host-cost-floor.js", import.meta.url) : join(DIST, name);
    const body = await readFile(from).catch(() => null);
    if (body) addFile(`/compare/${name}`, body);
  }
}
const VARIANTS = COMPARE ? ["with", "compare", "static"] : ["with", "static"];

// --- one load ---------------------------------------------------------------

// Runs in the page before anything else: records paints, long tasks and
// when the first widget reports its state.
const OBSERVE = () => {
  const seen = (window.__cost = { lcp: 0, fcp: 0, ready: 0, longTasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.lcp = e.renderTime || e.loadTime || e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") seen.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new MutationObserver(() => {
    if (seen.ready || !document.querySelector("[data-warta-state]")) return;
    seen.ready = performance.now();
    // Tells the benchmark (a CDP binding): polling the page instead would
    // add the benchmark's own evaluations to the page's script time.
    window.__costReady?.("");
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-warta-state"] });
};

// --tasks: runs in the page before anything else and times each timer
// callback (the loader runs each of warta's steps in a task of its own,
// and the Wasm its attach step) and each fetch() call, summed per load by
// what the task did. Labels come from what the callback does: it called
// fetch(), it calls `.mount(`, or it is a Wasm closure (wasm-bindgen's
// wrapper, `_wbg_cb_unref`); anything else is "other timers".
const TASK_TIMES = () => {
  const times = (window.__taskTimes = {});
  const add = (label, ms) => (times[label] = (times[label] || 0) + ms);
  let fetched = false;
  const nativeFetch = window.fetch;
  window.fetch = function (...args) {
    const start = performance.now();
    try {
      return nativeFetch.apply(this, args);
    } finally {
      fetched = true;
      add("— of which the fetch() call", performance.now() - start);
    }
  };
  const nativeSetTimeout = window.setTimeout;
  window.setTimeout = function (callback, ...rest) {
    if (typeof callback !== "function") return nativeSetTimeout.call(this, callback, ...rest);
    return nativeSetTimeout.call(
      this,
      function (...args) {
        fetched = false;
        const start = performance.now();
        try {
          return callback.apply(this, args);
        } finally {
          const took = performance.now() - start;
          const source = String(callback);
          add(fetched ? "starting the Wasm's fetch" : /\.mount\(/.test(source) ? "mount: reading the JSON" : /_wbg_cb_unref/.test(source) ? "a Wasm callback (attach)" : "other timers", took);
        }
      },
      ...rest,
    );
  };
};

const SCRIPT_EVENTS = /^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.compile|v8\.callFunction|BlinkScheduler_PerformMicrotaskCheckpoint|RunMicrotasks|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch|v8\.wasm\.|wasm\.)/;
const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "toplevel"];

let traceCount = 0;
/**
 * One load of the page. Untraced, it gives what a reader gets: paint
 * timings, interactive time, script time as CDP counts it, bytes. Traced
 * (Chromium's tracing slows the page's script: by CDP's count 4 ms more
 * in the median at 4×, up to 15, docs/performance.md, "Host cost"), it
 * gives the main thread's tasks and the script time found in them.
 */
async function load(browser, variant, profileName, traced) {
  const profile = PROFILE[profileName];
  const context = await browser.newContext({ viewport: profile.viewport });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  if (TASKS && !traced) await page.addInitScript(TASK_TIMES);
  const cdp = await context.newCDPSession(page);
  if (profile.network) await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  if (profile.network) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.network.latency,
      downloadThroughput: profile.network.down / 8,
      uploadThroughput: profile.network.up / 8,
    });
  }
  // The page calls a CDP binding when the first widget reports its state.
  // Neither Playwright's waitForFunction (it injects a large script) nor
  // polling with Runtime.evaluate (each poll is script on the page's
  // thread, 2–5 ms in all at 4×): beside its small observer (OBSERVE),
  // the benchmark runs nothing in the page while it loads.
  await cdp.send("Runtime.enable");
  await cdp.send("Runtime.addBinding", { name: "__costReady" });
  let readyCalled;
  cdp.on("Runtime.bindingCalled", (event) => event.name === "__costReady" && readyCalled?.());
  const settled = () =>
    variant !== "static" &&
    new Promise((resolve) => {
      const timer = setTimeout(resolve, 20000);
      readyCalled = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  if (REPEAT) {
    // The reader's previous visit, not measured (the same page here: every
    // article shares warta's files): it fills the HTTP cache and gives V8
    // time to cache the compiled Wasm.
    const ready = settled();
    await page.goto(`${origin}/${variant}/`, { waitUntil: "load" });
    await ready;
    await page.waitForTimeout(2000);
  }
  if (traced) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const ready = settled();
  await page.goto(`${origin}/${variant}/`, { waitUntil: "load" });
  await ready;
  // Quiet time for late tasks and the final LCP entry.
  await page.waitForTimeout(1500);
  // Tracing stops first: what the benchmark itself evaluates is not the page's.
  const traceText = traced ? (await browser.stopTracing()).toString() : "";
  if (traced && TRACES) await writeFile(join(TRACES, `${profileName}-${variant}-${++traceCount}.json`), traceText);
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const { result } = await cdp.send("Runtime.evaluate", {
    returnByValue: true,
    expression: `(() => {
      const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
      return { ...window.__cost, tasks: window.__taskTimes, resources: entries.map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize })) };
    })()`,
  });
  const seen = result.value;
  await context.close();
  const cdpScript = metrics.ScriptDuration * 1000;
  if (DEBUG) {
    const at = (ms) => ms.toFixed(0);
    console.log(`${variant}${traced ? " (traced)" : ""}: script (CDP) ${cdpScript.toFixed(1)}, FCP ${at(seen.fcp)}, LCP ${at(seen.lcp)}, interactive ${at(seen.ready)}; ` + seen.resources.map((r) => `${r.name.split("/").pop() || "page"} ${at(r.start)}–${at(r.end)}`).join(", "));
  }
  if (traced) return { ...mainThreadTasks(JSON.parse(traceText), seen.fcp), cdpScriptTraced: cdpScript };
  const before = seen.resources.filter((r) => r.end <= seen.lcp).reduce((sum, r) => sum + r.bytes, 0);
  const after = seen.resources.filter((r) => r.end > seen.lcp).reduce((sum, r) => sum + r.bytes, 0);
  return {
    lcp: seen.lcp,
    fcp: seen.fcp,
    cdpScript,
    bytesBeforeLcp: before,
    bytesAfterLcp: after,
    ready: seen.ready || NaN,
    tasks: seen.tasks,
  };
}

/**
 * The page's renderer main thread in a Chromium trace: its top-level tasks
 * (ms), total blocking time after FCP, and the longest task that runs
 * warta's code or compiles/instantiates its Wasm.
 */
function mainThreadTasks(trace, fcp) {
  const events = trace.traceEvents || trace;
  const threads = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain") threads.set(`${e.pid}:${e.tid}`, []);
  for (const e of events) threads.get(`${e.pid}:${e.tid}`)?.push(e);
  // The page's thread is the one that parsed its HTML.
  const main = [...threads.values()].find((list) => list.some((e) => e.name === "ParseHTML" && String(e.args?.beginData?.url || "").startsWith(origin))) || [];
  const start = main.find((e) => e.name === "ParseHTML")?.ts ?? 0;
  const navigationStart =
    events.find((e) => e.name === "navigationStart" && String(e.args?.data?.documentLoaderURL || "").startsWith(origin))?.ts ?? start;
  const tasks = main.filter((e) => e.name === "RunTask" && e.ph === "X" && e.ts >= navigationStart);
  // Running warta's scripts, evaluating a module (the static page has
  // none), or compiling/instantiating Wasm.
  const isWarta = (e) =>
    /^(v8\.)?wasm|^v8\.evaluateModule$/i.test(e.name) ||
    (/^(FunctionCall|EvaluateScript|v8\.compile|v8\.callFunction)/.test(e.name) && /warta(-init|-island)?\.js/.test(e.args?.data?.url || ""));
  const wartaEvents = main.filter(isWarta);
  const contains = (outer, inner) => inner.ts >= outer.ts && inner.ts <= outer.ts + outer.dur;
  const hasWarta = (task) => wartaEvents.some((e) => contains(task, e));
  // warta's own part of a task: the union of its spans in it (what its code
  // runs, with whatever that code forces, such as a layout it reads), not
  // what the page does in the same task (the parser's end, a layout of its
  // own). A microtask checkpoint with warta's events in it is warta's: its
  // promise chain, where instantiation and `main` run.
  const checkpoints = main.filter((e) => e.ph === "X" && /^(BlinkScheduler_PerformMicrotaskCheckpoint|RunMicrotasks)$/.test(e.name) && wartaEvents.some((w) => contains(e, w)));
  const ownSpans = [...wartaEvents.filter((e) => e.ph === "X"), ...checkpoints];
  const ownPart = (task) => union(ownSpans.filter((e) => contains(task, e)).map((e) => [e.ts, Math.min(e.ts + e.dur, task.ts + task.dur)]));
  let tbt = 0;
  let tbtWarta = 0;
  let longestWartaCpu = 0;
  let longestWartaOwn = 0;
  let longest = 0;
  let longestWarta = 0;
  for (const task of tasks) {
    const ms = task.dur / 1000;
    const at = (task.ts - navigationStart) / 1000;
    longest = Math.max(longest, ms);
    if (at >= fcp && ms > 50) tbt += ms - 50;
    if (hasWarta(task)) {
      longestWarta = Math.max(longestWarta, ms);
      // The thread's own CPU time in the task (Chromium's CPU slowdown is
      // in it): the task without the time the OS gave other processes on a
      // busy machine, which wall time counts too.
      if (task.tdur !== undefined) longestWartaCpu = Math.max(longestWartaCpu, task.tdur / 1000);
      longestWartaOwn = Math.max(longestWartaOwn, ownPart(task) / 1000);
      if (ms > 50) tbtWarta += ms - 50;
    }
  }
  if (DEBUG) {
    const firstPaint = events.find((e) => e.name === "firstContentfulPaint" && e.ts >= navigationStart);
    const modules = main.filter((e) => e.name === "v8.evaluateModule" || e.name === "ParseHTML").map((e) => `${e.name}@${((e.ts - navigationStart) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(1)}`);
    console.log(`FCP (page) ${fcp.toFixed(0)}; firstContentfulPaint event ${firstPaint ? ((firstPaint.ts - navigationStart) / 1000).toFixed(0) : "?"}; ${modules.join(" ")}`);
    const byFunction = {};
    for (const e of main) {
      if (e.name !== "FunctionCall" && e.name !== "EvaluateScript" && e.name !== "v8.evaluateModule" && e.name !== "TimerFire" && e.name !== "FireIdleCallback") continue;
      const d = e.args?.data || {};
      const key = `${e.name} ${d.functionName || ""}@${(d.url || "").split("/").pop()}:${d.lineNumber ?? ""}`;
      byFunction[key] = (byFunction[key] || 0) + (e.dur || 0) / 1000;
    }
    const byName = {};
    for (const e of main) if (e.ph === "X" && e.dur > 0) byName[e.name] = (byName[e.name] || 0) + e.dur / 1000;
    console.log(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `  ${k} ${v.toFixed(1)}`).join("\n"));
    console.log(Object.entries(byFunction).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("\n"));
    // V8 compiles each Wasm function on its first call, on this thread.
    const lazy = main.filter((e) => e.name === "wasm.CompileLazy");
    console.log(`Wasm functions compiled lazily on the main thread: ${lazy.length}, ${(lazy.reduce((sum, e) => sum + e.dur, 0) / 1000).toFixed(1)} ms`);
    // Every task warta is in, in order: when it starts and how long it runs.
    console.log("warta's tasks (start+ms):", tasks.filter(hasWarta).map((t) => `${((t.ts - navigationStart) / 1000).toFixed(0)}+${(t.dur / 1000).toFixed(1)}`).join(" "));
    for (const task of tasks.filter((t) => t.dur > 30000 && hasWarta(t))) {
      const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && e.dur > 1000);
      console.log(`task at ${((task.ts - navigationStart) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms:`, inside.map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split("/").pop()})` : ""} ${(e.dur / 1000).toFixed(1)}${process.env.ARGS ? JSON.stringify(e.args).slice(0, 200) : ""}`).join(", "));
    }
  }
  // Script time: the union of every span of script on the thread (calls,
  // module evaluation, microtask checkpoints, timers, Wasm compilation).
  // CDP's ScriptDuration misses microtasks, where Wasm instantiation and
  // whatever runs right after it happen.
  const script = union(main.filter((e) => e.ph === "X" && e.ts >= navigationStart && SCRIPT_EVENTS.test(e.name)).map((e) => [e.ts, e.ts + e.dur]));
  return { tbt, tbtWarta, longest, longestWarta, longestWartaCpu, longestWartaOwn, script: script / 1000 };
}

/** The total length of `spans` ([from, to] pairs), overlaps counted once. */
function union(spans) {
  let total = 0;
  let reach = -Infinity;
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    if (to <= reach) continue;
    total += to - Math.max(from, reach);
    reach = to;
  }
  return total;
}

/**
 * How fast this machine runs script right now: rounds of a fixed piece of
 * work (strings, JSON, arrays) per second in a blank page, unthrottled,
 * the best of three half-second runs; higher is faster. Printed before and
 * after the loads: on a shared machine it moves by tens of percent within
 * an hour, and the millisecond rows move with it.
 */
async function machineSpeed(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const best = await page.evaluate(() => {
    const work = () => {
      let text = "";
      for (let i = 0; i < 1000; i++) text += String.fromCharCode(97 + (i % 26));
      return JSON.parse(JSON.stringify({ text, list: Array.from({ length: 100 }, (_, i) => i * 2) })).list.length;
    };
    let best = 0;
    let sink = 0; // the results are used, so no engine can skip the work
    for (let run = 0; run < 3; run++) {
      const until = performance.now() + 500;
      let rounds = 0;
      for (; performance.now() < until; rounds++) sink += work();
      best = Math.max(best, rounds * 2);
    }
    return sink > 0 ? best : NaN;
  });
  await context.close();
  return best;
}

/** A PNG of random pixels (it does not compress): `width`×`height`×3 bytes. */
function noisePng(width, height) {
  const row = width * 3 + 1;
  const pixels = randomBytes(row * height);
  for (let y = 0; y < height; y++) pixels[y * row] = 0; // filter type: none
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(pixels, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

// --- the runs ---------------------------------------------------------------

const median = (values) => {
  // Rows an untraced load does not measure are undefined there.
  const sorted = values.filter((v) => typeof v === "number" && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A 95% interval for `statistic` of the samples: each resampled 2,000 times
 * (a bootstrap; a fixed seed, so a run's output is repeatable). It shows
 * whether a run can tell a ratio of 1.02 from 1.10, or 38 ms from 42, at all.
 */
function interval(samples, statistic) {
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
  const resample = (values) => values.map(() => values[Math.floor(random() * values.length)]);
  const found = [];
  for (let i = 0; i < 2000; i++) found.push(statistic(...samples.map(resample)));
  found.sort((x, y) => x - y);
  return [found[50], found[1949]];
}

const ROWS = [
  ["largest contentful paint (ms)", "lcp"],
  ["first contentful paint (ms)", "fcp"],
  ["total blocking time (ms)", "tbt"],
  ["blocking time of tasks with warta in them, from navigation (ms)", "tbtWarta"],
  ["longest main-thread task (ms)", "longest"],
  ["longest task with warta in it (ms)", "longestWarta"],
  ["longest such task in thread CPU time (ms)", "longestWartaCpu"],
  ["warta's own part of a task, the longest (ms)", "longestWartaOwn"],
  ["main-thread script time, from the trace (ms)", "script"],
  ["script time as CDP counts it, without microtasks (ms)", "cdpScript"],
  ["the same, in the traced loads (ms)", "cdpScriptTraced"],
  ["bytes transferred before LCP", "bytesBeforeLcp"],
  ["bytes transferred after LCP", "bytesAfterLcp"],
  ["share bar interactive after navigation (ms)", "ready"],
];

/** --tasks: each task's median and quartiles per build, and this build's paired difference to the third page's (--compare or --floor). */
function printTasks(runs) {
  const builds = VARIANTS.filter((variant) => variant !== "static");
  const labels = [...new Set(builds.flatMap((variant) => runs[variant].flatMap((r) => Object.keys(r.tasks || {}))))].sort();
  const quartiles = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.floor(sorted.length / 4)], median(sorted), sorted[Math.floor((3 * sorted.length) / 4)]];
  };
  const ms = (values) => {
    const [low, mid, high] = quartiles(values);
    return `${mid.toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)})`;
  };
  const each = (variant, label) => runs[variant].map((r) => r.tasks?.[label] ?? 0);
  const paired = (label) => {
    const other = each("compare", label);
    return each("with", label).map((v, i) => v - other[i]);
  };
  console.log(`\nwarta's tasks, untraced (ms per load, median and quartiles; timers in microseconds${JS_FLAGS ? `; V8 flags ${JS_FLAGS}` : ""}):\n`);
  const names = { with: "this build", compare: AGAINST };
  console.log(`| task | ${builds.map((variant) => names[variant]).join(" | ")}${COMPARE ? ` | this build − ${AGAINST}, paired |` : " |"}\n| --- |${" ---: |".repeat(builds.length + (COMPARE ? 1 : 0))}`);
  for (const label of labels) {
    const cells = builds.map((variant) => ms(each(variant, label)));
    if (COMPARE) cells.push(ms(paired(label)));
    console.log(`| ${label} | ${cells.join(" | ")} |`);
  }
}

// Anything outside loopback (none expected) fails to resolve, never fetched.
// Not Playwright's routing, which intercepts every request of the page and
// holds it for a round trip through this process: the page with warta makes
// three requests more than the static page, and each waited (docs/performance.md,
// "Host cost"). Without routing the HTTP cache also works, as --repeat needs.
const browser = await launch(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : [])]);
try {
  console.log(
    `host cost: ${ARTICLE}${HERO ? " + 90 KB hero" : ""}${REPEAT ? ", returning reader (assets cached)" : ""}, ${ENCODING}, load ${LOAD || "(default)"}, medians of ${RUNS} loads each${UNTRACED ? "" : ` (and ${RUNS} traced ones for the task and trace rows)`}, fresh context per load`,
  );
  const speedBefore = await machineSpeed(browser);
  for (const profileName of PROFILES) {
    const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
    for (let i = 0; i < RUNS; i++) {
      // Each run: an untraced load of each page and, unless --untraced, a
      // traced one (see load); which page goes first turns with each run.
      const order = VARIANTS.map((_, k) => VARIANTS[(i + k) % VARIANTS.length]);
      for (const variant of order) {
        const untraced = await load(browser, variant, profileName, false);
        runs[variant].push({ ...untraced, ...(UNTRACED ? {} : await load(browser, variant, profileName, true)) });
      }
    }
    const p = PROFILE[profileName];
    console.log(
      `\n### ${profileName}: ${p.viewport.width} px, CPU ${p.cpu}×${p.network ? `, ${p.network.latency} ms RTT, ${p.network.down / 1e6} Mbit/s down` : ", no network throttling"}\n`,
    );
    console.log("| metric | with warta | static page | ratio |\n| --- | ---: | ---: | ---: |");
    for (const [label, key] of ROWS) {
      const a = median(runs.with.map((r) => r[key]));
      const b = median(runs.static.map((r) => r[key]));
      const ratio = b > 0 && Number.isFinite(a) ? (a / b).toFixed(3) : "—";
      const show = (v) => (Number.isNaN(v) ? "—" : key.startsWith("bytes") ? Math.round(v).toLocaleString("en") : v.toFixed(1));
      console.log(`| ${label} | ${show(a)} | ${key === "ready" ? "—" : show(b)} | ${key === "ready" ? "—" : ratio} |`);
    }
    const lcp = interval([runs.with.map((r) => r.lcp), runs.static.map((r) => r.lcp)], (a, b) => median(a) / median(b));
    console.log(`\nLCP ratio, 95% interval: ${lcp.map((v) => v.toFixed(3)).join("–")} (bootstrap of both medians)`);
    const script = interval([runs.with.map((r) => r.cdpScript)], median);
    console.log(`script time as CDP counts it, with warta, 95% interval of the median: ${script.map((v) => v.toFixed(1)).join("–")} ms`);
    if (COMPARE) {
      // Paired by run: the two builds' loads of one run came close together.
      const paired = (key, f) => runs.with.map((r, i) => f(r[key], runs.compare[i][key]));
      const show = (key, unit, f) => {
        const values = paired(key, f);
        const digits = unit ? 1 : 3;
        return `${median(values).toFixed(digits)}${unit} (95% ${interval([values], median).map((v) => v.toFixed(digits)).join("–")})`;
      };
      console.log(
        `\nthis build against ${FLOOR ? COMPARE : `--compare ${COMPARE}`}, paired by run, median: script (CDP) ${show("cdpScript", " ms", (a, b) => a - b)} ` +
          `(its own median ${median(runs.compare.map((r) => r.cdpScript)).toFixed(1)} ms); LCP ratio ${show("lcp", "", (a, b) => a / b)}; interactive ${show("ready", " ms", (a, b) => a - b)}`,
      );
    }
    if (TASKS) printTasks(runs);
    if (UNTRACED) continue;
    const worst = Math.max(...runs.with.map((r) => r.longestWarta));
    const worstCpu = Math.max(...runs.with.map((r) => r.longestWartaCpu));
    const worstOwn = Math.max(...runs.with.map((r) => r.longestWartaOwn));
    const long = runs.with.filter((r) => r.longestWarta >= 50).length;
    const longOwn = runs.with.filter((r) => r.longestWartaOwn >= 50).length;
    console.log(`longest task with warta in it, worst of ${RUNS}: ${worst.toFixed(1)} ms wall, ${worstCpu.toFixed(1)} ms thread CPU time; loads with one of 50 ms or more: ${long} of ${RUNS}`);
    console.log(`warta's own part of a task, worst of ${RUNS}: ${worstOwn.toFixed(1)} ms; loads where it reached 50 ms: ${longOwn} of ${RUNS}`);
  }
  const speedAfter = await machineSpeed(browser);
  console.log(`\nmachine speed (rounds of a fixed script per second, blank page, unthrottled; higher is faster): ${speedBefore.toLocaleString("en")} before the loads, ${speedAfter.toLocaleString("en")} after`);
  // On a shared machine the millisecond rows carry whatever else runs: at 4×
  // one build's script time measured 30–34 ms with the speed holding and
  // 41–47 ms in runs where it fell by a quarter to two fifths
  // (docs/performance.md, "The measuring machine").
  const moved = Math.abs(speedAfter - speedBefore) / Math.max(speedBefore, speedAfter);
  if (moved > 0.1) {
    console.log(`the machine's speed moved by ${Math.round(moved * 100)} % during the loads: something else was running, and the millisecond rows carry it; compare them only with a run whose speed held`);
  }
} finally {
  await browser.close();
  server.close();
}
