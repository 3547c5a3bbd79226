// End to end, on a hardened publisher page: warta loaded from another origin
// (a CDN that sends Access-Control-Allow-Origin) with Subresource Integrity,
// into pages served with Trusted Types enforced and no policy allowed
// (`require-trusted-types-for 'script'; trusted-types 'none'`) and
// `Cross-Origin-Embedder-Policy: require-corp`.
//
// Every mount path must end live, or in a truthful `error`, with no Trusted
// Types violation: intact server markup (the island bundle), markup the page
// changed (the full client renders the bar afresh), a JSON-only mount (the
// full client renders the whole article), broken JSON, a widget added later,
// and `warta.unmount` / `warta.mount`. A CDN that serves a changed Wasm or
// full client has it refused: the widget stays readable HTML, in `error`,
// with a `warta:error` that says why.
//
// One server answers on two origins, http://localhost:PORT (the pages) and
// http://127.0.0.1:PORT (the CDN: /cdn/ the release bundle, /tampered-wasm/
// and /tampered-client/ the same with one file changed). The pages are
// written here with the release `warta` binary once the port is known.
//
// Usage: node tests/e2e/hardened.mjs DIST WARTA   (the release bundle, the release binary)
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { checks, launch } from "./harness.mjs";

const [dist, warta] = process.argv.slice(2);
if (!dist || !warta) {
  console.error("usage: node tests/e2e/hardened.mjs DIST WARTA");
  process.exit(2);
}
const root = "target/e2e-hardened";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#9aa3ad"/></svg>';
const TIMEOUT = 15000;

rmSync(root, { recursive: true, force: true });
for (const cdn of ["cdn", "tampered-wasm", "tampered-client"]) cpSync(dist, join(root, cdn), { recursive: true });
appendFileSync(join(root, "tampered-wasm/warta-island_bg.wasm"), Buffer.from([0]));
appendFileSync(join(root, "tampered-client/warta.js"), "\n// changed on the CDN\n");

/** The page's policy: scripts and styles from itself and the CDN only, Trusted Types with no policy. */
const csp = (cdn) =>
  `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; style-src 'self' ${cdn}; connect-src 'self' ${cdn}; ` +
  "img-src 'self' https:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(root, path.endsWith("/") ? path + "index.html" : path);
  let body;
  try {
    body = readFileSync(file);
  } catch {
    res.writeHead(404);
    return res.end();
  }
  const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream" };
  if (path.startsWith("/site/")) {
    Object.assign(headers, { "content-security-policy": csp(cdnOrigin), "cross-origin-embedder-policy": "require-corp" });
  } else {
    headers["access-control-allow-origin"] = "*";
  }
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = server.address().port;
const pageOrigin = `http://localhost:${port}`;
const cdnOrigin = `http://127.0.0.1:${port}`;

