#!/usr/bin/env bash
# Installs what is missing, then serves the sample article at
# http://127.0.0.1:8080 through the hydration path (server markup + Wasm).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
