//! Throughput of `warta build`: 10,000 generated articles (the fixtures,
//! each with its own headline and URL, so sizes are those of real
//! articles) built on one core and on all cores, with peak memory.
//!
//! ```text
//! cargo bench --features cli --bench build
//! WARTA_BENCH_ARTICLES=2000 cargo bench --features cli --bench build
//! ```
//!
//! Prints figures rather than asserting them (see docs/performance.md,
//! "Site build throughput").

use std::fs;
use std::path::Path;
use std::time::Instant;

use warta::build::{build, BuildOptions};

const FIXTURES: &[&str] = &[
    "tests/fixtures/sample.json",
    "tests/fixtures/english.json",
    "tests/fixtures/long-bilingual.json",
    "tests/fixtures/rich-inline.json",
];

fn main() {
    let count: usize = std::env::var("WARTA_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-build");
    let _ = fs::remove_dir_all(&root);
    let src = root.join("src");
    let mut bytes = 0usize;
    let fixtures: Vec<serde_json::Value> = FIXTURES
        .iter()
        .map(|f| serde_json::from_str(&fs::read_to_string(f).expect("fixture")).expect("JSON"))
        .collect();
    for i in 0..count {
        let mut article = fixtures[i % fixtures.len()].clone();
        let title = format!("{} ({i})", article["title"].as_str().unwrap_or("Artikel"));
        article["title"] = title.into();
        article["url"] = format!("https://example.com/{}/artikel-{i}", i / 100).into();
        // A hundred articles a folder, as a date-organised archive would be.
        let dir = src.join(format!("{:03}", i / 100));
        fs::create_dir_all(&dir).expect("source folder");
        let json = serde_json::to_string_pretty(&article).expect("serialises");
        bytes += json.len();
        fs::write(dir.join(format!("artikel-{i}.json")), json).expect("write article");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{count} articles, {:.1} KiB of JSON on average; {cores} cores",
        bytes as f64 / count as f64 / 1024.0
    );

    for (label, jobs) in [("1 core", Some(1)), ("all cores", None)] {
        reset_peak_memory();
        let options = BuildOptions {
            src: src.clone(),
            out: root.join("out"),
            assets: None,
            asset_base: Some("/assets/".to_owned()),
            files: None,
            shard: None,
            jobs,
            force: true,
            ..BuildOptions::default()
        };
        let (start, cpu_start) = (Instant::now(), cpu_seconds());
        let report = build(&options, |_| {}).expect("build runs");
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(
            report.built,
            count,
            "every article builds: {:?}",
            report.failed.first()
        );
        // CPU time over wall time: how many cores the build actually got,
        // which on a shared machine can be fewer than it asked for.
        let cores_used = cpu_seconds()
            .zip(cpu_start)
            .map(|(end, start)| (end - start) / seconds);
        println!(
            "build, {label}: {:.0} articles/s ({seconds:.2} s), {} cores busy on average, peak memory {}",
            count as f64 / seconds,
            cores_used.map_or_else(|| "n/a".to_owned(), |c| format!("{c:.2}")),
            peak_memory()
        );
    }
    // An up-to-date tree: only the hashes are checked.
    let options = BuildOptions {
        src: src.clone(),
        out: root.join("out"),
        asset_base: Some("/assets/".to_owned()),
        ..BuildOptions::default()
    };
    let start = Instant::now();
    let report = build(&options, |_| {}).expect("build runs");
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(report.unchanged, count);
    println!(
        "second build, nothing changed, all cores: {:.0} articles/s ({seconds:.2} s)",
        count as f64 / seconds
    );
}

/// User plus system CPU time of this process so far (Linux, 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Resets the kernel's peak resident set (Linux), so each run reports its own.
fn reset_peak_memory() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident set size of this process (VmHWM), or "n/a" off Linux.
fn peak_memory() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or_else(
            || "n/a".to_owned(),
            |kib| format!("{:.0} MiB", kib / 1024.0),
        )
}
