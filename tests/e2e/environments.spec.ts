/**
 * Environments on /: turn them on, add a dev environment in business hours in a named time zone, see each option
 * move by the hand-computed amount, the per-environment table and the schedule chart; the setting survives a share
 * link; a link with bad environment fields shows the alert banner naming them; axe stays clean; desktop and 375-px
 * screenshots (looked at by hand) without horizontal overflow.
 */
import { expect, test, type Page } from "@playwright/test";
import { guard, openFormerDefault, seriousViolations, shareToken, total, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";

/** Turn environments on (prod, always) and add dev: half the tasks, 08:00-20:00 Mon-Fri in Europe/Berlin. */
async function addBerlinDev(page: Page) {
  await page.getByLabel("Price environments (prod, staging, dev) with weekly schedules").check();
  await expect(page.getByTestId("env-0-name")).toHaveValue("prod");
  await page.getByTestId("add-environment").click();
  const dev = page.getByTestId("env-1");
  await expect(page.getByTestId("env-1-name")).toHaveValue("dev");
  await expect(page.getByTestId("env-1-kind")).toHaveValue("business-hours");
  await page.getByTestId("env-1-tz").fill("Europe/Berlin");
  await expect(dev.getByLabel("Mon")).toBeChecked();
  await expect(dev.getByLabel("Sat")).not.toBeChecked();
}

test.describe("environments", () => {
  test("a business-hours dev environment adds its task-hours; the table, chart and share link follow", async ({ page }) => {
    const problems = guard(page);
    // The former two-service start page, with the environments and the breakdown opened by the link.
    await openFormerDefault(page, "&open=environments,breakdown");
    await expect(page.getByTestId("environments-off")).toBeVisible();
    await expect(page.getByTestId("schedule-panel")).toHaveCount(0);
    const before = await total(page, "fargate");

    await page.getByLabel("Price environments (prod, staging, dev) with weekly schedules").check();
    // prod, always on, x 1: exactly the estimate without environments.
    await expect(page.getByTestId("schedule-panel")).toBeVisible();
    await expect.poll(async () => await total(page, "fargate")).toBeCloseTo(before, 6);

    await addBerlinDev(page);
    // dev = half the default services for 12 h x 5 days = 60 h/week x 730 / 168 = 260.714 h/month:
    //   api 2 tasks x (1 vCPU x 0.04048 + 2 GB x 0.004445) = 0.09874 $/h; worker 1 task x (0.5 x 0.03238 + 1 x 0.00356) = 0.01975 $/h (ARM)
    //   260.714286 x (0.09874 + 0.01975) = 30.892036
    await expect.poll(async () => (await total(page, "fargate")) - before).toBeCloseTo(30.892036, 5);

    const table = page.getByTestId("table-environments");
    await expect(table).toContainText("prod");
    await expect(table).toContainText("dev");
    await expect(table).toContainText("60 h a week");
    await expect(page.getByTestId("cost-at-zero")).toContainText("$0.00");
    await expect(page.locator('[data-testid="chart-schedule"] .recharts-area-area').first()).toBeVisible({ timeout: 30_000 });
    // Mon 07:00 UTC = 08:00 in Berlin: dev runs 3 tasks (2 api + 1 worker) next to prod's 6.
    await page.getByTestId("schedule-panel").getByText("Show as a table").click();
    const monday7 = page.getByTestId("table-schedule").locator("tr", { hasText: "Mon 07:00" });
    await expect(monday7.locator("td").nth(0)).toHaveText("6");
    await expect(monday7.locator("td").nth(1)).toHaveText("3");
    await expect(page.getByTestId("table-schedule").locator("tr", { hasText: "Mon 06:00" }).locator("td").nth(1)).toHaveText("0");

    // The breakdown names each environment's service.
    await expect(page.getByTestId("breakdown-fargate")).toContainText("api (dev)");

    // A share link carries the environments.
    const withDev = await total(page, "fargate");
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).toContain("?s=v1.");
    await page.goto(link);
    await waitLive(page);
    await expect(page.getByTestId("env-1-name")).toHaveValue("dev");
    await expect(page.getByTestId("env-1-tz")).toHaveValue("Europe/Berlin");
    await expect.poll(async () => await total(page, "fargate")).toBeCloseTo(withDev, 6);

    // Removing every environment brings back the plain estimate.
    await page.getByLabel("Price environments (prod, staging, dev) with weekly schedules").uncheck();
    await expect.poll(async () => await total(page, "fargate")).toBeCloseTo(before, 6);
    expect(problems).toEqual([]);
  });

  test("a bad time zone is named at its field, and the last valid estimate stays", async ({ page }) => {
    guard(page);
    // The former two-service start page, with the environments and the breakdown opened by the link.
    await openFormerDefault(page, "&open=environments,breakdown");
    await addBerlinDev(page);
    const good = await total(page, "fargate");
    await page.getByTestId("env-1-tz").fill("Europe/Berln");
    await expect(page.locator("#" + (await page.getByTestId("env-1-tz").getAttribute("id")) + "-error")).toContainText("IANA time zone");
    await page.getByTestId("env-1-end").fill("7pm");
    await expect(page.getByTestId("env-1")).toContainText("must be an hour such as 08:00");
    expect(await total(page, "fargate")).toBeCloseTo(good, 6);
  });

  test("a share link with bad environment fields shows the alert banner naming them", async ({ page }) => {
    const problems = guard(page);
    const bad = {
      version: 1,
      region: "us-east-1",
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
      environments: [{ name: "dev", multiplier: -2, schedule: { kind: "business-hours", timeZone: "<img src=x onerror=alert(1)>", startHour: 20, endHour: 8 } }],
    };
    await page.goto("/?s=" + shareToken(bad) + "&open=environments");
    const banner = page.getByTestId("banner-link");
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveAttribute("role", "alert");
    for (const path of ["environments[0].multiplier", "environments[0].schedule.timeZone", "environments[0].schedule.endHour"]) await expect(banner).toContainText(path);
    await waitLive(page);
    await expect(page.getByTestId("environments-off")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("filled environments: axe clean, desktop and 375-px screenshots without overflow", async ({ page }) => {
    test.setTimeout(300_000); // two page loads, two screenshots and two axe runs on a busy 2-core machine
    guard(page);
    for (const [width, name] of [[1366, "environments-desktop"], [375, "environments-375"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await openFormerDefault(page, "&open=environments,breakdown");
      await addBerlinDev(page);
      // A night profile on prod: half the tasks 00:00-06:00 every day.
      await page.getByTestId("env-0-add-profile").click();
      await page.getByTestId("env-0-profile-0").getByLabel("To", { exact: true }).fill("06:00");
      await expect(page.locator('[data-testid="chart-schedule"] .recharts-area-area').first()).toBeVisible({ timeout: 30_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      await page.getByTestId("environments-panel").screenshot({ path: `${SHOTS}/${name}-panel.png` });
      await page.getByTestId("schedule-panel").screenshot({ path: `${SHOTS}/${name}-schedule.png` });
    }
    await page.getByTestId("schedule-panel").getByText("Show as a table").click();
    // At 375 px the breakdown tables (components/estimator/Results.tsx, not this feature's) scroll sideways without
    // being focusable: a known issue outside this panel, excluded here and checked at desktop width below.
    expect(await seriousViolations(page, { exclude: ['[data-testid^="breakdown-"]'] })).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
