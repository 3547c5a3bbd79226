#!/usr/bin/env bash
# The README's publisher journeys, walked with its own commands on the
# release bundle in dist/ (scripts/test.sh builds it first, in a plain
# shell): import in every format → validate → page; a site built from a
# folder of nested articles, served and live in Chromium; an incremental
# publish from `git diff --name-only` in a real repository; the embedding
# snippet on a host page with several widgets and the `window.warta` calls;
# the preview, whose debug build must stay out of dist/ and be refused.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=target/journeys
rm -rf "$work"
mkdir -p "$work/articles/2024/05" "$work/articles/imported"
step() { printf '== journey: %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; exit 1; }

step "import (text, HTML, WordPress single and array) → validate → page"
cargo warta import tests/fixtures/sample.txt > "$work/articles/imported/sample-text.json"
cargo warta import --from html tests/fixtures/html/jsonld-news.html > "$work/articles/imported/html-page.json"
cargo warta import --from html - --url https://example.com/berita/dari-stdin \
  < tests/fixtures/html/bare-english.html > "$work/articles/imported/html-stdin.json"
cargo warta import --from wordpress tests/fixtures/wordpress/post-embed.json > "$work/articles/imported/wordpress.json"
# What /wp-json/wp/v2/posts?slug=… answers: an array of one post.
{ printf '['; cat tests/fixtures/wordpress/post-embed.json; printf ']'; } \
  | cargo warta import --from wordpress - > "$work/articles/imported/wordpress-array.json"
for json in "$work"/articles/imported/*.json; do
  cargo warta validate "$json"
  name=$(basename "$json" .json)
  cargo warta page "$json" -o "$work/pages/$name" 2>/dev/null
  grep -q 'class="warta-article"' "$work/pages/$name/index.html" || fail "page $name has no article"
done

step "a site from nested articles with the default assets (dist/)"
cp tests/fixtures/sample.json "$work/articles/2024/05/putin-beijing.json"
cp tests/fixtures/english.json tests/fixtures/rich-inline.json "$work/articles/"
cargo warta build "$work/articles" -o "$work/site"
for asset in warta.css warta-init.js warta-island.js warta-island_bg.wasm warta.js warta_bg.wasm; do
  cmp -s "dist/$asset" "$work/site/$asset" || fail "site/$asset is not dist/$asset"
  cmp -s "dist/$asset.br" "$work/site/$asset.br" || fail "site/$asset.br is not dist/$asset.br"
done
[ -f "$work/site/2024/05/putin-beijing/index.html" ] || fail "no page for 2024/05/putin-beijing.json"

step "a news site from articles over several days (--base-url): sitemaps, feeds, list pages"
news="$work/news"
now=2024-05-20T12:00:00+07:00
python3 benches/site-articles.py 60 "$news/articles" --base https://berita.example/ --now "$now"
cargo warta build "$news/articles" -o "$news/site" --base-url https://berita.example/ --now "$now" 2> "$news/build.log" \
  || { cat "$news/build.log"; fail "the news site build"; }
grep -q "built 60, unchanged 0, removed 0, failed 0; site files written" "$news/build.log" || { cat "$news/build.log"; fail "news site summary"; }
python3 tests/e2e/site_outputs.py "$news/articles" "$news/site" --base https://berita.example/ --now "$now"
cargo warta build "$news/articles" -o "$news/site" --base-url https://berita.example/ --now "$now" 2> "$news/again.log"
grep -q "built 0, unchanged 60, removed 0, failed 0; site files written 0" "$news/again.log" || { cat "$news/again.log"; fail "a second build rewrote something"; }

step "incremental publish from git diff --name-only (changed, added, deleted, renamed)"
repo="$work/repo"
mkdir -p "$repo/articles/2024"
cp tests/fixtures/sample.json "$repo/articles/2024/changed.json"
cp tests/fixtures/english.json "$repo/articles/2024/deleted.json"
cp tests/fixtures/long-bilingual.json "$repo/articles/2024/old-name.json"
git() { command git -C "$repo" -c user.name=warta -c user.email=warta@example.invalid "$@"; }
git init -q
git add -A && git commit -q -m "first articles"
cargo warta build "$repo/articles" -o "$work/repo-site"
sed 's/Tiba di Beijing/Tiba di Beijing (diperbarui)/' tests/fixtures/sample.json > "$repo/articles/2024/changed.json"
cp tests/fixtures/rich-inline.json "$repo/articles/2024/added.json"
git rm -q articles/2024/deleted.json
git mv articles/2024/old-name.json articles/2024/new-name.json
echo "# Arsip" > "$repo/README.md"
git add -A && git commit -q -m "update"
# As the README writes it: a rename as a deletion and an addition.
git diff --name-only --no-renames HEAD~1 > "$work/changed.txt"
cargo warta build "$repo/articles" -o "$work/repo-site" --files - < "$work/changed.txt" 2> "$work/publish.log" \
  || { cat "$work/publish.log"; fail "incremental publish"; }
cat "$work/publish.log"
grep -q "built 3, unchanged 0, removed 2, failed 0" "$work/publish.log" || fail "incremental publish summary"
[ ! -e "$work/repo-site/2024/deleted" ] || fail "the deleted article's page is still there"
[ ! -e "$work/repo-site/2024/old-name" ] || fail "the renamed article's old page is still there"
[ -f "$work/repo-site/2024/new-name/index.html" ] || fail "the renamed article has no page"
grep -q "diperbarui" "$work/repo-site/2024/changed/index.html" || fail "the changed article was not rebuilt"
[ -f "$work/repo-site/2024/added/index.html" ] || fail "the added article has no page"

step "the README's embedding snippet on a host page with several widgets"
host="$work/host"
mkdir -p "$host/warta"
for asset in warta.css warta-init.js warta-island.js warta-island_bg.wasm warta.js warta_bg.wasm; do
  cp "dist/$asset" "$host/warta/"
done
# The snippet's two lines, taken from the README itself.
snippet=$(sed -n '/^## Embedding/,/^- /p' README.md | grep -E '^<(link rel="stylesheet"|script type="module")')
[ "$(printf '%s\n' "$snippet" | wc -l)" = 2 ] || fail "the README's embedding snippet was not found"
{
  printf '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>host</title>\n%s\n</head>\n<body>\n' "$snippet"
  cargo warta render tests/fixtures/sample.json
  printf '<aside>the host page'"'"'s own content</aside>\n'
  cargo warta render tests/fixtures/english.json
  printf '</body>\n</html>\n'
} > "$host/index.html"

step "the preview (scripts/preview.sh): served, and its debug build stays out of dist/"
before=$(cat dist/warta* | sha256sum)
port=18080
! curl -s "http://127.0.0.1:$port/" -o /dev/null || fail "port $port is taken: the preview could not be told apart"
setsid env PORT=$port bash scripts/preview.sh > "$work/preview.log" 2>&1 &
preview=$!
trap 'kill -- -$preview 2>/dev/null || true' EXIT
# Its first build can take minutes; the loop is bounded.
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/" -o /dev/null && break
  kill -0 $preview 2>/dev/null || { cat "$work/preview.log"; fail "the preview stopped"; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/" -o /dev/null || { cat "$work/preview.log"; fail "the preview does not answer"; }
[ "$(cat dist/warta* | sha256sum)" = "$before" ] || fail "the preview's build changed dist/"
[ -d target/preview/snippets ] || fail "target/preview is not the preview's debug build (no snippets/)"

step "a debug bundle is refused as a site's assets, and nothing is written"
if cargo warta build "$work/articles" -o "$work/debug-site" --assets target/preview 2> "$work/debug.log"; then
  fail "a site was built with the debug bundle"
fi
grep -q "is from a debug build" "$work/debug.log" || { cat "$work/debug.log"; fail "the debug bundle's refusal"; }
[ ! -e "$work/debug-site" ] || fail "the refused build wrote OUT"

step "every page live in Chromium"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
node tests/e2e/site.mjs --site "$work/site" --host "$host" --version "$version" --preview "http://127.0.0.1:$port/" --lists "$news/site"
