//! `warta build`: pages for good articles, failures listed with their JSON
//! path, unchanged articles skipped, never a partial page, exit statuses.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs warta")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder under the target dir with `src/`, fake `assets/` and no `out/`.
fn site(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("build-{name}"));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("src/nested")).unwrap();
    fs::create_dir_all(root.join("assets")).unwrap();
    for asset in warta::build::ASSET_FILES {
        fs::write(root.join("assets").join(asset), format!("/* {asset} */")).unwrap();
    }
    // As a release build's loader does, it carries the digests of what it fetches.
    let digests: Vec<String> = warta::integrity::CHECKED_BY_LOADER
        .iter()
        .map(|file| {
            let digest = warta::integrity::digest(format!("/* {file} */").as_bytes());
            format!("\"{file}\":\"{digest}\"")
        })
        .collect();
    fs::write(
        root.join("assets/warta-init.js"),
        format!("const DIGESTS = {{{}}};", digests.join(",")),
    )
    .unwrap();
    fs::copy("tests/fixtures/sample.json", root.join("src/good.json")).unwrap();
    fs::copy(
        "tests/fixtures/english.json",
        root.join("src/nested/english.json"),
    )
    .unwrap();
    root
}

/// `warta build ARGS --files -` run in `cwd`, the list on stdin.
fn build_listed(cwd: &Path, args: &[&str], list: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("build")
        .args(args)
        .args(["--files", "-"])
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs warta");
    use std::io::Write as _;
    let written = child
        .stdin
        .take()
        .expect("piped")
        .write_all(list.as_bytes());
    let run = child.wait_with_output().expect("warta ends");
    written.expect("the list is written");
    run
}

fn path(root: &Path, rel: &str) -> String {
    root.join(rel).to_string_lossy().into_owned()
}

fn build(root: &Path, extra: &[&str]) -> Output {
    let (src, out, assets) = (path(root, "src"), path(root, "out"), path(root, "assets"));
    let mut args = vec![
        "build",
        src.as_str(),
        "-o",
        out.as_str(),
        "--assets",
        assets.as_str(),
    ];
    args.extend_from_slice(extra);
    warta(&args)
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn assert_whole_pages(out: &Path) {
    for file in files(out) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.starts_with(".warta-tmp-"),
            "temporary file left: {}",
            file.display()
        );
        if name == "index.html" {
            let html = fs::read_to_string(&file).unwrap();
            assert!(html.starts_with("<!DOCTYPE html>"), "{}", file.display());
            assert!(
                html.contains("</html>\n<!-- warta-build "),
                "partial page {}",
                file.display()
            );
        }
    }
}

