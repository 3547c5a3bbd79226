#!/usr/bin/env bash
# Installs what is missing, then serves the sample article at
# http://127.0.0.1:8080 through the hydration path (server markup + Wasm).
# A debug build, so it goes to target/preview/, never to dist/, which
# holds only what `trunk build --release` writes for publishers.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
exec trunk serve --dist target/preview --address 127.0.0.1 --port "${PORT:-8080}" "$@"
