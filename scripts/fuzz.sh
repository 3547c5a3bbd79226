#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer through cargo-fuzz, nightly toolchain).
#
#   bash scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#
# TARGET is one of:
#   import  scraped text -> `warta import`; output must pass `warta validate`
#   parse   bytes -> decode + validate; accepted articles read back the same
#   render  bytes -> article (or the bytes placed into the sample's text and
#           URL fields) -> fragment and page; no script, handler or script link
#
# The working corpus is fuzz/corpus/TARGET (not checked in); it starts from
# the fixtures in tests/fixtures and the seeds in fuzz/seeds/TARGET. A crash
# is saved under fuzz/artifacts/TARGET/; reproduce it with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
# then fix the bug and copy the input to fuzz/regressions/TARGET/: the
# ordinary tests (tests/native/fuzz_checks.rs) run each target's check,
# fuzz/checks.rs, on the seeds and on every file there.
# libFuzzer prints "Done N runs in S second(s)" and "cov:"/"ft:" figures last.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]}"
shift 2

case "$target" in
  import | parse | render) ;;
  *) echo "fuzz.sh: unknown target $target (import, parse or render)" >&2; exit 2 ;;
esac

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz.sh: installing the nightly toolchain (libFuzzer needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

corpus="fuzz/corpus/$target"
mkdir -p "$corpus"
case "$target" in
  import) cp -n tests/fixtures/*.txt "$corpus/" ;;
  *) cp -n tests/fixtures/*.json "$corpus/" ;;
esac
seeds=()
if [ -d "fuzz/seeds/$target" ]; then seeds=("fuzz/seeds/$target"); fi

# cargo-fuzz runs from fuzz/, so paths are relative to it. Inputs past the
# contract's document size only test the size check; 64 KiB keeps runs fast.
cd fuzz
exec cargo +nightly fuzz run "$target" "../$corpus" "${seeds[@]/#/../}" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 "$@"
