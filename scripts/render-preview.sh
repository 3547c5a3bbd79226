#!/usr/bin/env bash
# Trunk pre_build hook: server-renders the sample article for the preview.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .preview
cargo run --quiet --release --features cli --bin warta -- render tests/fixtures/sample.json > .preview/sample.html.tmp
mv .preview/sample.html.tmp .preview/sample.html