// The pages, each linking its CDN with the integrity of the release build
// (the tampered CDNs serve the same loader and stylesheet).
const pageOf = (name, fixture, cdn) => {
  const out = join(root, "site", name);
  execFileSync(warta, ["page", fixture, "-o", out, "--asset-base", `${cdnOrigin}/${cdn}/`, "--integrity-from", join(root, "cdn")], { stdio: ["ignore", "ignore", "inherit"] });
  return join(out, "index.html");
};
const edit = (file, from, to) => {
  const html = readFileSync(file, "utf8");
  if (!html.includes(from)) throw new Error(`${file}: no ${from}`);
  writeFileSync(file, html.replace(from, to));
};
pageOf("intact", "tests/fixtures/sample.json", "cdn");
// Every kind of share target: Bluesky, Mastodon, Threads and one of the publisher's own.
pageOf("networks", "tests/fixtures/english.json", "cdn");
// The page changed the share bar's markup (a minifier took a comment out):
// its shape no longer matches.
const CHANGED = ['class="warta-share-island"><!--<[]>-->', 'class="warta-share-island">'];
edit(pageOf("changed", "tests/fixtures/sample.json", "cdn"), ...CHANGED);
pageOf("tampered-wasm", "tests/fixtures/sample.json", "tampered-wasm");
edit(pageOf("tampered-client", "tests/fixtures/sample.json", "tampered-client"), ...CHANGED);
// JSON-only and broken mounts, with the tags `warta integrity --asset-base` prints.
const tags = execFileSync(warta, ["integrity", join(root, "cdn"), "--asset-base", `${cdnOrigin}/cdn/`], { encoding: "utf8" });
const scriptSafe = (file) => readFileSync(file, "utf8").replaceAll("</", "<\\/");
const article = scriptSafe("tests/fixtures/english.json");
const sample = scriptSafe("tests/fixtures/sample.json");
mkdirSync(join(root, "site/json"), { recursive: true });
writeFileSync(
  join(root, "site/json/index.html"),
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>JSON-only mounts</title>\n${tags}</head><body>\n` +
    `<div class="warta" data-warta id="json"><script type="application/json" data-warta-data>${article}</script></div>\n` +
    `<div class="warta" data-warta id="broken"><script type="application/json" data-warta-data>{"title": "Tanpa akhir</script></div>\n` +
    // What infinite scroll adds later: markup the parser wrote, moved in.
    `<template id="next"><div class="warta" data-warta id="later"><script type="application/json" data-warta-data>${sample}</script></div></template>\n` +
    `</body></html>\n`,
);

const browser = await launch();
const { check, finish } = checks("e2e-hardened");

// No HTML string sink in what warta ships. The full client's glue keeps one
// import, Yew's setter for raw-HTML nodes (`Html::from_html_unchecked`),
// which warta's browser code never makes (icons are elements; the server's
// prerendered bar is raw only in the server render).
const SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|parseFromString|srcdoc/g;
for (const file of ["warta-init.js", "warta-island.js", "warta.js"]) {
  const found = readFileSync(join(dist, file), "utf8").match(SINKS) ?? [];
  const allowed = file === "warta.js" ? 1 : 0;
  check(found.length === allowed, `${file}: ${found.length} HTML sink(s) (${allowed} allowed: Yew's raw-HTML setter, unreachable) ${found.join(" ")}`);
}

/** Opens a page: console errors, Trusted Types and CSP violations and `warta:error` events are collected. */
async function open(name) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await page.addInitScript(() => {
    window.__violations = [];
    window.__wartaErrors = [];
    window.__shares = [];
    window.__opened = [];
    // A popup that opens, and goes nowhere.
    window.open = (url) => (window.__opened.push(url), {});
    document.addEventListener("warta:share", (e) => window.__shares.push(e.detail.network));
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
    document.addEventListener("warta:error", (e) => window.__wartaErrors.push(e.detail.message));
  });
  // The photos get a stand-in that COEP lets in; nothing else leaves the machine.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(pageOrigin) || url.startsWith(cdnOrigin)) return route.continue();
    if (route.request().resourceType() === "image") {
      return route.fulfill({ contentType: "image/svg+xml", body: PLACEHOLDER, headers: { "cross-origin-resource-policy": "cross-origin" } });
    }
    return route.abort();
  });
  await page.goto(`${pageOrigin}/site/${name}/`, { waitUntil: "load" });
  return { page, errors, close: () => context.close() };
}

/** Waits until every mount has a state; the states by mount. */
async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: TIMEOUT }).catch(() => {});
  return page.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState || "none"));
}
const violations = (page) => page.evaluate(() => window.__violations);
const wartaErrors = (page) => page.evaluate(() => window.__wartaErrors);
/** Whether the share links are still plain links to the networks (the article readable without Wasm). */
const plainLinks = (page) => page.$$eval(".warta-share__link[href^='https://']", (links) => links.length);

