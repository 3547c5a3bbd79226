// @ts-check
// Loads warta's Wasm when a widget needs it, and mounts each widget in a task
// of its own. A separate file, not an inline script, so pages with a strict
// Content-Security-Policy can use it.
//
// Until then every widget is plain server HTML: the article reads and every
// share link works as a link. When to load is a loading strategy, set for
// the page on this script (`<script type="module" src=".../warta-init.js"
// data-warta-load="idle">`) or for one widget on its mount (`<div class="warta"
// data-warta data-warta-load="visible">`, which wins):
//   eager       at once, once the images the page is loading (not loading=lazy) are in
//   idle        once the page has loaded and the browser is idle
//   visible     when the share bar comes within VISIBLE_MARGIN of the viewport
//   interaction at the first pointerdown, keydown, focusin or touchstart on the page
// Under every strategy nothing starts before the page's first contentful
// paint is on screen. The Wasm is fetched once, for the first widget that
// needs it; each further widget mounts when its own strategy says so.
// docs/performance.md, "The loader's scheduling", has the measurements
// behind the default.
//
// Two bundles: the island bundle (warta-island.js, no Yew) makes the share
// bars of server-rendered widgets live, which is what a page needs; it hands
// any widget that needs more (an empty mount, stale markup, a share bar the
// page changed, JSON with an error to explain) to the full client
// (warta.js), fetched only then.
//
// The island bundle's script comes with this file: the release build bundles
// it in (scripts/post-build.sh), so after the first paint a page asks for one
// file, the island's Wasm, not two. A request set up from script was the
// largest single cost of warta's main-thread time on a slow phone, larger
// than the 4 KB (brotli) this file grows by (docs/performance.md, "The
// loader's scheduling"). Its top level defines functions and makes a text
// encoder and decoder; the Wasm is fetched and started only when a widget
// asks.
//
// What this file and the Wasm call on each other (`window.warta`, the
// events) is declared in src/js/protocol.d.ts (and for the Wasm in
// src/client/loader.rs) and described in docs/protocol.md.
import startIsland from "./warta-island.js";

/** @type {readonly WartaStrategy[]} */
const STRATEGIES = ["eager", "idle", "visible", "interaction"];
/** @type {WartaStrategy} */
const DEFAULT = "eager";
const ATTR = "data-warta-load";
const MOUNTS = "[data-warta]";
const DATA = ":scope > script[data-warta-data]";
// An idle callback runs at the latest this long after the page's load event.
const IDLE_TIMEOUT_MS = 2000;
// The share bar starts loading while still this far below (or above) the viewport.
const VISIBLE_MARGIN = "300px 0px";
// The page's images are waited for at most this long before an eager load.
const IMAGES_TIMEOUT_MS = 3000;
const INTERACTIONS = ["pointerdown", "keydown", "focusin", "touchstart"];
// Widgets start at the latest this long after the loader runs when the page
// reports no first contentful paint.
const FIRST_PAINT_TIMEOUT_MS = 2000;

// The page's strategy, on this script: found with one query, not by
// comparing every script's URL with this module's (a module has no
// `document.currentScript`), which cost about 1 ms at 1× CPU, at the
// page's first paint. Only warta's loader carries the attribute.
const self = document.querySelector(`script[${ATTR}]`);
/** @type {(name: string | null | undefined) => WartaStrategy | undefined} */
const valid = (name) => (STRATEGIES.includes(/** @type {WartaStrategy} */ (name)) ? /** @type {WartaStrategy} */ (name) : undefined);
const pageStrategy = valid(self?.getAttribute(ATTR)) ?? DEFAULT;
/** @type {(mount: Element) => WartaStrategy} */
const strategyOf = (mount) => valid(mount.getAttribute(ATTR)) ?? pageStrategy;

/** @type {WeakSet<Element>} */
const released = new WeakSet(); // widgets whose strategy has fired
/** @type {WeakSet<Element>} */
const armed = new WeakSet(); // widgets waiting for their strategy
/** @type {WeakMap<Element, Element>} */
const watchedFor = new WeakMap(); // what `visible` watches (a share bar) → its widget
/** @type {WeakSet<Element>} */
const started = new WeakSet(); // widgets a bundle has reported on (live, or refused)
for (const type of ["warta:ready", "warta:error"]) {
  addEventListener(type, (event) => event.target instanceof Element && started.add(event.target), { capture: true });
}
/** @type {Promise<WartaLoaderApi> | undefined} */
let bundle; // the island bundle, once asked for: a promise of warta's API
/** @type {Map<string, Promise<Response>>} */
const wasmRequests = new Map(); // each bundle's Wasm request, once made
// SHA-384 digests of the files this loader fetches (both bundles' Wasm and
// the full client's script), written in by the release build
// (scripts/post-build.sh; `warta integrity` prints and checks them). A file
// that differs is refused: a page that loads this loader with an
// `integrity` attribute then runs nothing warta did not build. A debug
// build carries none and checks nothing.
/** @type {Readonly<Record<string, string>>} */
const DIGESTS = typeof WARTA_DIGESTS === "undefined" ? {} : WARTA_DIGESTS;
/** @type {Promise<unknown> | undefined} */
let full; // the full client, once a widget needs it
/** @type {WeakSet<Element>} */
const handed = new WeakSet(); // widgets handed to the full client, not yet mounted there

