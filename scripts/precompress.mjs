// Writes NAME.gz (gzip -9) and NAME.br (brotli 11) beside every text and Wasm
// asset in a folder, for CDNs and servers that serve pre-compressed files
// (nginx gzip_static/brotli_static, most CDNs' origin "compressed variants").
// Run by Trunk after a release build (Trunk.toml), on its staging folder.
//
// Usage: node scripts/precompress.mjs [DIR]   (default: $TRUNK_STAGING_DIR, else dist)
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
for (const name of await readdir(dir)) {
  if (!/\.(js|wasm|css|html|json|svg)$/.test(name)) continue;
  const raw = await readFile(join(dir, name));
  await writeFile(join(dir, `${name}.gz`), gzipSync(raw, { level: 9 }));
  await writeFile(
    join(dir, `${name}.br`),
    brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_LGWIN]: 24 },
    }),
  );
}
