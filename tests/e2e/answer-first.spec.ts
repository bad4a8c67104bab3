/**
 * The answer first (issue 21): the recommended monthly total stays in view at 1366x900 and 375x812; the default is
 * one editable service on the contract's defaults (the page, the API and the CLI agree to the cent); the phone
 * visitor's question is answered in at most 4 actions; a Kubernetes import keeps the EKS cluster panel; the
 * collapsed panels' open state rides in the share link; every page passes axe at both sizes; phone inputs are
 * 16 px and every control a 24x24 px target.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { guard, openPanel, seriousViolations, totals, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

/** The element's box lies inside the viewport (what a visitor sees without scrolling). */
async function inViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

for (const size of [DESKTOP, PHONE]) {
  const label = `${size.width}x${size.height}`;
  test.describe(`at ${label}`, () => {
    test.use({ viewport: size, hasTouch: size === PHONE, isMobile: size === PHONE });

    test("the recommended monthly total is in view on load and while editing the last service", async ({ page }) => {
      const problems = guard(page);
      await page.goto("/");
      await waitLive(page);
      await expect(page.getByTestId("answer-total")).toHaveText("$36.04/month");
      expect(await inViewport(page, "answer-total")).toBe(true);
      // the default state: one service
      await expect(page.getByTestId("service-0")).toBeVisible();
      await expect(page.getByTestId("service-1")).toHaveCount(0);
      if (size === DESKTOP) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height).toBeLessThanOrEqual(2500);
      }
      // With the example of three... two services loaded, scroll to the last service's fields and edit one.
      await page.getByTestId("example-select").selectOption("api-and-worker");
      await page.getByTestId("load-example").click();
      await expect(page.getByTestId("service-1")).toBeVisible();
      await waitLive(page);
      const last = page.getByTestId("service-1-tasks");
      await last.scrollIntoViewIfNeeded();
      await last.fill("3");
      await expect.poll(() => page.getByTestId("answer-total").textContent()).not.toBe("$36.04/month");
      expect(await inViewport(page, "service-1-tasks")).toBe(true);
      expect(await inViewport(page, "answer-total")).toBe(true);
      // the pinned total is the recommended card's total
      const rec = await page.getByTestId("answer-total").getAttribute("data-option");
      await expect(page.getByTestId(`total-${rec}`)).toContainText((await page.getByTestId("answer-total").textContent())!.replace("/month", ""));
      await page.screenshot({ path: `${SHOTS}/answer-first-editing-${label}.png` });
      expect(problems).toEqual([]);
    });

    test("axe: no serious or critical violation on /, /compare, /rightsize and /catalog", async ({ page }) => {
      for (const p of ["/", "/compare", "/rightsize", "/catalog"]) {
        await page.goto(p);
        if (p === "/") await waitLive(page);
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page), `${p} at ${label}`).toEqual([]);
      }
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("2 tasks x 0.5 vCPU / 1 GiB in us-east-1: $36.04 on Fargate on-demand within 4 actions", async ({ page }) => {
    await page.goto("/");
    await waitLive(page);
    await expect(page.getByTestId("service-1")).toHaveCount(0);
    let actions = 0;
    const act = async (step: () => Promise<void>) => {
      actions += 1;
      await step();
    };
    // The region is us-east-1 already (no action needed): check it, it is not counted as an action.
    await expect(page.getByTestId("region")).toHaveValue("us-east-1");
    await act(() => page.getByTestId("service-0-vcpu").fill("0.5"));
    await act(() => page.getByTestId("service-0-memory").fill("1"));
    await act(() => page.getByTestId("service-0-tasks").fill("2"));
    // 2 tasks x 730 h x (0.5 vCPU x $0.04048 + 1 GB x $0.004445) = 1,460 x 0.024685 = $36.0401 -> $36.04
    await expect(page.getByTestId("total-fargate")).toHaveAttribute("data-usd", "36.0401");
    await expect(page.getByTestId("total-fargate")).toContainText("$36.04");
    await expect(page.getByTestId("answer-total")).toHaveText("$36.04/month");
    expect(await inViewport(page, "answer-total")).toBe(true);
    expect(actions).toBeLessThanOrEqual(4);
  });

  test("every input on / has >= 16 px text and every control a target of at least 24x24 px", async ({ page }) => {
    await page.goto("/");
    await waitLive(page);
    // Open every collapsed part so their controls count too.
    for (const id of ["ec2", "network", "environments", "import"]) await openPanel(page, id);
    await page.getByTestId("service-0-more").locator("summary").first().click();
    await page.waitForLoadState("networkidle");
    const report = await page.evaluate(() => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
      };
      const small: string[] = [];
      for (const el of document.querySelectorAll("input:not([type=hidden]):not([type=file]), select, textarea")) {
        if (!visible(el)) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < 16) small.push(`${el.id || el.outerHTML.slice(0, 60)}: ${px}px`);
      }
      // A control's target: its own box, or the label wrapping it / the file button around it (clicking either acts on it).
      const tiny: string[] = [];
      for (const el of document.querySelectorAll("button, a[href], input:not([type=hidden]), select, textarea, summary")) {
        if (!visible(el) && !(el as HTMLInputElement).type?.includes("file")) continue;
        const target = (el as HTMLInputElement).type === "file" ? el.closest(".file-button") ?? el : el.closest("label") ?? el;
        const r = target.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        const w = Math.max(r.width, own.width);
        const h = Math.max(r.height, own.height);
        // Inline links inside running text are exempt (WCAG 2.5.8 "inline" exception).
        const inline = el.tagName === "A" && getComputedStyle(el).display === "inline" && el.parentElement?.tagName === "P";
        if ((w < 24 || h < 24) && !inline && r.width > 0) tiny.push(`${el.tagName.toLowerCase()}#${el.id || (el.textContent ?? "").trim().slice(0, 30)}: ${Math.round(w)}x${Math.round(h)}`);
      }
      const primary = [...document.querySelectorAll(".btn-primary")].filter(visible).map((el) => el.getBoundingClientRect().height);
      return { small, tiny, primary };
    });
    expect(report.small).toEqual([]);
    expect(report.tiny).toEqual([]);
    for (const h of report.primary) expect(h).toBeGreaterThanOrEqual(44);
  });
});

