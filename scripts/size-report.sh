#!/usr/bin/env bash
# Builds the release bundle with Trunk and reports its size: raw, gzip -9 and
# the brotli copies the build writes beside each asset.
# With --check, fails when a bundle's Wasm + script (gzip -9) exceeds its
# ceiling: the island bundle as every page with a widget loads it (its Wasm
# and warta-init.js, the loader, which carries the island's glue) and the
# full client (its Wasm and glue, loaded only for a widget that needs it).
set -euo pipefail
cd "$(dirname "$0")/.."

# Ceilings just above today's stable builds, so growth fails the tests.
# The design budget is 110 KB for what a page loads; docs/performance.md,
# "Bundle size", says where the bytes go.
ISLAND_BUDGET=${WARTA_ISLAND_BUDGET:-34400}
FULL_BUDGET=${WARTA_SIZE_BUDGET:-154600}

# --no-build: report on the dist/ a release build already wrote (the test command's).
if [[ " $* " != *" --no-build "* ]]; then
  trunk build --release >/dev/null 2>&1 || trunk build --release
fi

printf '%-22s %10s %10s %10s\n' file raw gzip-9 brotli-11
for f in warta-island_bg.wasm warta-island.js warta_bg.wasm warta.js warta.css warta-init.js; do
  printf '%-22s %10d %10d %10d\n' "$f" "$(stat -c %s "dist/$f")" "$(gzip -9c "dist/$f" | wc -c)" "$(stat -c %s "dist/$f.br")"
done

passed=0
failed=0
# bundle NAME SCRIPT BUDGET: prints NAME's Wasm + SCRIPT (gzip -9 and
# brotli) against the ceiling.
bundle() {
  local name=$1 script=$2 budget=$3 gz br
  gz=$(( $(gzip -9c "dist/${name}_bg.wasm" | wc -c) + $(gzip -9c "dist/$script" | wc -c) ))
  br=$(( $(stat -c %s "dist/${name}_bg.wasm.br") + $(stat -c %s "dist/$script.br") ))
  printf '%s: wasm + %s gzip-9 %d bytes (ceiling %d); brotli-11 %d bytes\n' "$name" "$script" "$gz" "$budget" "$br"
  if [ "$gz" -le "$budget" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "  over the ceiling by $((gz - budget)) bytes"
  fi
}
bundle warta-island warta-init.js "$ISLAND_BUDGET"
bundle warta warta.js "$FULL_BUDGET"

if [[ " $* " == *" --check "* ]]; then
  echo "size: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
fi