// The API the Wasm completes (mount, unmount, version; src/client/api.rs).
// Until it is here, `mount` loads it for the widgets given; the Wasm asks
// `held` before it mounts a widget on its own (added to the page later), so
// a widget waits for its strategy. (Typed as it is once the lines below have
// run.)
const api = /** @type {WartaLoaderApi} */ (window.warta = window.warta || /** @type {WartaLoaderApi} */ ({}));
/** @type {WartaLoaderApi["held"]} */
api.held = (mount) => !released.has(mount);
/** @type {WartaLoaderApi["mount"]} */
api.mount = (target) => {
  const found = mountsAt(target || document);
  found.forEach(release);
  return 0;
};
api.unmount = () => 0;
// The island bundle hands a widget to the full client, and takes it back
// (src/client/island.rs).
/** @type {WartaLoaderApi["whole"]} */
api.whole = (mount) => {
  handed.add(mount);
  // Tells the full client it serves the island bundle (see client::start, loader::guest).
  api.guest ??= {};
  full ??= startBundle("warta", importChecked("warta.js").then((module) => module.default));
  full.then(
    () => setTimeout(() => handed.delete(mount) && guestMount(mount)),
    (error) => handed.delete(mount) && failed(mount, `could not load the full client: ${error}`),
  );
};
// A full client that has stopped (it panicked) throws: the widget says so.
/** @param {Element} mount */
function guestMount(mount) {
  try {
    // `guest` is there (`whole` made it); a `mount` missing from it throws too.
    /** @type {Required<WartaGuest>} */ (api.guest).mount(mount);
  } catch (error) {
    failed(mount, `the full client stopped: ${error}`);
  }
}
/** @type {WartaLoaderApi["unwhole"]} */
api.unwhole = (mount) => (handed.delete(mount) ? 0 : (api.guest?.unmount?.(mount) ?? 0));

/**
 * `node` itself when it is a mount, then the mounts inside it; none in a
 * node that is neither an element, a document nor a shadow root.
 * @param {Node} node
 * @returns {Element[]}
 */
function mountsAt(node) {
  const found = /** @type {Element} */ (node).matches?.(MOUNTS) ? [/** @type {Element} */ (node)] : [];
  return found.concat([...(/** @type {ParentNode} */ (node).querySelectorAll?.(MOUNTS) ?? [])]);
}

/** Fetches and starts the island bundle (once). */
function load() {
  bundle ??= startBundle("warta-island", startIsland).then(() => api);
  return bundle;
}

/**
 * Starts fetching a bundle's Wasm (once).
 * @param {string} name
 * @returns {Promise<Response>}
 */
function fetchWasm(name) {
  const file = `${name}_bg.wasm`;
  if (!wasmRequests.has(name)) {
    const request = fetch(new URL(file, import.meta.url), { priority: "low", integrity: DIGESTS[file] ?? "" }).catch((error) => refusal(file, error));
    // Fetched ahead of its first user: a refusal is reported by that user.
    request.catch(() => {});
    wasmRequests.set(name, request);
  }
  return /** @type {Promise<Response>} */ (wasmRequests.get(name));
}

/**
 * Imports a script of warta's that has a digest only once it has passed
 * it: a `modulepreload` link with the digest fetches and checks it, and
 * `import()` then takes the module the link put in the page's module map
 * (an `import()` itself takes no digest).
 * @param {string} file
 * @returns {Promise<{ default: WartaInit }>}
 */
function importChecked(file) {
  const url = new URL(file, import.meta.url).href;
  const digest = DIGESTS[file];
  if (!digest) return import(url);
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.integrity = digest;
    link.href = url;
    link.onload = () => {
      link.remove();
      resolve(import(url));
    };
    link.onerror = () => {
      link.remove();
      refusal(file, new Error(`could not fetch ${file}`)).catch(reject);
    };
    (document.head ?? document.documentElement).append(link);
  });
}

/**
 * Rejects with why `file` failed its fetch with a digest: fetched again
 * without one (from the HTTP cache, mostly), a file that arrives with a
 * different SHA-384 was changed; otherwise `error` (the network's) stands.
 * Runs only after a failure.
 * @param {string} file
 * @param {unknown} error
 * @returns {Promise<never>}
 */
