// End to end: warta's loading strategies (src/js/warta-init.js). For each
// strategy, on a page with one widget at the top and one far below it,
// served under the strict CSP of the other checks:
// - before the Wasm (held back, or not asked for yet) the article reads and
//   the share links work as plain links; a click on "copy link" does not
//   leave the page and is carried out once the widget is live;
// - the Wasm is fetched when the strategy says, not before (eager: not
//   before the page's first contentful paint), and each widget becomes
//   interactive under its strategy;
// - widgets added later (infinite scroll) and `window.warta.mount` work
//   under the strategy; a widget's own strategy wins over the page's;
// - nothing shifts (CLS 0) and nothing is logged as an error;
// - the loader and the island's glue carry V8's compile hint;
// - server-rendered widgets need only the island bundle; a widget that
//   needs more (an empty mount added later) is handed to the full client,
//   fetched then, and works there (copy, unmount).
//
// Usage: node tests/e2e/loading.mjs DIR, after (as scripts/test.sh does):
//   cargo run --release --features cli --bin warta -- render tests/fixtures/sample.json > DIR/sample.html
//   cargo run --release --features cli --bin warta -- page tests/fixtures/sample.json --load interaction -o DIR/page
//   cp dist/warta*.js dist/warta*_bg.wasm dist/warta.css DIR/ DIR/page/
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checks, keepOffline, launch, serve } from "./harness.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node tests/e2e/loading.mjs DIR   (DIR holds sample.html and the bundle)");
  process.exit(2);
}
const STRATEGIES = ["eager", "idle", "visible", "interaction"];
const COPIED = "Tautan disalin";
const fragment = await readFile(join(root, "sample.html"), "utf8");
const withLoad = (html, load) => html.replace("<div class=\"warta\" data-warta", `<div class="warta" data-warta data-warta-load="${load}"`);

// A page per strategy (set on the script), and one where the top widget's
// own strategy (interaction) wins over the page's (eager). host.js adds a
// widget at the end of the page when asked (`?add`), as infinite scroll does.
const page = (pageLoad, top) => `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>loading</title>
<link rel="stylesheet" href="warta.css"><link rel="stylesheet" href="host.css">
<script type="module" src="warta-init.js" data-warta-load="${pageLoad}"></script>
</head><body>
<main id="top">${top}</main>
<div class="spacer"></div>
<section id="below">${fragment}</section>
<div class="spacer"></div>
<section id="later"></section>
<script src="host.js"></script>
</body></html>
`;
for (const load of STRATEGIES) await writeFile(join(root, `${load}.html`), page(load, fragment));
await writeFile(join(root, "mixed.html"), page("eager", withLoad(fragment, "interaction")));
// An eager page whose photo (above the widget) is still loading.
const PHOTO = '<img src="photo.png" width="390" height="260" alt="">';
await writeFile(join(root, "eager-photo.html"), page("eager", PHOTO + fragment));
// A 1×1 PNG, answered for photo.png once the test lets it through.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
await writeFile(join(root, "host.css"), ".spacer { height: 3000px; }\n");
await writeFile(
  join(root, "host.js"),
  `"use strict";
// Adds one more widget at the end of the page (infinite scroll), on request.
window.addLater = (html) => { document.getElementById("later").insertAdjacentHTML("beforeend", html); };
`,
);
await writeFile(join(root, "later.html"), fragment);

const server = await serve(root);
const origin = server.origin;
const browser = await launch();
const { check, finish } = checks("e2e-loading");
const TIMEOUT = 15000;

// What every page runs starts with V8's compile hint (scripts/post-build.sh).
for (const script of ["warta-init.js", "warta-island.js"]) {
  const first = (await readFile(join(root, script), "utf8")).split("\n", 1)[0];
  check(first === "//# allFunctionsCalledOnLoad", `${script} asks for every function compiled at once`);
}

/**
 * Opens a page whose Wasm is held back until `release()` (and its photo
 * until `releasePhoto()`); records layout shifts, errors and the Wasm request.
 */
