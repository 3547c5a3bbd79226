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
  # What every page runs at once, the loader and the island's glue, starts
  # with V8's explicit compile hint: the browser compiles all of it while
  # the file streams in, instead of each function on its first call, in
  # warta's tasks (docs/performance.md, "Compile hints").
  hint='//# allFunctionsCalledOnLoad'
  "$esbuild" "$staging/warta-island.js" --bundle --minify --format=esm --banner:js="$hint" \
    --log-level=warning --allow-overwrite --outfile="$staging/warta-island.js"
  # The full client's glue: loaded for the rare widget that needs it.
  "$esbuild" "$staging/warta.js" --bundle --minify --format=esm \
    --log-level=warning --allow-overwrite --outfile="$staging/warta.js"
  # The digests of what the loader fetches, final now, go into the loader,
  # which refuses a file that differs (src/js/warta-init.js, DIGESTS).
  digests="$(node "$(dirname "$0")/digests.mjs" "$staging" warta-island_bg.wasm warta_bg.wasm warta.js)"
  # The loader with the island's glue in it (one request fewer after the
  # first paint, see src/js/warta-init.js); the full client's glue stays an
  # import() of its own. warta-island.js stays in dist/ for pages that start
  # the island bundle themselves.
  "$esbuild" "$staging/warta-init.js" --bundle --minify --format=esm --banner:js="$hint" \
    --define:WARTA_DIGESTS="$digests" \
    --log-level=warning --allow-overwrite --outfile="$staging/warta-init.js"
  # The snippets are inside the glue now: their files go, and so do the
  # preview page's preload links to them.
  rm -rf "$staging/snippets"
  sed -i 's|<link rel="modulepreload" href="[^"]*/snippets/[^"]*"[^>]*>||g' "$staging/index.html"
  "$esbuild" "$staging/warta.css" --minify --log-level=warning --allow-overwrite --outfile="$staging/warta.css"
  node "$(dirname "$0")/precompress.mjs" "$staging"
fi
