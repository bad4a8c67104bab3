/**
 * "Savings Plan commitment" on /: the business-hours example (examples/business-hours-commitment.json, computed by
 * hand in tests/unit/commitment/golden.test.ts) imported into the page gives 1 year $0.07899/h and 3 years
 * $0.05431/h, below the peak; the chart is drawn with a table alternative, axe finds nothing serious, and the
 * panel fits 375 px. Screenshots go to test-results/e2e/commitment-*.png.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openPanel, seriousViolations, waitLive } from "../support/e2e";

const root = path.resolve(__dirname, "../..");
const example = readFileSync(path.join(root, "examples", "business-hours-commitment.json"));
const shots = path.join(root, "test-results", "e2e");

async function importExample(page: Page) {
  await page.goto("/");
  await waitLive(page);
  await page.getByTestId("import-json").setInputFiles({ name: "business-hours.json", mimeType: "application/json", buffer: example });
  await expect(page.getByTestId("banner-import-ok")).toBeVisible();
  // Collapsed by default (issue 21): one click opens it.
  await openPanel(page, "commitment");
  await expect(page.getByTestId("commitment-week")).toContainText("office (x5, mon, tue, wed, thu, fri 8:00-20:00 UTC)");
}

test("business hours: the best commitment is the always-on level, below the peak, with its chart and table", async ({ page }) => {
  await importExample(page);
  const panel = page.getByTestId("commitment-panel");
  const table = panel.getByTestId("table-commitment");
  // Columns: 1 year and 3 years, recommended.
  const row = (header: string) => table.locator("tr").filter({ has: page.getByRole("rowheader", { name: header, exact: true }) });
  await expect(row("Commitment per month")).toBeVisible();
  await expect(table.locator("tbody tr").first()).toHaveText(/Commitment\s*\$0\.07899\/h\s*\$0\.05431\/h$/);
  // 1y: 3.31758 x 730 / 168 = $14.42; 3y: 7.464567 x 730 / 168 = $32.44; covering the peak loses $145.19 / $37.07.
  await expect(row("Net saving per month")).toHaveText(/\$14\.42\s*\$32\.44$/);
  await expect(row("Covering the busiest hour instead")).toHaveText(/\$0\.47395\/h:\s*-\$145\.19\s*\$0\.32584\/h:\s*-\$37\.07$/);
  await expect(row("Break-even")).toHaveText(/80% used,\s*134\.4 h\/week\s*55% used,\s*92\.4 h\/week$/);
  await expect(panel.getByTestId("commitment-why")).toContainText("above it in only 60");
  await expect(panel.locator('[data-testid="chart-commitment"] .recharts-line').first()).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('[data-testid="chart-commitment"] .recharts-line')).toHaveCount(2);
  await panel.getByText("Show as a table").click();
  await expect(panel.getByTestId("table-commitment-curve")).toContainText("$0.07899/h (recommended)");
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: path.join(shots, "commitment-desktop.png") });
});

test("EC2: says why no commitment can be sized on the bundled prices", async ({ page }) => {
  await importExample(page);
  await page.getByLabel("Usage to cover").selectOption("ec2");
  await expect(page.getByTestId("commitment-unavailable")).toContainText("No EC2 Savings Plans rates in the bundled sources");
});

test("axe: no serious or critical violation in the panel; it fits 375 px", async ({ page }) => {
  await importExample(page);
  const panel = page.getByTestId("commitment-panel");
  await expect(panel.locator('[data-testid="chart-commitment"] .recharts-line').first()).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page, { include: '[data-testid="commitment-panel"]' })).toEqual([]);

  await page.setViewportSize({ width: 375, height: 800 });
  await panel.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The summary table fits without scrolling sideways.
  const wrap = panel.getByRole("region", { name: /Recommended Savings Plan commitment/ });
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const box = await panel.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await panel.screenshot({ path: path.join(shots, "commitment-375.png") });
});
