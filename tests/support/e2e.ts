/**
 * What the Playwright specs (tests/e2e) share: a guard that collects page errors, the "Live:" wait, the option
 * totals, axe's serious and critical violations, and share tokens. One copy, imported by every spec.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import LZString from "lz-string";

/** The options every estimate has on the default catalog, in card order. */
export const OPTION_IDS = ["fargate", "fargate-spot", "ec2"];

/**
 * Collect every uncaught page error and JS dialog (dismissed; XSS would open one) for `expect(problems).toEqual([])`.
 * `csp: true` also collects the console's Content-Security-Policy refusals (code that must run without eval).
 */
export function guard(page: Page, options: { csp?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  if (options.csp) {
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
  }
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return problems;
}

/** Wait until the estimator's status says it is live (in `region` when given: "Live: updated as you type. Region ..."). */
export async function waitLive(page: Page, options: { region?: string; timeout?: number } = {}): Promise<void> {
  const text = options.region ? `Live: updated as you type. Region ${options.region}` : "Live:";
  await expect(page.getByTestId("status")).toContainText(text, { timeout: options.timeout ?? 30_000 });
}

/** One option's monthly total as the card carries it (data-usd). */
export async function total(page: Page, optionId: string): Promise<number> {
  return Number(await page.getByTestId(`total-${optionId}`).getAttribute("data-usd"));
}

/** The cards' data-usd per option, as text (null: no total). */
export async function totals(page: Page, optionIds: ReadonlyArray<string> = OPTION_IDS): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const id of optionIds) out[id] = await page.getByTestId(`total-${id}`).getAttribute("data-usd");
  return out;
}

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe (WCAG 2.x A/AA) on the page, or only inside `include`, without `exclude`: the serious and critical violations, readable. */
export async function seriousViolations(page: Page, options: { include?: string; exclude?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** A share token for an input (lib/share/codec's format); another `version` prefix makes a token the page must refuse. */
export function shareToken(input: unknown, version = "v1."): string {
  return version + LZString.compressToEncodedURIComponent(JSON.stringify(input));
}

/**
 * The estimator's former start page (two services: an x86 API and a Graviton worker, EC2 at 90% target and at least
 * 2 instances): "Load an example" -> "api-and-worker" gives the same input. Specs written against that start page
 * open it as a share link.
 */
export const FORMER_DEFAULT_INPUT = {
  version: 1,
  region: "us-east-1",
  services: [
    { name: "api", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 4, usage: { kind: "continuous", hoursPerMonth: 730 } },
    { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", os: "linux", ephemeralStorageGiB: 20, tasks: 2, usage: { kind: "continuous", hoursPerMonth: 730 } },
  ],
  fargate: { savingsPlan: "none" },
  ec2: { purchase: "on-demand", instanceTypes: [], targetUtilizationPct: 90, minInstances: 2, networkMode: "awsvpc", eniTrunking: false, rootVolumeGiB: 30 },
};

/** Open / with the former two-service start page (a share link) and wait until it is live with both services. */
export async function openFormerDefault(page: Page, extra = ""): Promise<void> {
  await page.goto(`/?s=${shareToken(FORMER_DEFAULT_INPUT)}${extra}`);
  await expect(page.getByTestId("service-1")).toBeVisible({ timeout: 30_000 });
  await waitLive(page);
}

/** Open one of the estimator's collapsed panels ("ec2", "network", "environments", "import", "regions", "commitment", "breakdown"). */
export async function openPanel(page: Page, id: string): Promise<void> {
  const panel = page.getByTestId(`disclosure-${id}`);
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").first().click();
  await expect(panel).toHaveAttribute("open", "");
}

/** Open "More" (storage, requests, usage, Spot, logs) on service `index`'s card. */
export async function openMore(page: Page, index: number): Promise<void> {
  const more = page.getByTestId(`service-${index}-more`);
  if ((await more.getAttribute("open")) === null) await more.locator("summary").first().click();
  await expect(more.getByText("Usage", { exact: true })).toBeVisible();
}
