// End to end, on the publisher's side: warta must survive what real pages do
// to its markup. Ad scripts, page translation, extensions and minifiers change
// the DOM before the Wasm loads or after it is live; infinite scroll adds and
// drops widgets; a CMS can break one widget's JSON. Whatever happens, the
// Wasm must not stop (a panic would take every widget on the page with it),
// each widget must report a state that tells the truth, the share bar must
// work, and nothing the host put into the page may be removed or re-created.
//
// The pages (matrix.html, ads.html, scroll.html, broken.html) and their
// host.js are written by tests/e2e/host-page.mjs into DIR, beside the fragments
// and the release bundle, and served from there under the same strict
// Content-Security-Policy as tests/e2e/pages.mjs. Outside requests never reach
// the network: photos get a stand-in, the rest is refused.
//
// Usage: node tests/e2e/host.mjs DIR, after (as scripts/test.sh does):
//   trunk build --release
//   mkdir -p target/e2e-host
//   cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/sample.json --ad-slots tests/fixtures/ad-slots.json > target/e2e-host/sample.html
//   cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/long-bilingual.json > target/e2e-host/long.html
//   cp dist/warta*.js dist/warta*_bg.wasm dist/warta.css target/e2e-host/
//   node tests/e2e/host.mjs target/e2e-host
import { readFile } from "node:fs/promises";
import { checks, keepOffline, launch, serve } from "./harness.mjs";
import { BROKEN_JSON, COPIED, writePages } from "./host-page.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node tests/e2e/host.mjs DIR   (DIR holds sample.html, long.html and the bundle)");
  process.exit(2);
}
const started = performance.now();

// The creative each slot is filled with: exactly the height the fixture
// reserves for that width, so any movement is warta's fault, not the ad's.
const AD_SLOTS = JSON.parse(await readFile(new URL("../fixtures/ad-slots.json", import.meta.url), "utf8"));
const AD_WIDTHS = { phone: [300, 320], desktop: [728, 300] };
const adSizes = Object.fromEntries(
  AD_SLOTS.map((slot, i) => [slot.id, { phone: [AD_WIDTHS.phone[i] ?? 300, slot.minHeight.phone], desktop: [AD_WIDTHS.desktop[i] ?? 300, slot.minHeight.desktop] }]),
);
await writePages(root, { adSizes });

const CRASH = /unreachable|panicked|RuntimeError/;
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const TIMEOUT = 15000;

const server = await serve(root);
const origin = server.origin;
const browser = await launch();
const { check, finish } = checks("e2e-host");

/**
 * Opens a page in a fresh context (its own clipboard permission and focus).
 * Console errors, uncaught exceptions and anything that looks like a Wasm
 * trap are collected for the checks.
 */
