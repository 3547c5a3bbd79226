#!/usr/bin/env bash
# Trunk post_build hook, release builds only: the stylesheet, the loader
# and the wasm-bindgen glue of both bundles are minified with esbuild (see
# Trunk.toml for why not by Trunk; the sources keep their comments), the
# glue with the JavaScript snippets it imports (src/js/shape.js) bundled in,
# so a page fetches no more files than before; then every asset gets
# pre-compressed copies (.gz and .br beside it; see scripts/precompress.mjs).
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  staging="${TRUNK_STAGING_DIR:?}"
  esbuild="$(dirname "$0")/../node_modules/.bin/esbuild"
  # The loader's import() of the bundles must stay an import: no --bundle.
  "$esbuild" "$staging/warta-init.js" --minify --format=esm \
    --log-level=warning --allow-overwrite --outfile="$staging/warta-init.js"
  for glue in warta.js warta-island.js; do
    "$esbuild" "$staging/$glue" --bundle --minify --format=esm \
      --log-level=warning --allow-overwrite --outfile="$staging/$glue"
  done
  # ...and the preview page's preload links to them go with them.
  rm -rf "$staging/snippets"
  sed -i 's|<link rel="modulepreload" href="[^"]*/snippets/[^"]*"[^>]*>||g' "$staging/index.html"
  "$esbuild" "$staging/warta.css" --minify --log-level=warning --allow-overwrite --outfile="$staging/warta.css"
  node "$(dirname "$0")/precompress.mjs" "$staging"
fi
