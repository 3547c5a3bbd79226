#!/usr/bin/env bash
# Runs every test: native (model, importer, CLI, server render) and, in headless
# Chromium, the browser tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# The release bundle each end-to-end page is served with (see src/build.rs ASSET_FILES).
ASSETS="dist/warta.css dist/warta-init.js dist/warta-island.js dist/warta-island_bg.wasm dist/warta.js dist/warta_bg.wasm"

echo "== native tests"
cargo test --features cli

echo "== the host-cost benchmark's command line (no browser)"
node --test benches/host-cost-options.test.mjs

echo "== browser tests (headless Chromium)"
# The test runner gives a whole suite 20 s by default; the 48 browser tests
# take about 18 s on two quiet cores, so any other load made them fail.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}
wasm-pack test --headless --chrome --features ssr,hydration
# The island bundle (what pages load first) has code of its own: its live
# bars, hand-overs to the full client and its half of the panic rule.
echo "== browser tests of the island bundle (--features ssr,island)"
wasm-pack test --headless --chrome --no-default-features --features ssr,island --test island_bundle

echo "== release bundle: trunk build --release, as the README says, in a plain shell"
# No node_modules/.bin on PATH: what a publisher's shell has after setup.
plain_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/\.bin$' | paste -sd: -)
PATH="$plain_path" trunk build --release

echo "== bundle size"
bash scripts/size-report.sh --check --no-build

echo "== end to end: pages from 'warta page' with the release bundle, under a strict CSP"
rm -rf target/e2e
for fixture in sample rich-inline long-bilingual english; do
  cargo run --quiet --release --features cli --bin warta -- page "tests/fixtures/$fixture.json" -o "target/e2e/$fixture" 2>/dev/null
  cp $ASSETS "target/e2e/$fixture/"
done
node tests/e2e/pages.mjs target/e2e

echo "== end to end: accessibility in light and dark, keyboard, print, responsive images"
node tests/e2e/reading.mjs target/e2e

echo "== end to end: real publisher pages (host changes, ad slots, infinite scroll, a broken widget)"
rm -rf target/e2e-host
mkdir -p target/e2e-host
cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/sample.json --ad-slots tests/fixtures/ad-slots.json > target/e2e-host/sample.html
cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/long-bilingual.json > target/e2e-host/long.html
cp $ASSETS target/e2e-host/
node tests/e2e/host.mjs target/e2e-host

echo "== end to end: loading strategies (eager, idle, visible, interaction; per page and per mount)"
rm -rf target/e2e-loading
mkdir -p target/e2e-loading
cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/sample.json > target/e2e-loading/sample.html
cargo run --quiet --release --features cli --bin warta -- page tests/fixtures/sample.json --load interaction -o target/e2e-loading/page 2>/dev/null
for dir in target/e2e-loading target/e2e-loading/page; do
  cp $ASSETS "$dir/"
done
node tests/e2e/loading.mjs target/e2e-loading

echo "== end to end: hardened pages (Trusted Types enforced, a CDN with integrity, COEP)"
node tests/e2e/hardened.mjs dist target/release/warta

echo "== end to end: the README's journeys (import, site build, git publish, embedding)"
bash tests/e2e/journeys.sh

echo "== npm package: built from the release bundle, installed offline into an empty Node project"
# render and validate against the CLI, the types, pages from a node:http
# server in Chromium, <warta-article> added and removed 100 times.
bash scripts/npm-package.sh
bash tests/npm/run.sh
