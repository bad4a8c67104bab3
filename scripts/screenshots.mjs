#!/usr/bin/env node
// Full-page screenshots of /, /compare, /rightsize and /catalog at 1366x900 and 375x812, with each page's
// height and its count of visible form controls, for looking at the pages as a first-time visitor would
// (issue 21). Needs a running server: node scripts/screenshots.mjs --url http://127.0.0.1:3205 --out test-results/screens/after
// Prints one JSON line per page and writes heights.json next to the PNGs.
import { chromium } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const base = opt("--url", `http://127.0.0.1:${process.env.E2E_PORT ?? 3205}`);
const out = opt("--out", "test-results/screens/now");
const pages = ["/", "/compare", "/rightsize", "/catalog"];
const sizes = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 375, height: 812 },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const rows = [];
try {
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1, isMobile: size.name === "phone", hasTouch: size.name === "phone" });
    for (const p of pages) {
      const page = await context.newPage();
      await page.goto(base + p, { waitUntil: "networkidle" });
      await page.waitForTimeout(1500);
      const m = await page.evaluate(() => {
        const visible = (el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
        };
        const controls = [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button")].filter(visible);
        return { height: document.documentElement.scrollHeight, controls: controls.length, aboveFold: controls.filter((c) => c.getBoundingClientRect().top < innerHeight).length };
      });
      const file = path.join(out, `${size.name}${p === "/" ? "-home" : p.replace(/\//g, "-")}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const row = { size: size.name, page: p, ...m, file };
      rows.push(row);
      console.log(JSON.stringify(row));
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
writeFileSync(path.join(out, "heights.json"), JSON.stringify(rows, null, 2) + "\n");
