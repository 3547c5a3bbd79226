// The package in a Node server and a browser: a node:http server (no
// framework) renders pages with `page` and `render` per request and serves
// the package's own assets, under the strict CSP of the end-to-end checks;
// Chromium must find every widget live with no console error. Then
// <warta-article>, added and removed by a script a hundred times, must
// leave no listener, observer or mount behind. Run by tests/npm/run.sh in
// the project that installed the tarball; REPO is the checkout (fixtures,
// tests/e2e/harness.mjs).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { assetFiles, assetsDir, page, render, version } from "warta";

const REPO = process.env.REPO;
const { CSP, checks, keepOffline, launch } = await import(pathToFileURL(join(REPO, "tests/e2e/harness.mjs")).href);
const FIXTURES = join(REPO, "tests/fixtures");
const ARTICLES = ["sample", "rich-inline", "long-bilingual", "english"];
const ELEMENT = fileURLToPath(import.meta.resolve("warta/element.js"));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const CYCLES = 100;

const fixture = (name) => readFile(join(FIXTURES, `${name}.json`), "utf8");

/** A host page of a JavaScript site: its own markup around warta's, the assets under /warta/. */
const shell = (body) => `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>host</title>
<link rel="stylesheet" href="/warta/warta.css">
<script type="module" src="/warta/warta-init.js"></script>
<script type="module" src="/element.js"></script>
</head><body><main>${body}</main></body></html>`;

/** What the server answers: the body and its type, or null for 404. */
async function respond(path) {
  const article = path.match(/^\/article\/([a-z-]+)\/$/);
  if (article && ARTICLES.includes(article[1])) {
    return [page(await fixture(article[1]), { assetBase: "/warta/" }), TYPES[".html"]];
  }
  if (path === "/host/") {
    // A fragment in the page, a server-rendered <warta-article>, and one
    // with only its JSON, which the browser renders.
    const sample = await fixture("sample");
    const json = JSON.stringify(JSON.parse(await fixture("english"))).replaceAll("<", "\\u003c");
    return [shell(`${render(sample)}<warta-article>${render(await fixture("rich-inline"))}</warta-article>
<warta-article><script type="application/json">${json}</script></warta-article>`), TYPES[".html"]];
  }
  if (path === "/spa/") return [shell(""), TYPES[".html"]];
  if (path === "/fragment/sample") return [render(await fixture("sample")), TYPES[".html"]];
  if (path === "/element.js") return [await readFile(ELEMENT), TYPES[".js"]];
  const asset = path.match(/^\/warta\/([^/]+)$/);
  if (asset && assetFiles.includes(asset[1])) {
    return [await readFile(join(assetsDir, asset[1])), TYPES[asset[1].slice(asset[1].lastIndexOf("."))]];
  }
  const json = path.match(/^\/fixtures\/([a-z-]+)\.json$/);
  if (json && ARTICLES.includes(json[1])) return [await fixture(json[1]), TYPES[".json"]];
  return null;
}

