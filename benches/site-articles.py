#!/usr/bin/env python3
"""Writes COUNT articles for a site build into DIR, made from the fixtures
with varied sections, dates (one every HOURS hours going back from NOW)
and URLs under BASE: DIR/YYYY/MM/slug-N.json.

    python3 benches/site-articles.py COUNT DIR [--base URL] [--now RFC3339] [--hours H]

Used by benches/site-build.sh (10,000 articles) and tests/e2e/journeys.sh.
"""
import argparse
import datetime
import json
import pathlib

FIXTURES = ["sample", "english", "rich-inline", "long-bilingual"]
SECTIONS = ["Internasional", "Nasional", "Ekonomi & Bisnis", "Olahraga", "Teknologi"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("dir", type=pathlib.Path)
    parser.add_argument("--base", default="https://berita.example/")
    parser.add_argument("--now", default="2024-05-20T12:00:00+07:00")
    parser.add_argument("--hours", type=float, default=7.0)
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"
    sources = [json.loads((root / f"{name}.json").read_text()) for name in FIXTURES]
    now = datetime.datetime.fromisoformat(args.now)
    for n in range(args.count):
        article = json.loads(json.dumps(sources[n % len(sources)]))
        published = now - datetime.timedelta(hours=args.hours * n + 0.5)
        slug = f"berita-{n}"
        folder = f"{published:%Y}/{published:%m}"
        article["site"] = {"name": "Berita Contoh", "url": args.base}
        article["url"] = f"{args.base}{folder}/{slug}/"
        article["title"] = f"{article['title']} ({n})"
        article["kicker"] = SECTIONS[n % len(SECTIONS)]
        article["published"] = published.isoformat(timespec="seconds")
        article.pop("updated", None)
        # The archive fills "Terkini Lainnya"; every fifth keeps its own.
        if n % 5:
            article.pop("latest", None)
        path = args.dir / folder / f"{slug}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(article, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
