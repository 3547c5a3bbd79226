// End to end, a whole site as `warta build` writes it, and a host page made
// from the README's embedding snippet: every page served under the strict
// CSP and opened in Chromium must end live (every mount hydrated or
// rendered) with no console error; on the host page, the `window.warta`
// calls the README documents answer as it says.
//
// The preview (`trunk serve`), already running, must hydrate the same way.
//
// With --lists, a news site built with --base-url: its list pages (the
// home page, a later page, a section) have no accessibility violation
// (axe-core), are walked with the keyboard, link articles that open and
// go live, and their links work with JavaScript off.
//
// Usage: node tests/e2e/site.mjs --site DIR [--host DIR --version V] [--preview URL] [--lists DIR]
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { checks, keepOffline, launch, serve } from "./harness.mjs";

const { values } = parseArgs({
  options: { site: { type: "string" }, host: { type: "string" }, version: { type: "string" }, preview: { type: "string" }, lists: { type: "string" } },
});
const { site, host: hostDir, version, preview, lists } = values;
const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LIVE = ["hydrated", "rendered"];

async function pages(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await pages(path)));
    else if (entry.name === "index.html") found.push(path);
  }
  return found;
}

const browser = await launch();
const { check, finish } = checks("e2e-site");

/** Opens `url`, waits until every mount has a state; returns the page, its states and errors. */
async function open(origin, url) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await keepOffline(page, origin);
  await page.goto(url, { waitUntil: "load" });
  await page
    .waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 15000 })
    .catch(() => {});
  const states = await page.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState || "none"));
  return { page, states, errors: errors.filter((e) => !e.includes("favicon")) };
}

try {
  const server = await serve(site);
  const all = (await pages(site)).sort();
  check(all.length > 0, `${site}: has pages (${all.length})`);
  for (const file of all) {
    const path = "/" + relative(site, file).replace(/index\.html$/, "");
    const { page, states, errors } = await open(server.origin, server.origin + path);
    check(states.length > 0 && states.every((s) => LIVE.includes(s)), `${path}: live (${states.join(",")})`);
    check(errors.length === 0, `${path}: no console error ${errors.join(" | ")}`);
    await page.close();
  }
  server.close();

  if (hostDir) {
    const host = await serve(hostDir);
    const { page, states, errors } = await open(host.origin, host.origin + "/");
    check(states.length >= 2 && states.every((s) => LIVE.includes(s)), `host page: every widget live (${states.join(",")})`);
    check(errors.length === 0, `host page: no console error ${errors.join(" | ")}`);
    // The README's calls, as written there.
    const calls = await page.evaluate(async () => {
      const mounts = document.querySelectorAll("[data-warta]").length;
      const again = window.warta.mount(document);
      const stopped = window.warta.unmount(document);
      const plain = [...document.querySelectorAll("[data-warta]")].every((m) => !m.dataset.wartaState);
      const links = [...document.querySelectorAll(".warta-share a[href^='https://']")].length;
      const restarted = window.warta.mount(document);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const live = [...document.querySelectorAll("[data-warta]")].map((m) => m.dataset.wartaState || "none");
      return { mounts, again, stopped, plain, links, restarted, live, version: window.warta.version };
    });
    check(calls.again === 0, `host page: mounting a live page again mounts nothing (${calls.again})`);
    check(calls.stopped === calls.mounts, `host page: unmount(document) stops every widget (${calls.stopped} of ${calls.mounts})`);
    check(calls.plain && calls.links > 0, `host page: unmounted widgets stay plain HTML with working share links (${calls.links})`);
    check(calls.restarted === calls.mounts, `host page: mount(document) mounts them again (${calls.restarted})`);
    check(calls.live.every((s) => LIVE.includes(s)), `host page: live again (${calls.live.join(",")})`);
    check(calls.version === version, `host page: warta.version is ${version} (${calls.version})`);
    await page.close();
    host.close();
  }

  if (lists) {
    const server = await serve(lists);
    const sections = await readdir(join(lists, "sections"));
    const listPages = ["/", "/page/2/", `/sections/${sections.sort()[0]}/`];
    for (const path of listPages) {
      const { page, errors } = await open(server.origin, server.origin + path);
      const cards = await page.$$eval(".warta-card__link", (links) => links.map((a) => a.getAttribute("href")));
      check(cards.length > 0, `list ${path}: links ${cards.length} articles`);
      check(errors.length === 0, `list ${path}: no console error ${errors.join(" | ")}`);
      const violations = await page.evaluate(async (source) => {
        (0, eval)(source);
        const result = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, AXE);
      check(violations.length === 0, `list ${path}: axe-core finds no accessibility violation ${violations.join(" | ")}`);
      // The keyboard reaches every link in document order, each with a visible focus ring.
      const links = await page.$$eval("a[href]", (as) => as.length);
      const walk = [];
      for (let i = 0; i < links; i++) {
        await page.keyboard.press("Tab");
        walk.push(
          await page.evaluate(() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return { link: el.matches("a[href]"), ring: style.outlineStyle !== "none" && style.outlineWidth !== "0px" };
          }),
        );
      }
      check(walk.every((w) => w.link), `list ${path}: Tab walks the ${links} links`);
      check(walk.every((w) => w.ring), `list ${path}: each focused link shows a focus ring`);
      // The first card's article opens and goes live like any page of the site.
      await Promise.all([page.waitForURL((url) => url.pathname !== path), page.click(".warta-card__link")]);
      await page
        .waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 15000 })
        .catch(() => {});
      const states = await page.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState || "none"));
      check(states.length > 0 && states.every((s) => LIVE.includes(s)), `list ${path}: its first article opens live (${states.join(",")})`);
      await page.close();
    }
    // Without JavaScript the pages and their links still work.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await plain.newPage();
    await keepOffline(page, server.origin);
    await page.goto(server.origin + "/", { waitUntil: "load" });
    await Promise.all([page.waitForURL((url) => url.pathname === "/page/2/"), page.click("a[rel=next]")]);
    const onPage2 = await page.$$eval(".warta-card", (cards) => cards.length);
    check(onPage2 > 0, `list without JavaScript: "next" opens page 2 (${onPage2} articles)`);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/page/2/"), page.click(".warta-card__link")]);
    check(await page.$(".warta-article h1"), `list without JavaScript: a card opens its article (${new URL(page.url()).pathname})`);
    await plain.close();
    server.close();
  }

  if (preview) {
    const { page, states, errors } = await open(new URL(preview).origin, preview);
    check(states.length > 0 && states.every((s) => s === "hydrated"), `preview ${preview}: hydrated (${states.join(",")})`);
    check(errors.length === 0, `preview: no console error ${errors.join(" | ")}`);
    await page.close();
  }
} finally {
  await browser.close();
}
finish();
