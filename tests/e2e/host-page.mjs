// The publisher's side of tests/e2e/host.mjs: the pages that embed warta's
// fragments, and host.js, the classic script that does to warta's markup what
// real publisher pages do (ad scripts, page translation, browser extensions,
// minifiers, infinite scroll).
//
// host.js is written here as an ordinary function, so it is real JavaScript an
// editor and a linter can check, and is written out as a file because the
// pages' Content-Security-Policy forbids inline scripts. It is placed after the
// widgets in the body: as a classic script it runs while the page is parsed,
// before the deferred module that loads warta, which is exactly when an ad or
// translation script gets at a real page first.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Text of the copy confirmation in Indonesian, the language of both fixtures. */
export const COPIED = "Tautan disalin";

/** What the browser shows of the broken JSON in the error-isolation page. */
export const BROKEN_JSON = '{"version":1,"title":';

/**
 * Writes host.js and the pages into `dir`, next to the fragments and the
 * bundle, and returns their names. `adSizes` maps each ad slot id to the
 * creative the host fills it with, per viewport: `{ id: { phone: [w, h], desktop: [w, h] } }`.
 */
export async function writePages(dir, { adSizes }) {
  const sample = (await readFile(join(dir, "sample.html"), "utf8")).trim();
  const long = (await readFile(join(dir, "long.html"), "utf8")).trim();
  const between = '<p class="host-between">Berita lain dari penerbit, bukan bagian dari widget.</p>';
  // Only the JSON copy breaks: the server markup around it is intact, as when
  // a CMS truncates the script or a proxy mangles it.
  const broken = long.replace(/(<script type="application\/json" data-warta-data>)[^]*?(<\/script>)/, `$1${BROKEN_JSON}$2`);
  if (broken === long) throw new Error("long.html has no data-warta-data script to break");

  const pages = {
    "matrix.html": page("matrix", "Perubahan oleh halaman", `${sample}\n${between}\n${long}`),
    "ads.html": page("ads", "Slot iklan", `${sample}\n${between}\n${long}`, { "ad-sizes": JSON.stringify(adSizes) }),
    "scroll.html": page("scroll", "Gulir tanpa akhir", `<main id="feed">\n${sample}\n</main>`, { fragment: "long.html" }),
    "broken.html": page("broken", "JSON rusak", `${sample}\n${between}\n${broken}\n${between}\n${long}`),
  };
  for (const [name, html] of Object.entries(pages)) await writeFile(join(dir, name), html);
  await writeFile(join(dir, "host.js"), `// Written by tests/e2e/host-page.mjs; see there.\n"use strict";\n(${host})();\n`);
  return Object.keys(pages);
}