#[test]
fn good_invalid_and_unchanged_articles() {
    let root = site("mixed");
    let sample = fs::read_to_string("tests/fixtures/sample.json").unwrap();
    fs::write(
        root.join("src/bad.json"),
        sample.replace("\"url\": \"https://", "\"url\": \"javascript://"),
    )
    .unwrap();
    fs::write(root.join("src/nested/broken.json"), "{ not json").unwrap();
    fs::write(root.join("src/notes.txt"), "not an article").unwrap();

    let first = build(&root, &[]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let err = stderr(&first);
    assert!(
        err.contains("built 2, unchanged 0, removed 0, failed 2"),
        "{err}"
    );
    // stderr is not a terminal here: plain progress lines, no bar.
    assert!(err.contains("warta: 4/4 articles"), "{err}");
    assert!(!err.contains('\r'), "{err}");
    // Each failure: its file and its first problem with the JSON path.
    assert!(
        err.contains("bad.json: site.url: only http and https links are allowed"),
        "{err}"
    );
    assert!(err.contains("broken.json: not valid JSON"), "{err}");

    let out = root.join("out");
    let good = fs::read_to_string(out.join("good/index.html")).unwrap();
    assert!(good.contains("<link rel=\"stylesheet\" href=\"../warta.css\">"));
    let nested = fs::read_to_string(out.join("nested/english/index.html")).unwrap();
    assert!(
        nested.contains("src=\"../../warta-init.js\""),
        "assets linked from the output root"
    );
    assert!(!out.join("bad").exists() && !out.join("nested/broken").exists());
    for asset in warta::build::ASSET_FILES {
        assert_eq!(
            fs::read(out.join(asset)).unwrap(),
            fs::read(root.join("assets").join(asset)).unwrap(),
            "{asset}"
        );
    }
    assert_whole_pages(&out);

    // Second run: nothing changed, nothing rebuilt.
    let second = build(&root, &[]);
    assert!(
        stderr(&second).contains("built 0, unchanged 2, removed 0, failed 2"),
        "{}",
        stderr(&second)
    );

    // An edited article is rebuilt; the other stays.
    fs::write(
        root.join("src/good.json"),
        sample.replace("Tiba di Beijing", "Tiba di Beijing Hari Ini"),
    )
    .unwrap();
    fs::remove_file(root.join("src/bad.json")).unwrap();
    fs::remove_file(root.join("src/nested/broken.json")).unwrap();
    let third = build(&root, &[]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert!(
        stderr(&third).contains("built 1, unchanged 1, removed 0, failed 0"),
        "{}",
        stderr(&third)
    );
    assert!(fs::read_to_string(out.join("good/index.html"))
        .unwrap()
        .contains("Tiba di Beijing Hari Ini"));

    // --force rebuilds everything; --asset-base links elsewhere (a new page hash).
    let forced = build(&root, &["--force"]);
    assert!(
        stderr(&forced).contains("built 2, unchanged 0"),
        "{}",
        stderr(&forced)
    );
    let cdn = build(&root, &["--asset-base", "https://cdn.example/warta"]);
    assert!(
        stderr(&cdn).contains("built 2, unchanged 0"),
        "{}",
        stderr(&cdn)
    );
    let page = fs::read_to_string(out.join("good/index.html")).unwrap();
    assert!(page.contains("href=\"https://cdn.example/warta/warta.css\""));
    // Assets on another origin: both links carry the integrity of the files.
    let loader = fs::read(root.join("assets/warta-init.js")).unwrap();
    assert!(
        page.contains(&format!(
            "src=\"https://cdn.example/warta/warta-init.js\" integrity=\"{}\" crossorigin=\"anonymous\"",
            warta::integrity::digest(&loader)
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "integrity=\"{}\"",
        warta::integrity::digest(b"/* warta.css */")
    )));

    // A file the loader would refuse is refused before anything is written.
    fs::write(root.join("assets/warta_bg.wasm"), "changed").unwrap();
    let refused = build(&root, &["--asset-base", "https://cdn.example/next"]);
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("warta_bg.wasm is not the file"),
        "{}",
        stderr(&refused)
    );
    assert!(!fs::read_to_string(out.join("good/index.html"))
        .unwrap()
        .contains("cdn.example/next"));
    // --no-integrity links without it.
    let plain = build(
        &root,
        &["--asset-base", "https://cdn.example/next", "--no-integrity"],
    );
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let page = fs::read_to_string(out.join("good/index.html")).unwrap();
    assert!(page.contains("cdn.example/next/warta-init.js\">") && !page.contains("integrity="));
}

#[test]
fn file_lists_and_shards_select_articles() {
    let root = site("lists");
    let list = root.join("list.txt");
    fs::write(
        &list,
        "nested/english.json\n../escape.json\n/etc/hostname\n",
    )
    .unwrap();
    let out = build(&root, &["--files", &list.to_string_lossy()]);
    // Paths that leave SRC (and would write outside OUT) are refused.
    let err = stderr(&out);
    assert!(
        err.contains("built 1, unchanged 0, removed 0, failed 2"),
        "{err}"
    );
    assert!(
        err.contains("../escape.json: must be a relative path inside SRC"),
        "{err}"
    );
    assert!(err.contains("/etc/hostname: outside SRC"), "{err}");
    assert!(!root.join("escape").exists());
    assert!(root.join("out/nested/english/index.html").exists());
    assert!(!root.join("out/good").exists());
    // The shards of a split cover every article once.
    let mut built = 0;
    for k in 0..3 {
        let shard = format!("{k}/3");
        let run = build(&root, &["--shard", &shard, "--force"]);
        let err = stderr(&run);
        let n: usize = err
            .split("built ")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        built += n;
    }
    assert_eq!(built, 2);
}

#[test]
fn exit_statuses() {
    let root = site("statuses");
    // SRC missing: 3.
    let missing = path(&root, "nowhere");
    let out_dir = path(&root, "out");
    assert_eq!(
        warta(&["build", &missing, "-o", &out_dir]).status.code(),
        Some(3)
    );
    // Missing -o: usage, 2.
    assert_eq!(
        warta(&["build", &path(&root, "src")]).status.code(),
        Some(2)
    );
    // Assets missing: cannot read, 3.
    let no_assets = warta(&[
        "build",
        &path(&root, "src"),
        "-o",
        &out_dir,
        "--assets",
        &missing,
    ]);
    assert_eq!(no_assets.status.code(), Some(3), "{}", stderr(&no_assets));
    // Assets of a debug build (glue importing snippet files it would lose): 3.
    let debug_assets = site("debug-assets");
    fs::write(
        debug_assets.join("assets/warta-island.js"),
        "import * as s from './snippets/warta-0123/src/js/shape.js';",
    )
    .unwrap();
    let debug = build(&debug_assets, &[]);
    assert_eq!(debug.status.code(), Some(3), "{}", stderr(&debug));
    assert!(
        stderr(&debug).contains("debug build") && stderr(&debug).contains("trunk build --release"),
        "{}",
        stderr(&debug)
    );
    // OUT cannot be created (a file is in the way): 4.
    let blocked = path(&root, "blocked");
    fs::write(&blocked, "a file").unwrap();
    let out = warta(&[
        "build",
        &path(&root, "src"),
        "-o",
        &blocked,
        "--assets",
        &path(&root, "assets"),
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    // All good: 0.
    assert_eq!(build(&root, &[]).status.code(), Some(0));
}

#[test]
fn a_failed_write_leaves_no_partial_page_and_others_build() {
    let root = site("write-fails");
    // A directory where the page should go: the rename over it fails.
    fs::create_dir_all(root.join("out/good/index.html/occupied")).unwrap();
    let run = build(&root, &[]);
    assert_eq!(run.status.code(), Some(4), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("good.json: cannot write"),
        "{}",
        stderr(&run)
    );
    assert!(
        stderr(&run).contains("built 1, unchanged 0, removed 0, failed 1"),
        "{}",
        stderr(&run)
    );
    assert!(root.join("out/nested/english/index.html").is_file());
    // The temporary file was removed; nothing but the blocking folder is there.
    let left: Vec<_> = fs::read_dir(root.join("out/good"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, ["index.html"]);
    assert_whole_pages(&root.join("out"));
}

#[test]
fn a_killed_build_leaves_only_whole_pages() {
    let root = site("killed");
    let sample = fs::read_to_string("tests/fixtures/sample.json").unwrap();
    for i in 0..400 {
        fs::write(
            root.join(format!("src/a{i:03}.json")),
            sample.replace("Tiba di Beijing", &format!("Tiba di Beijing {i}")),
        )
        .unwrap();
    }
    let (src, out, assets) = (
        path(&root, "src"),
        path(&root, "out"),
        path(&root, "assets"),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args([
            "build", &src, "-o", &out, "--assets", &assets, "--jobs", "2",
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some pages exist (or when it has finished, which proves nothing
    // but is no failure): polling is bounded, nothing here depends on speed.
    for _ in 0..2000 {
        if files(&root.join("out"))
            .iter()
            .filter(|f| f.ends_with("index.html"))
            .count()
            >= 5
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    // Temporary files may remain after SIGKILL, but never as a page.
    for file in files(&root.join("out")) {
        if file.file_name().unwrap() == "index.html" {
            let html = fs::read_to_string(&file).unwrap();
            assert!(
                html.contains("</html>\n<!-- warta-build "),
                "partial page {}",
                file.display()
            );
        }
    }
    // The next build sweeps the temporaries and finishes the rest.
    let rest = build(&root, &[]);
    assert_eq!(rest.status.code(), Some(0), "{}", stderr(&rest));
    assert_whole_pages(&root.join("out"));
    assert_eq!(
        files(&root.join("out"))
            .iter()
            .filter(|f| f.ends_with("index.html"))
            .count(),
        402
    );
}

/// A real repository: `git diff --name-only` prints paths from its root,
/// with a changed, an added and a deleted article and a file that is no
/// article; the build takes that list as it is, from any folder.
#[test]
fn a_list_from_git_diff_builds_changes_and_removes_deleted_pages() {
    let root = site("git-list");
    let repo = root.join("repo");
    let articles = repo.join("content/articles");
    fs::create_dir_all(articles.join("2024")).unwrap();
    fs::copy(
        "tests/fixtures/sample.json",
        articles.join("2024/kept.json"),
    )
    .unwrap();
    fs::copy(
        "tests/fixtures/english.json",
        articles.join("2024/gone.json"),
    )
    .unwrap();
    let (src, out, assets) = (
        articles.to_string_lossy().into_owned(),
        path(&root, "out"),
        path(&root, "assets"),
    );
    let first = warta(&["build", &src, "-o", &out, "--assets", &assets]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(root.join("out/2024/gone/index.html").is_file());

    let sample = fs::read_to_string("tests/fixtures/sample.json").unwrap();
    fs::write(
        articles.join("2024/kept.json"),
        sample.replace("Tiba di Beijing", "Tiba di Beijing lagi"),
    )
    .unwrap();
    fs::copy(
        "tests/fixtures/rich-inline.json",
        articles.join("2024/new.json"),
    )
    .unwrap();
    fs::remove_file(articles.join("2024/gone.json")).unwrap();
    fs::write(repo.join("README.md"), "# articles\n").unwrap();
    // What `git diff --name-only HEAD~1` prints for that commit, from the root.
    let list = "README.md\n./content/articles/2024/gone.json\ncontent/articles/2024/kept.json\ncontent/articles/2024/new.json\n";
    let run = build_listed(
        &repo,
        &[src.as_str(), "-o", &out, "--assets", &assets],
        list,
    );
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains("built 2, unchanged 0, removed 1, failed 0"),
        "{err}"
    );
    assert!(
        err.contains("note: skipped README.md: not an article"),
        "{err}"
    );
    assert!(err.contains("removed 2024/gone/index.html"), "{err}");
    assert!(
        !root.join("out/2024/gone").exists(),
        "the deleted article's folder is gone"
    );
    assert!(fs::read_to_string(root.join("out/2024/kept/index.html"))
        .unwrap()
        .contains("Tiba di Beijing lagi"));
    assert!(root.join("out/2024/new/index.html").is_file());
    // Paths relative to SRC work as before.
    let again = warta(&[
        "build", &src, "-o", &out, "--assets", &assets, "--files", "-",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

/// With --prune a full build knows every article: a page whose JSON is
/// gone goes, and nothing a build did not write is touched, nor another
/// build's OUT inside this one. Without --prune nothing is removed.
#[test]
fn a_pruning_build_removes_pages_of_deleted_articles_only() {
    let root = site("prune");
    fs::create_dir_all(root.join("src/2024")).unwrap();
    fs::copy(
        "tests/fixtures/rich-inline.json",
        root.join("src/2024/harga.v2.json"),
    )
    .unwrap();
    assert_eq!(build(&root, &[]).status.code(), Some(0));
    fs::write(root.join("out/nested/own.html"), "the site's own file").unwrap();
    fs::create_dir_all(root.join("out/about")).unwrap();
    fs::write(root.join("out/about/index.html"), "<!DOCTYPE html>about").unwrap();
    // Another build's site inside this one (`warta build en -o out/en`).
    let (en_src, en_out) = (path(&root, "en"), path(&root, "out/en"));
    fs::create_dir_all(&en_src).unwrap();
    fs::copy("tests/fixtures/english.json", root.join("en/story.json")).unwrap();
    let en = warta(&[
        "build",
        &en_src,
        "-o",
        &en_out,
        "--assets",
        &path(&root, "assets"),
    ]);
    assert_eq!(en.status.code(), Some(0), "{}", stderr(&en));
    fs::remove_file(root.join("src/nested/english.json")).unwrap();
    fs::remove_file(root.join("src/2024/harga.v2.json")).unwrap();

    let kept = build(&root, &[]);
    assert!(stderr(&kept).contains("removed 0"), "{}", stderr(&kept));
    assert!(root.join("out/nested/english/index.html").is_file());

    let run = build(&root, &["--prune"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains("built 0, unchanged 1, removed 2, failed 0"),
        "{err}"
    );
    assert!(!root.join("out/nested/english").exists());
    assert!(!root.join("out/2024").exists(), "{err}");
    assert!(root.join("out/nested/own.html").is_file(), "{err}");
    assert!(root.join("out/about/index.html").is_file(), "{err}");
    assert!(root.join("out/en/story/index.html").is_file(), "{err}");
    assert!(root.join("out/good/index.html").is_file());
    // An empty SRC (a mount that failed) takes nothing down.
    fs::remove_file(root.join("src/good.json")).unwrap();
    let empty = build(&root, &["--prune"]);
    assert!(stderr(&empty).contains("removed 0"), "{}", stderr(&empty));
    assert!(root.join("out/good/index.html").is_file());
}

/// Lists as git prints them from anywhere in the repository: from inside
/// SRC, with paths outside SRC, and with git's quoting of non-ASCII names.
#[test]
fn a_list_resolves_from_any_folder_and_names_what_it_skips() {
    let root = site("list-anywhere");
    let articles = root.join("repo/articles");
    fs::create_dir_all(articles.join("2024")).unwrap();
    fs::copy("tests/fixtures/sample.json", articles.join("2024/a.json")).unwrap();
    fs::copy(
        "tests/fixtures/english.json",
        articles.join("2024/café.json"),
    )
    .unwrap();
    let (out, assets) = (path(&root, "out"), path(&root, "assets"));
    let list = "articles/2024/a.json\n\"articles/2024/caf\\303\\251.json\"\npackage.json\n";
    let run = build_listed(&articles, &[".", "-o", &out, "--assets", &assets], list);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains("built 2, unchanged 0, removed 0, failed 0"),
        "{err}"
    );
    assert!(root.join("out/2024/a/index.html").is_file(), "{err}");
    assert!(root.join("out/2024/café/index.html").is_file(), "{err}");
    assert!(
        err.contains("note: skipped package.json: no such article under SRC"),
        "{err}"
    );
}

/// The release bundle's glue names its snippets only as Wasm import
/// modules (the loader esbuild bundles keeps them as strings); a debug
/// bundle imports them as files. A refused bundle writes nothing.
#[test]
fn release_glue_is_taken_debug_glue_refused_and_nothing_left_behind() {
    let release = site("release-glue");
    fs::write(
        release.join("assets/warta-init.js"),
        // As in a release warta-init.js, where esbuild bundled the snippets in.
        r#"e.set(1027,!1)}},"./snippets/warta-cc27463410cdaa47/src/js/page-text.js":S,"./snippets/warta-cc27463410cdaa47/src/js/page-text.js":S}}function be(e,t){"#,
    )
    .unwrap();
    for ext in ["gz", "br"] {
        fs::write(release.join(format!("assets/warta.css.{ext}")), ext).unwrap();
    }
    let run = build(&release, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(fs::read(release.join("out/warta.css.br")).unwrap(), b"br");
    assert_eq!(fs::read(release.join("out/warta.css.gz")).unwrap(), b"gz");
    // A compressed copy the assets no longer have is not left to be served.
    fs::remove_file(release.join("assets/warta.css.br")).unwrap();
    assert_eq!(build(&release, &[]).status.code(), Some(0));
    assert!(!release.join("out/warta.css.br").exists());
    assert!(release.join("out/warta.css.gz").exists());
    // A copy older than its file is from an earlier build: refused.
    let css = release.join("assets/warta.css");
    let gz = fs::File::options()
        .write(true)
        .open(release.join("assets/warta.css.gz"))
        .unwrap();
    gz.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
    drop(gz);
    let stale = build(&release, &[]);
    assert_eq!(stale.status.code(), Some(3), "{}", stderr(&stale));
    assert!(
        stderr(&stale).contains("is older than"),
        "{}",
        stderr(&stale)
    );
    assert!(css.is_file());

    let debug = site("debug-glue");
    for glue in [
        // The first lines of a debug build's warta-island.js.
        "import { shapeText } from './snippets/warta-cc27463410cdaa47/src/js/shape.js';",
        "import * as import1 from \"./snippets/warta-cc27463410cdaa47/src/js/page-text.js\"",
        // Minified, and a dynamic import.
        "import*as s from\"./snippets/warta-0a1b/src/js/shape.js\"",
        "const m = await import('./snippets/warta-0a1b/inline0.js');",
    ] {
        fs::write(debug.join("assets/warta-island.js"), glue).unwrap();
        let run = build(&debug, &[]);
        assert_eq!(run.status.code(), Some(3), "{glue}: {}", stderr(&run));
        assert!(stderr(&run).contains("debug build"), "{}", stderr(&run));
        assert!(
            !debug.join("out").exists(),
            "{glue}: a refused build wrote OUT"
        );
    }
}

#[test]
fn usage_mistakes_are_named() {
    let root = site("usage");
    let (src, out) = (path(&root, "src"), path(&root, "out"));
    let zero = warta(&["build", &src, "-o", &out, "-j", "0"]);
    assert_eq!(zero.status.code(), Some(2), "{}", stderr(&zero));
    let missing = path(&root, "nowhere");
    let run = warta(&["build", &missing, "-o", &out]);
    assert_eq!(run.status.code(), Some(3));
    assert!(
        stderr(&run).contains("No such file or directory"),
        "{}",
        stderr(&run)
    );
    let file = path(&root, "src/good.json");
    let run = warta(&["build", &file, "-o", &out]);
    assert_eq!(run.status.code(), Some(3));
    assert!(
        stderr(&run).contains("it is a file, not a folder"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn list_pages_on_another_origin_carry_the_stylesheets_integrity() {
    let root = site("cdn-lists");
    // One site, one address: the sample's.
    fs::remove_file(root.join("src/nested/english.json")).unwrap();
    let built = build(
        &root,
        &[
            "--asset-base",
            "https://cdn.example/w",
            "--base-url",
            "https://visitaaponce.com/",
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let home = fs::read_to_string(root.join("out/index.html")).unwrap();
    let css = warta::integrity::digest(b"/* warta.css */");
    assert!(
        home.contains(&format!(
            "<link rel=\"stylesheet\" href=\"https://cdn.example/w/warta.css\" integrity=\"{css}\" crossorigin=\"anonymous\">"
        )),
        "{home}"
    );
}
