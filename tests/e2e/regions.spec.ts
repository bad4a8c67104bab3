/**
 * "Compare regions" on / (docs/billing-rules.md#region-comparison) and cost per 1M requests on the cards
 * (docs/billing-rules.md#cost-per-requests): the comparison comes from the server, is sorted, switches the
 * estimate's region from a table button and from a bar, follows edits (stale requests aborted), fits 375 px and
 * passes axe. Screenshots land in test-results/screenshots.
 */
import { expect, test, type Page } from "@playwright/test";
import { guard, openFormerDefault, openMore, openPanel, seriousViolations, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";

const live = (page: Page, region = "us-east-1") => waitLive(page, { region, timeout: 60_000 });

async function openRegions(page: Page) {
  // One click on the collapsed "Compare regions" starts the comparison.
  await openPanel(page, "regions");
  await expect(page.getByTestId("regions-toggle")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("regions-status")).toContainText(/regions can run this workload/, { timeout: 60_000 });
}

const usd = (text: string) => Number(text.replace(/[$,]/g, ""));

async function regionRows(page: Page) {
  return page.locator('[data-testid="table-regions"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      region: (r.getAttribute("data-testid") ?? "").replace("region-row-", ""),
      monthly: r.querySelector('[data-testid^="region-monthly-"]')?.textContent ?? "",
      current: r.getAttribute("aria-current") === "true",
    })),
  );
}

