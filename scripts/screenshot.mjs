// Screenshots of a page at phone and desktop widths in Debian's Chromium,
// the mount states it reached and the cumulative layout shift. Usage:
//   node scripts/screenshot.mjs URL OUT_PREFIX [--focus N]
// --focus N presses Tab N times first, to show keyboard focus.
import { chromium } from "playwright-core";

const [url, prefix = "shot", ...rest] = process.argv.slice(2);
const focusIndex = rest.indexOf("--focus");
const tabs = focusIndex >= 0 ? Number(rest[focusIndex + 1]) : 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const [name, width, height] of [["mobile", 390, 844], ["desktop", 1280, 900]]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    page.on("console", (msg) => console.log(`[${name}] console.${msg.type()}: ${msg.text()}`));
    page.on("pageerror", (err) => console.log(`[${name}] page error: ${err.message}`));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => [...document.querySelectorAll("[data-warta]")].every((m) => m.dataset.wartaState), null, { timeout: 10000 });
    for (let i = 0; i < tabs; i++) await page.keyboard.press("Tab");
    // Cumulative layout shift since navigation, hydration included.
    const cls = await page.evaluate(() => new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
      setTimeout(() => resolve(total), 500);
    }));
    console.log(`${name}: cumulative layout shift ${cls.toFixed(4)}`);
    const states = await page.$$eval("[data-warta]", (ms) => ms.map((m) => m.dataset.wartaState));
    console.log(`${name}: states ${states.join(",")}; focused: ${await page.evaluate(() => document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent?.slice(0, 40))}`);
    await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
    await page.screenshot({ path: `${prefix}-${name}-top.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
