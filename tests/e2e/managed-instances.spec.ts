/**
 * ECS Managed Instances on `/`: the card, the breakdown with the management-fee line, the plan, the crossover
 * table's series, and screenshots (desktop and 375 px). Numbers: the memory-bound golden workload
 * (tests/unit/engine/managed-instances-fixtures.ts, hand arithmetic in tests/unit/engine/managed-instances.test.ts):
 * 2 x r6i.large, $183.96 instance + $22.0752 fee + $4.80 volume = $210.84/month.
 */
import { test, expect } from "@playwright/test";
import { guard, shareToken, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";
const MI = "ecs-managed-instances";

const memoryBound = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "cache", vcpu: 0.25, memoryGiB: 3, tasks: 6 }],
  ec2: { instanceTypes: ["m6i.large", "r6i.large"], eniTrunking: true },
};

test.describe("ECS Managed Instances on the estimator page", () => {
  test("the default page already shows the option, priced, in the first HTML", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toMatch(new RegExp(`data-testid="total-${MI}"[^>]*data-usd="\\d`));
  });

  test("card, breakdown with the fee line, plan and crossover series for the memory-bound workload", async ({ page }) => {
    const problems = guard(page);
    await page.goto("/?s=" + shareToken(memoryBound) + "&open=breakdown");
    await waitLive(page);
    await expect(page.getByTestId(`card-${MI}`)).toContainText("ECS Managed Instances (on-demand)");
    await expect(page.getByTestId(`total-${MI}`)).toContainText("$210.84");
    const breakdown = page.getByTestId(`breakdown-${MI}`);
    await expect(breakdown).toContainText("ECS Managed Instances management fee (r6i.large)");
    await expect(breakdown).toContainText("USE1-ECS-Managed-Instances:r6i.large");
    await expect(breakdown).toContainText("$22.08");
    await expect(page.getByTestId(`breakdown-total-${MI}`)).toHaveText("$210.84");
    const plan = page.getByTestId(`plan-${MI}`);
    await expect(plan).toContainText("Managed Instances plan (AWS may launch other types)");
    await expect(plan).toContainText("r6i.large");
    await expect(plan).toContainText("may launch other types than this plan");
    await expect(page.getByTestId("table-crossover").locator("thead")).toContainText("Managed Instances");
    await expect(page.getByTestId("crossover-mi-text")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("screenshots of / with the option: desktop and 375 px (no horizontal overflow)", async ({ page }) => {
    guard(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/");
    await waitLive(page);
    await expect(page.getByTestId(`card-${MI}`)).toBeVisible();
    await expect(page.locator('[data-testid="chart-cost"] .recharts-bar-rectangle path').first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/managed-instances-desktop.png`, fullPage: true });
    await page.getByTestId("summary-cards").screenshot({ path: `${SHOTS}/managed-instances-desktop-cards.png` });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/?s=" + shareToken(memoryBound) + "&open=breakdown");
    await waitLive(page);
    await expect(page.getByTestId(`card-${MI}`)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/managed-instances-375.png`, fullPage: true });
    await page.getByTestId(`card-${MI}`).screenshot({ path: `${SHOTS}/managed-instances-375-card.png` });
    await page.getByTestId(`breakdown-${MI}`).screenshot({ path: `${SHOTS}/managed-instances-375-breakdown.png` });
  });
});
