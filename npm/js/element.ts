// <warta-article>: a widget for single-page apps. It mounts when it is
// connected and unmounts when it is removed (window.warta.mount and
// unmount, docs/protocol.md), so a router that swaps pages leaves nothing
// running. The article comes from, in this order: a server-rendered mount
// inside it (what `render` returns), the `article` property, or a child
// <script type="application/json">. The page loads warta.css and
// warta-init.js as usual; until the loader runs, its own watcher finds the
// widget when it starts. Compiled by scripts/npm-package.sh to element.js.

import type { Article } from "./contract.js";

/** The mount's JSON script (src/embed/attrs.rs, `DATA_ATTR`). */
const DATA = "data-warta-data";

/** `<warta-article>`: see the module's comment. */
export class WartaArticle extends HTMLElement {
  #article: Article | string | undefined = undefined;
  #mount: HTMLElement | null = null;

  /** The article: an object, or its JSON text. Setting it on a connected element renders the new one. */
  get article(): Article | string | undefined {
    return this.#article;
  }

  set article(article: Article | string | undefined) {
    this.#article = article;
    if (this.#mount && this.#mount.parentNode === this) {
      window.warta?.unmount(this.#mount);
      this.#mount.remove();
    }
    this.#mount = null;
    if (this.isConnected) this.connectedCallback();
  }

  connectedCallback(): void {
    this.#mount ??= this.#findOrBuild();
    if (this.#mount) window.warta?.mount(this.#mount);
  }

  disconnectedCallback(): void {
    if (this.#mount) window.warta?.unmount(this.#mount);
  }

  /** The mount inside, made from the article when there is none yet; null without an article. */
  #findOrBuild(): HTMLElement | null {
    const rendered = this.querySelector<HTMLElement>(":scope > [data-warta]");
    if (rendered) return rendered;
    let json: string | undefined;
    if (this.#article !== undefined) {
      json = typeof this.#article === "string" ? this.#article : JSON.stringify(this.#article);
    } else {
      const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
      if (!script) return null;
      json = script.textContent ?? "";
      script.remove();
    }
    const mount = document.createElement("div");
    mount.className = "warta";
    mount.setAttribute("data-warta", "");
    const data = document.createElement("script");
    data.type = "application/json";
    data.setAttribute(DATA, "");
    // Text, never markup: whatever the JSON holds, nothing in it is parsed as HTML.
    data.textContent = json ?? "";
    mount.append(data);
    this.append(mount);
    return mount;
  }
}

if (!customElements.get("warta-article")) customElements.define("warta-article", WartaArticle);

declare global {
  interface HTMLElementTagNameMap {
    "warta-article": WartaArticle;
  }
}
