#!/usr/bin/env bash
# The npm package as a JavaScript project gets it: target/npm/warta-VERSION.tgz
# (bash scripts/npm-package.sh) installed with `npm install --offline` into an
# empty Node project, on a PATH without cargo or rustc, then
#   - api.test.mjs (node --test): render, page and validate against the
#     native CLI (target/release/warta), hostile input;
#   - tsc: every article fixture typed as Article, types.ts (what must
#     compile and what must be refused);
#   - pages.mjs: a node:http server rendering with the package, in Chromium
#     under the strict CSP, and <warta-article> added and removed 100 times.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
TGZ=$REPO/target/npm/warta-$VERSION.tgz
WARTA=${WARTA:-$REPO/target/release/warta}
PROJECT=$REPO/target/npm/project

[ -f "$TGZ" ] || { echo "no $TGZ: run bash scripts/npm-package.sh" >&2; exit 1; }
[ -x "$WARTA" ] || { echo "no $WARTA: run cargo build --release --features cli" >&2; exit 1; }
# The shared reader cases, as JSON (tests/native/npm_cases.rs).
cargo test --quiet --features cli --test native reader_cases_written_for_the_npm_package >/dev/null

# What a JavaScript project's machine has: node and npm, no Rust toolchain.
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | while read -r dir; do
  [ -n "$dir" ] && [ ! -x "$dir/cargo" ] && [ ! -x "$dir/rustc" ] && [[ "$dir" != */node_modules/.bin ]] && echo "$dir"
done | paste -sd: -)
if PATH="$clean_path" command -v cargo >/dev/null; then echo "cargo is still on the clean PATH" >&2; exit 1; fi

rm -rf "$PROJECT"
mkdir -p "$PROJECT"
cp tests/npm/api.test.mjs tests/npm/pages.mjs tests/npm/types.ts "$PROJECT/"
cd "$PROJECT"
printf '{ "name": "warta-npm-test", "private": true, "type": "module" }\n' > package.json
PATH="$clean_path" npm install --offline --no-audit --no-fund --loglevel=error "$TGZ"
echo "installed: $(du -sk node_modules/warta | cut -f1) KiB in node_modules/warta"

echo "== npm package: the Node API against the CLI"
PATH="$clean_path" WARTA="$WARTA" REPO="$REPO" node --test api.test.mjs

echo "== npm package: its TypeScript declarations"
PATH="$clean_path" node -e '
  const fs = require("fs"), path = require("path");
  const dir = path.join(process.argv[1], "tests/fixtures");
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  let out = "import type { AdSlot, Article } from \"warta\";\n";
  for (const name of names) {
    const type = name === "ad-slots.json" ? "AdSlot[]" : "Article";
    out += `export const ${name.replace(/\W/g, "_")}: ${type} = ${fs.readFileSync(path.join(dir, name), "utf8").trim()};\n`;
  }
  fs.writeFileSync("fixtures.ts", out);
  console.log(`fixtures.ts: ${names.length} fixtures`);
' "$REPO"
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "ES2022",
    "module": "NodeNext", "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM"], "types": []
  },
  "files": ["fixtures.ts", "types.ts"]
}
JSON
PATH="$clean_path" node "$REPO/node_modules/typescript/bin/tsc" -p tsconfig.json
echo "tsc: every fixture is an Article (ad-slots.json an AdSlot[]); types.ts's refusals are refused"

echo "== npm package: pages from a node:http server, live in Chromium; <warta-article> leaves nothing behind"
PATH="$clean_path" REPO="$REPO" node pages.mjs
