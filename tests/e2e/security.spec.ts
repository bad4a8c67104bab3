/**
 * Security headers on every kind of response, the per-request CSP nonce on Next's own scripts, no CSP
 * violation while the pages are used (estimator edits, catalog, /rightsize Web Worker parsing), and no AWS
 * credential or SDK code in the browser bundle (.next/static, scanned on the node side).
 */
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

function expectSecurityHeaders(h: Record<string, string>, where: string, nonce: "with" | "without") {
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("no-referrer");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["permissions-policy"], where).toContain("camera=()");
  const csp = h["content-security-policy"] ?? "";
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  expect(csp, where).toContain("form-action 'self'");
  expect(csp, where).not.toMatch(/https?:|\*|unsafe-eval|script-src[^;]*unsafe-inline/);
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  if (nonce === "with") expect(script, where).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22,}={0,2}'$/);
  else expect(script, where).toBe("'self'");
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

test.describe("security headers", () => {
  for (const p of ["/", "/catalog", "/rightsize", "/rightsize?s=v1.garbage", "/no-such-page"]) {
    test(`page ${p}: nonce CSP, and every <script> carries the nonce`, async ({ request }) => {
      const r1 = await request.get(p);
      const r2 = await request.get(p);
      const n1 = expectSecurityHeaders(r1.headers(), p, "with");
      const n2 = expectSecurityHeaders(r2.headers(), p, "with");
      expect(n1).not.toBe(n2); // fresh per request
      const html = await r1.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(3);
      for (const s of scripts) expect(s).toContain(`nonce="${n1}"`);
      // no third-party origin referenced by the document
      expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?\/\//);
    });
  }

  test("API routes, static JSON and build chunks: same headers, nonce-less CSP", async ({ request }) => {
    const post = await request.post("/api/estimate", { data: { version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] } });
    expect(post.status()).toBe(200);
    expectSecurityHeaders(post.headers(), "POST /api/estimate 200", "without");
    const bad = await request.post("/api/estimate", { data: { version: 1 } });
    expect(bad.status()).toBe(400);
    expectSecurityHeaders(bad.headers(), "POST /api/estimate 400", "without");
    for (const p of ["/api/catalog", "/api/catalog/2026-11-26/us-east-1", "/api/health", "/schema/estimate-input.v1.json"]) {
      const r = await request.get(p);
      expect(r.status(), p).toBe(200);
      expectSecurityHeaders(r.headers(), p, "without");
    }
    const html = await (await request.get("/")).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const c = await request.get(chunk!);
    expect(c.status()).toBe(200);
    expectSecurityHeaders(c.headers(), chunk!, "without");
  });
});

/** Collects CSP violations (DOM event, also from the worker via console) and console errors. */
async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation on ${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} sample=${e.sample}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Refused to|CSP violation|Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test("no CSP violation while using the estimator, the catalog and /rightsize (Web Worker)", async ({ page }) => {
  const problems = await watchCsp(page);
  await page.goto("/");
  await expect(page.getByTestId("status")).toContainText("Live:", { timeout: 30_000 });
  await expect(page.locator('[data-testid="chart-cost"] .recharts-bar-rectangle').first()).toBeVisible();
  const before = await page.getByTestId("total-fargate").getAttribute("data-usd");
  await page.getByTestId("service-0-tasks").fill("9");
  await expect.poll(() => page.getByTestId("total-fargate").getAttribute("data-usd")).not.toBe(before);
  await page.getByTestId("region").selectOption("eu-west-1"); // fetches that region's price file
  await expect(page.getByTestId("status")).toContainText("eu-west-1");
  await page.getByTestId("add-service").click();
  await expect(page.getByTestId("service-1")).toBeVisible();

  await page.goto("/catalog");
  await expect(page.locator("table").first()).toBeVisible();

  await page.goto("/rightsize");
  await page.getByTestId("usage-file").setInputFiles(path.join(root, "examples/usage/steady-web-container-insights.csv"));
  await expect(page.getByTestId("usage-status")).toContainText("4,032 rows parsed"); // parsed in the Web Worker
  await expect(page.locator('[data-testid="chart-cpu"] .recharts-line').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test.describe("no AWS credential or SDK code in the browser bundle", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
  }

  test(".next/static holds no key id, secret name, SDK or endpoint, nor any AWS_* env value", () => {
    const dir = path.join(root, ".next", "static");
    const all = files(dir);
    expect(all.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
    const envValues = Object.entries(process.env)
      .filter(([k, v]) => k.startsWith("AWS_") && v && v.length >= 8 && !/^(true|false|\d+)$/i.test(v))
      .map(([k, v]) => ({ k, v: v! }));
    const literal = ["aws_secret_access_key", "secretAccessKey", "@aws-sdk", "client-pricing", "PRICING_ENDPOINT", "AWS_SECRET", "AWS_ACCESS_KEY"];
    const hits: string[] = [];
    for (const f of all) {
      const text = readFileSync(f, "latin1");
      const rel = path.relative(root, f);
      const key = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/.exec(text);
      if (key) hits.push(`${rel}: key id ${key[0]}`);
      for (const s of literal) if (text.toLowerCase().includes(s.toLowerCase())) hits.push(`${rel}: "${s}"`);
      for (const { k, v } of envValues) if (text.includes(v)) hits.push(`${rel}: value of ${k}`);
    }
    expect(hits).toEqual([]);
  });

  test("the scan would catch a leak (the detector itself)", () => {
    // 'AKIA' + 16 upper-case alphanumerics is an access key id; the scanner regex must match it.
    expect(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(`x="AKIAIOSFODNN7EXAMPLE"`)).toBe(true);
    expect(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(`x="AKIAshort"`)).toBe(false);
  });
});