async function refusal(file, error) {
  const digest = DIGESTS[file];
  if (digest) {
    try {
      const response = await fetch(new URL(file, import.meta.url));
      const sum = new Uint8Array(await crypto.subtle.digest("SHA-384", await response.arrayBuffer()));
      if (response.ok && `sha384-${btoa(String.fromCharCode(...sum))}` !== digest) {
        error = new Error(`${file} is not the file this loader was built with (its SHA-384 differs): refused`);
      }
    } catch {
      // No second answer, or no crypto.subtle (a page not in a secure context): the first error stands.
    }
  }
  throw error;
}

/**
 * Starts a bundle with its glue's init (`start`, or the promise of it) and its Wasm, compiled while streaming.
 * @param {string} name
 * @param {WartaInit | Promise<WartaInit>} start
 */
function startBundle(name, start) {
  return Promise.all([start, fetchWasm(name)]).then(([init, wasm]) => init({ module_or_path: wasm }));
}

/**
 * The widget's strategy has fired: mounts it in a task of its own once the Wasm is there.
 * @param {Element} mount
 */
function release(mount) {
  if (released.has(mount)) return;
  released.add(mount);
  const inPage = armed.has(mount);
  load().then(
    () =>
      setTimeout(() => {
        // A widget of the page that left it before its turn (a router
        // swapped the page) is not mounted detached, where nothing would
        // ever tear it down; put back, it is armed again.
        if (inPage && !mount.isConnected) {
          released.delete(mount);
          armed.delete(mount);
          return;
        }
        api.mount(mount);
      }),
    (error) => failed(mount, `could not load the island bundle: ${error}`),
  );
}

/**
 * A bundle could not load or has stopped: the widget says so as the Wasm would (state and event) and stays plain HTML.
 * @param {Element} mount
 * @param {string} message
 */
function failed(mount, message) {
  console.error(`warta: ${message}`);
  mount.setAttribute("data-warta-state", "error");
  // Composed, as the bundles' events are: a widget in a shadow root is heard by the document.
  mount.dispatchEvent(new CustomEvent("warta:error", { bubbles: true, composed: true, detail: /** @satisfies {WartaErrorDetail} */ ({ state: "error", message }) }));
}

/** @type {Element[]} */
let idle = [];
/** @type {IntersectionObserver | undefined} */
let visible;
/** @type {Element[]} */
let waiting = [];

/**
 * Starts waiting for the widget's strategy; a widget still without its JSON waits for it first.
 * @param {Element} mount
 */
function arm(mount) {
  if (released.has(mount) || armed.has(mount) || !mount.querySelector(DATA)) return;
  armed.add(mount);
  switch (strategyOf(mount)) {
    case "idle":
      if (idle.push(mount) === 1) whenIdle(() => idle.splice(0).forEach(release));
      break;
    case "visible":
      if (!("IntersectionObserver" in window)) return release(mount);
      visible ??= new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            /** @type {IntersectionObserver} */ (visible).unobserve(entry.target);
            // By the widget the target was watched for: the page may have moved the island out of it.
            const owner = watchedFor.get(entry.target);
            if (owner) release(owner);
          }
        },
        { rootMargin: VISIBLE_MARGIN },
      );
      {
        const target = mount.querySelector("[data-warta-island]") || mount;
        watchedFor.set(target, mount);
        visible.observe(target);
      }
      break;
    case "interaction":
      if (waiting.push(mount) === 1) {
        for (const type of INTERACTIONS) addEventListener(type, interacted, { capture: true, passive: true });
      }
      break;
    default:
      afterImages(() => release(mount));
  }
}

function interacted() {
  for (const type of INTERACTIONS) removeEventListener(type, interacted, { capture: true });
  waiting.splice(0).forEach(release);
}

/** @param {() => void} run */
function whenIdle(run) {
  // Not in every browser, whatever lib.dom.d.ts says.
  const idleThen = () => (/** @type {Partial<Window>} */ (window).requestIdleCallback ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(run, 200));
  if (document.readyState === "complete") idleThen();
  else addEventListener("load", idleThen, { once: true });
}

/**
 * Runs `then` once the images the page is loading have arrived, so warta's download does not compete with the page's hero.
 * @param {() => void} then
 */
function afterImages(then) {
  const loading = [...document.images].filter((img) => !img.complete && img.loading !== "lazy");
  if (loading.length === 0) return then();
  let left = loading.length;
  const done = onceOrAfter(IMAGES_TIMEOUT_MS, then);
  const one = () => --left === 0 && done();
  for (const img of loading) {
    img.addEventListener("load", one, { once: true });
    img.addEventListener("error", one, { once: true });
  }
}