async function open(path, viewport) {
  const context = await browser.newContext({ viewport, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const errors = [];
  const crashes = [];
  page.on("console", (msg) => {
    if (CRASH.test(msg.text())) crashes.push(`console.${msg.type()}: ${msg.text()}`);
    // The browser asks for a favicon these pages do not have.
    if (msg.type() === "error" && !msg.location().url.includes("favicon")) errors.push(msg.text());
  });
  page.on("pageerror", (err) => {
    crashes.push(`pageerror: ${err.message}`);
    errors.push(err.message);
  });
  await keepOffline(page, origin);
  await page.goto(`${origin}/${path}`, { waitUntil: "load" });
  return { page, errors, crashes, close: () => context.close() };
}

/** Waits for a condition in the page; false (not a throw) when it never holds. */
const until = (page, fn, arg) =>
  page.waitForFunction(fn, arg, { timeout: TIMEOUT }).then(
    () => true,
    () => false,
  );

/** Every mount on the page carries a state. */
const allReported = (page) => until(page, () => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState));

/** `[{ id, state }]` of the mounts in the document, in order. */
const mountStates = (page) => page.$$eval("[data-warta]", (ms) => ms.map((m) => ({ id: m.__hostId, state: m.dataset.wartaState ?? "none" })));

/** The warta:ready / warta:error events recorded for one mount. */
const reports = (page, id) => page.evaluate((id) => window.__host.events.filter((e) => e.id === id && e.type !== "warta:share"), id);

const show = (value) => JSON.stringify(value);

/**
 * Clicks "copy link" in each mount, in order, and checks the confirmation
 * lands in that mount's own status region (not in a later one), the clipboard
 * holds the link, and a warta:share event said so.
 */
async function copyEach(page, ids, at) {
  for (const [n, id] of ids.entries()) {
    const what = `${at}: widget ${id} copies its link ("${COPIED}" in its own status, link on the clipboard)`;
    try {
      const link = await page.evaluateHandle((id) => window.__host.mountOf(id)?.querySelector("[data-warta-island] li[data-network=copy] a"), id);
      if (!link.asElement()) {
        check(false, `${what}: no copy link in its share bar`);
        continue;
      }
      await link.asElement().click({ timeout: 5000 });
      await until(page, ({ id, text }) => window.__host.statusOf(id) === text, { id, text: COPIED });
      const seen = await page.evaluate(
        async ({ id, later }) => {
          const shares = window.__host.events.filter((e) => e.type === "warta:share" && e.id === id);
          return {
            own: window.__host.statusOf(id),
            later: later.map(window.__host.statusOf),
            clipboard: await navigator.clipboard.readText(),
            share: shares.at(-1),
          };
        },
        { id, later: ids.slice(n + 1) },
      );
      const ok = seen.own === COPIED && seen.later.every((s) => !s) && seen.share?.network === "copy" && seen.share.url === seen.clipboard && seen.clipboard.startsWith("https://");
      check(ok, ok ? what : `${what}: ${show(seen)}`);
    } catch (err) {
      check(false, `${what}: ${err.message.split("\n")[0]}`);
    }
  }
}

/** Host nodes kept by host.js are the very nodes it put there, still in the page. */
async function hostNodesSurvive(page, at) {
  const lost = await page.evaluate(() =>
    Object.entries(window.__host.kept)
      .filter(([name, node]) => !node || !node.isConnected || node.__hostTag !== name)
      .map(([name]) => name),
  );
  const names = await page.evaluate(() => Object.keys(window.__host.kept));
  if (names.length > 0) check(lost.length === 0, `${at}: host nodes are the same nodes, still in the page (${names.join(", ")})${lost.length ? `; lost: ${lost.join(", ")}` : ""}`);
}

function noCrash(errors, crashes, at, { allow = [] } = {}) {
  check(crashes.length === 0, `${at}: no panic, trap or uncaught exception${crashes.length ? `: ${crashes.join(" | ")}` : ""}`);
  const unexpected = errors.filter((e) => !allow.some((a) => e.includes(a)));
  check(unexpected.length === 0, `${at}: no console errors${unexpected.length ? `: ${unexpected.join(" | ")}` : ""}`);
}

// ---------------------------------------------------------------------------
// 1. The page changes the first widget's markup, before the Wasm or after.

const REASON_CHANGED = "markup changed by the page";
const REASON_MISSING = "the share bar was missing from the markup";
// What the contract promises for each change made before the Wasm loads:
// changes outside the island, and text-only changes inside it (hydration
// re-sets text), keep the server markup hydrated; any element or comment
// change inside the island makes warta render the share bar afresh.
const MATRIX = [
  ["a", "an ad script inserts an iframe between two paragraphs", "hydrated"],
  ["b", "page translation wraps every text node in <font>", "rendered", REASON_CHANGED],
  ["c", "an extension adds elements to the share list and the title, and attributes", "rendered", REASON_CHANGED],
  ["d", "a minifier removes every comment", "rendered", REASON_CHANGED],
  ["e", "the header is removed", "hydrated"],
  ["f", "a <span> is added inside the <h1>", "hydrated"],
  ["g", "the share island is removed", "rendered", REASON_MISSING],
  ["h", "a share-bar text node is replaced with other text", "hydrated"],
  ["i", "the share list is moved to the end of the article", "rendered", REASON_CHANGED],
  ["j", "an extension adds a comment and whitespace inside the island", "rendered", REASON_CHANGED],
  ["k", "an ad inserter puts a slot after the article's third <p>", "hydrated"],
];

async function matrix(when, [change, description, expectState, expectReason]) {
  const at = `${when} (${change}) ${description}`;
  const { page, errors, crashes, close } = await open(`matrix.html?change=${change}&when=${when}`, VIEWPORTS.phone);
  try {
    const reported = await allReported(page);
    const applied = await until(page, () => window.__host.applied);
    const touched = await page.evaluate(() => window.__host.applied?.touched ?? 0);
    // Yew drops its comment markers once it has hydrated, so a minifier
    // running later finds nothing to strip; that is still a fair run.
    const noopAllowed = when === "after" && change === "d";
    check(reported && applied && (touched > 0 || noopAllowed), `${at}: page changed ${touched} node(s) and every widget reported`);
    // After the Wasm, the state was already true and must stay as it was.
    const [first, second] = await mountStates(page);
    const expected = when === "before" ? { state: expectState, reason: expectReason } : { state: "hydrated" };
    check(first?.state === expected.state && second?.state === "hydrated", `${at}: states ${first?.state}, ${second?.state} (expected ${expected.state}, hydrated)`);

    // Moving the links out of the island after hydration takes them out of
    // the element Yew listens on, and removing the island removes them: in
    // both cases the first widget has no live copy link left to click.
    const noLiveLinks = when === "after" && (change === "g" || change === "i");
    await copyEach(page, noLiveLinks ? [second.id] : [first.id, second.id], at);

    // Counted after the clicks, so a late second report would show.
    const [r1, r2] = [await reports(page, first.id), await reports(page, second.id)];
    const eventOk =
      r1.length === 1 && r1[0].type === "warta:ready" && r1[0].state === expected.state && r1[0].reason === expected.reason && r2.length === 1 && r2[0].state === "hydrated" && r2[0].reason === undefined;
    check(eventOk, `${at}: one warta:ready per widget, ${show(expected)} then {"state":"hydrated"}${eventOk ? "" : ` (got ${show(r1)} ${show(r2)})`}`);

    await hostNodesSurvive(page, at);
    const extra = await page.evaluate(() => {
      const mount = document.querySelector("[data-warta]");
      const attribute = window.__host.attribute;
      return {
        // Elements the page removed outside the island stay removed.
        back: window.__host.gone.filter((selector) => mount.querySelector(selector)),
        // An extension's attributes outside the island stay.
        unmarked: attribute ? attribute.on.filter((selector) => !mount.querySelector(selector).hasAttribute(attribute.name)) : null,
        // Where the inserter's slot stands: among the body's paragraphs.
        inserted: window.__host.inserted && {
          inBody: window.__host.inserted.parentElement === mount.querySelector(".warta-body"),
          after: window.__host.inserted.previousElementSibling?.localName ?? null,
          // Which body paragraph it follows (1-based). The article's third
          // paragraph, counting a standfirst, the only paragraph before the body.
          paragraph: [...mount.querySelectorAll(".warta-body > p")].indexOf(window.__host.inserted.previousElementSibling) + 1,
          expected: 3 - mount.querySelectorAll(".warta-header__summary").length,
          inBar: Boolean(window.__host.inserted.closest("[data-warta-island]")),
        },
      };
    });
    if (change === "k") {
      const slot = extra.inserted;
      check(slot.inBody && slot.after === "p" && !slot.inBar, `${at}: the inserter's slot stands among the body's paragraphs, right after one (${show(slot)})`);
      check(slot.paragraph === slot.expected, `${at}: "after the third <p>" is after the article's third paragraph (${show(slot)})`);
    }
    if (change === "c") check(extra.unmarked.length === 0, `${at}: extension attributes outside the island are kept${extra.unmarked.length ? `; lost on ${extra.unmarked.join(", ")}` : ""}`);
    if (change === "e") check(extra.back.length === 0, `${at}: removed elements stay removed${extra.back.length ? `; back: ${extra.back.join(", ")}` : ""}`);
    noCrash(errors, crashes, at);
  } catch (err) {
    check(false, `${at}: ${err.message.split("\n")[0]}`);
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------
// 2. Ad slots filled before and after the Wasm: nothing moves, nothing is lost.

async function ads(label, viewport) {
  const at = `ad slots @ ${label}`;
  const { page, errors, crashes, close } = await open("ads.html", viewport);
  try {
    const ready = (await allReported(page)) && (await until(page, () => window.__host.filled));
    check(ready, `${at}: both widgets reported and both slots were filled`);
    // Buffered entries cover the whole load, both fills included; the short
    // wait lets a shift from the last fill be reported.
    const cls = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) total += e.value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    check(cls === 0, `${at}: layout shift ${cls.toFixed(4)}`);
    const states = await mountStates(page);
    check(states.length === 2 && states.every((s) => s.state === "hydrated"), `${at}: states ${states.map((s) => s.state).join(", ")}`);
    const slots = await page.evaluate(
      ({ slots, phone }) =>
        slots.map(({ id, after, minHeight }) => {
          const kept = window.__host.kept[id];
          const ad = window.__host.kept[`ad in ${id}`];
          const body = document.querySelector("[data-warta] .warta-body");
          const wrapper = kept?.closest(".warta-ad");
          const paragraph = body?.querySelectorAll(":scope > p")[after - 1];
          const box = kept?.closest(".warta-ad__box")?.getBoundingClientRect().height;
          return {
            id,
            same: Boolean(kept?.isConnected && document.getElementById(id) === kept && kept.__hostTag === id),
            filled: Boolean(ad?.parentNode === kept && ad.__hostTag === `ad in ${id}`),
            placed: Boolean(wrapper && wrapper.parentElement === body && wrapper.previousElementSibling === paragraph),
            box,
            reserved: phone ? minHeight.phone : minHeight.desktop,
          };
        }),
      { slots: AD_SLOTS, phone: viewport.width < 768 },
    );
    for (const s of slots) {
      check(s.same && s.filled, `${at}: slot ${s.id} is the same element and still holds its ad`);
      check(s.placed, `${at}: slot ${s.id} still stands right after paragraph ${AD_SLOTS.find((a) => a.id === s.id).after}`);
      check(s.box === s.reserved, `${at}: slot ${s.id} box is the reserved ${s.reserved} px (measured ${s.box})`);
    }
    noCrash(errors, crashes, at);
  } catch (err) {
    check(false, `${at}: ${err.message.split("\n")[0]}`);
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------
// 3. Infinite scroll: widgets arrive one by one, one leaves and comes back.

async function infiniteScroll() {
  const at = "infinite scroll";
  const { page, errors, crashes, close } = await open("scroll.html", VIEWPORTS.phone);
  try {
    const scrolled = await until(page, () => window.__host.scrolled || window.__host.scrollError);
    const log = await page.evaluate(() => ({
      error: window.__host.scrollError,
      removedId: window.__host.removedId,
      reports: window.__host.events.filter((e) => e.type !== "warta:share"),
    }));
    check(scrolled && !log.error, `${at}: three widgets appended one by one, one removed${log.error ? `: ${log.error}` : ""}`);
    const ids = [1, 2, 3, 4];
    const per = ids.map((id) => log.reports.filter((r) => r.id === id));
    check(
      per.every((r) => r.length === 1 && r[0].type === "warta:ready" && r[0].state === "hydrated"),
      `${at}: all four widgets reported hydrated, once each (${per.map((r) => r.map((e) => e.state).join("+") || "none").join(", ")})`,
    );
    const detached = await page.evaluate(() => ({
      state: window.__removed.dataset.wartaState ?? null,
      shareBar: Boolean(window.__removed.querySelector("[data-warta-island] .warta-share")),
    }));
    const mounted = await page.evaluate(() => window.warta.mount(document));
    check(mounted === 0, `${at}: warta.mount(document) afterwards mounts nothing new (returned ${mounted})`);
    const remaining = await mountStates(page);
    check(remaining.length === 3 && !remaining.some((m) => m.id === log.removedId), `${at}: the removed widget is gone, three remain`);
    await copyEach(page, remaining.map((m) => m.id), at);

    // Back into the feed: warta tore it down when it left, so it must be
    // mounted again and report again.
    const back = await page.evaluate(() => {
      const removed = window.__removed;
      document.getElementById("feed").append(removed);
      return { id: removed.__hostId, stateOnReturn: removed.dataset.wartaState ?? null };
    });
    const again = await until(page, (id) => window.__host.events.filter((e) => e.id === id && e.type !== "warta:share").length >= 2, back.id);
    const second = (await reports(page, back.id))[1];
    check(
      again && ["hydrated", "rendered"].includes(second?.state) && second.type === "warta:ready",
      `${at}: the widget put back is mounted again and reports ${show(second)}`,
    );
    // A torn-down widget's share bar is gone, so "hydrated" is no longer
    // true of it until it reports again.
    check(
      detached.state === null && back.stateOnReturn === null,
      `${at}: a removed widget no longer claims a state (data-warta-state while detached: ${detached.state}, share bar ${detached.shareBar ? "present" : "gone"}; when put back: ${back.stateOnReturn})`,
    );
    if (again) await copyEach(page, [back.id], `${at}, put back`);
    noCrash(errors, crashes, at);
  } catch (err) {
    check(false, `${at}: ${err.message.split("\n")[0]}`);
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------
// 4. One widget's JSON is broken: only that widget gives up, and visibly.

async function brokenNeighbour() {
  const at = "broken JSON in the middle widget";
  const { page, errors, crashes, close } = await open("broken.html", VIEWPORTS.phone);
  try {
    await allReported(page);
    const states = await mountStates(page);
    check(show(states.map((s) => s.state)) === show(["hydrated", "error", "hydrated"]), `${at}: states ${states.map((s) => s.state).join(", ")} (expected hydrated, error, hydrated)`);
    const middle = await reports(page, 2);
    check(
      middle.length === 1 && middle[0].type === "warta:error" && middle[0].state === "error" && Boolean(middle[0].message),
      `${at}: one warta:error with a message ${show(middle)}`,
    );
    const left = await page.evaluate(() => {
      const mount = document.querySelectorAll("[data-warta]")[1];
      return {
        json: mount.querySelector("[data-warta-data]").textContent,
        same: mount.querySelector("[data-warta-root]").outerHTML === window.__host.before,
      };
    });
    const title = page.locator("[data-warta]").nth(1).locator("h1");
    const visible = (await title.isVisible()) && (await title.innerText()).trim().length > 0;
    check(left.same && left.json === BROKEN_JSON && visible, `${at}: its server markup is left exactly as it was, title visible`);
    await copyEach(page, [1, 3], at);
    // warta says why on the console, once; nothing else may be logged.
    noCrash(errors, crashes, at, { allow: ["warta: not valid JSON: "] });
  } catch (err) {
    check(false, `${at}: ${err.message.split("\n")[0]}`);
  } finally {
    await close();
  }
}

try {
  for (const when of ["before", "after"]) {
    for (const scenario of MATRIX) await matrix(when, scenario);
  }
  for (const viewport of Object.values(VIEWPORTS)) await ads(`${viewport.width}px`, viewport);
  await infiniteScroll();
  await brokenNeighbour();
} finally {
  await browser.close();
  server.close();
}
console.log(`e2e-host: took ${((performance.now() - started) / 1000).toFixed(1)} s`);
finish();
