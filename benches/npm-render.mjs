// The npm package's server render in Node against the native one, timed in
// one run on one machine, and the package's size.
//
//   node benches/npm-render.mjs [--calls N] [--spawns N]
//
// After `bash scripts/npm-package.sh` (the tarball) and `cargo build
// --release --features cli` (the CLI). Installs the tarball into
// target/npm/bench with `npm install --offline`, then measures:
//   - warm, per call: `render(sample)` in Node (median of 15 batches of
//     --calls, default 200, after a warm-up) against the CLI's render in
//     process (`cargo bench --bench render`: parse+validate and the
//     fragment, the two steps `warta render` runs, criterion medians);
//   - cold, per process: `node` importing the package and rendering once
//     against `warta render tests/fixtures/sample.json` (median of
//     --spawns, default 30, each one process);
//   - size: the tarball (gzip, as npm downloads it) and installed (bytes of
//     every file, and du's disk use).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const REPO = resolve(import.meta.dirname, "..");
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
if (process.argv.includes("--help")) {
  console.log(readFileSync(new URL(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
  process.exit(0);
}
const CALLS = arg("calls", 200);
const SPAWNS = arg("spawns", 30);
const version = /^version = "(.*)"/m.exec(readFileSync(join(REPO, "Cargo.toml"), "utf8"))[1];
const tgz = join(REPO, `target/npm/warta-${version}.tgz`);
const warta = join(REPO, "target/release/warta");
const samplePath = join(REPO, "tests/fixtures/sample.json");
const sample = readFileSync(samplePath, "utf8");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const project = join(REPO, "target/npm/bench");
rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
writeFileSync(join(project, "package.json"), '{ "name": "warta-bench", "private": true, "type": "module" }\n');
execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tgz], { cwd: project, stdio: "inherit" });
const installed = join(project, "node_modules/warta");
const { render } = await import(pathToFileURL(join(installed, "index.js")).href);

// Same output first: the timings compare the same work.
const native = execFileSync(warta, ["render", samplePath], { encoding: "utf8" });
if (render(sample) !== native) throw new Error("render(sample) differs from warta render: not comparing like with like");

// Warm, in process: Node before and after the native run, so that a
// machine busy with other work shows in the spread.
for (let i = 0; i < CALLS * 5; i++) render(sample);
const nodeBatches = () => {
  const batches = [];
  for (let b = 0; b < 15; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) render(sample);
    batches.push(Number(process.hrtime.bigint() - start) / 1e3 / CALLS);
  }
  return median(batches);
};
const nodeBefore = nodeBatches();

const bench = execFileSync(
  "cargo",
  ["bench", "--quiet", "--features", "cli", "--bench", "render", "--", "--output-format", "bencher", "--warm-up-time", "1", "--measurement-time", "3", "sample"],
  { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
const perIter = (name) => {
  const line = bench.split("\n").find((l) => l.includes(`test ${name} `));
  if (!line) throw new Error(`no criterion line for ${name} in:\n${bench}`);
  return Number(/bench:\s*([\d,]+) ns\/iter/.exec(line)[1].replaceAll(",", "")) / 1e3;
};
const nativeRead = perIter("parse+validate sample");
const nativeFragment = perIter("server render sample (fragment with JSON)");
const nativeWarm = nativeRead + nativeFragment;
const nodeAfter = nodeBatches();
const nodeWarm = (nodeBefore + nodeAfter) / 2;

// Cold, a process each.
const timeSpawn = (command, args, options) => {
  const times = [];
  for (let i = 0; i < SPAWNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { encoding: "utf8", ...options });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0 || run.stdout !== native) throw new Error(`${command} ${args.join(" ")}: ${run.stderr}`);
  }
  return median(times);
};
const nativeCold = timeSpawn(warta, ["render", samplePath]);
const script = `import { readFileSync } from "node:fs"; import { render } from "warta"; process.stdout.write(render(readFileSync(${JSON.stringify(samplePath)}, "utf8")));`;
const nodeCold = timeSpawn(process.execPath, ["--input-type=module", "-e", script], { cwd: project });

// Size.
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const bytes = (paths) => paths.reduce((n, p) => n + statSync(p).size, 0);
const all = files(installed);
const disk = Number(execFileSync("du", ["-sk", installed], { encoding: "utf8" }).split("\t")[0]);

const row = (what, value) => console.log(`${what.padEnd(58)} ${value}`);
console.log(`warta ${version}, node ${process.version}, ${new Date().toISOString().slice(0, 16)}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}, ${cpus().length} cores`);
row("render(sample) in Node, warm, per call", `${nodeWarm.toFixed(1)} µs (${nodeBefore.toFixed(1)} before the native run, ${nodeAfter.toFixed(1)} after)`);
row("native, in process (parse+validate + fragment)", `${nativeWarm.toFixed(1)} µs (${nativeRead.toFixed(1)} + ${nativeFragment.toFixed(1)})`);
row("ratio, warm (Node / native)", `${(nodeWarm / nativeWarm).toFixed(2)}×`);
row("node process: import warta, render once", `${nodeCold.toFixed(1)} ms`);
row("warta render tests/fixtures/sample.json", `${nativeCold.toFixed(1)} ms`);
row("ratio, cold (Node / native)", `${(nodeCold / nativeCold).toFixed(2)}×`);
row("tarball (gzip)", `${statSync(tgz).size} B`);
row(`installed (${all.length} files)`, `${bytes(all)} B (du: ${disk} KiB)`);
row("  of it the Node Wasm (wasm/warta_node_bg.wasm)", `${statSync(join(installed, "wasm/warta_node_bg.wasm")).size} B`);
row("  of it the browser assets (assets/)", `${bytes(files(join(installed, "assets")))} B`);
