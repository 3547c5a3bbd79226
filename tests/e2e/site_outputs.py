#!/usr/bin/env python3
"""Checks the site outputs of `warta build --base-url` with real consumers:
the feeds with feedparser (no `bozo`, RSS 2.0 and Atom 1.0, newest first),
the sitemaps with an XML parser (namespaces, every article, lastmod, the
news sitemap holding exactly the last 48 hours, the per-file limits).
The expectations come from the article JSON under SRC, not from warta.

    python3 tests/e2e/site_outputs.py SRC OUT --base URL --now RFC3339 [--feed-size N]
"""
import argparse
import datetime
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

import feedparser

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
FAILURES = []


def check(ok, message):
    if not ok:
        FAILURES.append(message)


def when(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def xml_text(text):
    """What XML can hold of a text: warta drops the characters it cannot."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def slug(name):
    out = ""
    for c in name.lower():
        if c.isalnum():
            out += c
        elif out and not out.endswith("-"):
            out += "-"
    return out.strip("-")


def sitemap_urls(out, name, limit, root_tag):
    """The <url> elements of a sitemap, following an index to its parts."""
    path = out / name
    root = ET.parse(path).getroot()
    if root.tag == SITEMAP + "sitemapindex":
        urls = []
        for part in root.findall(SITEMAP + "sitemap"):
            loc = part.find(SITEMAP + "loc").text
            urls += sitemap_urls(out, loc.rsplit("/", 1)[1], limit, root_tag)
        return urls
    check(root.tag == SITEMAP + root_tag, f"{name}: root is {root.tag}")
    urls = root.findall(SITEMAP + "url")
    check(len(urls) <= limit, f"{name}: {len(urls)} URLs, more than {limit}")
    check(path.stat().st_size <= 50 * 1024 * 1024, f"{name}: over 50 MiB")
    return urls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("src", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--base", required=True)
    parser.add_argument("--now", required=True)
    parser.add_argument("--feed-size", type=int, default=50)
    args = parser.parse_args()
    now = when(args.now)
    articles = [json.loads(p.read_text()) for p in sorted(args.src.rglob("*.json"))]
    articles = [a for a in articles if a["url"].startswith(args.base)]
    by_url = {a["url"]: a for a in articles}

    urls = sitemap_urls(args.out, "sitemap.xml", 50_000, "urlset")
    locs = [u.find(SITEMAP + "loc").text for u in urls]
    check(sorted(locs) == sorted(by_url), "sitemap.xml: not every article's url once")
    for url in urls:
        article = by_url.get(url.find(SITEMAP + "loc").text)
        lastmod = url.find(SITEMAP + "lastmod")
        expected = article and (article.get("updated") or article.get("published"))
        check(lastmod is not None and lastmod.text == expected, f"sitemap.xml: lastmod of {article and article['url']}")

    recent = sorted(
        a["url"]
        for a in articles
        if a.get("published") and datetime.timedelta(0) <= now - when(a["published"]) <= datetime.timedelta(hours=48)
    )
    check(recent, "the articles have none from the last 48 hours: the check proves nothing")
    news = sitemap_urls(args.out, "news-sitemap.xml", 1_000, "urlset")
    news_locs = sorted(u.find(SITEMAP + "loc").text for u in news)
    check(news_locs == recent, f"news-sitemap.xml: {len(news_locs)} URLs, the last 48 hours have {len(recent)}")
    for url in news:
        article = by_url[url.find(SITEMAP + "loc").text]
        item = url.find(NEWS + "news")
        publication = item.find(NEWS + "publication")
        check(publication.find(NEWS + "name").text == xml_text(article["site"]["name"]), "news: publication name")
        check(publication.find(NEWS + "language").text == article.get("lang", "id").split("-")[0].lower(), "news: language")
        check(item.find(NEWS + "publication_date").text == article["published"], "news: publication_date")
        check(item.find(NEWS + "title").text == xml_text(article["title"]), "news: title")

    robots = (args.out / "robots.txt").read_text()
    for name in ("sitemap.xml", "news-sitemap.xml"):
        check(f"Sitemap: {args.base}{name}" in robots.splitlines(), f"robots.txt does not name {name}")

    def newest_first(group):
        return sorted(group, key=lambda a: (-when(a["published"]).timestamp(), a["url"]))[: args.feed_size]

    feeds = {pathlib.Path("."): newest_first(articles)}
    sections = {}
    for article in articles:
        if article.get("kicker"):
            sections.setdefault(slug(article["kicker"]), []).append(article)
    for name, group in sections.items():
        feeds[pathlib.Path("sections") / name] = newest_first(group)
    for folder, expected in feeds.items():
        for file, version in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
            path = args.out / folder / file
            feed = feedparser.parse(path.read_bytes())
            check(not feed.bozo, f"{path}: feedparser says {feed.get('bozo_exception')}")
            check(feed.version == version, f"{path}: version {feed.version}")
            links = [e.link for e in feed.entries]
            check(links == [a["url"] for a in expected], f"{path}: not the newest {len(expected)}, newest first")
            for entry, article in zip(feed.entries, expected):
                check(entry.title == xml_text(article["title"]), f"{path}: title of {article['url']}")
                check(entry.get("published_parsed") is not None, f"{path}: no date on {article['url']}")
                if article.get("summary"):
                    check(entry.get("summary") == xml_text(article["summary"]), f"{path}: summary of {article['url']}")
    print(f"site outputs: {len(locs)} in the sitemap, {len(news_locs)} in the news sitemap, {len(feeds) * 2} feeds parsed")
    if FAILURES:
        for failure in FAILURES:
            print(f"FAIL {failure}")
        sys.exit(1)


if __name__ == "__main__":
    main()
