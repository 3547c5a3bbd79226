// End to end, the way a publisher embeds warta: pages written by `warta page`
// with the release bundle beside them, served under a strict
// Content-Security-Policy, opened in Debian's Chromium at phone and desktop
// widths. Checks that every widget hydrates, nothing shifts, nothing is logged
// as an error, and no request goes to a share network before a click. Outside
// requests never reach the network: photos get a stand-in, the rest is refused.
//
// Accessibility, keyboard, colour schemes and print: tests/e2e/reading.mjs.
//
// Usage: node tests/e2e/pages.mjs DIR   (DIR holds one folder per page)
import { readdir } from "node:fs/promises";
import { checks, keepOffline, launch, serve } from "./harness.mjs";

const root = process.argv[2];
const SHARE_HOSTS = ["whatsapp.com", "facebook.com", "x.com", "twitter.com", "t.me", "line.me", "linkedin.com"];

const server = await serve(root);
const origin = server.origin;
const browser = await launch();
const { check, finish } = checks("e2e");

try {
  for (const name of (await readdir(root)).sort()) {
    for (const [label, width, height] of [["390px", 390, 844], ["1280px", 1280, 900]]) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = [];
      const outside = [];
      page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
      page.on("pageerror", (err) => errors.push(err.message));
      await keepOffline(page, origin, outside);
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
      const memory = await page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, `${origin}/${name}/warta-island.js`);
      check(memory <= 2 * 1024 * 1024, `${at}: wasm linear memory ${(memory / 1048576).toFixed(2)} MB (budget 2 MB)`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
finish();
