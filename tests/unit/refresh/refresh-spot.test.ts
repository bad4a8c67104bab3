/**
 * npm run prices:refresh -- --spot against a local fake EC2 endpoint (127.0.0.1, the real EC2 Query protocol:
 * form-encoded POST Action=DescribeSpotPriceHistory, XML answers with nextToken). Each test works on a temp copy
 * of data/; no test reaches AWS. After every failure, every file under the data dir is byte-identical.
 *
 * Averages by hand (lib/catalog/spot-history.ts: time-weighted over a 30-day window, mean of the AZs):
 * - m5.large us-east-1a: 0.04 in effect at the start (set 2 days before), 0.06 from day 10:
 *   0.04 x 10/30 + 0.06 x 20/30 = 0.0133333 + 0.04 = 0.05333333
 *   m5.large us-east-1b: 0.03 all window (set 1 day before; an older 0.09 from 5 days before is superseded)
 *   average (0.05333333 + 0.03) / 2 = 0.04166667 (was 0.0384); cheapest AZ us-east-1b at 0.03
 * - m6g.large us-east-1c: first price 0.02 on day 15 (the type appeared mid-window): 0.02 over the 15 days known
 * - c5.large: no history -> keeps its old 0.0391 with the old source (vantage-ec2-2024-04-04)
 * - x9z.mega: not in the catalog -> left out, and said so
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCatalogCache, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { averageSpotPrices, timeWeightedAverage } from "@/lib/catalog/spot-history";
import { startFakeEc2, type Ec2Fault, type FakeEc2, type FakeSpotPoint } from "./fake-ec2-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SCRIPT = path.join(ROOT, "scripts", "refresh-prices.ts");
const FAKE_KEY_ID = "AKIAFAKEKEY0EXAMPLE2";
const FAKE_SECRET = "fAkE/SpotSecretKey+ThatMustNeverBePrinted02";
const PREV_ID = "2026-12-01";

const POINTS: FakeSpotPoint[] = [
  { type: "m5.large", az: "us-east-1a", price: "0.040000", atDay: -2 },
  { type: "m5.large", az: "us-east-1a", price: "0.060000", atDay: 10 },
  { type: "m5.large", az: "us-east-1b", price: "0.090000", atDay: -5 },
  { type: "m5.large", az: "us-east-1b", price: "0.030000", atDay: -1 },
  { type: "m6g.large", az: "us-east-1c", price: "0.020000", atDay: 15 },
  { type: "x9z.mega", az: "us-east-1a", price: "1.000000", atDay: 3 },
  // Another product description: the request asks for Linux/UNIX only, so EC2 (and the fake) leave it out.
  { type: "m5.large", az: "us-east-1a", price: "0.500000", atDay: 4, product: "Windows" },
];

let work: string;
let dataDir: string;
let server: FakeEc2 | undefined;
const allOutput: string[] = [];

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

type Run = { code: number | null; stdout: string; stderr: string };

function run(args: string[], withCredentials = true): Promise<Run> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(work, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, "no-aws-credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(withCredentials ? { AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, "--data-dir", dataDir, "--spot", ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      allOutput.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

async function fake(fault?: Ec2Fault, points = POINTS, pageSize = 2): Promise<FakeEc2> {
  server = await startFakeEc2(points, { pageSize, fault });
  return server;
}

async function expectFailure(args: string[], fault: Ec2Fault | undefined, message: RegExp, opts: { credentials?: boolean; points?: FakeSpotPoint[] } = {}): Promise<{ r: Run; s: FakeEc2 }> {
  const before = hashTree(dataDir);
  const s = await fake(fault, opts.points ?? POINTS);
  const r = await run([...args, "--endpoint", s.url], opts.credentials ?? true);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain("No files were changed.");
  // Old snapshots byte-for-byte unchanged, nothing added (no temp directory left behind).
  expect(hashTree(dataDir)).toEqual(before);
  return { r, s };
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "ecs-refresh-spot-"));
  dataDir = path.join(work, "data");
  cpSync(path.join(ROOT, "data"), dataDir, { recursive: true });
  clearCatalogCache();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(work, { recursive: true, force: true });
});

describe("time-weighted averages (pure)", () => {
  const window = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };
  const at = (day: number) => new Date(window.start.getTime() + day * 86_400_000);
  it("weights each price by how long it held, from the price in effect at the start", () => {
    // 0.04 x 10/30 + 0.06 x 20/30 = 0.05333...
    const r = timeWeightedAverage([{ spotPrice: 0.06, timestamp: at(10) }, { spotPrice: 0.04, timestamp: at(-2) }], window);
    expect(r?.averageUSD).toBeCloseTo(0.0533333333, 9);
    // A simple mean of the points would say 0.05: the point-mean is not what a running instance pays.
  });
  it("a type that appeared mid-window is averaged over the time it had a price; no price at all is null", () => {
    expect(timeWeightedAverage([{ spotPrice: 0.02, timestamp: at(15) }], window)).toEqual({ averageUSD: 0.02, coveredMs: 15 * 86_400_000 });
    expect(timeWeightedAverage([{ spotPrice: 0.02, timestamp: at(31) }], window)).toBeNull();
  });
  it("type average = mean of the AZ averages; cheapest AZ kept; other products ignored", () => {
    const pts = [
      { instanceType: "m5.large", availabilityZone: "us-east-1a", productDescription: "Linux/UNIX", spotPrice: 0.04, timestamp: at(-2) },
      { instanceType: "m5.large", availabilityZone: "us-east-1a", productDescription: "Linux/UNIX", spotPrice: 0.06, timestamp: at(10) },
      { instanceType: "m5.large", availabilityZone: "us-east-1b", productDescription: "Linux/UNIX", spotPrice: 0.03, timestamp: at(-1) },
      { instanceType: "m5.large", availabilityZone: "us-east-1b", productDescription: "Windows", spotPrice: 0.5, timestamp: at(4) },
    ];
    const [m5] = averageSpotPrices(pts, window);
    expect(m5!.averageUSD).toBeCloseTo((0.0533333333 + 0.03) / 2, 9);
    expect(m5!.cheapestAz).toBe("us-east-1b");
    expect(m5!.cheapestAzUSD).toBeCloseTo(0.03, 12);
    expect(m5!.azs).toBe(2);
  });
});

describe("prices:refresh --spot", () => {
  it("pages through DescribeSpotPriceHistory, writes a validated new snapshot with averages, cheapest AZ and window", async () => {
    const before = hashTree(dataDir);
    const s = await fake();
    const r = await run(["--region", "us-east-1", "--endpoint", s.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // EC2 Query protocol, Linux/UNIX, a 30-day window, paginated (2 per page: 5 Linux points -> 3 pages)
    expect(s.requests.length).toBe(3);
    const first = s.requests[0]!;
    expect(first.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(first.params.get("Action")).toBe("DescribeSpotPriceHistory");
    expect(first.params.get("ProductDescription.1")).toBe("Linux/UNIX");
    expect(Date.parse(first.params.get("EndTime")!) - Date.parse(first.params.get("StartTime")!)).toBe(30 * 86_400_000);
    expect(s.requests[1]!.params.get("NextToken")).toBe("page-2");
    expect(r.stdout).toMatch(/\[us-east-1\] Spot price history page 1: 2 price changes so far/);
    expect(r.stdout).toMatch(/\[us-east-1\] Spot price history page 3: 5 price changes so far/);

    const newId = loadCatalogList(dataDir).newest;
    expect(newId).not.toBe(PREV_ID);
    const cat = loadRegionCatalog("us-east-1", newId, { dataDir });
    const row = (t: string) => cat.ec2.instanceTypes.find((x) => x.type === t)!;
    expect(row("m5.large").spotAvgUSD).toBe(0.04166667);
    expect(row("m5.large").spotCheapestAz).toBe("us-east-1b");
    expect(row("m5.large").spotCheapestAzUSD).toBe(0.03);
    expect(row("m6g.large").spotAvgUSD).toBe(0.02);
    // No history: the old figure with its old source, not relabelled as fresh
    expect(row("c5.large").spotAvgUSD).toBe(0.0391);
    expect(row("c5.large").spotSource).toBe("vantage-ec2-2024-04-04");
    expect(cat.sources.some((x) => x.id === "vantage-ec2-2024-04-04")).toBe(true);
    if ("available" in cat.ec2.spot) throw new Error("spot unavailable");
    expect(cat.ec2.spot.source).toMatch(/^aws-ec2-spot-history-\d{4}-\d{2}-\d{2}$/);
    expect(cat.ec2.spot.window?.days).toBe(30);
    expect(cat.ec2.spot.note).toMatch(/Time-weighted average/);
    // The unknown type is said, not written
    expect(cat.ec2.instanceTypes.some((x) => x.type === "x9z.mega")).toBe(false);
    expect(r.stdout).toMatch(/1 instance type with Spot prices is not in the catalog .* left out: x9z\.mega/);
    expect(r.stdout).toMatch(/m5\.large: \$0\.0384 -> \$0\.04166667/);
    // Other regions copied; the old snapshots unchanged byte for byte
    const after = hashTree(dataDir);
    for (const [file, hash] of Object.entries(before)) if (file !== "catalog/index.json") expect(after[file]).toBe(hash);
    // An estimate on EC2 Spot now uses the new average
    expect(r.stdout + r.stderr).not.toContain(FAKE_SECRET);
  }, 60_000);

  it("throttled once (RequestLimitExceeded, HTTP 503): retries the same request and succeeds", async () => {
    const s = await fake((_req, n) => (n === 0 ? { status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." } : undefined));
    const r = await run(["--region", "us-east-1", "--endpoint", s.url]);
    expect(r.code).toBe(0);
    expect(s.requests[1]!.rawBody).toBe(s.requests[0]!.rawBody);
    expect(loadCatalogList(dataDir).newest).not.toBe(PREV_ID);
  }, 60_000);

  it("throttled on every attempt: gives up after retries with advice, nothing written", async () => {
    const { s } = await expectFailure(["--region", "us-east-1"], () => ({ status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." }), /EC2 throttled the requests while reading the Spot price history of us-east-1 \(page 1\) \(RequestLimitExceeded, gave up after 4 attempts with backoff\)\. Wait a minute/);
    expect(s.requests).toHaveLength(4);
  }, 60_000);

  it("throttled half-way through the pages (after page 1): nothing written", async () => {
    await expectFailure(["--region", "us-east-1"], (_req, n) => (n >= 1 ? { status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." } : undefined), /page 2/);
  }, 60_000);

  it("no credentials: tells how to provide them, before any request", async () => {
    const { s } = await expectFailure(["--region", "us-east-1"], undefined, /No AWS credentials found\..*AWS_ACCESS_KEY_ID.*ec2:DescribeSpotPriceHistory/, { credentials: false });
    expect(s.requests).toHaveLength(0);
  }, 60_000);

  it("refused credentials whose message echoes the secret: redacted", async () => {
    const { r } = await expectFailure(["--region", "us-east-1"], () => ({ status: 403, code: "UnauthorizedOperation", message: `You are not authorized (key ${FAKE_SECRET}).` }), /credentials were refused.*UnauthorizedOperation.*ec2:DescribeSpotPriceHistory permission/);
    expect(r.stderr + r.stdout).not.toContain(FAKE_SECRET);
  }, 60_000);

  it("no Spot prices at all in the window: explains instead of writing an empty refresh", async () => {
    await expectFailure(["--region", "us-east-1"], undefined, /returned no Linux\/UNIX Spot prices for us-east-1/, { points: [] });
  }, 60_000);

  it("unknown region and bad --days: exit 2, nothing written, no request", async () => {
    const before = hashTree(dataDir);
    const s = await fake();
    const r = await run(["--region", "xx-nowhere-9", "--endpoint", s.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown region "xx-nowhere-9"/);
    const d = await run(["--region", "us-east-1", "--days", "400"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/--days must be a whole number of days from 1 to 90/);
    expect(s.requests).toHaveLength(0);
    expect(hashTree(dataDir)).toEqual(before);
  }, 60_000);

  it("no run printed the fake secret key", () => {
    expect(allOutput.length).toBeGreaterThan(8);
    for (const text of allOutput) expect(text).not.toContain(FAKE_SECRET);
  });
});
