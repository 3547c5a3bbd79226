#!/usr/bin/env bash
# Browser benchmark of a widget's mount on server markup (tests/hydration_bench.rs),
# release builds, headless Chromium: the full client (Yew hydrates the share
# bar) and the island bundle's way (the bar made live without Yew). Prints
# figures; not a pass/fail test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== full client (--features ssr,hydration)"
wasm-pack test --headless --chrome --release --features ssr,hydration --test hydration_bench -- --nocapture 2>&1 |
  grep -E "^(hydration|warm|empty-mount|wasm linear)"

# wasm-pack builds every test file, and the others need the full client;
# cargo's test runner builds only this one.
# island PROFILE: the island bundle's mount, built at a cargo profile.
island() {
  CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --profile "$1" --features ssr,island --test hydration_bench -- --nocapture 2>&1 |
    grep -E "^(hydration|warm|wasm linear)"
}
echo "== island bundle (--features ssr,island), the plain release profile"
island release
# What index.html ships: opt-level "s", LTO, one codegen unit (Cargo.toml).
echo "== island bundle, as shipped (profile wasm-release-island)"
island wasm-release-island
