//! `warta build --base-url`: the sitemaps, the news sitemap, robots.txt,
//! the feeds and "Terkini Lainnya" from the archive; bad URLs as one-line
//! problems; incremental, sharded and merged builds byte for byte the same
//! as a full one. Feeds and sitemaps are read by real consumers (Python's
//! feedparser, an XML parser) in tests/e2e/site_outputs.py.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::warta_bin as cli;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::SystemTime;

const BASE: &str = "https://berita.example/";
const NOW: &str = "2024-05-20T12:00:00+07:00";

fn warta(args: &[&str]) -> Output {
    cli::warta(args, [])
}

fn stderr(out: &Output) -> String {
    cli::text(&out.stderr)
}

/// A fresh folder with fake assets and no articles yet.
fn root(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{name}"));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("assets")).unwrap();
    for asset in warta::build::ASSET_FILES {
        fs::write(root.join("assets").join(asset), format!("/* {asset} */")).unwrap();
    }
    root
}

/// Article `n` of a site, published `hours` before NOW, in a section of
/// three; every fourth carries its own "Terkini Lainnya".
fn add_article(src: &Path, n: usize, hours: i64) -> String {
    let mut article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/fixtures/sample.json").unwrap()).unwrap();
    let stamp = warta::build::time::epoch_seconds(NOW).unwrap() - hours * 3600;
    // Written in WIB, like the fixtures.
    let local = stamp + 7 * 3600;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let date = civil(days);
    let published = format!(
        "{}T{:02}:{:02}:{:02}+07:00",
        date,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    );
    let url = format!("{BASE}berita/{n}/");
    article["url"] = url.clone().into();
    article["title"] = format!("Berita nomor {n}").into();
    article["kicker"] = ["Internasional", "Ekonomi & Bisnis", "Olahraga"][n % 3].into();
    article["published"] = published.into();
    if n % 4 == 0 {
        article["latest"] = serde_json::json!([{ "title": "Pilihan redaksi", "url": "https://berita.example/pilihan/" }]);
    } else {
        article.as_object_mut().unwrap().remove("latest");
    }
    let path = src.join(format!("berita/{n}.json"));
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, serde_json::to_string_pretty(&article).unwrap()).unwrap();
    url
}

/// `YYYY-MM-DD` of a day count from 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Articles 0..count, one every 7 hours back from NOW (so the last 48
/// hours hold articles 0 to 6).
fn articles(src: &Path, count: usize) {
    for n in 0..count {
        add_article(src, n, 7 * n as i64);
    }
}

