#!/usr/bin/env bash
# Runs every test: native (model, importer, CLI, server render) and, in headless
# Chromium, the browser tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== native tests"
cargo test --features cli

echo "== browser tests (headless Chromium)"
wasm-pack test --headless --chrome --features ssr,hydration

echo "== bundle size"
bash scripts/size-report.sh --check
