#!/usr/bin/env bash
# Extra release path: the smallest bundle, built with nightly Rust
# (std rebuilt for size, panics abort without formatting). Writes
# dist-nightly/ with the same file names as the stable `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

rustup component add rust-src --toolchain nightly >/dev/null
rustup target add wasm32-unknown-unknown --toolchain nightly >/dev/null

RUSTFLAGS="-Cpanic=immediate-abort -Zunstable-options" \
  cargo +nightly build --profile wasm-release --target wasm32-unknown-unknown \
  --features hydration --bin warta-client \
  -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
  --target-dir target/nightly-size

out=dist-nightly
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name warta \
  target/nightly-size/wasm32-unknown-unknown/wasm-release/warta-client.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  -o "$out/warta_bg.wasm" "$out/warta_bg.wasm"
cp style/warta.css src/js/warta-init.js "$out/"
for f in warta_bg.wasm warta.js; do
  printf '%-14s raw %8d  gzip-9 %7d\n' "$f" "$(stat -c %s "$out/$f")" "$(gzip -9c "$out/$f" | wc -c)"
done
# Pre-compressed copies beside each asset, as the stable release build ships.
node scripts/precompress.mjs "$out"
