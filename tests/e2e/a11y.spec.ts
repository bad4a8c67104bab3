/**
 * Accessibility: axe (WCAG 2.x A/AA rules) on / in its default and a filled state, on /catalog and on
 * /rightsize with a result -> 0 serious or critical violations; every form control has an accessible label;
 * a keyboard-only run (no mouse) edits a service, adds one, sees the totals change and copies the share link.
 */
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { openMore, openPanel, seriousViolations, waitLive } from "../support/e2e";

const root = path.resolve(__dirname, "../..");

/** Every visible or file input/select/textarea has a non-empty accessible name from a label or ARIA. */
async function unlabelledControls(page: Page) {
  return page.locator("input:not([type=hidden]), select, textarea").evaluateAll((els) =>
    els
      .filter((el) => {
        const e = el as HTMLInputElement;
        const fromLabels = [...(e.labels ?? [])].some((l) => (l.textContent ?? "").trim().length > 0);
        const aria = (e.getAttribute("aria-label") ?? "").trim().length > 0;
        const by = (e.getAttribute("aria-labelledby") ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .some((id) => (document.getElementById(id)?.textContent ?? "").trim().length > 0);
        return !(fromLabels || aria || by);
      })
      .map((el) => el.outerHTML.slice(0, 160)),
  );
}

async function live(page: Page) {
  await waitLive(page);
  await expect(page.locator('[data-testid="chart-cost"] .recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
}

test("/ default state: no serious/critical axe violation, every control labelled", async ({ page }) => {
  await page.goto("/");
  await live(page);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
});

test("/ filled state: 3 services, scheduled usage, Spot mix, an invalid value with its error, charts drawn", async ({ page }) => {
  await page.goto("/");
  await live(page);
  await page.getByTestId("add-service").click();
  await page.getByTestId("add-service").click();
  await expect(page.getByTestId("service-2")).toBeVisible();
  await openMore(page, 1);
  await openMore(page, 2);
  const s1 = page.getByTestId("service-1");
  await s1.getByLabel("Scheduled runs").check();
  await s1.getByLabel("Runs per day").fill("24");
  await s1.getByLabel("Seconds per run").fill("300");
  await page.getByTestId("service-2").getByLabel(/Mix Fargate and Fargate Spot/).check();
  await page.getByTestId("service-0-tasks").fill("12");
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("share-link")).toBeVisible();
  await page.getByTestId("service-2-vcpu").fill("abc");
  await expect(page.getByTestId("form-errors")).toContainText("service-3 — vCPU per task: must be a number");
  await expect(page.locator('[data-testid="chart-crossover"] .recharts-line').first()).toBeVisible();
  // the invalid input is announced as invalid and points at its message
  const vcpu = page.getByTestId("service-2-vcpu");
  await expect(vcpu).toHaveAttribute("aria-invalid", "true");
  const described = (await vcpu.getAttribute("aria-describedby")) ?? "";
  expect(described).toContain(`${await vcpu.getAttribute("id")}-error`);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
});

test("/ with network and logs filled: presets, load balancer fields, per-service logs and Spot tolerance", async ({ page }) => {
  await page.goto("/");
  await live(page);
  await openPanel(page, "network");
  await page.getByTestId("network-preset-public-alb").click();
  await page.getByTestId("add-lb").click();
  await page.getByTestId("lb-1").getByLabel("Type").selectOption("nlb");
  await page.getByTestId("nat-count").fill("-1");
  await expect(page.getByTestId("form-errors")).toContainText("NAT gateways: must be at least 0");
  await openMore(page, 0);
  const s0 = page.getByTestId("service-0");
  await s0.getByLabel("May run on Spot (tolerates interruption)").check();
  await s0.getByLabel("Send logs to CloudWatch Logs").check();
  await s0.getByLabel("Log class").selectOption("infrequent-access");
  await expect(page.getByTestId("nat-count")).toHaveAttribute("aria-invalid", "true");
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
});

test("/catalog: no serious/critical axe violation, controls labelled", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByTestId("catalog-table")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
});

test("/rightsize empty and with a result: no serious/critical axe violation, controls labelled", async ({ page }) => {
  await page.goto("/rightsize");
  await expect(page.getByTestId("result-empty")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
  await page.getByTestId("usage-file").setInputFiles(path.join(root, "examples/usage/steady-web-container-insights.csv"));
  await expect(page.getByTestId("rec-recommended-size")).toHaveText("0.5 vCPU / 1 GiB");
  await expect(page.locator('[data-testid="chart-cpu"] .recharts-line').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
});

/** Presses Tab (or Shift+Tab) until the focused element has the test id; fails after `max` presses. */
async function tabTo(page: Page, testId: string, opts: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (opts.max ?? 250); i++) {
    if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.testid ?? null)) === testId) return i;
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${testId} never received keyboard focus`);
}

test("keyboard only: edit a service, add one, totals change, copy the share link", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  // The app's Permissions-Policy denies clipboard-read (it never reads the clipboard), so record what the app
  // writes instead; the real writeText still runs and must succeed for the "copied" message below.
  await page.addInitScript(() => {
    const clip = navigator.clipboard;
    const write = clip.writeText.bind(clip);
    clip.writeText = (text: string) => {
      (window as unknown as { __copied: string[] }).__copied = [...((window as unknown as { __copied?: string[] }).__copied ?? []), text];
      return write(text);
    };
  });
  await page.goto("/");
  await live(page);
  const before = await page.getByTestId("total-fargate").getAttribute("data-usd");

  // Edit the task count of the first service.
  await tabTo(page, "service-0-tasks");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("25");
  await expect(page.getByTestId("service-0-tasks")).toHaveValue("25");
  await expect.poll(() => page.getByTestId("total-fargate").getAttribute("data-usd")).not.toBe(before);
  const afterEdit = await page.getByTestId("total-fargate").getAttribute("data-usd");
  expect(Number(afterEdit)).toBeGreaterThan(Number(before));

  // Add a service: the button is before the cards, so go back with Shift+Tab and press Enter.
  await tabTo(page, "add-service", { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("service-1")).toBeVisible();
  await expect.poll(() => page.getByTestId("total-fargate").getAttribute("data-usd")).not.toBe(afterEdit);
  // and give it 3 tasks, by keyboard
  await tabTo(page, "service-1-tasks");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("3");
  await expect(page.getByTestId("service-1-tasks")).toHaveValue("3");

  // Copy the share link with Space on the focused button.
  await tabTo(page, "copy-link");
  await page.keyboard.press("Space");
  const field = page.getByTestId("share-link");
  await expect(field).toBeVisible();
  const link = await field.inputValue();
  expect(link).toMatch(/\?s=v1\./);
  await expect(page.locator("label[for=share-link]")).toContainText("Link copied to the clipboard.");
  expect(await page.evaluate(() => (window as unknown as { __copied?: string[] }).__copied)).toEqual([link]);

  // The link reproduces the estimate.
  const total = await page.getByTestId("total-fargate").getAttribute("data-usd");
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId("service-1-tasks")).toHaveValue("3");
  await expect(other.getByTestId("total-fargate")).toHaveAttribute("data-usd", total!);
});
