#!/usr/bin/env bash
# Trunk post_build hook, release builds only: warta-init.js loses its
# whole-line comments (the page fetches it before its first paint; the
# source keeps them), then every asset gets pre-compressed copies (.gz and
# .br beside it; see scripts/precompress.mjs).
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  staging="${TRUNK_STAGING_DIR:?}"
  sed -i -e '/^[[:space:]]*\/\//d' -e '/^[[:space:]]*\/\*\*.*\*\/[[:space:]]*$/d' "$staging/warta-init.js"
  node "$(dirname "$0")/precompress.mjs" "$staging"
fi
