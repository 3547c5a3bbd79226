#!/usr/bin/env bash
# Installs what warta's build, preview and tests need, skipping whatever is
# already present so repeated runs take seconds. Safe to run any time.
#
# Versions are pinned to the ones known to install on our Debian machines;
# the comment beside each pin says why.
set -euo pipefail
cd "$(dirname "$0")/.."

# trunk 0.22 needs a newer rustc than these machines have; 0.21.14 builds
# only with --locked.
TRUNK_VERSION=0.21.14
# wasm-pack uses the wasm-bindgen and chromedriver on PATH (it cannot
# download them here).
WASM_PACK_VERSION=0.15.1
# npm's binaryen: Debian's wasm-opt is too old for current Rust wasm.
BINARYEN_VERSION=132.0.0

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must match the library version exactly; Cargo.toml pins it.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have chromium || ! have chromedriver; then
  say "installing Chromium and chromedriver (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WB_VERSION="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # --locked fails on these registries; the exact version pin is enough.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION\$"; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
fi

# Installed globally, like trunk: `trunk build --release` finds wasm-opt on
# PATH in any shell (Trunk.toml; Trunk runs offline and downloads nothing).
if ! wasm-opt --version 2>/dev/null | grep -q "(version_${BINARYEN_VERSION%%.*})"; then
  if [ -n "$(command -v wasm-opt)" ] && ! npm ls -g binaryen >/dev/null 2>&1; then
    say "$(command -v wasm-opt) is not binaryen ${BINARYEN_VERSION%%.*} (Debian's binaryen package?): remove it first"
    exit 1
  fi
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION, globally)"
  if [ -w "$(npm prefix -g)" ]; then
    npm install -g --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  else
    as_root npm install -g --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  fi
  hash -r
  if ! wasm-opt --version 2>/dev/null | grep -q "(version_${BINARYEN_VERSION%%.*})"; then
    say "installed binaryen in $(npm prefix -g)/bin, but the wasm-opt on PATH is $(command -v wasm-opt || echo missing): put $(npm prefix -g)/bin first on PATH"
    exit 1
  fi
fi

# json2ts and @types/node: the npm package's build (scripts/npm-package.sh).
if [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/tsc ] || [ ! -x node_modules/.bin/json2ts ] \
  || [ ! -d node_modules/@types/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (esbuild, TypeScript, playwright-core, axe-core, json-schema-to-typescript)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk builds with cargo offline (Trunk.toml), and a few crates belong to
# the Wasm builds alone (the island bundle's allocator), which no native
# build downloads: fetch every target's crates. Seconds when cached.
cargo fetch --locked --quiet

# Python's feedparser reads the site build's feeds in the journeys
# (tests/e2e/site_outputs.py); 6.0.x is its current stable line.
FEEDPARSER_VERSION=6.0.12
if ! python3 -c "import feedparser, sys; sys.exit(feedparser.__version__ != '$FEEDPARSER_VERSION')" 2>/dev/null; then
  say "installing feedparser $FEEDPARSER_VERSION (pip)"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    # Debian's python3 comes without pip.
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
  fi
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "feedparser==$FEEDPARSER_VERSION" \
    || python3 -m pip install --quiet --disable-pip-version-check --user --break-system-packages "feedparser==$FEEDPARSER_VERSION"
fi
