#!/usr/bin/env bash
# Writes target/npm/warta-VERSION.tgz, the npm package `warta` (npm/README.md):
# the server render, reader and schema compiled to Wasm for Node
# (wasm-pack build --target nodejs, crate npm/), their TypeScript types
# (the contract's generated from its JSON Schema), <warta-article>, and the
# browser assets of the release bundle in dist/, which the test command
# builds with `trunk build --release` first (this script reuses it).
#
#   bash scripts/npm-package.sh
#
# Offline: wasm-pack uses the wasm-bindgen on PATH (scripts/setup.sh
# installs the one Cargo.lock pins) and runs no wasm-opt of its own
# (npm/Cargo.toml); the wasm-opt here is npm's binaryen, as Trunk's.
set -euo pipefail
cd "$(dirname "$0")/.."

ASSETS=(warta.css warta-init.js warta-island.js warta-island_bg.wasm warta.js warta_bg.wasm)
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
NODE_VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' npm/Cargo.toml | head -n1)
OUT=target/npm
PKG=$OUT/package

say() { printf '\033[1mnpm-package:\033[0m %s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }

[ "$VERSION" = "$NODE_VERSION" ] || fail "npm/Cargo.toml says $NODE_VERSION, Cargo.toml $VERSION: give both warta's version"

# The assets must be the release build of this checkout: the one the
# package's render fingerprints its markup for.
for name in "${ASSETS[@]}"; do
  [ -f "dist/$name" ] || fail "dist/$name is missing: run trunk build --release first"
done
if node -e 'const s=require("fs").readFileSync(process.argv[1],"utf8");process.exit(/(from|import)\s*\(?\s*["'"'"'`][^"'"'"'`]*\/snippets\//.test(s)?0:1)' dist/warta.js; then
  fail "dist/ is a debug build (its glue imports files under snippets/): run trunk build --release"
fi
newer=$(find src style index.html Trunk.toml Cargo.toml -newer dist/warta_bg.wasm -type f | head -n1)
[ -z "$newer" ] || fail "dist/ is older than $newer: run trunk build --release"

say "Wasm for Node (wasm-pack build --target nodejs --release)"
rm -rf "$OUT/wasm" "$PKG"
(cd npm && wasm-pack --quiet build --target nodejs --release --no-pack \
  --out-dir ../"$OUT"/wasm --out-name warta_node)
# Speed first (-O3): a server renders many pages. The features are those
# Rust's wasm32 target emits.
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$OUT/wasm/warta_node_bg.wasm" -o "$OUT/wasm/warta_node_bg.wasm"

mkdir -p "$PKG/wasm" "$PKG/assets"
cp "$OUT"/wasm/warta_node.js "$OUT"/wasm/warta_node.d.ts "$OUT"/wasm/warta_node_bg.wasm "$PKG/wasm/"
# The glue is CommonJS; the rest of the package is ES modules.
printf '{ "type": "commonjs" }\n' > "$PKG/wasm/package.json"

# First: it makes the folder ES modules, which tsc compiles for.
node -e '
  const [template, out, version] = process.argv.slice(1);
  const pkg = JSON.parse(require("fs").readFileSync(template, "utf8"));
  pkg.version = version;
  require("fs").writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' npm/package.json "$PKG/package.json" "$VERSION"

say "types: contract.d.ts from the schema, index and element from TypeScript"
node npm/contract-types.mjs "$PKG"
cp npm/js/index.ts npm/js/element.ts npm/js/tsconfig.json src/js/protocol.d.ts "$PKG/"
node_modules/.bin/tsc -p "$PKG"
rm "$PKG"/index.ts "$PKG"/element.ts "$PKG"/tsconfig.json "$PKG"/protocol.d.ts

for name in "${ASSETS[@]}"; do cp "dist/$name" "$PKG/assets/"; done
cp npm/README.md LICENSE-MIT LICENSE-APACHE "$PKG/"

rm -f "$OUT/warta-$VERSION.tgz"
(cd "$PKG" && npm pack --silent --pack-destination .. >/dev/null)
say "wrote $OUT/warta-$VERSION.tgz ($(wc -c < "$OUT/warta-$VERSION.tgz") bytes)"