test.describe("Compare regions", () => {
  test("every region from the server, sorted; Switch and a bar click move the estimate; per 1M requests on the cards", async ({ page }) => {
    const problems = guard(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openFormerDefault(page);
    await live(page);

    // 25 requests/s on "api" (4 tasks, always on): 25 x 3600 x 730 = 65.7 M requests a month; every option's
    // card shows its total / 65.7.
    await openMore(page, 0);
    await page.getByTestId("service-0-rps").fill("25");
    await expect(page.getByTestId("per1m-fargate")).toBeVisible();
    const fargateUSD = Number(await page.getByTestId("total-fargate").getAttribute("data-usd"));
    const per1m = await page.getByTestId("per1m-fargate").textContent();
    expect(usd(per1m!.replace(" per 1M requests", ""))).toBeCloseTo(fargateUSD / 65.7, 2);

    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/estimate/regions")) requests.push(r.method());
    });
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
    });
    await openRegions(page);
    await expect(page.locator('[data-testid="chart-regions"] .recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
    const openTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long tasks from opening the comparison to its chart drawn: ${openTasks.length}, max ${Math.round(Math.max(0, ...openTasks))} ms`);
    expect(requests).toEqual(["POST"]);
    const rows = await regionRows(page);
    expect(rows.length).toBe(36);
    const priced = rows.filter((r) => r.monthly !== "—").map((r) => usd(r.monthly));
    expect(priced).toEqual([...priced].sort((a, b) => a - b));
    expect(rows.filter((r) => r.current).map((r) => r.region)).toEqual(["us-east-1"]);
    await expect(page.getByTestId("region-row-us-east-1")).toContainText("current region");
    await expect(page.locator('[data-testid="table-regions"] thead')).toContainText("Per 1M requests");
    // The current region's cheapest total is the recommended card's total.
    const recommended = await page.locator(".card.recommended [data-testid^='total-']").getAttribute("data-usd");
    expect(usd((await page.getByTestId("region-monthly-us-east-1").textContent())!)).toBeCloseTo(Number(recommended), 2);
    // Why things are unavailable is one click away (ap-east-2 has no Fargate Spot rate).
    await page.getByTestId("region-row-ap-east-2").locator("summary").click();
    await expect(page.getByTestId("region-row-ap-east-2")).toContainText(/No Fargate Spot price for ap-east-2/);
    await page.screenshot({ path: `${SHOTS}/regions-desktop.png`, fullPage: true });
    await page.getByTestId("regions-panel").screenshot({ path: `${SHOTS}/regions-desktop-panel.png` });

    // Switch from the table: the form, the live estimate and the comparison all move to sa-east-1.
    await page.getByTestId("region-switch-sa-east-1").click();
    await expect(page.getByTestId("region")).toHaveValue("sa-east-1");
    await live(page, "sa-east-1");
    await expect(page.getByTestId("region-row-sa-east-1")).toHaveAttribute("aria-current", "true", { timeout: 60_000 });
    await expect(page.getByTestId("region-row-sa-east-1")).toContainText("current region");
    expect(Number(await page.getByTestId("total-fargate").getAttribute("data-usd"))).toBeGreaterThan(fargateUSD);

    // A click on the top bar (the cheapest region) switches there too.
    const cheapest = (await regionRows(page))[0]!.region;
    expect(cheapest).not.toBe("sa-east-1");
    await page.locator('[data-testid="chart-regions"] .recharts-bar-rectangle').first().click();
    await expect(page.getByTestId("region")).toHaveValue(cheapest);
    await live(page, cheapest);

    // The round trips are measured in the page ("regions-run"): print them for the record.
    const measures = await page.evaluate(() => performance.getEntriesByName("regions-run").map((m) => Math.round(m.duration)));
    expect(measures.length).toBeGreaterThanOrEqual(2);
    console.log(`regions-run round trips (ms): ${measures.join(", ")}`);
    expect(problems).toEqual([]);
  });

  test("edits while open: one request per pause in typing, older ones aborted, the table follows the last input; the page stays responsive", async ({ page }) => {
    const problems = guard(page);
    await openFormerDefault(page);
    await live(page);
    await openRegions(page);
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/estimate/regions")) sent.push(r.postData() ?? "");
    });
    // Long tasks on the main thread while the comparison is recomputed for every keystroke burst.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
    });
    const tasks = page.getByTestId("service-0-tasks");
    await tasks.click();
    await tasks.press("End");
    await tasks.pressSequentially("0", { delay: 30 }); // 4 -> 40
    await tasks.press("Backspace");
    await tasks.press("Backspace");
    await tasks.pressSequentially("12", { delay: 30 });
    await expect(page.getByTestId("regions-status")).toContainText(/regions can run this workload/, { timeout: 60_000 });
    // Typing is debounced: far fewer requests than keystrokes, and the last one carries the final task count.
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(5);
    expect(JSON.parse(sent.at(-1)!).services[0].tasks).toBe(12);
    await expect(tasks).toHaveValue("12");
    await live(page);
    const recommended = await page.locator(".card.recommended [data-testid^='total-']").getAttribute("data-usd");
    await expect
      .poll(async () => usd((await page.getByTestId("region-monthly-us-east-1").textContent())!), { timeout: 30_000 })
      .toBeCloseTo(Number(recommended), 2);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long tasks while typing with the comparison open: ${longTasks.length}, max ${Math.round(Math.max(0, ...longTasks))} ms`);
    expect(problems).toEqual([]);
  });

  test("a load balancer derives its new connections from requests per second when the user ticks it", async ({ page }) => {
    await openFormerDefault(page, "&open=network");
    await live(page);
    await openMore(page, 0);
    await page.getByTestId("service-0-rps").fill("100");
    await page.getByTestId("network-preset-public-alb").click();
    await expect(page.getByTestId("lb-0")).toBeVisible();
    await expect(page.getByTestId("per1m-fargate")).toBeVisible();
    const before = Number(await page.getByTestId("total-fargate").getAttribute("data-usd"));
    await page.getByTestId("lb-0").getByLabel("Derive new connections from the services' requests per second").check();
    await expect(page.getByTestId("lb-0-from-requests-note")).toContainText("every service's requests per second, one request per connection");
    // Preset ALB: the largest dimension was 5 new connections/s / 25 = 0.2 LCU; from requests: api's 100/s, always on
    // -> 100 / 25 = 4 LCU. (4 - 0.2) x 730 h x $0.008 = $22.192 more in every option.
    await expect.poll(async () => Number(await page.getByTestId("total-fargate").getAttribute("data-usd")) - before, { timeout: 30_000 }).toBeCloseTo(22.192, 6);
  });

  test("desktop: the whole page is axe clean with the comparison open and a reason expanded", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/");
    await live(page);
    await openRegions(page);
    await page.getByTestId("region-row-ap-east-2").locator("summary").click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("375 px: the panel fits, nothing overflows the page; axe clean with the comparison open", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await live(page);
    await openRegions(page);
    await expect(page.locator('[data-testid="chart-regions"] .recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 8)
          .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      console.log(wide.join("\n"));
    }
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = page.getByTestId("regions-panel");
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await panel.screenshot({ path: `${SHOTS}/regions-375.png` });
    // Switching works from the phone layout too.
    await page.getByTestId("region-switch-eu-west-1").click();
    await expect(page.getByTestId("region")).toHaveValue("eu-west-1");
    await live(page, "eu-west-1");
    await expect(page.getByTestId("region-row-eu-west-1")).toHaveAttribute("aria-current", "true", { timeout: 60_000 });
    await page.getByTestId("region-row-ap-east-2").locator("summary").click();
    await page.getByTestId("regions-panel").screenshot({ path: `${SHOTS}/regions-375-switched.png` });
    expect(await seriousViolations(page, { include: '[data-testid="regions-panel"]' })).toEqual([]);
  });
});