fn site_build(root: &Path, src: &str, out: &str, extra: &[&str]) -> Output {
    let (src, out, assets) = (
        root.join(src).display().to_string(),
        root.join(out).display().to_string(),
        root.join("assets").display().to_string(),
    );
    let mut args = vec![
        "build",
        &src,
        "-o",
        &out,
        "--assets",
        &assets,
        "--base-url",
        BASE,
        "--now",
        NOW,
    ];
    args.extend_from_slice(extra);
    warta(&args)
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn mtimes(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let time = fs::metadata(dir.join(&rel)).unwrap().modified().unwrap();
            (rel, time)
        })
        .collect()
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_site_build_writes_the_sitemaps_feeds_and_robots() {
    let root = root("outputs");
    articles(&root.join("src"), 10);
    let run = site_build(&root, "src", "out", &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));

    let sitemap = read(&root, "out/sitemap.xml");
    assert!(sitemap.contains("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""));
    assert_eq!(sitemap.matches("<url>").count(), 10);
    assert!(sitemap.contains("<loc>https://berita.example/berita/9/</loc><lastmod>"));

    let news = read(&root, "out/news-sitemap.xml");
    assert!(news.contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""));
    // 0, 7, … 42 hours old: seven; 49 hours is out.
    assert_eq!(news.matches("<news:news>").count(), 7, "{news}");
    assert!(news.contains("<loc>https://berita.example/berita/6/</loc>"));
    assert!(!news.contains("/berita/7/"));
    assert!(
        news.contains("<news:name>visitaaponce.com</news:name><news:language>id</news:language>")
    );

    assert_eq!(
        read(&root, "out/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://berita.example/sitemap.xml\nSitemap: https://berita.example/news-sitemap.xml\n"
    );
    let rss = read(&root, "out/feed.xml");
    assert!(rss.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""));
    let first = rss.find("/berita/0/").unwrap();
    assert!(first < rss.find("/berita/1/").unwrap(), "newest first");
    assert!(read(&root, "out/atom.xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    let section = read(&root, "out/sections/ekonomi-bisnis/feed.xml");
    assert_eq!(section.matches("<item>").count(), 3, "articles 1, 4, 7");
    assert!(section.contains("<title>visitaaponce.com: Ekonomi &amp; Bisnis</title>"));

    let small = site_build(&root, "src", "out-small", &["--feed-size", "2"]);
    assert_eq!(small.status.code(), Some(0), "{}", stderr(&small));
    assert_eq!(
        read(&root, "out-small/atom.xml").matches("<entry>").count(),
        2
    );
}

#[test]
fn latest_lists_come_from_the_archive_and_an_articles_own_wins() {
    let root = root("latest");
    articles(&root.join("src"), 8);
    let run = site_build(&root, "src", "out", &["--latest", "3"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let latest = |n: usize| {
        let page = read(&root, &format!("out/berita/{n}/index.html"));
        let start = page.find("warta-links--latest").expect("a latest list");
        let list = &page[start..];
        let list = &list[..list.find("</ul>").unwrap()];
        list.match_indices("href=\"")
            .map(|(at, _)| {
                let rest = &list[at + 6..];
                rest[..rest.find('"').unwrap()].to_owned()
            })
            .collect::<Vec<_>>()
    };
    let url = |n: usize| format!("{BASE}berita/{n}/");
    // The three newest others, newest first.
    assert_eq!(latest(1), [url(0), url(2), url(3)]);
    assert_eq!(latest(7), [url(0), url(1), url(2)]);
    assert_eq!(
        latest(4),
        ["https://berita.example/pilihan/"],
        "its own list wins"
    );
}

#[test]
fn urls_outside_the_base_or_repeated_are_one_line_problems() {
    let root = root("bad-urls");
    let src = root.join("src");
    articles(&src, 3);
    // Outside the base, and a second article with article 1's url.
    for (name, url) in [
        ("luar", "https://lain.example/berita/x/"),
        ("ganda", "https://berita.example/berita/1/"),
    ] {
        let mut article: serde_json::Value =
            serde_json::from_str(&read(&src, "berita/2.json")).unwrap();
        article["url"] = url.into();
        article["title"] = "Judul <dengan> & \"tanda\"".into();
        fs::write(src.join(format!("{name}.json")), article.to_string()).unwrap();
    }
    let run = site_build(&root, "src", "out", &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("articles left out 2"), "{err}");
    assert!(
        err.contains("  luar.json: url https://lain.example/berita/x/ is outside --base-url https://berita.example/"),
        "{err}"
    );
    assert!(
        err.contains("  ganda.json: url https://berita.example/berita/1/ is also berita/1.json's"),
        "{err}"
    );
    let sitemap = read(&root, "out/sitemap.xml");
    assert_eq!(sitemap.matches("<url>").count(), 3);
    assert!(!sitemap.contains("lain.example"));
    // Their pages are still built.
    assert!(root.join("out/luar/index.html").exists());

    let bad_base = site_build(&root, "src", "out2", &["--base-url", "ftp://x/"]);
    assert_eq!(bad_base.status.code(), Some(2), "{}", stderr(&bad_base));
    let bad_now = warta(&[
        "build",
        "src",
        "-o",
        "o",
        "--base-url",
        BASE,
        "--now",
        "kemarin",
    ]);
    assert_eq!(bad_now.status.code(), Some(2));
    assert!(stderr(&bad_now).contains("--now kemarin: expected an RFC 3339 time"));
}

#[test]
fn a_second_build_rewrites_nothing_and_an_old_article_only_what_lists_it() {
    let root = root("incremental");
    let src = root.join("src");
    articles(&src, 10);
    let first = site_build(&root, "src", "out", &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = mtimes(&root.join("out"));

    let second = site_build(&root, "src", "out", &[]);
    assert!(
        stderr(&second).contains(
            "built 0, unchanged 10, removed 0, failed 0; site files written 0, unchanged 15"
        ),
        "{}",
        stderr(&second)
    );
    assert_eq!(mtimes(&root.join("out")), before, "nothing rewritten");

    // An article older than all others is on no one's "Terkini Lainnya":
    // its page and the site files change, no other page.
    add_article(&src, 10, 200);
    let third = site_build(&root, "src", "out", &[]);
    assert!(
        stderr(&third).contains("built 1, unchanged 10"),
        "{}",
        stderr(&third)
    );
    let after = mtimes(&root.join("out"));
    let changed: Vec<String> = after
        .iter()
        .filter(|(path, time)| before.get(*path) != Some(time))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert_eq!(
        changed,
        [
            ".warta-cache/entries.json",
            "atom.xml",
            "berita/10/index.html",
            "feed.xml",
            "index.html",
            "sections/ekonomi-bisnis/atom.xml",
            "sections/ekonomi-bisnis/feed.xml",
            "sections/ekonomi-bisnis/index.html",
            "sitemap.xml",
        ]
    );

    // The newest article is on every filled list, not on the own ones (0, 4, 8).
    add_article(&src, 11, -1);
    let fourth = site_build(&root, "src", "out", &[]);
    assert!(
        stderr(&fourth).contains("built 9, unchanged 3"),
        "{}",
        stderr(&fourth)
    );
}

#[test]
fn full_incremental_and_sharded_builds_are_the_same_bytes() {
    let root = root("same-bytes");
    articles(&root.join("src"), 14);
    let full = site_build(&root, "src", "full", &[]);
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));

    // Incremental: the archive without its newest article, then with it.
    let partial = root.join("partial");
    articles(&partial, 14);
    fs::remove_file(partial.join("berita/0.json")).unwrap();
    let before = site_build(&root, "partial", "incremental", &[]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    fs::copy(
        root.join("src/berita/0.json"),
        partial.join("berita/0.json"),
    )
    .unwrap();
    let after = site_build(&root, "partial", "incremental", &[]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));

    // Three shards, each in its own OUT, copied into one, then merged.
    let merged = root.join("merged");
    for k in 0..3 {
        let out = format!("shard-{k}");
        let shard = format!("{k}/3");
        let run = site_build(&root, "src", &out, &["--shard", &shard]);
        assert!(
            stderr(&run).contains("manifest written"),
            "{}",
            stderr(&run)
        );
        assert!(
            !root.join(&out).join("sitemap.xml").exists(),
            "a shard writes no site file"
        );
        for (rel, bytes) in tree(&root.join(&out)) {
            fs::create_dir_all(merged.join(&rel).parent().unwrap()).unwrap();
            fs::write(merged.join(&rel), bytes).unwrap();
        }
    }
    let merged_arg = merged.display().to_string();
    let missing = warta(&["merge", &merged_arg, "--base-url", BASE, "--now", NOW]);
    assert_eq!(missing.status.code(), Some(0), "{}", stderr(&missing));

    let full_tree = tree(&root.join("full"));
    let mut merged_tree = tree(&merged);
    merged_tree.retain(|rel, _| !rel.starts_with(".warta-shards"));
    assert_eq!(
        tree(&root.join("incremental")),
        full_tree,
        "incremental == full"
    );
    assert_eq!(
        merged_tree.keys().collect::<Vec<_>>(),
        full_tree.keys().collect::<Vec<_>>()
    );
    assert!(merged_tree == full_tree, "sharded + merged == full");
}

#[test]
fn merge_refuses_an_incomplete_set_of_shards() {
    let root = root("merge-missing");
    articles(&root.join("src"), 4);
    let run = site_build(&root, "src", "out", &["--shard", "1/2"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = root.join("out").display().to_string();
    let merge = warta(&["merge", &out, "--base-url", BASE, "--now", NOW]);
    assert_eq!(merge.status.code(), Some(3));
    assert!(
        stderr(&merge).contains("no manifest of shard 0/2"),
        "{}",
        stderr(&merge)
    );
}

#[test]
fn big_sitemaps_split_into_an_index_and_parts() {
    use warta::build::archive::Entry;
    use warta::build::sitemap::{news_sitemap, sitemap, Limits};
    let entries: Vec<Entry> = (0..5)
        .map(|n| Entry {
            file: format!("{n}.json"),
            url: format!("{BASE}{n}/"),
            title: format!("Berita \u{1}{n}"),
            summary: None,
            published: Some(format!("2024-05-20T0{n}:00:00+07:00")),
            updated: None,
            section: None,
            authors: vec![],
            hero: None,
            lang: "id".into(),
            site: "Situs".into(),
            own_latest: false,
        })
        .collect();
    let limits = Limits {
        sitemap_urls: 2,
        sitemap_bytes: 50 * 1024 * 1024,
        news_urls: 3,
    };
    let files = sitemap(&entries, BASE, limits).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "sitemap.xml",
            "sitemap-1.xml",
            "sitemap-2.xml",
            "sitemap-3.xml"
        ]
    );
    let index = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    assert!(index.contains("<sitemap><loc>https://berita.example/sitemap-3.xml</loc><lastmod>2024-05-20T04:00:00+07:00</lastmod></sitemap>"));
    let news = news_sitemap(
        &entries,
        BASE,
        warta::build::time::epoch_seconds(NOW).unwrap(),
        limits,
    )
    .unwrap();
    assert_eq!(news.len(), 3, "an index and two parts of at most 3");
    let part = String::from_utf8(news[1].1.clone()).unwrap();
    assert_eq!(part.matches("<news:news>").count(), 3);
    assert!(
        part.contains("<news:title>Berita 0</news:title>"),
        "control character dropped: {part}"
    );

    // By size too: parts stay under the byte limit.
    let tight = Limits {
        sitemap_bytes: 400,
        ..Limits::default()
    };
    let files = sitemap(&entries, BASE, tight).unwrap();
    assert!(files.len() > 2);
    assert!(files.iter().all(|(_, bytes)| bytes.len() <= 400));
}

#[test]
fn list_pages_link_the_newest_articles_page_by_page() {
    let root = root("lists");
    articles(&root.join("src"), 45);
    let run = site_build(&root, "src", "out", &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = root.join("out");
    let hrefs = |page: &str| -> Vec<String> {
        let html = read(&out, page);
        html.match_indices(" href=\"")
            .map(|(at, _)| {
                let rest = &html[at + 7..];
                rest[..rest.find('"').unwrap()].to_owned()
            })
            .collect()
    };
    let home = read(&out, "index.html");
    assert!(home.contains("<h1 class=\"warta-list__heading\">visitaaponce.com</h1>"));
    assert_eq!(home.matches("class=\"warta-card\"").count(), 20);
    assert!(
        home.find("berita/0/").unwrap() < home.find("berita/1/").unwrap(),
        "newest first"
    );
    assert!(home.contains("<a rel=\"next\" href=\"page/2/\">Berikutnya</a>"));
    assert!(home.contains("Halaman 1 dari 3"));
    assert!(
        !home.contains("warta-init.js"),
        "nothing on a list page needs the Wasm"
    );
    let last = read(&out, "page/3/index.html");
    assert_eq!(last.matches("class=\"warta-card\"").count(), 5);
    assert!(last.contains("<a rel=\"prev\" href=\"../../page/2/\">Sebelumnya</a>"));
    // Every relative link on every list page leads to a page or file in OUT.
    for page in [
        "index.html",
        "page/2/index.html",
        "page/3/index.html",
        "sections/olahraga/index.html",
    ] {
        let dir = out.join(page).parent().unwrap().to_path_buf();
        for href in hrefs(page).iter().filter(|h| !h.starts_with("https:")) {
            let target = dir.join(href);
            let target = if href.ends_with('/') {
                target.join("index.html")
            } else {
                target
            };
            assert!(target.exists(), "{page}: {href} leads nowhere");
        }
    }
    let section = read(&out, "sections/olahraga/index.html");
    assert_eq!(
        section.matches("class=\"warta-card\"").count(),
        15,
        "articles 2, 5, … 44"
    );

    // Fewer articles: the pages past the last go.
    for n in 20..45 {
        fs::remove_file(root.join(format!("src/berita/{n}.json"))).unwrap();
    }
    let fewer = site_build(&root, "src", "out", &["--prune"]);
    assert_eq!(fewer.status.code(), Some(0), "{}", stderr(&fewer));
    assert!(!out.join("page/2").exists());
    assert!(out.join("index.html").exists(), "{}", stderr(&fewer));
}

#[test]
fn list_links_encode_what_a_url_would_misread() {
    let root = root("odd-names");
    let src = root.join("src");
    articles(&src, 2);
    fs::rename(src.join("berita/1.json"), src.join("berita/kabar #1?.json")).unwrap();
    let run = site_build(&root, "src", "out", &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(root.join("out/berita/kabar #1?/index.html").exists());
    let home = read(&root, "out/index.html");
    assert!(home.contains("href=\"berita/kabar%20%231%3F/\""), "{home}");
}
