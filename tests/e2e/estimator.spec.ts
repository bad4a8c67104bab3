import { test, expect, type Page, type BrowserContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { guard, openFormerDefault, openMore, OPTION_IDS, shareToken as token, totals, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";

async function barPaths(page: Page): Promise<string> {
  const locator = page.locator('[data-testid="chart-cost"] .recharts-bar-rectangle path');
  await expect(locator.first()).toBeVisible({ timeout: 30_000 });
  return (await locator.evaluateAll((els) => els.map((e) => e.getAttribute("d")))).join("|");
}

const sharedInput = {
  version: 1,
  region: "eu-west-1",
  catalog: "2026-11-26",
  services: [
    { name: "checkout", vcpu: 0.75, memoryGiB: 3, tasks: 6 },
    { name: "nightly-batch", vcpu: 2, memoryGiB: 8, architecture: "arm64", tasks: 3, usage: { kind: "scheduled", runsPerDay: 4, secondsPerRun: 45 } },
  ],
  ec2: { targetUtilizationPct: 80, minInstances: 3 },
};

test.describe("estimator page", () => {
  test("first paint already holds a server-computed comparison (no client JS needed)", async ({ request }) => {
    const html = await (await request.get("/")).text();
    for (const id of OPTION_IDS) expect(html).toMatch(new RegExp(`data-testid="total-${id}"[^>]*data-usd="\\d`));
    expect(html).toContain("Recommended");
    expect(html).toContain('data-testid="table-crossover"');
  });

  test("editing updates numbers and both charts; an invalid value keeps the last result and the typed text", async ({ page }) => {
    const problems = guard(page);
    await openFormerDefault(page);
    await expect(page.locator('[data-testid="chart-crossover"] .recharts-line').first()).toBeVisible();
    const before = await totals(page);
    const barsBefore = await barPaths(page);
    const crossBefore = await page.locator('[data-testid="chart-crossover"] .recharts-line path').first().getAttribute("d");

    await page.getByTestId("service-0-tasks").fill("12");
    await expect.poll(async () => (await totals(page)).fargate).not.toBe(before.fargate);
    await expect.poll(() => barPaths(page)).not.toBe(barsBefore);
    await expect.poll(() => page.locator('[data-testid="chart-crossover"] .recharts-line path').first().getAttribute("d")).not.toBe(crossBefore);
    const after = await totals(page);
    // 4 -> 12 tasks of a 1 vCPU / 2 GiB always-on service: Fargate rises by 8 x (0.04048 + 2 x 0.004445) x 730 = 5840 x 0.04937 = 288.3208
    expect(Number(after.fargate) - Number(before.fargate)).toBeCloseTo(288.3208, 6);

    await page.getByTestId("service-0-vcpu").fill("abc");
    await expect(page.locator("#" + (await page.getByTestId("service-0-vcpu").getAttribute("id")) + "-error")).toHaveText('must be a number (got "abc")');
    await expect(page.getByTestId("status")).toContainText("last valid estimate");
    // In words on the page (the API and the CLI keep the path services[0].vcpu).
    await expect(page.getByTestId("form-errors")).toContainText('api — vCPU per task: must be a number (got "abc")');
    await expect(page.getByTestId("service-0-vcpu")).toHaveValue("abc");
    expect(await totals(page)).toEqual(after);

    await page.getByTestId("service-0-vcpu").fill("0.9");
    await expect(page.getByTestId("service-0-billed")).toContainText("Billed as 1 vCPU / 2 GiB on Fargate");
    await page.screenshot({ path: `${SHOTS}/estimator-edited.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  test("scheduled usage, a Savings Plan and Windows change the options as the rules say", async ({ page }) => {
    const problems = guard(page);
    await openFormerDefault(page);
    await openMore(page, 1);
    const before = Number((await totals(page)).fargate);
    // worker: 2 tasks x 0.5 vCPU / 1 GiB arm64, always on = 1460 task-hours x (0.5 x 0.03238 + 1 x 0.00356) = 1460 x 0.01975 = 28.835
    // scheduled 24 runs/day x 30 s (billed as the 60 s Linux minimum) x 730/24 days = 730 runs x 60 s = 12.1667 h per task,
    // x 2 tasks = 24.3333 h x 0.01975 = 0.4805833; the total falls by 28.835 - 0.4805833 = 28.3544167
    await page.locator('[data-testid="service-1"]').getByLabel("Scheduled runs").check();
    await page.locator('[data-testid="service-1"]').getByLabel("Runs per day").fill("24");
    await page.locator('[data-testid="service-1"]').getByLabel("Seconds per run").fill("30");
    await expect.poll(async () => before - Number((await totals(page)).fargate)).toBeCloseTo(28.3544167, 6);

    await page.locator("#savings-plan").selectOption("compute-1y");
    await expect(page.getByTestId("card-fargate-savings-plan")).toBeVisible();
    await expect(page.getByTestId("total-fargate-savings-plan")).toHaveAttribute("data-usd", /^\d/);

    await page.locator('[data-testid="service-0"]').getByLabel("Operating system").selectOption("windows");
    await expect(page.getByTestId("card-fargate-spot")).toContainText(/Windows/);
    await expect(page.getByTestId("total-fargate-spot")).toHaveText("Not available");
    expect(problems).toEqual([]);
  });

  test("share link round trip in a fresh browser context shows identical totals", async ({ page, browser }) => {
    guard(page);
    await page.goto("/");
    await waitLive(page);
    await page.getByTestId("service-0-name").fill("checkout-api");
    await page.getByTestId("service-0-tasks").fill("7");
    await page.getByTestId("region").selectOption("eu-west-1");
    await waitLive(page);
    await expect(page.getByTestId("status")).toContainText("eu-west-1");
    const expected = await totals(page);
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).toMatch(/\?s=v1\./);
    expect(page.url()).toBe(link);

    const fresh: BrowserContext = await browser.newContext();
    const other = await fresh.newPage();
    const problems = guard(other);
    await other.goto(link);
    await waitLive(other);
    await expect(other.getByTestId("service-0-name")).toHaveValue("checkout-api");
    await expect(other.getByTestId("region")).toHaveValue("eu-west-1");
    await expect.poll(() => totals(other)).toEqual(expected);
    expect(problems).toEqual([]);
    await fresh.close();
  });

  test("downloaded JSON equals the API's answer for the same input; CSV has the lines", async ({ page, request }) => {
    guard(page);
    await page.goto("/?s=" + token(sharedInput));
    await waitLive(page);
    await expect(page.getByTestId("service-0-name")).toHaveValue("checkout");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    expect(download.suggestedFilename()).toMatch(/^ecs-estimate-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    const api = await request.post("/api/estimate", { data: sharedInput });
    expect(api.status()).toBe(200);
    expect(exported).toEqual(await api.json());

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    expect(csv.suggestedFilename()).toMatch(/^ecs-estimate-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await csv.path())!, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("option,service,component,quantity,unit,rate,usd,usageType,asOf,derived,note,category,shared,label,environment");
    const lineCount = exported.options.reduce((n: number, o: { lines: unknown[] }) => n + o.lines.length, 0);
    expect(lines).toHaveLength(1 + lineCount);

    // The exported file imports back into a fresh page with the same numbers.
    const expected = await totals(page);
    const other = await page.context().newPage();
    await other.goto("/");
    await waitLive(other);
    await other.getByTestId("import-json").setInputFiles({ name: "export.json", mimeType: "application/json", buffer: readFileSync((await download.path())!) });
    await expect(other.getByTestId("service-0-name")).toHaveValue("checkout");
    await expect(other.getByTestId("banner-import-ok")).toContainText("exported estimate");
    await expect.poll(() => totals(other)).toEqual(expected);
    await other.close();
  });

  test("import: a bare input restores the form; an invalid file lists paths and leaves the form alone", async ({ page }) => {
    const problems = guard(page);
    await page.goto("/");
    await waitLive(page);
    const spotMix = readFileSync(path.join("examples", "spot-mix.json"));
    await page.getByTestId("import-json").setInputFiles({ name: "spot-mix.json", mimeType: "application/json", buffer: spotMix });
    await expect(page.getByTestId("service-0-name")).toHaveValue("frontend");
    await expect(page.getByTestId("service-2-name")).toHaveValue("payments");
    await expect(page.getByTestId("card-fargate-mix")).toBeVisible();
    const before = await totals(page);

    const bad = { version: 1, region: "us-east-1", services: [{ name: "x", vcpu: "lots", memoryGiB: 2, tasks: -1 }] };
    await page.getByTestId("import-json").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const banner = page.getByTestId("banner-import");
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute("role", "alert");
    await expect(banner).toContainText("services[0].vcpu");
    await expect(banner).toContainText("services[0].tasks");
    await expect(page.getByTestId("service-0-name")).toHaveValue("frontend");
    expect(await totals(page)).toEqual(before);

    await page.getByTestId("import-json").setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from("\u0000\u0001not json") });
    await expect(page.getByTestId("banner-import")).toContainText("not valid JSON");
    expect(problems).toEqual([]);
  });

  test("a task definition fills a service row", async ({ page }) => {
    guard(page);
    await openFormerDefault(page);
    const file = readFileSync(path.join("examples", "task-definitions", "register-worker-x86.json"));
    await page.locator('[data-testid="service-1"] input[type="file"]').setInputFiles({ name: "td.json", mimeType: "application/json", buffer: file });
    await expect(page.getByTestId("service-1-name")).toHaveValue("invoice-worker");
    await expect(page.getByTestId("service-1-vcpu")).toHaveValue("2");
    await expect(page.getByTestId("service-1-memory")).toHaveValue("8");
    const href = await page.getByTestId("service-1-rightsize").getAttribute("href");
    expect(href).toMatch(/^\/rightsize\?s=v1\.[^&]+&service=1$/);
  });

  const validToken = token(sharedInput);
  const badLinks: { name: string; s: string; text: RegExp }[] = [
    { name: "malformed", s: "hello-world", text: /not in a format/ },
    { name: "truncated", s: validToken.slice(0, Math.floor(validToken.length / 2)), text: /damaged or truncated|does not hold a valid estimate/ },
    { name: "oversized", s: "v1." + "A".repeat(13_000), text: /too long/ },
    { name: "wrong version", s: token(sharedInput, "v9."), text: /version 9/ },
    { name: "tampered", s: token({ ...sharedInput, services: [{ name: "x", vcpu: -5, memoryGiB: 2, tasks: 1 }] }), text: /does not hold a valid estimate/ },
    {
      name: "bad network and logs",
      s: token({ ...sharedInput, services: [{ name: "x", vcpu: 1, memoryGiB: 2, tasks: 1, logs: { ingestedGBPerMonth: -1 } }], network: { natGateways: { count: 1.5 }, loadBalancers: [{ name: "a", type: "glb" }] } }),
      text: /services\[0\]\.logs\.ingestedGBPerMonth[\s\S]*network\.|network\.[\s\S]*services\[0\]\.logs\.ingestedGBPerMonth/,
    },
    { name: "tampered characters", s: validToken.slice(0, 20) + "<script>alert(1)</script>", text: /altered/ },
  ];
  for (const bad of badLinks) {
    test(`bad share link (${bad.name}) -> alert banner and the default estimate`, async ({ page, request }) => {
      const problems = guard(page);
      const html = await (await request.get("/")).text();
      const defaultFargate = /data-testid="total-fargate"[^>]*data-usd="([^"]+)"/.exec(html)?.[1];
      await page.goto("/?s=" + encodeURIComponent(bad.s));
      const banner = page.getByTestId("banner-link");
      await expect(banner).toBeVisible({ timeout: 30_000 });
      await expect(banner).toHaveAttribute("role", "alert");
      await expect(banner).toContainText(bad.text);
      await waitLive(page);
      expect((await totals(page)).fargate).toBe(defaultFargate);
      await expect(page.getByTestId("service-0-name")).toHaveValue("app");
      expect(problems).toEqual([]);
      if (bad.name === "tampered") await page.screenshot({ path: `${SHOTS}/estimator-bad-link.png` });
    });
  }

  test("a link to a catalog that is not bundled offers the newest, applied only on click", async ({ page }) => {
    guard(page);
    await page.goto("/?s=" + token({ ...sharedInput, catalog: "2020-01-01" }));
    const banner = page.getByTestId("banner-catalog");
    await expect(banner).toContainText("2020-01-01");
    await waitLive(page);
    await expect(page.getByTestId("service-0-name")).toHaveValue("app");
    await page.getByTestId("use-newest-catalog").click();
    await expect(page.getByTestId("service-0-name")).toHaveValue("checkout");
    // the newest bundled snapshot, read from the data the server serves
    const newest = (JSON.parse(readFileSync(path.join(process.cwd(), "data", "catalog", "index.json"), "utf8")) as { newest: string }).newest;
    expect(newest).toBe("2026-12-01");
    // two snapshots are bundled, so the form offers a choice; the newest is the one applied
    await expect(page.getByLabel("Price catalog")).toHaveValue(newest);
  });

  test("every displayed column adds up to its displayed total, to the cent (cards, breakdown, cost table)", async ({ page }) => {
    guard(page);
    // Three services on a Savings Plan and a Spot mix: many lines per option, and an EC2 fleet split across services.
    const input = {
      ...sharedInput,
      services: [...sharedInput.services, { name: "odd", vcpu: 0.3, memoryGiB: 0.7, tasks: 7, fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 3 } }],
      fargate: { savingsPlan: "compute-1y" },
    };
    // &open=breakdown: the link opens the (collapsed by default) breakdown.
    await page.goto("/?s=" + token(input) + "&open=breakdown");
    await waitLive(page);
    await expect(page.getByTestId("service-2-name")).toHaveValue("odd");
    // "$1,234.56" (the first amount in the text, e.g. of "$1,234.56 /month") -> 123456
    const cents = (text: string) => Math.round(Number((/\$[\d,]+\.\d\d/.exec(text)?.[0] ?? "NaN").replace(/[$,]/g, "")) * 100);
    // The breakdown renders in the deferred pass (after the cards): wait until it shows this input's options.
    await expect(page.getByTestId("breakdown-fargate-savings-plan")).toBeVisible();
    // The breakdown renders in React's deferred pass (after the cards): wait until it shows this input's estimate.
    await expect.poll(async () => cents(await page.getByTestId("breakdown-total-fargate").innerText())).toBe(cents(await page.getByTestId("total-fargate").innerText()));
    const blocks = page.locator('[data-testid^="breakdown-"]').filter({ has: page.locator("table") });
    const ids = await blocks.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("breakdown-".length)));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      const rows = await page.getByTestId(`breakdown-${id}`).locator("table").first().locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({ kind: tr.className, monthly: (tr.querySelectorAll("td")[1]?.textContent ?? "").trim() })),
      );
      let group = -1;
      const groups: { subtotal: number; lines: number }[] = [];
      let total = 0;
      for (const r of rows) {
        if (r.kind === "service-row") groups[++group] = { subtotal: cents(r.monthly), lines: 0 };
        else if (r.kind === "total") total = cents(r.monthly);
        else groups[group]!.lines += cents(r.monthly);
      }
      for (const g of groups) expect(g.lines, `${id}: lines of a service add up to its subtotal`).toBe(g.subtotal);
      expect(groups.reduce((sum, g) => sum + g.subtotal, 0), `${id}: services add up to the total`).toBe(total);
      expect(cents(await page.getByTestId(`total-${id}`).innerText()), `${id}: the card shows the breakdown's total`).toBe(total);
    }
    // The cost chart's table: the components of each option add up to the total in its last column.
    await page.locator("summary", { hasText: "Show as a table" }).first().click();
    const costRows = await page.getByTestId("table-cost").locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())),
    );
    for (const cells of costRows) {
      const parts = cells.slice(0, -1).filter((c) => c !== "—");
      expect(parts.reduce((sum, c) => sum + cents(c), 0)).toBe(cents(cells[cells.length - 1]!));
    }
  });

  test("an XSS string as a service name stays text", async ({ page }) => {
    const problems = guard(page);
    const xss = `<img src=x onerror="alert('xss')"><script>alert(1)</script>`;
    await page.goto("/?s=" + token({ ...sharedInput, services: [{ ...sharedInput.services[0], name: xss }] }) + "&open=breakdown");
    await waitLive(page);
    await expect(page.getByTestId("service-0-name")).toHaveValue(xss);
    await expect(page.getByRole("heading", { name: xss })).toBeVisible();
    await expect(page.getByTestId("breakdown-fargate")).toContainText(xss);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    await page.getByTestId("service-0-name").fill(`"><svg onload=alert(2)>`);
    await expect(page.getByRole("heading", { name: `"><svg onload=alert(2)>` })).toBeVisible();
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });

  // Network rates of catalog 2026-12-01, us-east-1 (docs/price-catalog.md#network-and-logs; tests/unit/engine/network.test.ts):
  // ALB 0.0225/h + 0.008/LCU-h; NAT 0.045/h + 0.045/GB; egress 100 GB free then 0.09/GB; Logs 0.50/GB Standard + 0.03/GB-month.
  const networkInput = {
    version: 1,
    region: "us-east-1",
    catalog: "2026-12-01",
    services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
    ec2: { instanceTypes: ["m5.large"], networkMode: "bridge" },
  };

  async function fillNetworkAndLogs(page: Page) {
    const before = await totals(page);
    const rise = async (id: string) => Number((await totals(page))[id]) - Number(before[id]);
    await expect(page.getByTestId("network-off")).toBeVisible();
    // Preset: 1 ALB, 5 new connections/s = 0.2 LCU (25/s each) is the largest dimension (300/min = 0.1, 0.1 GB/h = 0.1,
    // 2 rules/s = 0.002): 730 h x 0.0225 + 0.2 x 730 x 0.008 = 16.425 + 1.168 = 17.593; 100 GB out is all free.
    await page.getByTestId("network-preset-public-alb").click();
    for (const id of ["fargate", "ec2"]) await expect.poll(() => rise(id)).toBeCloseTo(17.593, 6);
    // Edit: 1,100 GB out = 100 free + 1,000 x 0.09 = 90 more.
    await page.getByTestId("egress-gb").fill("1100");
    for (const id of ["fargate", "ec2"]) await expect.poll(() => rise(id)).toBeCloseTo(107.593, 6);
    // Logs on the service: 10 GB Standard kept 1 month, the first 5 GB and 5 GB-months free (docs/billing-rules.md#logs-free-tier)
    // = (10 - 5) x 0.50 + (10 - 5) x 0.03 = 2.65 more (5.30 before the free tier).
    await openMore(page, 0);
    await page.getByTestId("service-0").getByLabel("Send logs to CloudWatch Logs").check();
    await page.getByTestId("service-0-logs-gb").fill("10");
    for (const id of ["fargate", "ec2"]) await expect.poll(() => rise(id)).toBeCloseTo(110.243, 6);
    await expect(page.getByTestId("breakdown-fargate")).toContainText("Network and shared");
    await expect(page.getByTestId("breakdown-fargate").getByTestId("line-category").first()).toBeVisible();
    await expect(page.getByTestId("breakdown-fargate").getByRole("row", { name: /Application Load Balancer "alb" hours/ })).toContainText("same in every option");
    await expect(page.getByTestId("breakdown-fargate")).toContainText("CloudWatch Logs ingestion (Standard)");
  }

  test("network and logs: a preset and edits change every option by the hand-computed amounts; the share link keeps them", async ({ page, browser }) => {
    const problems = guard(page);
    await page.goto(`/?s=${token(networkInput)}&open=network,breakdown`);
    await waitLive(page);
    await fillNetworkAndLogs(page);

    // A field error names the field; the last valid estimate stays.
    const expected = await totals(page);
    await page.getByTestId("nat-count").fill("1.5");
    await expect(page.getByTestId("form-errors")).toContainText("NAT gateways: must be a whole number");
    await expect(page.locator("#nat-count-error")).toHaveText("must be a whole number");
    expect(await totals(page)).toEqual(expected);
    await page.getByTestId("nat-count").fill("0");
    await expect(page.getByTestId("status")).toContainText("Live:");

    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    const fresh: BrowserContext = await browser.newContext();
    const other = await fresh.newPage();
    const otherProblems = guard(other);
    await other.goto(link);
    await waitLive(other);
    // The link keeps the open panels: network is open there too.
    await expect(other.getByTestId("egress-gb")).toHaveValue("1100");
    await openMore(other, 0);
    await expect(other.getByTestId("service-0-logs-gb")).toHaveValue("10");
    await expect.poll(() => totals(other)).toEqual(expected);
    expect(otherProblems).toEqual([]);
    await fresh.close();

    // "None" takes the network lines out again (the logs stay: they belong to the service).
    await page.getByTestId("network-preset-none").click();
    await expect(page.getByTestId("network-off")).toBeVisible();
    await expect.poll(async () => Number((await totals(page)).fargate) - Number(expected.fargate)).toBeCloseTo(-107.593, 6);
    expect(problems).toEqual([]);
  });

  test("network and logs filled: desktop and 375-px screenshots; no horizontal overflow on a phone", async ({ page }) => {
    guard(page);
    for (const [width, name] of [[1366, "estimator-network-desktop"], [375, "estimator-network-375"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/?s=${token(networkInput)}&open=network,breakdown`);
      await waitLive(page);
      await fillNetworkAndLogs(page);
      await barPaths(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    }
    await page.getByTestId("network-panel").screenshot({ path: `${SHOTS}/estimator-network-375-panel.png` });
    await page.getByTestId("service-0").screenshot({ path: `${SHOTS}/estimator-network-375-service.png` });
    await page.getByTestId("breakdown-fargate").screenshot({ path: `${SHOTS}/estimator-network-375-breakdown.png` });
  });

  test("desktop and 375-px screenshots; no horizontal overflow on a phone", async ({ page }) => {
    guard(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/");
    await waitLive(page);
    await barPaths(page);
    await page.screenshot({ path: `${SHOTS}/estimator-desktop.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/");
    await waitLive(page);
    await barPaths(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/estimator-375.png`, fullPage: true });
    await page.getByTestId("card-fargate").screenshot({ path: `${SHOTS}/estimator-375-card.png` });
  });
});
