// Writes the package's TypeScript types of the article contract,
// contract.d.ts, from the JSON Schemas the package's own Wasm prints (the
// schemas of `warta schema` and `warta schema --ad-slots`, generated from
// the Rust types in src/model/ and src/ad_slots.rs), with
// json-schema-to-typescript. Never edited by hand.
//
//   node npm/contract-types.mjs PACKAGE_DIR   (PACKAGE_DIR holds wasm/)
//
// TypeScript gets the shapes: every field, its type, which are required,
// no unknown fields, the block types. The rules across fields (a `src`
// needs an `alt`, width with height, a paragraph's `text` or `inlines`),
// which the schema states with `allOf`, and the string rules under `not`
// are left out: TypeScript cannot state them, and json-schema-to-typescript
// would turn them into index signatures that accept anything.
// validate() checks them all.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compile } from "json-schema-to-typescript";

const dir = resolve(process.argv[2] ?? "");
const wasm = createRequire(import.meta.url)(join(dir, "wasm", "warta_node.js"));

/** The schema without its cross-field rules (see above). */
function shapes(schema) {
  if (Array.isArray(schema)) return schema.map(shapes);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "allOf" || key === "not") continue;
    out[key] = shapes(value);
  }
  return out;
}

const options = { bannerComment: "", additionalProperties: false, strictIndexSignatures: true };
const article = await compile(shapes(JSON.parse(wasm.schemaText(false))), "Article", options);
// The ad-slot list's schema is titled after its Rust type (`Array_of_AdSlot`).
const adSlots = await compile({ ...shapes(JSON.parse(wasm.schemaText(true))), title: "AdSlots" }, "AdSlots", options);
const banner = `// The article contract and the ad-slot list of warta ${wasm.wartaVersion()}, generated from
// \`warta schema\` and \`warta schema --ad-slots\` by json-schema-to-typescript
// (npm/contract-types.mjs). Rules across fields are checked by validate().
`;
writeFileSync(join(dir, "contract.d.ts"), `${banner}\n${article}\n${adSlots}`);