test("the page's default input posted to POST /api/estimate gives the page's totals to the cent", async ({ page, request }) => {
  await page.goto("/");
  await waitLive(page);
  const pageTotals = await totals(page, ["fargate", "fargate-spot", "ec2", "ecs-managed-instances"]);
  // The page's own input: what its JSON export carries.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-json").click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8")) as { input: unknown };
  // The same as the contract's defaults for one 1 vCPU / 2 GiB task: the minimal input gives the same answer.
  for (const body of [exported.input, { version: 1, region: "us-east-1", services: [{ name: "app", vcpu: 1, memoryGiB: 2, tasks: 1 }] }]) {
    const res = await request.post("/api/estimate", { data: body });
    expect(res.status()).toBe(200);
    const api = (await res.json()) as { options: { id: string; monthlyUSD: number | null }[] };
    for (const [id, usd] of Object.entries(pageTotals)) {
      const o = api.options.find((x) => x.id === id);
      expect(o, id).toBeDefined();
      expect(Math.round((o!.monthlyUSD ?? NaN) * 100), id).toBe(Math.round(Number(usd) * 100));
    }
  }
  // and the page starts at the schema's EC2 defaults (100% target utilization, 0 minimum instances)
  await openPanel(page, "ec2");
  await expect(page.locator("#ec2-target")).toHaveValue("100");
  await expect(page.locator("#ec2-min")).toHaveValue("0");
});

