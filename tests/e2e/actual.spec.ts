/**
 * /actual in a real browser (issue 24 "must show" 3): the example estimate + a generated month of the bill ->
 * the variance report; Calibrate -> /compare shows the diff; a wrong file gets a message; a large bill read in
 * the worker is cancelled mid-read. Screenshots at 1366 px and 375 px.
 */
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { apiWebBillLines, MONTH } from "../support/api-web-bill";
import { cur2Records, focusRecords, toCsv, toGzip, toParquet } from "../support/bill";
import { guard, seriousViolations } from "../support/e2e";

const root = path.resolve(__dirname, "../..");
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(root, "test-results/screenshots", `${name}.png`), fullPage: true });
const lines = apiWebBillLines();

async function openWithExample(page: Page) {
  await page.goto("/actual");
  await expect(page.getByTestId("privacy-note")).toContainText("The bill never leaves your browser.");
  await page.getByTestId("use-example").click();
  await expect(page.getByTestId("estimate-summary")).toContainText("recommended: Fargate (on-demand) at $198.22/month");
}

for (const width of [1366, 375]) {
  test(`upload a bill -> report -> Calibrate -> /compare shows the diff (${width} px)`, async ({ page }) => {
    const problems = guard(page, { csp: true });
    await page.setViewportSize({ width, height: width === 375 ? 800 : 900 });
    await openWithExample(page);
    await page.getByTestId("bill-file").setInputFiles({ name: "focus-2026-11.csv.gz", mimeType: "application/gzip", buffer: Buffer.from(toGzip(toCsv(focusRecords(lines, MONTH, "1.0")))) });
    await expect(page.getByTestId("bill-status")).toContainText("FOCUS 1.0 (AWS), 2026-11; 197 rows read");
    // Hand-computed in tests/unit/actual/api-web-month.test.ts: $198.22055 estimated, $380.21471 actual.
    await expect(page.getByTestId("actual-total")).toHaveText("$380.21");
    await expect(page.getByTestId("gap-total")).toHaveText("+$181.99 (+91.8%)");
    await expect(page.getByTestId("top-gap")).toContainText("NAT processed 3,140 GB, none estimated: +$141.30.");
    await expect(page.getByTestId("variance-missing")).toContainText("Amazon Relational Database Service: $50.00");
    await shot(page, `actual-report-${width}`);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the screen but the tables, which scroll inside their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await page.getByTestId("calibrate").click();
    await expect(page.getByTestId("calibration")).toContainText("api: 4 -> 4.29 tasks");
    await expect(page.getByTestId("calibration")).toContainText("NAT gateways: 0 -> 1, 0 -> 3,140 GB processed a month");
    await shot(page, `actual-calibrated-${width}`);
    await page.getByTestId("open-compare").click();
    await expect(page).toHaveURL(/\/compare\?old=v1\..*&new=v1\./);
    await expect(page.getByTestId("compare-report")).toBeVisible();
    await expect(page.getByTestId("compare-headline")).toContainText("$");
    await expect(page.getByTestId("compare-input-changes")).toContainText("tasks");
    await shot(page, `actual-compare-${width}`);
    expect(problems).toEqual([]);
  });
}

test("CUR 2.0 Parquet gives the same totals; a CUR 1 file gets a message", async ({ page }) => {
  const problems = guard(page, { csp: true });
  await openWithExample(page);
  await page.getByTestId("bill-file").setInputFiles({ name: "cur2.parquet", mimeType: "application/vnd.apache.parquet", buffer: Buffer.from(toParquet(cur2Records(lines, MONTH))) });
  await expect(page.getByTestId("bill-status")).toContainText("CUR 2.0, 2026-11");
  await expect(page.getByTestId("actual-total")).toHaveText("$380.21");
  await page.getByTestId("bill-file").setInputFiles({ name: "cur1.csv", mimeType: "text/csv", buffer: Buffer.from("identity/LineItemId,lineItem/UsageType,lineItem/UnblendedCost\n1,BoxUsage:m5.large,1\n") });
  await expect(page.getByTestId("bill-error")).toContainText("legacy Cost and Usage Report (CUR 1");
  await shot(page, "actual-error-1366");
  await expect(page.getByTestId("variance-report")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a large bill is read in the worker with progress, and Cancel stops it", async ({ page }) => {
  await openWithExample(page);
  // ~250 MB of CSV that gzips to a few MB: the worker needs seconds, the upload does not.
  const csv = toCsv(focusRecords(lines, MONTH, "1.0"));
  const body = csv.slice(csv.indexOf("\n") + 1);
  const big = gzipSync(csv.slice(0, csv.indexOf("\n") + 1) + body.repeat(2000), { level: 1 });
  await page.getByTestId("bill-file").setInputFiles({ name: "big.csv.gz", mimeType: "application/gzip", buffer: big });
  await expect(page.getByTestId("bill-status")).toContainText("Reading");
  await page.getByTestId("bill-cancel").click();
  await expect(page.getByTestId("bill-status")).toContainText("Cancelled big.csv.gz");
  await expect(page.getByTestId("variance-report")).toHaveCount(0);
});
