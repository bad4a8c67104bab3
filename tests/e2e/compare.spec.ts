import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { guard, seriousViolations, shareToken as token, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";
const root = path.resolve(__dirname, "../..");
const oldInput = JSON.parse(readFileSync(path.join(root, "tests/unit/compare/fixtures/trainer-old.json"), "utf8"));
const newInput = JSON.parse(readFileSync(path.join(root, "tests/unit/compare/fixtures/trainer-new.json"), "utf8"));

test("compare two share links: the price change and the input change told apart (numbers of tests/unit/compare)", async ({ page }) => {
  const problems = guard(page);
  await page.goto(`/compare?old=${encodeURIComponent(token(oldInput))}&new=${encodeURIComponent(token(newInput))}`);
  await expect(page.getByTestId("old-side")).not.toHaveValue("");
  await page.getByTestId("max-increase-pct").fill("10");
  await page.getByTestId("compare").click();
  await expect(page.getByTestId("compare-headline")).toContainText(
    "Recommended monthly total: $25,842.16 -> $34,630.19, +$8,788.03 (+34%); input change +$17,315.10, price change -$8,527.07.",
  );
  await expect(page.getByTestId("compare-verdict")).toContainText("FAIL: over --max-increase-pct 10%");
  await expect(page.getByTestId("compare-lines-ec2")).toContainText("rate $35.39655 -> $23.71569");
  await expect(page.getByTestId("compare-input-changes")).toContainText("services[trainer].tasks");
  // Input changes come before the per-option and per-line tables (issue 21).
  const inputTop = await page.getByTestId("compare-input-changes").evaluate((el) => el.getBoundingClientRect().top);
  const optionsTop = await page.getByTestId("compare-options").evaluate((el) => el.getBoundingClientRect().top);
  expect(inputTop).toBeLessThan(optionsTop);
  // FOCUS 1.2 rows of the new side's recommended option: the same file as POST /api/export/focus for its input.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("focus-new").click()]);
  expect(download.suggestedFilename()).toMatch(/^focus-new-\d{4}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const month = download.suggestedFilename().slice("focus-new-".length, -".csv".length);
  const api = await page.request.post(`/api/export/focus?format=csv&option=recommended&month=${month}`, { data: newInput });
  expect(api.status()).toBe(200);
  expect(csv).toBe(await api.text());
  expect(csv.split("\n")[0]).toContain("BilledCost");
  await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("a side that is not an estimate is named in the errors; 'Compare with…' on / carries the current form", async ({ page }) => {
  const problems = guard(page);
  await page.goto("/compare");
  await page.getByTestId("old-side").fill("hello");
  await page.getByTestId("new-side").fill(JSON.stringify(newInput));
  await page.getByTestId("compare").click();
  // In words: which side, and the problem.
  await expect(page.getByTestId("compare-errors")).toContainText("Old estimate: is neither a share link");

  await page.goto("/");
  await waitLive(page);
  await page.getByTestId("compare-link").click();
  await expect(page).toHaveURL(/\/compare\?new=/);
  await expect(page.getByTestId("new-side")).toHaveValue(/^v1\./);
  await page.getByTestId("old-side").fill(await page.getByTestId("new-side").inputValue());
  await page.getByTestId("compare").click();
  await expect(page.getByTestId("compare-headline")).toContainText("$0.00");
  await expect(page.getByTestId("compare-report")).toContainText("None: the same input.");
  expect(problems).toEqual([]);
});

test("/compare with a report: no serious/critical axe violation, fits 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/compare?old=${encodeURIComponent(token(oldInput))}&new=${encodeURIComponent(token(newInput))}`);
  await expect(page.getByTestId("old-side")).not.toHaveValue("");
  await page.getByTestId("compare").click();
  await expect(page.getByTestId("compare-report")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/compare-375.png`, fullPage: true });
});
