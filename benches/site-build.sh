#!/usr/bin/env bash
# The site build on a generated archive: COUNT articles (default 10,000)
# made from the fixtures by benches/site-articles.py, one every 7 hours
# over several years, in five sections; then `warta build --base-url` on
# every core (release binary, release assets from dist/): the first build,
# a second with nothing changed, and one after adding a single article.
# Prints wall time and pages per second for each.
#
#   bash benches/site-build.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=target/bench-site
base=https://berita.example/
now=2024-05-20T12:00:00+07:00
rm -rf "$work"
mkdir -p "$work"
cargo build --quiet --release --features cli --bin warta
python3 benches/site-articles.py "$count" "$work/articles" --base "$base" --now "$now"
warta=target/release/warta

run() {
  local label=$1 articles times
  articles=$(find "$work/articles" -name '*.json' | wc -l)
  # Wall, user and system seconds: on a shared machine articles per
  # CPU-second compare better than per wall second.
  times=$( { TIMEFORMAT='%R %U %S'; time "$warta" build "$work/articles" -o "$work/site" \
    --base-url "$base" --now "$now" 2> "$work/$label.log"; } 2>&1 )
  read -r wall user sys <<< "$times"
  awk -v label="$label" -v wall="$wall" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v n="$articles" \
    -v summary="$(tail -n1 "$work/$label.log" | sed 's/^warta: //')" \
    'BEGIN { printf "%-7s %6.2f s wall %6.2f s CPU %7.0f articles/s %7.0f per CPU-s  %s\n", label, wall, cpu, n / wall, n / cpu, summary }'
}

echo "$count articles, $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg)"
run first
run second
# One article newer than all: on every filled "Terkini Lainnya".
python3 - "$work/articles" <<'PY'
import json, pathlib, sys
src = pathlib.Path(sys.argv[1])
article = json.loads(next(iter(sorted(src.rglob("*.json")))).read_text())
article["url"] = "https://berita.example/2024/05/baru/"
article["title"] = "Berita paling baru"
article["published"] = "2024-05-20T11:59:00+07:00"
(src / "2024" / "05" / "baru.json").write_text(json.dumps(article))
PY
run added
