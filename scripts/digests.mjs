// Prints the SHA-384 digests (Subresource Integrity's `sha384-…` form) of
// the named files in DIR as one JSON object by file name: what the release
// build writes into the loader (scripts/post-build.sh).
// Usage: node scripts/digests.mjs DIR FILE...
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0) {
  console.error("usage: node scripts/digests.mjs DIR FILE...");
  process.exit(2);
}
const digests = Object.fromEntries(
  files.map((file) => [file, `sha384-${createHash("sha384").update(readFileSync(join(dir, file))).digest("base64")}`]),
);
console.log(JSON.stringify(digests));
