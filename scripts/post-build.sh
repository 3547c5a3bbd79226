#!/usr/bin/env bash
# Trunk post_build hook: release builds ship pre-compressed copies of every
# asset (.gz and .br beside it; see scripts/precompress.mjs).
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node "$(dirname "$0")/precompress.mjs" "${TRUNK_STAGING_DIR:?}"
fi
