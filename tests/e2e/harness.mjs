// What the end-to-end checks share: a folder served on loopback under a
// strict Content-Security-Policy, Debian's Chromium started for a closed
// network, outside requests kept off the network, and ok/FAIL counting.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; object-src 'none'; base-uri 'none'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#9aa3ad"/></svg>';

/** Serves `root` (a folder's `index.html` for its path) under the CSP; resolves to its origin. */
export async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "content-security-policy": CSP });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * Debian's Chromium; without the background-networking flags it floods the
 * closed network. `args` adds flags (the host-cost benchmark's network rule).
 */
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...args],
  });
}

/**
 * Keeps the page off the network: the article's photos get a grey stand-in,
 * anything else outside `origin` is refused. Outside URLs are pushed to `seen`.
 */
export function keepOffline(page, origin, seen = []) {
  return page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    seen.push(url);
    if (route.request().resourceType() === "image") {
      return route.fulfill({ contentType: "image/svg+xml", body: PLACEHOLDER });
    }
    return route.abort();
  });
}

/** ok/FAIL lines; `finish()` prints the count and exits 1 on any failure. */
export function checks(name) {
  let passed = 0;
  let failed = 0;
  return {
    check(ok, what) {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    },
    finish() {
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
