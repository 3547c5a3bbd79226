// End to end, the way a publisher embeds warta: pages written by `warta page`
// with the release bundle beside them, served under a strict
// Content-Security-Policy, opened in Debian's Chromium at phone and desktop
// widths. Checks that every widget hydrates, nothing shifts, nothing is logged
// as an error, and no request goes to a share network before a click. Outside
// requests never reach the network: photos get a stand-in, the rest is refused.
//
// axe-core then audits the hydrated page for accessibility (WCAG 2.1 AA).
//
// Usage: node scripts/e2e.mjs DIR   (DIR holds one folder per page)
import { createServer } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const root = process.argv[2];
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; object-src 'none'; base-uri 'none'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#9aa3ad"/></svg>';
const SHARE_HOSTS = ["whatsapp.com", "facebook.com", "x.com", "twitter.com", "t.me", "line.me", "linkedin.com"];

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(root, path.endsWith("/") ? path + "index.html" : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "content-security-policy": CSP });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

try {
  for (const name of (await readdir(root)).sort()) {
    for (const [label, width, height] of [["390px", 390, 844], ["1280px", 1280, 900]]) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = [];
      const outside = [];
      page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
      page.on("pageerror", (err) => errors.push(err.message));
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin)) return route.continue();
        outside.push(url);
        // The article's own photos stand in as a grey picture; anything else is refused.
        if (route.request().resourceType() === "image") {
          return route.fulfill({ contentType: "image/svg+xml", body: PLACEHOLDER });
        }
        return route.abort();
      });
      await page.goto(`${origin}/${name}/`, { waitUntil: "load" });
      await page.waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 15000 }).catch(() => {});
      const states = await page.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState || "none"));
      const cls = await page.evaluate(() => new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }));
      const at = `${name} @ ${label}`;
      check(states.length > 0 && states.every((s) => s === "hydrated"), `${at}: hydrated under CSP (${states.join(",")})`);
      check(cls === 0, `${at}: layout shift ${cls.toFixed(4)}`);
      check(errors.filter((e) => !e.includes("favicon")).length === 0, `${at}: no console errors ${errors.join(" | ")}`);
      const toShareHosts = outside.filter((u) => SHARE_HOSTS.some((h) => new URL(u).hostname.endsWith(h)));
      check(toShareHosts.length === 0, `${at}: no request to a share network before a click ${toShareHosts.join(" ")}`);
      const scripts = await page.$$eval("script:not([type='application/json']):not([type='application/ld+json'])", (s) => s.filter((x) => !x.src).length);
      check(scripts === 0, `${at}: no inline script on the page`);
      // The module is already initialised; init() hands back its exports, memory included.
      const memory = await page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, `${origin}/${name}/warta.js`);
      check(memory <= 2 * 1024 * 1024, `${at}: wasm linear memory ${(memory / 1048576).toFixed(2)} MB (budget 2 MB)`);
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      const violations = await page.evaluate(async (source) => {
        (0, eval)(source);
        const result = await window.axe.run(document.querySelector(".warta"), { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, AXE);
      check(violations.length === 0, `${at}: axe-core finds no accessibility violation ${violations.join(" | ")}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
