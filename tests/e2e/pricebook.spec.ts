/**
 * Issue 25 on /: the price book (10% EDP on Fargate, a Compute Savings Plan, EC2 Spot and a NAT gateway: the
 * totals of tests/unit/pricebook/discounts-golden.test.ts, computed by hand there), a price book file imported,
 * sidecar presets moving 0.5 vCPU / 1 GiB to 1 vCPU / 2 GiB, the ECS Express Mode preset, the display currency;
 * share links round trip; screenshots of the controls at 1366 px and 375 px; axe on the new panels.
 */
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import LZString from "lz-string";
import { guard, openPanel, seriousViolations, shareToken, total, waitLive } from "../support/e2e";

const SHOTS = "test-results/issue25";
mkdirSync(SHOTS, { recursive: true });

// The golden input without the price book (us-east-1, catalog 2026-12-01).
const WITHOUT = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  fargate: { savingsPlan: "compute-1y" },
  ec2: { purchase: "spot", instanceTypes: ["m5.large"], networkMode: "bridge" },
  network: { natGateways: { count: 1, processedGBPerMonth: 100 } },
};
// By hand (tests/unit/pricebook/discounts-golden.test.ts): list -> after 10%.
const LIST = { fargate: 181.5104, "fargate-savings-plan": 152.67832, "fargate-spot": 83.2391724, ec2: 98.214 };
const NET = { fargate: 163.35936, "fargate-savings-plan": 137.410488, "fargate-spot": 74.91525516, ec2: 88.3926 };
const SHOWN = { fargate: "$163.36", "fargate-savings-plan": "$137.41", "fargate-spot": "$74.92", ec2: "$88.39" };

async function open(page: Page, input: unknown, viewport = { width: 1366, height: 900 }) {
  await page.setViewportSize(viewport);
  await page.goto(`/?s=${shareToken(input)}`);
  await waitLive(page, { region: "us-east-1" });
}

async function expectTotals(page: Page, expected: Record<string, number>) {
  for (const [id, usd] of Object.entries(expected)) await expect.poll(() => total(page, id)).toBeCloseTo(usd, 6);
}

