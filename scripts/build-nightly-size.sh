#!/usr/bin/env bash
# Extra release path: the smallest bundles, built with nightly Rust
# (std rebuilt for size, panics abort without formatting). Writes
# dist-nightly/ with the same file names as the stable `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

rustup component add rust-src --toolchain nightly >/dev/null
rustup target add wasm32-unknown-unknown --toolchain nightly >/dev/null

out=dist-nightly
rm -rf "$out" && mkdir -p "$out"

# bundle NAME BIN FEATURES PROFILE WASM_OPT: builds one bundle into $out as
# NAME.js + NAME_bg.wasm with that cargo profile and wasm-opt level.
bundle() {
  local name=$1 bin=$2 features=$3 profile=$4 level=$5
  RUSTFLAGS="-Cpanic=immediate-abort -Zunstable-options" \
    cargo +nightly build --profile "$profile" --target wasm32-unknown-unknown \
    --no-default-features --features "$features" --bin "$bin" \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --target-dir target/nightly-size
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
    "target/nightly-size/wasm32-unknown-unknown/$profile/$bin.wasm"
  wasm-opt "-O$level" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    -o "$out/${name}_bg.wasm" "$out/${name}_bg.wasm"
  esbuild "$out/$name.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$out/$name.js"
  printf '%-14s wasm + js gzip-9 %7d\n' "$name" \
    "$(( $(gzip -9c "$out/${name}_bg.wasm" | wc -c) + $(gzip -9c "$out/$name.js" | wc -c) ))"
}
# Both at "z": with std built for size and panics without messages, the
# island is smaller at "z" (29,481 bytes gzip) than at the "s" the stable
# build uses for it (30,314; see Cargo.toml).
bundle warta-island warta-island island-bundle wasm-release z
bundle warta warta-client hydration wasm-release z

cp style/warta.css "$out/"
esbuild src/js/warta-init.js --minify --format=esm --log-level=warning --outfile="$out/warta-init.js"
# Pre-compressed copies beside each asset, as the stable release build ships.
node scripts/precompress.mjs "$out"
