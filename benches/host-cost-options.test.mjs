// The host-cost benchmark's command line, without a browser:
//   node --test benches/host-cost-options.test.mjs
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseOptions, UsageError } from "./host-cost-options.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = fileURLToPath(new URL("host-cost.mjs", import.meta.url));

// A build folder with one of warta's assets, an empty folder and a file.
const scratch = mkdtempSync(join(tmpdir(), "host-cost-options-"));
const build = join(scratch, "dist");
mkdirSync(build);
writeFileSync(join(build, "warta-init.js"), "");
const empty = join(scratch, "empty");
mkdirSync(empty);
const file = join(scratch, "article.json");
writeFileSync(file, "{}");
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The UsageError parseOptions throws for `argv`, checked to be one. */
function refused(argv) {
  let thrown;
  assert.throws(
    () => parseOptions(argv),
    (error) => {
      thrown = error;
      return error instanceof UsageError && error.exitCode === 2;
    },
  );
  assert.doesNotMatch(thrown.message, /\n/, "one line");
  return thrown.message;
}

describe("parseOptions", () => {
  test("no options: the documented defaults", () => {
    assert.deepEqual(parseOptions([]), {
      help: false,
      runs: 10,
      encoding: "br",
      load: "",
      article: "tests/fixtures/sample.json",
      hero: false,
      profiles: ["phone", "desktop"],
      dist: "dist",
      warta: "target/release/warta",
      repeat: false,
      debug: false,
      traces: "",
      untraced: false,
      compare: "",
      floor: false,
      tasks: false,
      jsFlags: "",
    });
  });

  test("an unknown option is a usage error", () => {
    assert.equal(refused(["--bogus"]), 'unknown option "--bogus"');
    assert.equal(refused(["--runs", "5", "--bogus=1"]), 'unknown option "--bogus"');
    assert.equal(refused(["-x"]), 'unknown option "-x"');
  });

  test("a stray argument is a usage error", () => {
    assert.match(refused(["5"]), /^unexpected argument "5"/);
    assert.match(refused(["--runs", "5", "7"]), /^unexpected argument "7"/);
  });

  test("--runs abc, 0, -1, 1.5, 1e3, empty are refused", () => {
    assert.equal(refused(["--runs", "abc"]), '--runs: expected a whole number ≥ 1, got "abc"');
    assert.equal(refused(["--runs", "0"]), '--runs: expected a whole number ≥ 1, got "0"');
    assert.equal(refused(["--runs=-1"]), '--runs: expected a whole number ≥ 1, got "-1"');
    assert.equal(refused(["--runs", "1.5"]), '--runs: expected a whole number ≥ 1, got "1.5"');
    assert.equal(refused(["--runs", "1e3"]), '--runs: expected a whole number ≥ 1, got "1e3"');
    assert.equal(refused(["--runs", ""]), '--runs: expected a value, got ""');
  });

  test("--runs 5 and --runs=5", () => {
    assert.equal(parseOptions(["--runs", "5"]).runs, 5);
    assert.equal(parseOptions(["--runs=5"]).runs, 5);
  });

  test("a missing value is a usage error", () => {
    assert.equal(refused(["--runs"]), "--runs: expected a value");
    assert.match(refused(["--runs", "--hero"]), /^--runs: expected a value, got "--hero"/);
    assert.match(refused(["--runs", "-1"]), /^--runs: expected a value, got "-1" \(.*--runs=-1\)$/);
    assert.equal(refused(["--compare"]), "--compare: expected a value");
    assert.equal(refused(["--js-flags"]), "--js-flags: expected a value");
    assert.equal(refused(["--js-flags", "--runs", "5"]), '--js-flags: expected V8 flags, got host-cost\'s own option "--runs"');
  });

  test("a flag given a value is a usage error", () => {
    assert.equal(refused(["--hero=yes"]), "--hero: takes no value");
  });

  test("an option given twice is a usage error", () => {
    assert.equal(refused(["--runs", "5", "--runs=10"]), '--runs: given twice ("5" and "10"); give it once');
  });

  test("--encoding and --load take only their documented values", () => {
    for (const encoding of ["br", "gzip", "identity"]) assert.equal(parseOptions(["--encoding", encoding]).encoding, encoding);
    assert.equal(refused(["--encoding", "zstd"]), '--encoding: expected br, gzip, identity, got "zstd"');
    for (const load of ["eager", "idle", "visible", "interaction"]) assert.equal(parseOptions(["--load", load]).load, load);
    assert.equal(refused(["--load", "lazy"]), '--load: expected eager, idle, visible, interaction, got "lazy"');
  });

  test("--profiles chooses the profiles, in order", () => {
    assert.deepEqual(parseOptions(["--profiles", "phone-1x"]).profiles, ["phone-1x"]);
    assert.deepEqual(parseOptions(["--profiles", "phone,desktop,phone-1x"]).profiles, ["phone", "desktop", "phone-1x"]);
    assert.deepEqual(parseOptions(["--profiles", "phone-1x,phone"]).profiles, ["phone-1x", "phone"]);
    assert.equal(refused(["--profiles", "tablet"]), '--profiles: unknown profile "tablet"; expected phone, desktop, phone-1x');
    assert.match(refused(["--profiles", "phone,"]), /^--profiles: expected profile names separated by commas/);
  });

  test("--compare needs a readable build folder, and not --floor", () => {
    assert.equal(parseOptions(["--compare", build]).compare, build);
    assert.equal(refused(["--compare", join(scratch, "missing")]), `--compare: no such folder "${join(scratch, "missing")}"`);
    assert.equal(refused(["--compare", file]), `--compare: "${file}" is not a folder`);
    assert.match(refused(["--compare", empty]), /^--compare: ".*" holds none of warta's assets/);
    assert.equal(refused(["--compare", build, "--floor"]), "--compare and --floor both choose the third page; give one of them");
    assert.equal(refused(["--floor", "--compare", build]), "--compare and --floor both choose the third page; give one of them");
    assert.equal(parseOptions(["--floor"]).floor, true);
  });

  test("paths given are checked: --dist, --article, --warta, --traces", () => {
    assert.equal(parseOptions(["--dist", build]).dist, build);
    assert.match(refused(["--dist", empty]), /^--dist: ".*" holds none of warta's assets/);
    assert.equal(parseOptions(["--article", file]).article, file);
    assert.equal(refused(["--article", join(scratch, "missing.json")]), `--article: no such file "${join(scratch, "missing.json")}"`);
    assert.equal(refused(["--article", build]), `--article: "${build}" is not a file`);
    assert.equal(parseOptions(["--warta", process.execPath]).warta, process.execPath);
    assert.equal(parseOptions(["--warta", "warta"]).warta, "warta"); // looked up on PATH
    assert.equal(refused(["--warta", join(scratch, "warta")]), `--warta: no such file "${join(scratch, "warta")}"`);
    assert.equal(parseOptions(["--traces", join(scratch, "traces")]).traces, join(scratch, "traces"));
    assert.equal(refused(["--traces", file]), `--traces: "${file}" is not a folder`);
  });

  test("every documented option, as documented", () => {
    const traces = join(scratch, "traces");
    const options = parseOptions([
      ...["--runs", "30", "--encoding", "gzip", "--load", "idle", "--article", file, "--hero"],
      ...["--profiles", "phone,phone-1x", "--dist", build, "--warta", process.execPath, "--repeat", "--debug"],
      ...["--traces", traces, "--untraced", "--floor", "--tasks", "--js-flags", "--no-wasm-lazy-compilation"],
    ]);
    assert.deepEqual(options, {
      help: false,
      runs: 30,
      encoding: "gzip",
      load: "idle",
      article: file,
      hero: true,
      profiles: ["phone", "phone-1x"],
      dist: build,
      warta: process.execPath,
      repeat: true,
      debug: true,
      traces,
      untraced: true,
      compare: "",
      floor: true,
      tasks: true,
      jsFlags: "--no-wasm-lazy-compilation",
    });
    assert.equal(parseOptions(["--js-flags=--a --b", "--tasks"]).jsFlags, "--a --b");
    assert.equal(parseOptions(["--js-flags", "--a --b", "--tasks"]).jsFlags, "--a --b");
  });

  test("--help and -h ask for the usage, whatever else is given", () => {
    assert.deepEqual(parseOptions(["--help"]), { help: true });
    assert.deepEqual(parseOptions(["-h"]), { help: true });
    assert.deepEqual(parseOptions(["--runs", "abc", "--help"]), { help: true });
  });
});

/** The script itself, as a child; CHROMIUM points nowhere, so no browser could start. */
function run(...args) {
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30000,
    env: { ...process.env, CHROMIUM: join(scratch, "no-chromium") },
  });
}