test("a Kubernetes import keeps the EKS cluster panel, the cluster fee on the EKS cards and EKS words", async ({ page }) => {
  const problems = guard(page, { csp: true });
  await page.goto("/");
  await waitLive(page);
  await openPanel(page, "import");
  await page.getByTestId("k8s-panel").locator("summary").click();
  await page.getByTestId("k8s-text").fill(readFileSync(path.join("examples", "k8s", "web-and-report.yaml"), "utf8"));
  await page.getByTestId("k8s-import").click();
  await expect(page.getByTestId("k8s-status")).toContainText("Imported 2 services");
  await expect(page.getByTestId("eks-panel")).toBeVisible();
  await expect(page.getByTestId("eks-clusters")).toHaveValue("1");
  await waitLive(page);
  // One cluster, standard support: $0.10 per cluster-hour x 730 h = $73.00, on every EKS option's card.
  const cards = page.locator('[data-testid^="card-"]');
  const ids = await cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid!.replace("card-", "")));
  const available = [];
  for (const id of ids) if ((await page.getByTestId(`total-${id}`).getAttribute("data-usd")) !== "") available.push(id);
  expect(available.length).toBeGreaterThan(0);
  for (const id of available) await expect(page.getByTestId(`fact-${id}`)).toContainText("incl. $73.00 cluster fee");
  await expect(page.locator("#chart-crossover-title")).toHaveText("When do EC2 nodes become cheaper?");
  await expect(page.locator("#services-heading")).toContainText("Kubernetes");
  // the result was brought into view after the import
  await expect(page.locator("#results")).toBeInViewport({ ratio: 0.05 });
  expect(problems).toEqual([]);
});

test("the open panels ride in the share link; the link's numbers are the page's", async ({ page, context }) => {
  await page.goto("/");
  await waitLive(page);
  await expect(page.getByTestId("disclosure-network")).not.toHaveAttribute("open", "");
  await expect(page.getByTestId("disclosure-network-summary")).toContainText("none priced");
  await openPanel(page, "network");
  await page.getByTestId("network-preset-public-alb").click();
  // The preset: 1 ALB, 5 new connections/s = 0.2 LCU: 730 h x $0.0225 + 0.2 x 730 x $0.008 = 16.425 + 1.168 = $17.593;
  // its 100 GB out is inside the free tier ($0) -> "$17.59/month".
  await expect(page.getByTestId("disclosure-network-summary")).toHaveText("1 ALB, data transfer — $17.59/month");
  await openPanel(page, "ec2");
  await expect.poll(() => page.url()).toContain("open=ec2,network");
  await page.getByTestId("copy-link").click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\?s=v1\.[^&]+&open=ec2,network$/);
  const other = await context.newPage();
  await other.goto(link);
  await waitLive(other);
  await expect(other.getByTestId("disclosure-network")).toHaveAttribute("open", "");
  await expect(other.getByTestId("disclosure-ec2")).toHaveAttribute("open", "");
  await expect(other.getByTestId("disclosure-regions")).not.toHaveAttribute("open", "");
  await expect.poll(() => totals(other)).toEqual(await totals(page));
});

test("problems in the form are in words: the field's label and the problem", async ({ page }) => {
  await page.goto("/");
  await waitLive(page);
  await page.getByTestId("service-0-vcpu").fill("200");
  await expect(page.getByTestId("form-errors")).toContainText("app — vCPU per task: must be at most 192");
  await expect(page.getByTestId("form-errors")).not.toContainText("services[0]");
  await page.getByTestId("service-0-vcpu").fill("1");
  await expect(page.getByTestId("form-errors")).toHaveCount(0);
});

test("/catalog: search by region or place, sort by Fargate price", async ({ page }) => {
  await page.goto("/catalog");
  const rows = page.locator('[data-testid="catalog-table"] tbody tr');
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(36);
  await page.getByTestId("catalog-search").fill("frankfurt");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-region", "eu-central-1");
  await expect(page.getByTestId("catalog-count")).toHaveText(`1 of ${total} regions`);
  await page.getByTestId("catalog-search").fill("eu-");
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  await page.getByTestId("catalog-search").fill("");
  await page.getByTestId("catalog-sort").selectOption("fargate");
  // cheapest first: the first row's Fargate x86 vCPU-hour rate is the lowest of all rows
  const rates = await rows.evaluateAll((trs) => trs.map((tr) => Number((/\$([\d.]+) per vCPU-hour/.exec(tr.textContent ?? "") ?? [])[1])));
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
});

test("a favicon: the icon the pages link is served, and no page asks for a missing /favicon.ico", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.goto("/catalog");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});

test.describe("/rightsize on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("after the upload the recommendation is brought into view", async ({ page }) => {
    await page.goto("/rightsize");
    await page.getByTestId("usage-file").setInputFiles(path.join("examples", "usage", "steady-web-container-insights.csv"));
    await expect(page.getByTestId("rec-recommended-size")).toHaveText("0.5 vCPU / 1 GiB");
    await expect(page.getByTestId("rec-recommended-size")).toBeInViewport();
  });
});
