#!/usr/bin/env bash
# Trunk post_build hook, release builds only: the loader and the
# wasm-bindgen glue of both bundles are minified with esbuild (Trunk's own
# minifier gives up on the glue's `export default`; the sources keep their
# comments), then every asset gets pre-compressed copies (.gz and .br beside
# it; see scripts/precompress.mjs).
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  staging="${TRUNK_STAGING_DIR:?}"
  for script in warta-init.js warta.js warta-island.js; do
    "$(dirname "$0")/../node_modules/.bin/esbuild" "$staging/$script" --minify --format=esm \
      --log-level=warning --allow-overwrite --outfile="$staging/$script"
  done
  node "$(dirname "$0")/precompress.mjs" "$staging"
fi
