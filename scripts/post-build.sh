#!/usr/bin/env bash
# Trunk post_build hook, release builds only: the stylesheet, the loader
# and the wasm-bindgen glue of both bundles are minified with esbuild (see
# Trunk.toml for why not by Trunk; the sources keep their comments), then
# every asset gets pre-compressed copies (.gz and .br beside it; see
# scripts/precompress.mjs).
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  staging="${TRUNK_STAGING_DIR:?}"
  esbuild="$(dirname "$0")/../node_modules/.bin/esbuild"
  for script in warta-init.js warta.js warta-island.js; do
    "$esbuild" "$staging/$script" --minify --format=esm \
      --log-level=warning --allow-overwrite --outfile="$staging/$script"
  done
  "$esbuild" "$staging/warta.css" --minify --log-level=warning --allow-overwrite --outfile="$staging/warta.css"
  node "$(dirname "$0")/precompress.mjs" "$staging"
fi
