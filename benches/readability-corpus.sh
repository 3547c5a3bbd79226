#!/usr/bin/env bash
# Measures `warta import --from html` on a folder of real pages with expected
# extractions, laid out as Mozilla Readability's test pages
# (DIR/<page>/source.html, expected.html, expected-metadata.json). The corpus
# stays out of this repository; get it from the mozilla/readability
# repository (test/test-pages) and pass that folder.
#
#   bash benches/readability-corpus.sh PATH/TO/test/test-pages [-v]
#
# Prints a Markdown table (see docs/performance.md, "HTML import accuracy");
# -v adds one line per page.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR [-v]   (DIR holds <page>/source.html, expected.html, expected-metadata.json)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
cargo run --quiet --release --features cli --example readability_corpus -- "$@"
