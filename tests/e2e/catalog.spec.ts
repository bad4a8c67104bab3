import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

// Expected values come from the bundled data files, so the page is checked against what was generated.
const dataDir = path.join(process.cwd(), "data", "catalog");
const list = JSON.parse(readFileSync(path.join(dataDir, "index.json"), "utf8")) as { newest: string };
const index = JSON.parse(readFileSync(path.join(dataDir, list.newest, "index.json"), "utf8")) as {
  regions: { region: string; location: string; ec2InstanceTypes: number }[];
};

test.describe("catalog page", () => {
  test("lists the 36 Fargate regions with their dates and sizes, and the rest of the bill (desktop)", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/catalog");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Price catalog ${list.newest}`);
    const rows = page.locator('[data-testid="catalog-table"] tbody tr');
    await expect(rows).toHaveCount(36);
    expect(index.regions).toHaveLength(36);
    await expect(page.getByTestId("region-count")).toHaveText("36");

    const usEast1 = page.locator('[data-testid="catalog-table"] tr[data-region="us-east-1"]');
    await expect(usEast1.getByRole("rowheader")).toContainText("US East (N. Virginia)");
    // AWS ECS feed 2025-10-27: $0.04048 per vCPU-hour, $0.004445 per GB-hour
    await expect(usEast1).toContainText("$0.04048 per vCPU-hour");
    await expect(usEast1).toContainText("$0.004445 per GB-hour");
    await expect(usEast1).toContainText("Windows: published");
    await expect(usEast1).toContainText("EC2 2026-07-20");
    await expect(usEast1).toContainText("Fargate Spot 2026-09-28, 2026-09-29");
    const types = index.regions.find((r) => r.region === "us-east-1")!.ec2InstanceTypes;
    expect(types).toBeGreaterThanOrEqual(1300);
    await expect(usEast1).toContainText(types.toLocaleString("en-US"));

    const apSouth1 = page.locator('[data-testid="catalog-table"] tr[data-region="ap-south-1"]');
    await expect(apSouth1).toContainText("ARM: published");
    await expect(apSouth1).toContainText("Windows: published");
    await expect(apSouth1).toContainText("EC2 2025-06-13, 2025-11-04");
    // a region new in this snapshot, without Windows or Spot data
    const taipei = page.locator('[data-testid="catalog-table"] tr[data-region="ap-east-2"]');
    await expect(taipei).toContainText("Windows: not available");
    await expect(taipei).toContainText("x86: not available");
    await expect(page.getByTestId("catalog-sources")).toContainText("2026-07-20");

    // The rest of the bill, per region, with dates.
    const bill = page.locator('[data-testid="bill-table"] tbody tr');
    await expect(bill).toHaveCount(36);
    const usBill = page.locator('[data-testid="bill-table"] tr[data-region="us-east-1"]');
    await expect(usBill).toContainText("Published2025-06-05"); // load balancers (badge + date)
    // Managed Instances fee: AWS's own for c6a.2xlarge (pricing-page example), the 12% rule for the rest (issue 22)
    await expect(usBill).toContainText("Partly published2025-10-27AWS's fee: 1 type (c6a.2xlarge); derived 12% of On-Demand");
    await expect(usBill).toContainText("ECS table 2023-04-18");
    const nzBill = page.locator('[data-testid="bill-table"] tr[data-region="ap-southeast-6"]');
    await expect(nzBill).toContainText("Not available");

    // On a desktop the whole table fits: no sideways scrolling needed.
    const tableOverflow = await page.getByRole("region", { name: /Regions in price catalog/ }).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(tableOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/catalog-desktop.png", fullPage: true });
    await page.locator('[data-testid="catalog-table"] tr[data-region="us-east-1"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/catalog-desktop-us-east-1.png" });
    await page.locator('[data-testid="bill-table"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/catalog-desktop-bill.png" });

    // Every charge of lib/charges, with the regions that can price it (issue 20): gp3 IOPS from the EBS feed in 31 of 36.
    const charges = page.locator('[data-testid="charges-table"] tbody tr');
    await expect(charges).toHaveCount(34);
    const iops = page.locator('[data-testid="charges-table"] tr[data-charge="ebs-gp3-iops"]');
    await expect(iops).toContainText("EBS gp3 provisioned IOPS");
    await expect(iops).toContainText("Amazon Elastic Block Store");
    await expect(iops).toContainText("31 of 36");
    await expect(iops).toContainText("docs/billing-rules.md#gp3-iops-throughput");
    await page.locator('[data-testid="charges-table"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/catalog-desktop-charges.png" });
  });

  test("is usable on a 375 px phone: no page-level horizontal overflow, table scrolls in its region", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/catalog");
    await expect(page.locator('[data-testid="catalog-table"] tbody tr')).toHaveCount(36);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const scroller = page.getByRole("region", { name: /Regions in price catalog/ });
    await expect(scroller).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/catalog-375.png", fullPage: false });
    // The charges table scrolls in its own region too; the charge column stays in place.
    const charges = page.getByRole("region", { name: /charges an estimate can have/ });
    await charges.scrollIntoViewIfNeeded();
    await expect(charges.locator('tr[data-charge="ebs-gp3-iops"]')).toContainText("31 of 36");
    await page.screenshot({ path: "test-results/screenshots/catalog-375-charges.png", fullPage: false });
  });

  test("has no axe-core accessibility violations (WCAG 2 A/AA)", async ({ page }) => {
    await page.goto("/catalog");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
  });

  test("API lists catalogs and serves region files; unknown region is a 404 with a message", async ({ request }) => {
    const res = await request.get("/api/catalog");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { newest: string; catalogIds: string[]; regions: { region: string; url: string }[] };
    expect(body.newest).toBe(list.newest);
    expect(body.regions).toHaveLength(36);
    const region = await request.get(`/api/catalog/${list.newest}/eu-west-1`);
    expect(region.status()).toBe(200);
    const file = (await region.json()) as { region: string; fargate: { linuxX86: { vcpuHour: { usd: number } } } };
    expect(file.region).toBe("eu-west-1");
    expect(file.fargate.linuxX86.vcpuHour.usd).toBe(0.04048);
    const missing = await request.get(`/api/catalog/${list.newest}/mars-north-1`);
    expect(missing.status()).toBe(404);
    const err = (await missing.json()) as { message: string };
    expect(err.message).toContain('Region "mars-north-1" is not in price catalog');
    expect(err.message).toContain("us-east-1");
    const badId = await request.get(`/api/catalog/1999-01-01/us-east-1`);
    expect(badId.status()).toBe(404);
    expect(((await badId.json()) as { message: string }).message).toContain(list.newest);
  });
});