try {
  {
    const { page, errors, close } = await open("intact");
    const states = await settled(page);
    check(states.join() === "hydrated", `intact markup from the CDN: live under Trusted Types (${states})`);
    const linked = await page.$$eval("link[rel=stylesheet], script[type=module]", (els) => els.map((e) => `${e.integrity ? "integrity" : "none"}/${e.crossOrigin}`));
    check(linked.length === 2 && linked.every((l) => l === "integrity/anonymous"), `intact: both links carry integrity and crossorigin (${linked})`);
    check((await violations(page)).length === 0, `intact: no policy violation ${await violations(page)}`);
    check(errors.length === 0, `intact: no console error ${errors.join(" | ")}`);
    await close();
  }
  // The new networks and a publisher's own: links without Wasm, then shared
  // like the others once live, in the island bundle and in the full client.
  const NETWORKS = {
    bluesky: "https://bsky.app/intent/compose?text=Rice%20Prices",
    mastodon: "https://share.joinmastodon.org/#text=Rice%20Prices",
    threads: "https://www.threads.com/intent/post?text=Rice%20Prices",
    forum: "https://forum.example.com/share?link=https%3A%2F%2Fdaily.example.id%2F",
  };
  const shareAll = async (page, mount) => {
    for (const network of Object.keys(NETWORKS)) await page.click(`${mount} [data-network=${network}] a`);
    return page.evaluate(() => ({ shares: window.__shares, opened: window.__opened }));
  };
  {
    const { page, errors, close } = await open("networks");
    const hrefs = await page.$$eval("[data-network] a", (links) => Object.fromEntries(links.map((a) => [a.parentElement.dataset.network, a.href])));
    const states = await settled(page);
    check(states.join() === "hydrated", `networks page: live in the island bundle (${states})`);
    for (const [network, start] of Object.entries(NETWORKS)) {
      check(hrefs[network]?.startsWith(start), `${network}: a plain link before any Wasm (${hrefs[network]})`);
    }
    const { shares, opened } = await shareAll(page, "");
    check(shares.join() === Object.keys(NETWORKS).join(), `networks page: warta:share for each (${shares})`);
    check(opened.length === 4 && opened.every((url, i) => url.startsWith(Object.values(NETWORKS)[i])), `networks page: one popup each (${opened.length})`);
    check((await violations(page)).length === 0 && errors.length === 0, `networks page: no violation, no console error ${errors.join(" | ")}`);
    await close();
  }
  {
    const { page, errors, close } = await open("changed");
    const states = await settled(page);
    check(states.join() === "rendered", `changed markup: the full client renders the bar afresh under Trusted Types (${states})`);
    check(await page.$$eval(".warta-share__icon path", (p) => p.length > 0), "changed: the fresh bar has its icons");
    check((await violations(page)).length === 0, `changed: no policy violation ${await violations(page)}`);
    check(errors.filter((e) => !e.startsWith("warta:")).length === 0, `changed: no console error but warta's ${errors.join(" | ")}`);
    await close();
  }
  {
    const { page, errors, close } = await open("json");
    await settled(page);
    const state = (id) => page.$eval(`#${id}`, (m) => m.dataset.wartaState || "none");
    check((await state("json")) === "rendered", `JSON-only mount: rendered whole under Trusted Types (${await state("json")})`);
    check(await page.$eval("#json", (m) => !!m.querySelector(".warta-article h1")), "JSON-only: the article is there");
    check((await state("broken")) === "error", `broken JSON: a truthful error (${await state("broken")})`);
    const { shares } = await shareAll(page, "#json");
    check(shares.join() === Object.keys(NETWORKS).join(), `JSON-only (the full client): warta:share for each network (${shares})`);
    // A widget added later, as a page under Trusted Types can: markup its
    // parser wrote (a template's), moved in. Setting a script's text from a
    // string, or cloning one, is the page's own violation.
    const later = await page.evaluate(async () => {
      const next = /** @type {HTMLTemplateElement} */ (document.querySelector("#next"));
      const mount = document.adoptNode(next.content.firstElementChild);
      document.body.append(mount);
      const until = () => new Promise((resolve) => {
        const poll = () => (mount.dataset.wartaState ? resolve(mount.dataset.wartaState) : setTimeout(poll, 20));
        poll();
      });
      const first = await until();
      const unmounted = window.warta.unmount(mount);
      const after = mount.dataset.wartaState || "none";
      const mounted = window.warta.mount(mount);
      const again = await until();
      return { first, unmounted, after, mounted, again };
    });
    check(later.first === "rendered", `a widget added later: ${later.first}`);
    check(later.unmounted === 1 && later.after === "none", `warta.unmount: ${later.unmounted}, state ${later.after}`);
    check(later.mounted === 1 && later.again === "rendered", `warta.mount again: ${later.mounted}, ${later.again}`);
    check((await violations(page)).length === 0, `JSON mounts: no policy violation ${await violations(page)}`);
    check(errors.filter((e) => !e.startsWith("warta:")).length === 0, `JSON mounts: no console error but warta's ${errors.join(" | ")}`);
    await close();
  }
  for (const [name, file] of [["tampered-wasm", "warta-island_bg.wasm"], ["tampered-client", "warta.js"]]) {
    const { page, close } = await open(name);
    const states = await settled(page);
    const said = await wartaErrors(page);
    check(states.join() === "error", `${name}: refused, the widget in error (${states})`);
    check(said.some((m) => m.includes(`${file} is not the file this loader was built with`)), `${name}: warta:error says why (${said.join(" | ")})`);
    check((await plainLinks(page)) > 0 && (await page.$eval("h1", (h) => h.textContent.length > 0)), `${name}: the article stays readable, its share links plain links`);
    const ran = await page.evaluate(() => typeof window.warta?.version);
    check(name !== "tampered-wasm" || ran === "undefined", `${name}: no bundle started (warta.version ${ran})`);
    await close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