/** A publisher page: warta's stylesheet and loader, the widgets, then host.js. */
function page(kind, title, body, data = {}) {
  const attrs = Object.entries({ "host-page": kind, ...data }).map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`).join("");
  return `<!DOCTYPE html>
<html lang="id"${attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - e2e-host</title>
<link rel="stylesheet" href="warta.css">
<script type="module" src="warta-init.js"></script>
</head>
<body>
<header class="host-masthead">Halaman penerbit</header>
${body}
<script src="host.js"></script>
</body>
</html>
`;
}

const escapeAttr = (value) => String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * host.js. Runs in the page, so it must not use anything from this module.
 * Everything the checks need is left on `window.__host`:
 * - `events`: every warta:ready / warta:error / warta:share, with the mount's id;
 * - `kept`: host nodes (and page-moved nodes) that must survive, each tagged
 *   with an expando `__hostTag`, which a re-created copy would not carry;
 * - `applied`: what the page changed, once it has (`touched` counts nodes);
 * - page-specific results (`filled`, `scrolled`, `removedId`, `before`).
 */
function host() {
  const doc = document;
  const kind = doc.documentElement.dataset.hostPage;
  const params = new URLSearchParams(location.search);
  const log = (window.__host = { events: [], kept: {}, gone: [], applied: null });
  const mounts = () => [...doc.querySelectorAll("[data-warta]")];
  // Mounts are told apart by an expando id: indexes shift when the page
  // adds and removes widgets.
  let lastId = 0;
  const idOf = (mount) => (mount.__hostId ??= ++lastId);
  const keep = (name, node) => {
    node.__hostTag = name;
    log.kept[name] = node;
    return node;
  };
  const element = (tag, props = {}) => Object.assign(doc.createElement(tag), props);

  // Listening before warta runs, so no event can be missed.
  for (const type of ["warta:ready", "warta:error", "warta:share"]) {
    doc.addEventListener(type, (event) => {
      const mount = event.target.closest("[data-warta]") ?? event.target;
      log.events.push({ type, id: idOf(mount), ...event.detail });
    });
  }
  mounts().forEach(idOf);
  // Lookups for the checks, which run in the page through the DevTools protocol.
  log.mountOf = (id) => mounts().find((mount) => mount.__hostId === id);
  log.statusOf = (id) => log.mountOf(id)?.querySelector("[data-warta-island] .warta-share__status")?.textContent;

  // Resolves with the state of the mount's next report.
  const nextReport = (mount) =>
    new Promise((resolve) => {
      const done = (event) => {
        mount.removeEventListener("warta:ready", done);
        mount.removeEventListener("warta:error", done);
        resolve(event.detail.state);
      };
      mount.addEventListener("warta:ready", done);
      mount.addEventListener("warta:error", done);
    });

  const textNodes = (root) => {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) if (/\S/.test(walker.currentNode.data)) found.push(walker.currentNode);
    return found;
  };

  // What real pages do to a widget, each returning how many nodes it touched
  // (0 would mean the scenario tested nothing).
  const CHANGES = {
    // An ad script drops an ad between the first two paragraphs.
    a(mount) {
      const ad = keep("host ad", element("div", { className: "host-ad" }));
      ad.append(element("iframe", { src: "about:blank", title: "ad" }));
      mount.querySelector(".warta-body > p").after(ad);
      return 1;
    },
    // Page translation (Chrome's, Google Translate's widget) wraps every text
    // node it translates in <font>, the share bar's labels included.
    b(mount) {
      const texts = textNodes(mount.querySelector(".warta-article"));
      for (const text of texts) {
        const font = element("font");
        text.replaceWith(font);
        font.append(text);
      }
      keep("<font> in the title", mount.querySelector(".warta-header__title font"));
      keep("<font> in a paragraph", mount.querySelector(".warta-body > p font"));
      return texts.length;
    },
    // A browser extension (password manager, grammar checker, price tracker)
    // adds its own elements and marks elements with attributes.
    c(mount) {
      const list = mount.querySelector("[data-warta-island] .warta-share__list");
      list.append(element("li", { className: "ext-item", textContent: "★" }));
      const badge = keep("extension badge in the title", element("span", { className: "ext-badge", textContent: "✓" }));
      mount.querySelector(".warta-header__title").append(badge);
      const name = `data-ext-${Math.random().toString(36).slice(2, 8)}`;
      const marked = [".warta-article", ".warta-header__title", ".warta-body > p", "[data-warta-island]", ".warta-share__list", "li[data-network=copy] a"];
      for (const selector of marked) mount.querySelector(selector).setAttribute(name, "1");
      // Outside the island nothing re-renders, so these must keep the attribute.
      log.attribute = { name, on: marked.slice(0, 3) };
      return 2 + marked.length;
    },
    // An HTML minifier or an optimising proxy strips comments, Yew's
    // hydration markers among them.
    d(mount) {
      const walker = doc.createTreeWalker(mount, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      comments.forEach((comment) => comment.remove());
      return comments.length;
    },
    // A theme hides the article header by removing it.
    e(mount) {
      mount.querySelector(".warta-header").remove();
      log.gone.push(".warta-header");
      return 1;
    },
    // A script decorates the headline ("LIVE", a bookmark icon).
    f(mount) {
      mount.querySelector(".warta-header__title").append(keep("span in the title", element("span", { className: "host-live", textContent: " LIVE" })));
      return 1;
    },
    // A theme drops the share bar because it has its own.
    g(mount) {
      mount.querySelector("[data-warta-island]").remove();
      return 1;
    },
    // A translator or a string-replacing script rewrites a label as a new
    // text node.
    h(mount) {
      const label = mount.querySelector("[data-warta-island] li[data-network=copy] .warta-share__text");
      label.firstChild.replaceWith(doc.createTextNode("Copy link"));
      return 1;
    },
    // A theme moves the share links to the end of the article.
    i(mount) {
      mount.querySelector(".warta-article").append(keep("share list moved by the page", mount.querySelector("[data-warta-island] .warta-share__list")));
      return 1;
    },
    // An ad inserter (auto ads, a CMS plugin) places its slot "after
    // paragraph 3" by counting the <p> elements in the article, wherever
    // they are.
    k(mount) {
      const slot = keep("slot after the article's third <p>", element("div", { className: "host-inserted-ad" }));
      slot.append(element("iframe", { src: "about:blank", title: "ad" }));
      mount.querySelector("article").querySelectorAll("p")[2].after(slot);
      log.inserted = slot;
      return 1;
    },
    // An extension leaves a comment and a whitespace text node behind.
    j(mount) {
      const list = mount.querySelector("[data-warta-island] .warta-share__list");
      list.prepend(doc.createComment(" extension was here "));
      list.children[1].before(doc.createTextNode("\n  "));
      return 2;
    },
  };

  if (kind === "matrix") {
    const change = CHANGES[params.get("change")];
    const first = mounts()[0];
    const apply = () => {
      log.applied = { touched: change(first) };
    };
    if (params.get("when") === "after") {
      // As a host reacting to warta's events: once every widget has
      // reported, from inside the last report's listener.
      const waiting = new Set(mounts());
      const reported = (event) => {
        waiting.delete(event.target.closest("[data-warta]"));
        if (waiting.size > 0) return;
        doc.removeEventListener("warta:ready", reported);
        doc.removeEventListener("warta:error", reported);
        apply();
      };
      doc.addEventListener("warta:ready", reported);
      doc.addEventListener("warta:error", reported);
    } else {
      apply();
    }
  }

  if (kind === "ads") {
    const sizes = JSON.parse(doc.documentElement.dataset.adSizes);
    const slots = [...doc.querySelectorAll("[data-warta-ad]")];
    // Sized in script (CSSOM), which a strict CSP allows where a style
    // attribute would be refused; exactly the height reserved for this width.
    const fill = (slot) => {
      const [width, height] = sizes[slot.id][innerWidth >= 768 ? "desktop" : "phone"];
      const ad = keep(`ad in ${slot.id}`, element("div", { className: "host-filled-ad" }));
      Object.assign(ad.style, { width: `${width}px`, maxWidth: "100%", height: `${height}px`, background: "#e3b505" });
      slot.append(ad);
    };
    slots.forEach((slot) => keep(slot.id, slot));
    // The reader has scrolled to the second slot: a shift only counts where
    // it can be seen, and on a phone that slot is otherwise below the fold.
    slots[1].closest(".warta-ad").scrollIntoView({ block: "center" });
    // The first ad is in the page before warta loads (an ad server that
    // answered fast), the second arrives later, after warta is live.
    fill(slots[0]);
    mounts()[0].addEventListener(
      "warta:ready",
      () => {
        fill(slots[1]);
        log.filled = true;
      },
      { once: true },
    );
  }

  if (kind === "scroll") {
    const feed = doc.getElementById("feed");
    // long.html, three times: the sample's ad slots have ids, which must not
    // repeat on a page.
    const more = async () => {
      for (let i = 0; i < 3; i++) {
        const html = await (await fetch(doc.documentElement.dataset.fragment)).text();
        feed.insertAdjacentHTML("beforeend", html);
        const mount = feed.lastElementChild;
        idOf(mount);
        // One article at a time, as a reader scrolls.
        await nextReport(mount);
      }
      // A feed that keeps the DOM small drops an article that scrolled away.
      const removed = mounts()[2];
      log.removedId = idOf(removed);
      window.__removed = removed;
      removed.remove();
      log.scrolled = true;
    };
    nextReport(mounts()[0]).then(more).catch((error) => {
      log.scrollError = String(error);
    });
  }

  if (kind === "broken") {
    // To compare with what is left after warta gave up on this widget.
    log.before = mounts()[1].querySelector("[data-warta-root]").outerHTML;
  }
}
