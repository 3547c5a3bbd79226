// The names warta-init.js and the Wasm share, declared once for the
// JavaScript side (docs/protocol.md describes the handshake). The Rust side
// declares the same names once, in src/client/loader.rs (the typed
// `extern` block on `window.warta`): renaming one here means renaming it
// there. The notes below name files under src/client/.
//
// Types only: nothing here reaches a bundle. A global declaration file, so
// every file in src/js sees these names without an import.

/** A loading strategy (`data-warta-load`), as src/embed.rs lists them (`LOAD_STRATEGIES`). */
type WartaStrategy = "eager" | "idle" | "visible" | "interaction";

/**
 * What a host page calls on `window.warta`, whichever bundle set it up
 * (README, "Widgets added later"). Before a bundle runs, warta-init.js
 * provides stand-ins; a bundle's `client::start` replaces `mount` and
 * `unmount` and adds `version` (api.rs, `expose` and `complete`).
 */
interface WartaHostApi {
  /**
   * Mounts `target` if it is a mount, and every mount inside it (an
   * element, document or shadow root; the whole document without one).
   * The loader's stand-in releases those mounts from their loading
   * strategy and returns 0; the Wasm's returns how many it newly took on.
   */
  mount(target?: Node | null): number;
  /** Stops `target` if it is a mount and every mount inside it; how many. 0 before a bundle runs. */
  unmount(target?: Node | null): number;
  /** The crate's version (`CARGO_PKG_VERSION`), set by the Wasm; absent until a bundle has started. */
  version?: string;
}

/**
 * `window.warta` as warta-init.js leaves it: the host API and what only
 * the Wasm calls.
 */
interface WartaLoaderApi extends WartaHostApi {
  /**
   * Whether `mount` still waits for its loading strategy. The Wasm's page
   * watcher asks before it mounts a widget added to the page; that it is a
   * function at all tells both bundles the loader is there
   * (loader.rs, `present`; the watcher asks through loader.rs, `held`).
   */
  held(mount: Element): boolean;
  /**
   * The island bundle hands `mount` to the full client (island.rs,
   * `hand_over`, through loader.rs, `whole`): the loader fetches warta.js
   * (once) and mounts it there. Returns nothing; the island bundle only
   * checks that the call did not throw.
   */
  whole(mount: Element): void;
  /**
   * The island bundle tore down a mount it had handed over (island.rs,
   * `HandedOver`'s `destroy`, through loader.rs, `unwhole`): the full
   * client lets go of it, or never mounts it. Returns what `guest.unmount`
   * returned, or 0.
   */
  unwhole(mount: Element): number;
  /**
   * Made by the loader (empty) before it imports warta.js: a full client
   * that finds it (loader.rs, `guest`) serves the island bundle only, and
   * fills in `mount`, `unmount` and `version` (api.rs, `expose_guest`).
   */
  guest?: WartaGuest;
}

/** The full client's API when it serves the island bundle; empty until it has started. */
type WartaGuest = Partial<WartaHostApi>;

/** `detail` of `warta:ready`, from the Wasm (outcome.rs, `report`). */
interface WartaReadyDetail {
  state: "hydrated" | "rendered";
  /** Why warta rendered (outcome.rs, `reason`); only with `rendered`. */
  reason?: string;
}

/** `detail` of `warta:error`, from the Wasm (outcome.rs, `report`) or the loader (`failed`). */
interface WartaErrorDetail {
  state: "error";
  message: string;
}

interface Window {
  /** Absent before warta-init.js or a bundle runs. */
  warta?: WartaHostApi | WartaLoaderApi;
}

interface ElementEventMap {
  "warta:ready": CustomEvent<WartaReadyDetail>;
  "warta:error": CustomEvent<WartaErrorDetail>;
}

/**
 * The wasm-bindgen glue's `init` (the default export of warta-island.js
 * and warta.js, which Trunk writes into dist/ beside warta-init.js): it
 * instantiates the Wasm and runs its `main`, `client::start`, before the
 * promise resolves. Only the form the loader uses is declared.
 */
/**
 * SHA-384 digests (`sha384-…`, by file name) of the files the loader
 * fetches: written into the release build's loader by esbuild's `define`
 * (scripts/post-build.sh); undefined in a debug build.
 */
declare const WARTA_DIGESTS: Readonly<Record<string, string>> | undefined;

type WartaInit = (options: { module_or_path: Response | Promise<Response> }) => Promise<unknown>;

declare module "*/warta-island.js" {
  const init: WartaInit;
  export default init;
}

declare module "*/warta.js" {
  const init: WartaInit;
  export default init;
}