async function open(path, { hold = false, holdPhoto = false, early = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && !msg.location().url.includes("favicon") && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift += e.value;
        window.__shifted = (window.__shifted || []).concat((e.sources || []).map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`));
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Share networks answer with an empty page: a click that opens one is seen, never sent.
  const opened = [];
  await context.route(/^https:\/\/(?!.*127\.0\.0\.1)/, (route) => {
    if (route.request().resourceType() === "document") {
      opened.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<!DOCTYPE html><title>share</title>" });
    }
    return route.fallback();
  });
  await keepOffline(page, origin);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  if (!hold) release();
  // `asked`: the island bundle, which the strategies load; `full`: the full client.
  const wasm = { asked: 0, full: 0 };
  await page.route("**/warta*_bg.wasm", async (route) => {
    if (route.request().url().endsWith("/warta_bg.wasm")) wasm.full++;
    else wasm.asked++;
    await gate;
    await route.continue();
  });
  let releasePhoto;
  const photoGate = new Promise((resolve) => (releasePhoto = resolve));
  if (!holdPhoto) releasePhoto();
  await page.route("**/photo.png", async (route) => {
    await photoGate;
    await route.fulfill({ contentType: "image/png", body: PNG });
  });
  // A photo held back holds the load event too; `early` hands the page over
  // as soon as the browser has it, for what a reader does while it loads.
  await page.goto(`${origin}/${path}`, { waitUntil: early ? "commit" : holdPhoto ? "domcontentloaded" : "load" });
  return { page, context, errors, wasm, opened, release, releasePhoto, close: () => context.close() };
}

/** One scenario on a page of its own: anything it throws is one failed check, and the page is closed. */
async function scenario(at, path, options, body) {
  const tab = await open(path, options);
  try {
    await body(tab);
  } catch (err) {
    check(false, `${at}: ${err.message.split("\n")[0]}`);
  } finally {
    await tab.close();
  }
}

const JSON_TEXT = fragment.match(/<script type="application\/json" data-warta-data>([\s\S]*?)<\/script>/)[1];
// A mount with the article's JSON and no server markup, as the page adds it: only the full client can show it.
const JSON_ONLY = `<div class="warta" data-warta><script type="application/json" data-warta-data>${JSON_TEXT}</script></div>`;
const stateOf = (page, selector) => page.$eval(selector, (el) => el.querySelector("[data-warta]")?.dataset.wartaState ?? "none");
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: TIMEOUT }).then(() => true, () => false);
const live = (page, selector) => until(page, (s) => document.querySelector(s)?.querySelector("[data-warta]")?.dataset.wartaState === "hydrated", selector);
const settle = (page, ms = 1500) => page.waitForTimeout(ms);

/** Before the Wasm: the article reads, the share links are links, a share click opens the network, copy waits. */
async function beforeWasm(at, { page, opened }) {
  const read = await page.evaluate(() => {
    const mount = document.querySelector("#top [data-warta]");
    const title = mount.querySelector("h1")?.innerText ?? "";
    const paragraphs = [...mount.querySelectorAll(".warta-body p")].filter((p) => p.innerText.trim() && p.getBoundingClientRect().height > 0).length;
    const links = [...mount.querySelectorAll("[data-warta-island] li:not([hidden]) a")].map((a) => a.href);
    const native = mount.querySelector("[data-warta-island] li[data-network=native]");
    return { title, paragraphs, links, nativeHidden: !native || native.hidden, state: mount.dataset.wartaState ?? "none" };
  });
  check(read.state === "none" && read.title.length > 10 && read.paragraphs >= 5, `${at}: before the Wasm the article reads (title, ${read.paragraphs} paragraphs, state ${read.state})`);
  check(read.links.length >= 3 && read.links.every((h) => /^(https|mailto):/.test(h)) && read.nativeHidden, `${at}: before the Wasm, ${read.links.length} share links are plain links; the share-sheet button is hidden`);
  const popup = page.context().waitForEvent("page", { timeout: 5000 }).catch(() => null);
  await page.click("#top [data-warta-island] li[data-network=whatsapp] a, #top [data-warta-island] li[data-network=facebook] a");
  const opener = await popup;
  await opener?.close();
  check(opened.some((u) => /whatsapp|facebook/.test(u)), `${at}: a share link clicked before the Wasm opens the network (${opened.join(" ") || "nothing opened"})`);
  const url = page.url();
  await page.click("#top [data-warta-island] li[data-network=copy] a");
  await settle(page, 300);
  check(page.url() === url, `${at}: "copy link" clicked before the Wasm keeps the reader on the page`);
}

/** After the copy click before the Wasm: once live, the link is on the clipboard and the bar says so. */
async function copyReplayed(at, page) {
  const done = await until(page, (text) => document.querySelector("#top .warta-share__status")?.textContent === text, COPIED);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
  check(done && clipboard.startsWith("https://"), `${at}: the early "copy link" click is carried out once live ("${COPIED}", clipboard ${clipboard.slice(0, 40)})`);
}

async function noShiftNoErrors(at, { page, errors }) {
  const [shift, shifted] = await page.evaluate(() => [window.__shift, window.__shifted || []]);
  check(shift === 0, `${at}: layout shift ${shift.toFixed(4)} ${shifted.join(" | ")}`);
  check(errors.length === 0, `${at}: no console errors ${errors.join(" | ")}`);
}

/** A widget added later at the end of the page, then made to need its strategy. */
async function laterWidget(at, { page }, load) {
  await page.evaluate((html) => window.addLater(html), withLoad(fragment, load));
  if (load === "visible") {
    await settle(page, 800);
    const waiting = await stateOf(page, "#later");
    await page.$eval("#later", (el) => el.scrollIntoView());
    check(waiting === "none" && (await live(page, "#later")), `${at}: a widget added later waits out of view (${waiting}), then hydrates when scrolled to`);
  } else if (load === "interaction") {
    await settle(page, 800);
    const waiting = await stateOf(page, "#later");
    await page.keyboard.press("Tab");
    check(waiting === "none" && (await live(page, "#later")), `${at}: a widget added later waits (${waiting}) for an interaction, then hydrates`);
  } else {
    check(await live(page, "#later"), `${at}: a widget added later hydrates`);
  }
}

try {
  for (const load of ["eager", "idle"]) {
    const at = `${load}`;
    await scenario(at, `${load}.html`, { hold: true }, async (tab) => {
      for (let waited = 0; tab.wasm.asked === 0 && waited < 5000; waited += 100) await settle(tab.page, 100);
      check(tab.wasm.asked === 1, `${at}: the Wasm is asked for without any interaction, once (${tab.wasm.asked})`);
      await beforeWasm(at, tab);
      tab.release();
      await copyReplayed(at, tab.page);
      const both = (await live(tab.page, "#top")) && (await live(tab.page, "#below"));
      check(both, `${at}: both widgets hydrate, the one far below the fold too`);
      if (load === "eager") {
        // Nothing of warta's may compete with the page's first paint; the
        // island's script comes inside the loader, so its Wasm is the one
        // request made after it.
        const { fcp, first, scripts } = await tab.page.evaluate(() => ({
          fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
          first: Math.min(...performance.getEntriesByType("resource").filter((e) => /warta-island_bg\.wasm$/.test(e.name)).map((e) => e.startTime)),
          scripts: performance.getEntriesByType("resource").filter((e) => /warta(-island)?\.js$/.test(e.name)).map((e) => e.name.split("/").pop()),
        }));
        check(Number.isFinite(first) && first >= fcp, `${at}: the island's Wasm is requested after the page's first contentful paint (${first.toFixed(0)} ≥ ${fcp.toFixed(0)} ms)`);
        check(scripts.length === 0, `${at}: no bundle script is fetched besides the loader (${scripts.join(", ") || "none"})`);
      }
      await laterWidget(at, tab, load);
      await noShiftNoErrors(at, tab);
    });
  }

  {
    // Nothing warta loads may compete with the page's largest paint.
    const at = "eager, the page's photo still loading";
    await scenario(at, "eager-photo.html", { holdPhoto: true }, async (tab) => {
      await settle(tab.page);
      const asked = tab.wasm.asked;
      const state = await stateOf(tab.page, "#top");
      tab.releasePhoto();
      check(asked === 0 && state === "none" && (await live(tab.page, "#top")) && tab.wasm.asked === 1, `${at}: no Wasm is fetched while the photo loads (${asked}, ${state}); once it is in, the widget hydrates`);
      await noShiftNoErrors(at, tab);
    });
  }

  {
    const at = "visible";
    await scenario(at, "visible.html", { hold: true }, async (tab) => {
      await beforeWasm(at, tab);
      tab.release();
      check(await live(tab.page, "#top"), `${at}: the widget in view hydrates without any interaction`);
      await settle(tab.page);
      const below = await stateOf(tab.page, "#below");
      await tab.page.$eval("#below", (el) => el.scrollIntoView());
      check(below === "none" && (await live(tab.page, "#below")), `${at}: the widget far below waits (${below}) until it comes near the viewport, then hydrates`);
      await laterWidget(at, tab, "visible");
      await noShiftNoErrors(at, tab);
    });
  }

  {
    const at = "interaction";
    await scenario(at, "interaction.html", {}, async (tab) => {
      await settle(tab.page);
      check(tab.wasm.asked === 0, `${at}: no Wasm fetched without an interaction (${tab.wasm.asked})`);
      await beforeWasm(at, tab); // the clicks in here are the first interaction
      await copyReplayed(at, tab.page);
      const both = (await live(tab.page, "#top")) && (await live(tab.page, "#below"));
      check(both && tab.wasm.asked === 1, `${at}: after the first interaction both widgets hydrate (Wasm fetched ${tab.wasm.asked}×)`);
      await laterWidget(at, tab, "interaction");
      await noShiftNoErrors(at, tab);
    });
  }

  for (const early of [false, true]) {
    // `early`: the focus comes while the page is still loading, before the
    // loader has armed the widgets (it waits for the first paint).
    const at = `interaction, no click${early ? ", page still loading" : ""}`;
    await scenario(at, "interaction.html", { early }, async (tab) => {
      await tab.page.focus("#top [data-warta-island] li[data-network=copy] a");
      const painted = await tab.page.evaluate(() => performance.getEntriesByName("first-contentful-paint").length > 0);
      check(await live(tab.page, "#top"), `${at}: focus reaching the share bar by keyboard is an interaction that hydrates it (first paint already reported at the focus: ${painted})`);
      await noShiftNoErrors(at, tab);
    });
  }

  {
    // The page `warta page --load interaction` writes (test.sh puts it in DIR/page/).
    const at = "warta page --load interaction";
    await scenario(at, "page/", {}, async (tab) => {
      await settle(tab.page);
      const script = await tab.page.$eval("script[type=module]", (s) => s.dataset.wartaLoad);
      const before = tab.wasm.asked;
      await tab.page.mouse.click(5, 5);
      const hydrated = await until(tab.page, () => document.querySelector("[data-warta]")?.dataset.wartaState === "hydrated");
      check(script === "interaction" && before === 0 && hydrated, `${at}: the script carries the strategy (${script}); no Wasm before a click (${before}), hydrated after`);
      await noShiftNoErrors(at, tab);
    });
  }

  {
    const at = "hand-over to the full client";
    await scenario(at, "eager.html", {}, async (tab) => {
      const both = (await live(tab.page, "#top")) && (await live(tab.page, "#below"));
      check(both && tab.wasm.asked === 1 && tab.wasm.full === 0, `${at}: server-rendered widgets hydrate with the island bundle alone (island ${tab.wasm.asked}×, full client ${tab.wasm.full}×)`);
      // A widget without server markup (the JSON only), added later.
      await tab.page.evaluate((html) => window.addLater(html), JSON_ONLY);
      const rendered = await until(tab.page, () => document.querySelector("#later [data-warta]")?.dataset.wartaState === "rendered");
      const title = await tab.page.$eval("#later", (el) => el.querySelector("h1")?.innerText ?? "");
      check(rendered && title.length > 10 && tab.wasm.full === 1, `${at}: an empty mount is rendered whole by the full client, fetched for it (${tab.wasm.full}×; "${title.slice(0, 30)}")`);
      await tab.page.$eval("#later", (el) => el.scrollIntoView());
      await tab.page.click("#later [data-warta-island] li[data-network=copy] a");
      const copied = await until(tab.page, (text) => document.querySelector("#later .warta-share__status")?.textContent === text, COPIED);
      check(copied, `${at}: its share bar works ("${COPIED}")`);
      const stopped = await tab.page.evaluate(() => {
        const mount = document.querySelector("#later [data-warta]");
        return [window.warta.unmount(mount), mount.dataset.wartaState ?? "none", mount.querySelector("h1") !== null];
      });
      check(stopped[0] === 1 && stopped[1] === "none" && stopped[2], `${at}: warta.unmount stops it in the full client and leaves the article (${stopped})`);
      await noShiftNoErrors(at, tab);
    });
  }

  {
    // The island bundle makes intact markup live without Yew; anything it
    // would have to render goes to the full client.
    const at = "the island bundle's widgets";
    await scenario(at, "eager.html", { hold: true }, async (tab) => {
      // Before the Wasm, a page script wraps the lower widget's share links
      // in <font>, as page translation does.
      await tab.page.evaluate(() => {
        for (const link of document.querySelectorAll("#below [data-warta-island] li > a")) {
          const font = document.createElement("font");
          link.before(font);
          font.append(link);
        }
      });
      tab.release();
      const top = await live(tab.page, "#top");
      const below = await until(tab.page, () => document.querySelector("#below [data-warta]")?.dataset.wartaState === "rendered");
      check(top && below && tab.wasm.full === 1, `${at}: intact markup is live with the island bundle; the changed share bar is rendered fresh by the full client (fetched ${tab.wasm.full}×)`);
      const stopped = await tab.page.evaluate(() => {
        const mount = document.querySelector("#top [data-warta]");
        return [window.warta.unmount(mount), mount.dataset.wartaState ?? "none", mount.querySelector("li[data-network=native]").hidden];
      });
      check(stopped[0] === 1 && stopped[1] === "none" && stopped[2], `${at}: warta.unmount stops a live bar and leaves the server's markup (${stopped})`);
      // Unmounted, "copy link" is a plain link again: nothing holds its click back.
      const held = await tab.page.evaluate(() => {
        const link = /** @type {HTMLElement} */ (document.querySelector("#top [data-warta-island] li[data-network=copy] a"));
        let prevented = null;
        const seen = (/** @type {Event} */ e) => { prevented = e.defaultPrevented; e.preventDefault(); };
        document.addEventListener("click", seen, { once: true });
        link.click();
        return prevented;
      });
      check(held === false, `${at}: once unmounted, a click on "copy link" is the link's own (held back: ${held})`);
      const again = await tab.page.evaluate(() => window.warta.mount(document.querySelector("#top [data-warta]")));
      check(again === 1 && (await live(tab.page, "#top")), `${at}: mounted again, the widget is live again with the island bundle (${again})`);
      await tab.page.click("#top [data-warta-island] li[data-network=copy] a");
      const copied = await until(tab.page, (text) => document.querySelector("#top .warta-share__status")?.textContent === text, COPIED);
      check(copied && tab.wasm.full === 1, `${at}: its "copy link" works again ("${COPIED}"), still without the full client for it`);
    });
  }

  {
    const at = "the full client cannot load";
    await scenario(at, "eager.html", {}, async (tab) => {
      await tab.page.route("**/warta_bg.wasm", (route) => route.abort());
      check(await live(tab.page, "#top"), `${at}: the server-rendered widget hydrates with the island bundle`);
      const reported = tab.page.evaluate(() => new Promise((resolve) => document.addEventListener("warta:error", (e) => resolve(e.detail.message), { once: true })));
      await tab.page.evaluate((html) => window.addLater(html), JSON_ONLY);
      const message = await Promise.race([reported, settle(tab.page, TIMEOUT).then(() => "no event")]);
      const state = await stateOf(tab.page, "#later");
      check(state === "error" && /could not load the full client/.test(message), `${at}: the empty mount that needed it reports error ("${message.slice(0, 60)}"), the others stay live`);
      check((await stateOf(tab.page, "#top")) === "hydrated", `${at}: the widget above is still hydrated`);
    });
  }

  {
    const at = "the island bundle cannot load, for a widget in a shadow root";
    await scenario(at, "eager.html", {}, async (tab) => {
      await tab.page.route("**/warta-island_bg.wasm", (route) => route.abort());
      const heard = await tab.page.evaluate(async (html) => {
        const host = document.createElement("div");
        document.body.append(host);
        host.attachShadow({ mode: "open" }).innerHTML = html;
        const event = new Promise((resolve) => document.addEventListener("warta:error", (e) => e.target === host && resolve(e.detail.message)));
        window.warta.mount(/** @type {ShadowRoot} */ (host.shadowRoot));
        return Promise.race([event, new Promise((resolve) => setTimeout(() => resolve("no event"), 10000))]);
      }, fragment);
      check(/could not load the island bundle/.test(heard), `${at}: the document hears its warta:error ("${heard.slice(0, 60)}")`);
    });
  }

  {
    const at = "visible, with the island moved out of its widget";
    await scenario(at, "visible.html", {}, async (tab) => {
      // Once the loader watches the widgets (the one in view is live), the
      // page moves the far one's share bar to its end, and the reader scrolls there.
      check(await live(tab.page, "#top"), `${at}: the widget in view hydrates`);
      await tab.page.evaluate(() => document.body.append(/** @type {Element} */ (document.querySelector("#below [data-warta-island]"))));
      await tab.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await tab.page.waitForFunction(() => document.querySelector("#below [data-warta]")?.dataset.wartaState, null, { timeout: TIMEOUT }).catch(() => {});
      const state = await stateOf(tab.page, "#below");
      check(state === "rendered", `${at}: the widget mounts when what is watched comes into view, its share bar rendered anew (${state})`);
      check(tab.errors.length === 0, `${at}: no error ${tab.errors.join(" | ")}`);
    });
  }

  {
    const at = "the full client has stopped";
    await scenario(at, "eager.html", {}, async (tab) => {
      check(await live(tab.page, "#top"), `${at}: the server-rendered widget hydrates with the island bundle`);
      // Stands in for a full client that panicked: calling it throws.
      await tab.page.evaluate(() => {
        window.warta.guest = { get mount() { return () => { throw new Error("unreachable"); }; }, set mount(_) {} };
      });
      const reported = tab.page.evaluate(() => new Promise((resolve) => document.addEventListener("warta:error", (e) => resolve(e.detail.message), { once: true })));
      await tab.page.evaluate((html) => window.addLater(html), JSON_ONLY);
      const message = await Promise.race([reported, settle(tab.page, TIMEOUT).then(() => "no event")]);
      const state = await stateOf(tab.page, "#later");
      check(state === "error" && /the full client stopped: Error: unreachable/.test(message), `${at}: the mount handed to it reports error ("${message.slice(0, 60)}")`);
      check((await stateOf(tab.page, "#top")) === "hydrated", `${at}: the widget above is still hydrated`);
    });
  }

  {
    const at = "per mount";
    await scenario(at, "mixed.html", {}, async (tab) => {
      const below = await live(tab.page, "#below");
      await settle(tab.page, 800);
      const top = await stateOf(tab.page, "#top");
      check(below && top === "none", `${at}: on an eager page, the widget below hydrates while the top one (data-warta-load="interaction") waits (${top})`);
      const mounted = await tab.page.evaluate(() => window.warta.mount(document.querySelector("#top [data-warta]")));
      check(mounted === 1 && (await live(tab.page, "#top")), `${at}: window.warta.mount(widget) mounts a widget still waiting for its strategy (returned ${mounted})`);
      await noShiftNoErrors(at, tab);
    });
  }
} finally {
  await browser.close();
  server.close();
}
finish();