const server = createServer(async (req, res) => {
  try {
    const found = await respond(new URL(req.url, "http://x").pathname);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": found[1], "content-security-policy": CSP });
    res.end(found[0]);
  } catch (error) {
    res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Before any page script: live event listeners, observers, by weak
// reference, so that counting keeps nothing alive. After a GC, a listener
// counts when it and its target are still alive.
function instrument() {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const listeners = new Set();
  const capture = (options) => (typeof options === "boolean" ? options : !!options?.capture);
  const find = (target, type, listener, options) => [...listeners].find((r) =>
    r.target.deref() === target && r.type === type && r.listener.deref() === listener && r.capture === capture(options));
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (!listener || find(this, type, listener, options)) return add.call(this, type, listener, options);
    const record = { target: new WeakRef(this), type, listener: new WeakRef(listener), capture: capture(options), wrapped: null };
    let registered = listener;
    if (typeof options === "object" && options?.once) {
      // A once listener goes when it runs: so does its record.
      registered = function (event) {
        listeners.delete(record);
        return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
      };
      record.wrapped = new WeakRef(registered);
    }
    options?.signal?.addEventListener?.("abort", () => listeners.delete(record));
    listeners.add(record);
    return add.call(this, type, registered, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const record = find(this, type, listener, options);
    if (!record) return remove.call(this, type, listener, options);
    listeners.delete(record);
    return remove.call(this, type, record.wrapped?.deref() ?? listener, options);
  };
  const observers = new Set();
  for (const name of ["MutationObserver", "IntersectionObserver", "ResizeObserver"]) {
    const Base = window[name];
    if (!Base) continue;
    window[name] = class extends Base {
      constructor(...args) {
        super(...args);
        this.observing = false;
        observers.add({ name, observer: new WeakRef(this) });
      }
      observe(...args) {
        this.observing = true;
        return super.observe(...args);
      }
      disconnect() {
        this.observing = false;
        return super.disconnect();
      }
    };
  }
  window.__live = async () => {
    for (let i = 0; i < 3; i++) {
      window.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const alive = [...listeners].filter((r) => r.target.deref() && r.listener.deref());
    const detached = alive.filter((r) => r.target.deref() instanceof Node && !r.target.deref().isConnected);
    const watching = [...observers].filter((o) => o.observer.deref()?.observing);
    // Yew's kept listeners: capture-phase clicks on a detached stage.
    const stages = detached.filter((r) => r.type === "click" && r.capture && r.target.deref().classList?.contains("warta-stage"));
    return {
      listeners: alive.length,
      detached: detached.length,
      yewStages: stages.length,
      yewStagesFull: stages.filter((r) => r.target.deref().childNodes.length > 0).length,
      observers: watching.length,
      kinds: [...new Set(alive.map((r) => `${r.target.deref()?.constructor?.name}${r.target.deref()?.className ? "." + r.target.deref().className : ""}:${r.type}`))].sort().join(" "),
    };
  };
}

/**
 * In the page: adds a <warta-article> (server markup, or JSON as a child
 * script or the `article` property), waits for its state, removes it;
 * `cycles` times after one to warm up (which loads the bundle and its
 * page-wide watchers). Live listeners and observers before and after.
 */
async function cycleElements({ form, cycles }) {
  const json = await (await fetch("/fixtures/sample.json")).text();
  const markup = await (await fetch("/fragment/sample")).text();
  let settle = null;
  window.__settled ??= (event) => window.__settle?.(event.detail?.state ?? event.type);
  if (!window.__listening) {
    document.addEventListener("warta:ready", (e) => window.__settled(e));
    document.addEventListener("warta:error", (e) => window.__settled(e));
    window.__listening = true;
  }
  const cycle = async (i) => {
    const element = document.createElement("warta-article");
    if (form === "server markup") {
      element.innerHTML = markup;
    } else if (i % 2) {
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = json;
      element.append(script);
    } else {
      element.article = JSON.parse(json);
    }
    const state = new Promise((resolve) => (window.__settle = resolve));
    document.querySelector("main").append(element);
    const got = await state;
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [element, got];
  };
  await cycle(0);
  const before = await window.__live();
  const removed = [];
  const seen = {};
  for (let i = 1; i <= cycles; i++) {
    const [element, state] = await cycle(i);
    removed.push(element);
    seen[state] = (seen[state] ?? 0) + 1;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Through the protocol: nothing of these is mounted any more.
  const stillMounted = removed.reduce((n, element) => n + window.warta.unmount(element), 0);
  const stateLeft = removed.filter((element) => element.querySelector("[data-warta-state]")).length;
  removed.length = 0;
  const after = await window.__live();
  return { before, after, seen, stillMounted, stateLeft };
}

const browser = await launch(["--js-flags=--expose-gc"]);
const { check, finish } = checks("npm package pages");
const watch = (tab) => {
  const errors = [];
  tab.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  tab.on("pageerror", (err) => errors.push(err.message));
  return errors;
};
const states = (tab) => tab.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState || "none"));
const settled = (tab) => tab.waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 15000 }).catch(() => {});

try {
  for (const name of ARTICLES) {
    const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watch(tab);
    await keepOffline(tab, origin);
    await tab.goto(`${origin}/article/${name}/`, { waitUntil: "load" });
    await settled(tab);
    const got = await states(tab);
    check(got.length === 1 && got[0] === "hydrated", `${name}: the page from page() is live under the CSP (${got})`);
    const live = await tab.evaluate(() => window.warta?.version);
    check(live === version, `${name}: the assets are the render's (window.warta.version ${live}, package ${version})`);
    check(errors.length === 0, `${name}: no console error ${errors.join(" | ")}`);
    await tab.close();
  }

  {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watch(tab);
    await keepOffline(tab, origin);
    await tab.goto(`${origin}/host/`, { waitUntil: "load" });
    await settled(tab);
    const got = await states(tab);
    check(got.join(",") === "hydrated,hydrated,rendered", `host page: a fragment, a server-rendered and a JSON-only <warta-article> are live (${got})`);
    check(errors.length === 0, `host page: no console error ${errors.join(" | ")}`);
    await tab.close();
  }

  {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watch(tab);
    await keepOffline(tab, origin);
    await tab.addInitScript(instrument);
    await tab.goto(`${origin}/spa/`, { waitUntil: "load" });
    check(await tab.evaluate(() => typeof window.gc), "the page can collect garbage (--expose-gc), so only live listeners count");
    // Server markup first (the island bundle, no Yew), then JSON only (the
    // full client renders it with Yew).
    for (const [form, expected] of [["server markup", "hydrated"], ["JSON", "rendered"]]) {
      const result = await tab.evaluate(cycleElements, { form, cycles: CYCLES });
      const at = `<warta-article> from ${form}`;
      check(result.seen[expected] === CYCLES, `${at}: added ${CYCLES} times, each ${expected} before its removal (${JSON.stringify(result.seen)})`);
      check(result.stillMounted === 0, `${at}: warta.unmount on every removed element finds nothing mounted (${result.stillMounted})`);
      check(result.stateLeft === 0, `${at}: no removed widget keeps a state (${result.stateLeft})`);
      check(result.after.observers === result.before.observers, `${at}: observers watching: ${result.before.observers} before, ${result.after.observers} after`);
      // Yew 0.23 keeps one delegated click listener on each app's root for
      // good (it forgets the closure, which holds the root: yew's
      // dom_bundle/subtree_root.rs, "Never drop the closure"). warta's
      // full client runs each app in a stage of its own and empties it on
      // teardown, so that is all an app leaves: counted apart, and held to
      // one empty stage per app.
      const yew = result.after.yewStages - result.before.yewStages;
      check(form === "JSON" ? yew <= CYCLES : yew === 0, `${at}: Yew's kept listeners on emptied stages: ${yew} new, ${result.after.yewStagesFull} stages not empty`);
      check(result.after.yewStagesFull === 0, `${at}: Yew's kept stages hold nothing of the article`);
      const own = (live) => live.listeners - live.yewStages;
      check(own(result.after) === own(result.before), `${at}: event listeners (Yew's kept ones apart): ${own(result.before)} before, ${own(result.after)} after ${CYCLES} cycles`);
      check(result.after.detached - result.after.yewStages === 0, `${at}: no other listener on a detached node that is still alive (${result.after.detached - result.after.yewStages})`);
      if (own(result.after) !== own(result.before)) console.log(`  before: ${result.before.kinds}\n  after: ${result.after.kinds}`);
    }
    check(errors.length === 0, `element: no console error ${errors.join(" | ")}`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