test.describe("issue 25: price books, presets, display currency", () => {
  test("10% EDP typed in the form: each option's total and its negative line as computed by hand; the share link keeps it", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const problems = guard(page);
    await open(page, WITHOUT);
    await expectTotals(page, LIST);

    // The price book, the breakdown and the commitment sit in collapsed panels (the answer-first layout).
    await openPanel(page, "pricebook");
    await page.getByTestId("pricebook-panel").getByLabel("Apply a negotiated discount (EDP / private pricing)").check();
    await page.getByTestId("discount-percent").fill("10");
    await expectTotals(page, NET);
    for (const [id, text] of Object.entries(SHOWN)) await expect(page.getByTestId(`total-${id}`)).toHaveText(`${text} /month`);
    // The negative line: 10% of 181.5104 = -18.15104 -> -$18.15 (AmazonEC2 = the NAT gateway, AmazonECS = Fargate)
    await openPanel(page, "breakdown");
    const fargate = page.getByTestId("breakdown-fargate");
    await expect(fargate).toContainText("Negotiated discount -10% (AmazonEC2, AmazonECS)");
    await expect(fargate).toContainText("-$18.15");
    await expect(page.getByTestId("breakdown-ec2")).toContainText("-$9.82");
    await expect(page.getByTestId("breakdown-total-fargate")).toHaveText("$163.36");
    // The cost chart's table: the components, then the discount as a negative part, add up to the card's total.
    const costTable = page.getByTestId("table-cost");
    await page.locator("details", { has: costTable }).locator("summary").click();
    const fargateRow = costTable.locator("tr", { hasText: "Fargate (on-demand)" });
    await expect(fargateRow).toContainText("-$18.15");
    await expect(fargateRow).toContainText("$163.36");
    await page.getByTestId("chart-cost").scrollIntoViewIfNeeded();
    await page.locator("section[aria-labelledby=chart-cost-title]").screenshot({ path: `${SHOTS}/discount-chart-1366.png` });
    // The Savings Plan sizing says its dollars are after the price book
    await openPanel(page, "commitment");
    await expect(page.getByTestId("commitment-discount")).toContainText("10% discount on Fargate compute");

    // Screenshots of the discount control at 1366 px
    await page.getByTestId("pricebook-panel").scrollIntoViewIfNeeded();
    await page.getByTestId("pricebook-panel").screenshot({ path: `${SHOTS}/discount-1366.png` });
    await fargate.screenshot({ path: `${SHOTS}/discount-breakdown-1366.png` });
    expect(await seriousViolations(page, { include: "[data-testid=pricebook-panel]" })).toEqual([]);

    // Share link round trip: a fresh page at 375 px gets the same totals and the price book back in the form.
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    const token = new URL(link).searchParams.get("s")!.replace(/ /g, "+");
    const decoded = JSON.parse(LZString.decompressFromEncodedURIComponent(token.slice(3))!) as { discounts?: unknown };
    expect(decoded.discounts).toEqual({ percent: 10 });
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const other = await ctx.newPage();
    await other.goto(link.replace(/^https?:\/\/[^/]+/, ""));
    await waitLive(other, { region: "us-east-1" });
    await expectTotals(other, NET);
    await openPanel(other, "pricebook");
    await expect(other.getByTestId("discount-percent")).toHaveValue("10");
    const overflow = await other.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await other.getByTestId("pricebook-panel").scrollIntoViewIfNeeded();
    await other.getByTestId("pricebook-panel").screenshot({ path: `${SHOTS}/discount-375.png` });
    await ctx.close();
    expect(problems).toEqual([]);
  });

  test("a price book file is imported (per service and Spot excluded) and a bad one is refused with its field", async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, WITHOUT);
    await openPanel(page, "pricebook");
    const dir = path.join("test-results", "issue25");
    const good = path.join(dir, "book.json");
    writeFileSync(good, JSON.stringify({ name: "ACME EDP", percent: 10, byService: { AmazonEC2: 5 }, byCategory: { spot: 0, "nat-gateway": 0 } }));
    await page.getByTestId("price-book-file").setInputFiles(good);
    await expect(page.getByTestId("price-book-ok")).toContainText('Imported book.json ("ACME EDP")');
    // By hand: fargate 181.5104 - 10% of 144.1604 = 167.09436; fargate-spot unchanged 83.2391724; ec2 98.214 - 5% of 4.80 EBS = 97.974
    await expectTotals(page, { fargate: 167.09436, "fargate-spot": 83.2391724, ec2: 97.974 });
    await expect(page.getByTestId("discount-override-0")).toBeVisible();
    await page.getByTestId("pricebook-panel").screenshot({ path: `${SHOTS}/discount-overrides-1366.png` });
    const bad = path.join(dir, "bad-book.json");
    writeFileSync(bad, JSON.stringify({ percent: 120 }));
    await page.getByTestId("price-book-file").setInputFiles(bad);
    await expect(page.getByTestId("price-book-errors")).toContainText("percent");
    await expect(page.getByTestId("price-book-errors")).toContainText("must be <= 100");
    // the estimate kept the imported book
    await expectTotals(page, { fargate: 167.09436 });
  });

  test("sidecars: Envoy + Fluent Bit move 0.5 vCPU / 1 GiB to 1 vCPU / 2 GiB; Express Mode preset; display currency", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const problems = guard(page);
    const input = { version: 1, region: "us-east-1", catalog: "2026-12-01", services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 1 }] };
    await open(page, input);
    // 0.5 x 730 x 0.04048 + 1 x 730 x 0.004445 = 18.02005
    await expectTotals(page, { fargate: 18.02005 });
    await page.getByTestId("service-0-sidecars-more").locator("summary").click();
    await page.getByTestId("service-0-add-sidecar-envoy").click();
    await page.getByTestId("service-0-add-sidecar-fluent-bit").click();
    await expect(page.getByTestId("service-0-billed")).toContainText("1 vCPU / 2 GiB");
    // 1 vCPU / 2 GiB: 29.5504 + 6.4897 = 36.0401
    await expectTotals(page, { fargate: 36.0401 });
    await page.getByTestId("service-0-sidecars").scrollIntoViewIfNeeded();
    await page.getByTestId("service-0").screenshot({ path: `${SHOTS}/sidecars-1366.png` });
    expect(await seriousViolations(page, { include: "[data-testid=service-0-sidecars]" })).toEqual([]);

    // Display currency: EUR at the bundled ECB rate (1 EUR = 1.1607 USD): $36.04 -> 3604 / 1.1607 = 3105.02 -> €31.05
    await page.getByTestId("currency-code").selectOption("EUR");
    await expect(page.getByTestId("total-fargate")).toContainText("€31.05");
    await expect(page.getByTestId("currency-note")).toContainText("European Central Bank");
    await page.getByTestId("currency-panel").screenshot({ path: `${SHOTS}/currency-1366.png` });
    await page.getByTestId("summary-cards").screenshot({ path: `${SHOTS}/currency-cards-1366.png` });
    // an edited rate: 0.9 EUR per USD -> 36.04 x 0.9 = 32.436 -> €32.44
    await page.getByTestId("currency-rate").fill("0.9");
    await expect(page.getByTestId("total-fargate")).toContainText("€32.44");
    await page.getByTestId("currency-rate").fill("-1");
    await expect(page.getByTestId("currency-panel")).toContainText("must be a positive number");
    expect(await seriousViolations(page, { include: "[data-testid=currency-panel]" })).toEqual([]);
    // USD one click away
    await page.getByTestId("currency-usd").click();
    await expect(page.getByTestId("total-fargate")).toHaveText("$36.04 /month");

    // Express Mode preset: adds express-web with its ALB, addresses and log group: by hand $59.7651 for that service's
    // task + ALB + 2 addresses (its 1 GB of logs fits the CloudWatch Logs free tier; $60.2951 without it);
    // the estimate's total = 36.0401 (api) + 59.7651 = 95.8052
    await openPanel(page, "express");
    await page.getByTestId("add-express-service").click();
    await expect(page.getByTestId("express-added")).toContainText("Added “express-web”");
    await expect(page.getByTestId("express-assumptions")).toContainText("1 vCPU / 2 GB (cpu 1024, memory 2048)");
    await expectTotals(page, { fargate: 95.8052 });
    await page.getByTestId("express-panel").screenshot({ path: `${SHOTS}/express-1366.png` });
    expect(await seriousViolations(page, { include: "[data-testid=express-panel]" })).toEqual([]);

    // The same controls at 375 px
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const small = await ctx.newPage();
    await small.goto(`/?s=${shareToken({ ...input, services: [{ ...input.services[0], containers: [{ name: "ecs-service-connect-agent", vcpu: 0.25, memoryGiB: 0.0625, sidecar: "envoy" }, { name: "log_router", vcpu: 0, memoryGiB: 50 / 1024, sidecar: "fluent-bit" }] }] })}`);
    await waitLive(small, { region: "us-east-1" });
    await expectTotals(small, { fargate: 36.0401 });
    await small.getByTestId("currency-code").selectOption("JPY");
    // $36.04 x 176.45 / 1.1607 = 5478.81 -> ¥5,479
    await expect(small.getByTestId("total-fargate")).toContainText("¥5,479");
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await small.getByTestId("service-0-sidecars").scrollIntoViewIfNeeded();
    await small.getByTestId("service-0-sidecars").screenshot({ path: `${SHOTS}/sidecars-375.png` });
    await small.getByTestId("currency-panel").scrollIntoViewIfNeeded();
    await small.getByTestId("currency-panel").screenshot({ path: `${SHOTS}/currency-375.png` });
    await openPanel(small, "express");
    await small.getByTestId("express-panel").scrollIntoViewIfNeeded();
    await small.getByTestId("express-panel").screenshot({ path: `${SHOTS}/express-375.png` });
    await ctx.close();
    expect(problems).toEqual([]);
  });

  test("EKS: the sidecar buttons add containers to the pod; 0.5 vCPU / 1 GiB + Envoy + Fluent Bit -> a 1 vCPU / 2 GiB pod", async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, { version: 1, region: "us-east-1", catalog: "2026-12-01", orchestrator: "eks", services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 1 }] });
    // 0.5 vCPU / 1 GiB + 0.25 GiB = 1.25 GiB -> 0.5 vCPU / 2 GiB: 14.7752 + 6.4897 = 21.2649 + cluster fee 73 = 94.2649
    await expectTotals(page, { fargate: 94.2649 });
    await page.getByTestId("service-0-sidecars-more").locator("summary").click();
    await page.getByTestId("service-0-add-sidecar-envoy").click();
    await page.getByTestId("service-0-add-sidecar-fluent-bit").click();
    // requests 0.75 vCPU / 1138 MiB + 256 MiB -> 1 vCPU / 2 GiB: 36.0401 + 73 = 109.0401
    await expect(page.getByTestId("service-0-billed")).toContainText("Pod billed as 1 vCPU / 2 GiB");
    await expectTotals(page, { fargate: 109.0401 });
    await expect(page.getByTestId("service-0-container-0")).toBeVisible();
    await page.getByTestId("service-0").screenshot({ path: `${SHOTS}/sidecars-eks-1366.png` });
  });

  test("/compare: adding the price book is an input change of -$15.27 on the recommended option, with the discount line added", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/compare?old=${encodeURIComponent(shareToken(WITHOUT))}&new=${encodeURIComponent(shareToken({ ...WITHOUT, discounts: { percent: 10 } }))}`);
    await expect(page.getByTestId("old-side")).not.toHaveValue("");
    await page.getByTestId("compare").click();
    // recommended: SP 1y 152.68 -> 137.41 (15268 -> 13741 cents: -$15.27), all of it the input's doing
    await expect(page.getByTestId("compare-headline")).toContainText("$152.68 -> $137.41");
    await expect(page.getByTestId("compare-headline")).toContainText("input change -$15.27, price change $0.00");
    await expect(page.getByTestId("compare-lines-fargate-savings-plan")).toContainText("Negotiated discount -10% (AmazonEC2, AmazonECS)");
    await expect(page.getByTestId("compare-input-changes")).toContainText("discounts");
    await page.getByTestId("compare-lines-fargate-savings-plan").screenshot({ path: `${SHOTS}/compare-discount-1366.png` });
  });
});
