// The package's TypeScript declarations as a project uses them, checked by
// tsc in tests/npm/run.sh (beside fixtures.ts, which it writes: every
// article fixture typed as `Article`). Each `@ts-expect-error` line must be
// refused: an unused one fails the check.
import { page, render, schema, validate, WartaError, type AdSlot, type Article, type Problem } from "warta";
import { WartaArticle } from "warta/element.js";

const minimal: Article = {
  version: 1,
  site: { name: "S" },
  url: "https://example.com/a",
  title: "T",
  body: [{ type: "paragraph", text: "x" }],
};
const slots: AdSlot[] = [{ after: 1, id: "ad-1", minHeight: { phone: 250, desktop: 90 } }];
const html: string = render(minimal, { adSlots: slots, load: "idle", onNote: (note: string) => console.log(note) });
const index: string = page(JSON.stringify(minimal), { assetBase: "/warta/" });
const problems: Problem[] = validate({ anything: true });
const contract: Record<string, unknown> = schema({ adSlots: true });
const failure = new WartaError("article", problems);
const element: WartaArticle = document.createElement("warta-article");
element.article = minimal;

// @ts-expect-error: the contract has one version
const version2: Article = { ...minimal, version: 2 };
// @ts-expect-error: a title is required
const untitled: Article = { version: 1, site: { name: "S" }, url: "https://example.com/a", body: [{ type: "paragraph", text: "x" }] };
// @ts-expect-error: no unknown fields (an event handler least of all)
const handler: Article = { ...minimal, onclick: "alert(1)" };
// @ts-expect-error: no block type "video"
const video: Article = { ...minimal, body: [{ type: "video", src: "https://example.com/v.mp4" }] };
// @ts-expect-error: the body has at least one block
const empty: Article = { ...minimal, body: [] };
// @ts-expect-error: a heading's text is a string
const heading: Article = { ...minimal, body: [{ type: "heading", text: 5 }] };
// @ts-expect-error: no such loading strategy
render(minimal, { load: "later" });
// @ts-expect-error: an ad slot needs its reserved height
const slot: AdSlot = { after: 1, id: "ad-1" };

export { html, index, contract, failure, version2, untitled, handler, video, empty, heading, slot };