describe("node benches/host-cost.mjs", () => {
  const usageHint = /^usage: node benches\/host-cost\.mjs /m;

  test("--runs abc: exit status 2, one line and the usage on stderr", () => {
    const child = run("--runs", "abc");
    assert.equal(child.status, 2, child.stderr);
    assert.equal(child.stderr.split("\n")[0], 'host-cost: --runs: expected a whole number ≥ 1, got "abc"');
    assert.match(child.stderr, usageHint);
    assert.equal(child.stdout, "");
  });

  test("--bogus: exit status 2, one line and the usage on stderr", () => {
    const child = run("--bogus");
    assert.equal(child.status, 2, child.stderr);
    assert.equal(child.stderr.split("\n")[0], 'host-cost: unknown option "--bogus"');
    assert.match(child.stderr, usageHint);
    assert.equal(child.stdout, "");
  });

  test("--compare with --floor: exit status 2", () => {
    const child = run("--compare", build, "--floor");
    assert.equal(child.status, 2, child.stderr);
    assert.equal(child.stderr.split("\n")[0], "host-cost: --compare and --floor both choose the third page; give one of them");
  });

  test("--help: the usage on stdout, exit status 0", () => {
    const child = run("--help");
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, usageHint);
    assert.match(child.stdout, /--profiles NAMES/);
    assert.equal(child.stderr, "");
  });
});
