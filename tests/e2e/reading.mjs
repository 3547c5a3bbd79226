// Readable everywhere, on the pages `warta page` writes (DIR as for
// tests/e2e/pages.mjs: one folder per fixture, the release bundle in each):
// - axe-core (WCAG 2.1 AA and best practice) finds nothing in the light
//   scheme, with data-warta-theme="dark", and with "auto" when the system
//   asks for dark, at phone and desktop widths;
// - the keyboard reaches every link and control of the widget with Tab, in
//   reading order, each with a visible focus ring on screen, and Tab leaves
//   the widget after the last one;
// - printed, the article is black on white without the share bar, the follow
//   box, ad slots or empty link lists, and read-also titles show their
//   address. Each page is printed to DIR/NAME/print.pdf for a person to see;
// - a hero with several widths loads a phone-sized file on a phone.
//
// Usage: node tests/e2e/reading.mjs DIR
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { checks, keepOffline, launch, serve } from "./harness.mjs";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const root = process.argv[2];
const WIDTHS = [["390px", 390, 844], ["1280px", 1280, 900]];
// [label, data-warta-theme, the system's colour scheme]
const SCHEMES = [
  ["light", null, "light"],
  ["dark theme", "dark", "light"],
  ["auto theme, system dark", "auto", "dark"],
];

const server = await serve(root);
const browser = await launch();
const { check, finish } = checks("e2e-reading");

/** Opens a fixture's page, waits for its widgets, sets their theme. */
async function open(name, width, height, theme, colorScheme) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  await keepOffline(page, server.origin);
  await page.goto(`${server.origin}/${name}/`, { waitUntil: "load" });
  await page.waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 15000 }).catch(() => {});
  if (theme) await page.$$eval("[data-warta]", (mounts, theme) => mounts.forEach((m) => m.setAttribute("data-warta-theme", theme)), theme);
  return page;
}

async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  return page.evaluate(async (source) => {
    (0, eval)(source);
    const result = await window.axe.run(document.querySelector(".warta"), { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, AXE);
}

/**
 * Tabs from the top of the page until focus leaves the widget. Returns the
 * positions (in document order) of the controls that should be reached and
 * of those that were, and every step where focus was not visible.
 */
async function keyboardWalk(page) {
  const expected = await page.evaluate(() => {
    const all = [...document.querySelectorAll("a[href], button")];
    return all.filter((el) => el.closest(".warta") && el.getClientRects().length > 0).map((el) => all.indexOf(el));
  });
  const reached = [];
  const unseen = [];
  for (let i = 0; i <= expected.length + 1; i++) {
    await page.keyboard.press("Tab");
    const step = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest(".warta")) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const onScreen = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return { at: [...document.querySelectorAll("a[href], button")].indexOf(el), visible: onScreen && ring, name: el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40) };
    });
    if (!step) break;
    reached.push(step.at);
    if (!step.visible) unseen.push(step.name);
  }
  return { expected, reached, unseen };
}

/** What print keeps and drops, read from computed styles. */
async function printed(page) {
  await page.emulateMedia({ media: "print" });
  return page.evaluate(() => {
    const shown = (selector) => [...document.querySelectorAll(selector)].some((el) => getComputedStyle(el).display !== "none");
    const cards = [...document.querySelectorAll(".warta-read-also__title[href]")];
    return {
      hidden: [".warta-share-island", ".warta-follow", ".warta-ad", ".warta-links--empty"].filter((s) => document.querySelector(s) && shown(s)),
      kept: [".warta-header__title", ".warta-body", ".warta-figure__caption", ".warta-footer__source", ".warta-footer__editor"].filter((s) => document.querySelector(s) && !shown(s)),
      text: getComputedStyle(document.querySelector(".warta-header__title")).color,
      paper: getComputedStyle(document.querySelector(".warta")).backgroundColor,
      addresses: cards.every((a) => getComputedStyle(a, "::after").content.includes(a.getAttribute("href"))),
      cards: cards.length,
    };
  });
}

try {
  for (const name of (await readdir(root)).sort()) {
    for (const [label, width, height] of WIDTHS) {
      for (const [scheme, theme, colorScheme] of SCHEMES) {
        const page = await open(name, width, height, theme, colorScheme);
        const violations = await axe(page);
        check(violations.length === 0, `${name} @ ${label}, ${scheme}: axe-core finds no accessibility violation ${violations.join(" | ")}`);
        await page.close();
      }
      const page = await open(name, width, height, null, "light");
      const walk = await keyboardWalk(page);
      const at = `${name} @ ${label}`;
      check(walk.expected.length > 0 && JSON.stringify(walk.reached) === JSON.stringify(walk.expected),
        `${at}: Tab reaches all ${walk.expected.length} links and controls in reading order, then leaves the widget (reached ${walk.reached.length})`);
      check(walk.unseen.length === 0, `${at}: focus is visible on screen at every step ${walk.unseen.join(" | ")}`);
      // Responsive images: the browser takes the file that fits the screen.
      const hero = await page.$eval(".warta-figure--hero img", (img) => ({ chosen: img.currentSrc, offered: img.srcset || img.closest("picture") })).catch(() => null);
      if (hero?.offered) {
        const widest = Number((hero.chosen.match(/-(\d+)\.\w+$/) || [])[1]);
        const fits = width < 768 ? widest <= 800 : widest >= 1200;
        check(fits, `${at}: the hero loads a file sized for the screen (${hero.chosen})`);
      }
      await page.close();
    }
    const page = await open(name, 1280, 900, "dark", "dark");
    const print = await printed(page);
    check(print.hidden.length === 0, `${name}: print leaves out the share bar, follow box, ad slots and empty lists ${print.hidden.join(" ")}`);
    check(print.kept.length === 0, `${name}: print keeps the headline, body, caption, source and editor ${print.kept.join(" ")}`);
    check(print.text === "rgb(0, 0, 0)" && print.paper === "rgb(255, 255, 255)", `${name}: print is black on white even in the dark theme (${print.text} on ${print.paper})`);
    check(print.addresses, `${name}: printed read-also titles show their address (${print.cards} linked cards)`);
    await page.pdf({ path: join(root, name, "print.pdf"), format: "A4", printBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
