/**
 * EKS Auto Mode on / (issue 22): the option's card, total and breakdown for the two hand-computed workloads of
 * tests/unit/engine/issue22-golden.test.ts, at 1366 px and 375 px, with screenshots under test-results/.
 */
import { expect, test } from "@playwright/test";
import { encodeShareToken } from "../../lib/share/codec";
import type { EstimateInputRaw } from "../../lib/schemas/estimate";
import { openPanel, waitLive } from "../support/e2e";

const eks = (services: EstimateInputRaw["services"], instanceTypes: string[]): EstimateInputRaw => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  orchestrator: "eks",
  eks: { clusters: 1 },
  services,
  ec2: { instanceTypes },
});

// Memory-bound: 8 pods of 0.25 vCPU / 3 GiB on r6i.large: 2 nodes, 183.96 instance + 22.0752 fee + 12.80 volume
// = 218.8352, + the cluster fee 73.00 (1 cluster x 730 h x $0.10) = 291.8352.
const MEMORY_BOUND = eks([{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 8 }], ["r6i.large"]);
// CPU-bound: 9 pods of 1 vCPU / 1 GiB on c6i.xlarge: 3 nodes, 372.30 + 44.676 fee + 19.20 volume = 436.176, + 73 = 509.176.
const CPU_BOUND = eks([{ name: "api", vcpu: 1, memoryGiB: 1, tasks: 9 }], ["c6i.xlarge"]);

test.describe("EKS Auto Mode on the page", () => {
  test("memory-bound and CPU-bound workloads: card, total and the fee line at 1366 px", async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/?s=" + encodeShareToken(MEMORY_BOUND));
    await waitLive(page);
    await expect(page.getByTestId("orchestrator")).toHaveValue("eks");
    const card = page.getByTestId("card-eks-auto-mode");
    await expect(card).toContainText("EKS Auto Mode (on-demand)");
    await expect.poll(async () => Number(await page.getByTestId("total-eks-auto-mode").getAttribute("data-usd"))).toBeCloseTo(291.8352, 6);
    // The breakdown is collapsed behind its one-line summary: open it.
    await openPanel(page, "breakdown");
    const breakdown = page.getByTestId("breakdown-eks-auto-mode");
    await expect(breakdown).toContainText("EKS Auto Mode management fee (r6i.large)");
    await expect(breakdown).toContainText("$22.08");
    await expect(breakdown).toContainText("EKS Auto Mode plan (AWS chooses the node types; instance + management fee)");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/eks-auto-mode-1366.png", fullPage: false });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/eks-auto-mode-1366-cards.png", fullPage: false });
    await breakdown.screenshot({ path: "test-results/eks-auto-mode-breakdown.png" });

    await page.goto("/?s=" + encodeShareToken(CPU_BOUND));
    await waitLive(page);
    await expect.poll(async () => Number(await page.getByTestId("total-eks-auto-mode").getAttribute("data-usd"))).toBeCloseTo(509.176, 6);
    await openPanel(page, "breakdown");
    await expect(page.getByTestId("breakdown-eks-auto-mode")).toContainText("EKS Auto Mode management fee (c6i.xlarge)");
    await expect(page.getByTestId("breakdown-eks-auto-mode")).toContainText("$44.68");
  });

  test("375 px: the Auto Mode card fits the phone, nothing wider than the viewport", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/?s=" + encodeShareToken(MEMORY_BOUND));
    await waitLive(page);
    await expect.poll(async () => Number(await page.getByTestId("total-eks-auto-mode").getAttribute("data-usd"))).toBeCloseTo(291.8352, 6);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/eks-auto-mode-375.png", fullPage: false });
    await page.getByTestId("card-eks-auto-mode").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/eks-auto-mode-375-card.png", fullPage: false });
  });
});

test("the catalog page says which types carry AWS's Managed Instances fee and which the derived 12%, and the Auto Mode fee", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/catalog");
  const row = page.locator('[data-testid="bill-table"] tr[data-region="us-east-1"]');
  await expect(row).toContainText("AWS's fee: 1 type (c6a.2xlarge); derived 12% of On-Demand:");
  await expect(row).toContainText("AWS's fee: no type; derived 12% of On-Demand:");
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/catalog-fees-1366.png", fullPage: false });
});

test("the CloudWatch Logs free tier is applied once and can be turned off in the form: +$2.65 for 20 GB kept 3 months", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const withLogs = eks([{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 8, logs: { ingestedGBPerMonth: 20, class: "standard", retentionMonths: 3 } }], ["r6i.large"]);
  await page.goto("/?s=" + encodeShareToken(withLogs));
  await waitLive(page);
  // 291.8352 + logs (20 - 5) x 0.50 + (60 - 5) x 0.03 = 9.15 -> 300.9852
  await expect.poll(async () => Number(await page.getByTestId("total-eks-auto-mode").getAttribute("data-usd"))).toBeCloseTo(300.9852, 6);
  await openPanel(page, "breakdown");
  await expect(page.getByTestId("breakdown-eks-auto-mode")).toContainText("CloudWatch Logs ingestion, free tier (first 5 GB a month)");
  await openPanel(page, "network");
  const box = page.getByLabel("Apply the CloudWatch Logs free tier (first 5 GB ingested and 5 GB-months stored a month, account-wide)");
  await expect(box).toBeChecked();
  await box.uncheck();
  // 20 x 0.50 + 60 x 0.03 = 11.80 -> 303.6352
  await expect.poll(async () => Number(await page.getByTestId("total-eks-auto-mode").getAttribute("data-usd"))).toBeCloseTo(303.6352, 6);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/logs-free-tier-1366.png", fullPage: false });
});