// A click on "copy link" before the Wasm: the link would only open the
// article again, so the click waits for the widget (loaded now, whatever
// its strategy) and is replayed once its share bar is live, still within
// the click's user activation on a fast enough connection.
addEventListener(
  "click",
  (event) => {
    const link = /** @type {HTMLAnchorElement | null | undefined} */ (
      /** @type {Element} */ (event.target).closest?.("[data-warta-island] li[data-network=copy] a")
    );
    const mount = link?.closest(MOUNTS);
    // A widget that was live and has been unmounted is plain HTML again: its links are links.
    if (!mount || mount.hasAttribute("data-warta-state") || started.has(mount) || event.defaultPrevented) return;
    event.preventDefault();
    /** @param {Event} e */
    const replay = (e) => {
      mount.removeEventListener("warta:ready", replay);
      mount.removeEventListener("warta:error", replay);
      // A widget that could not start copies the plain way.
      if (e.type === "warta:error") navigator.clipboard?.writeText(/** @type {HTMLAnchorElement} */ (link).href).catch(() => {});
      else /** @type {HTMLElement | null} */ (mount.querySelector("[data-warta-island] li[data-network=copy] a"))?.click();
    };
    mount.addEventListener("warta:ready", replay);
    mount.addEventListener("warta:error", replay);
    release(mount);
  },
  { capture: true },
);

// An interaction before the widgets are armed (they wait for the first
// paint, which a busy browser can report late) still counts for them: a
// reader who has already tabbed into a share bar is not kept waiting for a
// second key. Focus that moved into a widget before this script ran is
// seen on `document.activeElement`. Listened for only where a widget may
// wait for an interaction: listeners on the window for touches and pointers
// are not free for a page (docs/performance.md, "The loader's scheduling").
// A page still being parsed may have such widgets further down.
let interactedEarly = false;
const early = () => (interactedEarly = true);
const mayWaitForInteraction =
  pageStrategy === "interaction" || document.readyState === "loading" || document.querySelector(`${MOUNTS}[${ATTR}=interaction]`);
if (mayWaitForInteraction) for (const type of INTERACTIONS) addEventListener(type, early, { capture: true, passive: true });

// Widgets in the page now, and those added later (infinite scroll, a JSON
// script arriving after its mount).
const start = () => {
  if (mayWaitForInteraction) for (const type of INTERACTIONS) removeEventListener(type, early, { capture: true });
  mountsAt(document).forEach(arm);
  if (interactedEarly || waiting.some((mount) => mount.contains(document.activeElement))) interacted();
  watch.observe(document, { childList: true, subtree: true });
};
const watch = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      const owner = node.parentElement?.closest(MOUNTS);
      if (owner) arm(owner);
      mountsAt(node).forEach(arm);
    }
  }
});

/**
 * Runs `then` once the page's first contentful paint is on screen: its
 * timing entry comes when the frame is presented, not when the main
 * thread hands it over, and until then the compositor and the raster
 * threads need the CPU. Anything warta starts in that gap (the Wasm's
 * download and compilation, the glue, the mount) delayed an unthrottled
 * page's first paint on a two-core machine (docs/performance.md, "The
 * loader's scheduling"). A hidden tab paints nothing and starts at once; a
 * browser without paint timing starts after the next frame.
 * @param {() => void} then
 */
function afterFirstPaint(then) {
  if (document.visibilityState === "hidden") return then();
  if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(() => setTimeout(then));
  // A page that never paints anything contentful still gets its widgets.
  const go = onceOrAfter(FIRST_PAINT_TIMEOUT_MS, () => {
    painted.disconnect();
    then();
  });
  const painted = new PerformanceObserver((list) => list.getEntriesByName("first-contentful-paint").length && go());
  painted.observe({ type: "paint", buffered: true });
}

/**
 * `then`, run once: when the returned function is first called, or after `ms` if that comes first.
 * @param {number} ms
 * @param {() => void} then
 * @returns {() => void}
 */
function onceOrAfter(ms, then) {
  let done = false;
  const timer = setTimeout(() => go(), ms);
  function go() {
    if (done) return;
    done = true;
    clearTimeout(timer);
    then();
  }
  return go;
}

// The Wasm's download is most of the wait before a share bar is live: for
// eager widgets it starts first (after the page's images), in a task of its
// own, because the fetch() call alone is 10–20 ms of main thread at 4× CPU.
// Arming the widgets (which imports the glue) is the task after.
afterFirstPaint(() => {
  setTimeout(() => {
    if (mountsAt(document).some((mount) => strategyOf(mount) === "eager" && mount.querySelector(DATA))) {
      afterImages(() => fetchWasm("warta-island"));
    }
  });
  setTimeout(start);
});
