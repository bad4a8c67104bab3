/**
 * npm run prices:refresh against a local fake Pricing API (127.0.0.1, real awsJson1_1 protocol).
 * Each test works on a temp copy of data/; no test reaches AWS (the SDK is pointed at the fake with
 * --endpoint and IMDS/config files are disabled). After every fault, every file under the data dir is
 * byte-identical (sha256 of each file, and no file added or removed).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCatalogCache, loadCatalogList, loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { isUnavailable, type RegionCatalog } from "@/lib/catalog/schema";
import { ec2Item, ecsItem, serviceItem, startFakePricing, type Fault, type FakeServer } from "./fake-pricing-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SCRIPT = path.join(ROOT, "scripts", "refresh-prices.ts");
const FAKE_KEY_ID = "AKIAFAKEKEY0EXAMPLE1";
const FAKE_SECRET = "fAkE/SecretKey+ThatMustNeverBePrinted0001";
/** The newest bundled snapshot, which a refresh starts from; the older one must stay untouched too. */
const PREV_ID = "2026-12-01";
const OLD_ID = "2026-11-26";
const today = () => new Date().toISOString().slice(0, 10);
/** The id the refresh must pick for a run on UTC date `t`: t, or t.N when taken (t may well be the bundled id's date). */
function expectedId(taken: string[], t: string): string {
  if (!taken.includes(t)) return t;
  for (let n = 1; ; n++) if (!taken.includes(`${t}.${n}`)) return `${t}.${n}`;
}
/**
 * The UTC date the child process read its clock on: the day before or after the run, whichever its output names
 * (a run that crosses midnight may use either, so the test must not compute "today" on its own).
 */
function runDate(stdout: string, before: string, after: string): string {
  const id = /Wrote price catalog (\d{4}-\d{2}-\d{2})/.exec(stdout)?.[1];
  expect([before, after]).toContain(id);
  return id as string;
}

const ECS_US_EAST_1 = [
  ecsItem("us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", "0.0400000000"), // changed from 0.04048
  ecsItem("us-east-1", "USE1-Fargate-GB-Hours", "0.0044450000"),
  ecsItem("us-east-1", "USE1-Fargate-ARM-vCPU-Hours:perCPU", "0.0323800000"),
  ecsItem("us-east-1", "USE1-Fargate-ARM-GB-Hours", "0.0035600000"),
  ecsItem("us-east-1", "USE1-Fargate-Windows-vCPU-Hours:perCPU", "0.0465520000"),
  ecsItem("us-east-1", "USE1-Fargate-Windows-GB-Hours", "0.0052000000"), // changed from 0.00511175
  ecsItem("us-east-1", "USE1-Fargate-Windows-OS-Hours:perCPU", "0.0460000000"),
  ecsItem("us-east-1", "USE1-Fargate-EphemeralStorage-GB-Hours", "0.0001110000"),
  ecsItem("us-east-1", "USE1-ECS-EC2-vCPU-Hours", "0.0000000000"),
  // another region's item in the answer must be ignored (matching is by regionCode)
  ecsItem("us-west-2", "USW2-Fargate-vCPU-Hours:perCPU", "0.9900000000"),
];
const INTEL = { physicalProcessor: "Intel Xeon Platinum 8175 (Skylake)" };
const EC2_US_EAST_1 = [
  // the real m5.large item keeps its 12 Reserved terms: Standard No Upfront 1yr 0.06, 3yr 0.041
  ec2Item("us-east-1", "BoxUsage:m5.large", "m5.large", "0.0960000000", { vcpu: "2", memory: "8 GiB", ...INTEL }, undefined, { keepReserved: true }),
  ec2Item("us-east-1", "BoxUsage:m5.xlarge", "m5.xlarge", "0.2000000000", { vcpu: "4", memory: "16 GiB", ...INTEL }), // was 0.192
  ec2Item("us-east-1", "BoxUsage:m6g.large", "m6g.large", "0.0770000000", { vcpu: "2", memory: "8 GiB", physicalProcessor: "AWS Graviton2 Processor" }),
  ec2Item("us-east-1", "BoxUsage:m9z.large", "m9z.large", "0.1100000000", { vcpu: "2", memory: "8 GiB", physicalProcessor: "Intel Xeon 9th" }), // new type
  ec2Item("us-east-1", "BoxUsage:p5.48xlarge", "p5.48xlarge", "0.0000000000", { vcpu: "192", memory: "2,048 GiB", ...INTEL }), // no public price
  // NAT gateways are AmazonEC2 products too (read by a second query filtered on productFamily)
  serviceItem("AmazonEC2", "us-east-1", "NAT Gateway", "NatGateway-Hours", "0.0450000000"),
  serviceItem("AmazonEC2", "us-east-1", "NAT Gateway", "NatGateway-Bytes", "0.0480000000"), // changed from 0.045
];
const ELB_US_EAST_1 = [
  serviceItem("AWSELB", "us-east-1", "Load Balancer-Application", "LoadBalancerUsage", "0.0252000000"), // changed from 0.0225
  serviceItem("AWSELB", "us-east-1", "Load Balancer-Application", "LCUUsage", "0.0080000000"),
  serviceItem("AWSELB", "us-east-1", "Load Balancer-Network", "LoadBalancerUsage", "0.0225000000"),
  serviceItem("AWSELB", "us-east-1", "Load Balancer-Network", "LCUUsage", "0.0060000000"),
  serviceItem("AWSELB", "us-east-1", "Load Balancer", "LoadBalancerUsage", "0.0250000000"), // Classic: not used
];
const VPC_US_EAST_1 = [
  serviceItem("AmazonVPC", "us-east-1", "VPC Public IPv4 Address", "PublicIPv4:InUseAddress", "0.0050000000"),
  serviceItem("AmazonVPC", "us-east-1", "VpcEndpoint", "VpcEndpoint-Hours", "0.0100000000"),
  serviceItem("AmazonVPC", "us-east-1", "VpcEndpoint", "VpcEndpoint-Bytes", "0.0100000000"),
];
const LOGS_US_EAST_1 = [
  serviceItem("AmazonCloudWatch", "us-east-1", "Data Payload", "DataProcessing-Bytes", "0.5000000000"),
  serviceItem("AmazonCloudWatch", "us-east-1", "Data Payload", "DataProcessingIA-Bytes", "0.2500000000"),
  serviceItem("AmazonCloudWatch", "us-east-1", "Storage Snapshot", "TimedStorage-ByteHrs", "0.0300000000"),
];
const DATA = {
  AmazonECS: {
    "us-east-1": ECS_US_EAST_1,
    "eu-west-1": [ecsItem("eu-west-1", "EU-Fargate-vCPU-Hours:perCPU", "0.0404800000"), ecsItem("eu-west-1", "EU-Fargate-GB-Hours", "0.0044450000")],
  },
  AmazonEC2: {
    "us-east-1": EC2_US_EAST_1,
    "eu-west-1": [ec2Item("eu-west-1", "EU-BoxUsage:m5.large", "m5.large", "0.1070000000", { vcpu: "2", memory: "8 GiB", ...INTEL })],
  },
  AWSELB: { "us-east-1": ELB_US_EAST_1 },
  AmazonVPC: { "us-east-1": VPC_US_EAST_1 },
  AmazonCloudWatch: { "us-east-1": LOGS_US_EAST_1 },
};

let work: string;
let dataDir: string;
let server: FakeServer | undefined;
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

function run(args: string[], env: Record<string, string> = {}, withCredentials = true): Promise<Run> {
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(work, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, "no-aws-credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(withCredentials ? { AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET } : {}),
    ...env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, "--data-dir", dataDir, ...args], { cwd: ROOT, env: baseEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
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

async function fake(fault?: Fault, pageSize = 3): Promise<FakeServer> {
  server = await startFakePricing(DATA, { pageSize, fault });
  return server;
}

function regionFile(id: string, region: string): RegionCatalog {
  return JSON.parse(readFileSync(path.join(dataDir, "catalog", id, `${region}.json`), "utf8")) as RegionCatalog;
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "ecs-refresh-"));
  dataDir = path.join(work, "data");
  cpSync(path.join(ROOT, "data"), dataDir, { recursive: true });
  clearCatalogCache();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(work, { recursive: true, force: true });
});

describe("prices:refresh success", () => {
  it("pages through GetProducts with NextToken, writes a validated new snapshot and summarises the changes", async () => {
    const before = hashTree(path.join(dataDir, "catalog", PREV_ID));
    const beforeOld = hashTree(path.join(dataDir, "catalog", OLD_ID));
    const s = await fake();
    const dayBefore = today();
    const r = await run(["--region", "us-east-1,eu-west-1", "--endpoint", s.url]);
    const readOn = runDate(r.stdout, dayBefore, today());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    // The protocol: every request is POST / GetProducts in JSON 1.1, and the NextToken chain is followed.
    expect(s.requests.every((q) => q.target === "AWSPriceListService.GetProducts" && q.contentType === "application/x-amz-json-1.1")).toBe(true);
    const ecsUsEast1 = s.requests.filter((q) => q.body.ServiceCode === "AmazonECS" && q.body.Filters?.some((f) => f.Value === "us-east-1"));
    // 10 items at 3 per page = 4 pages
    expect(ecsUsEast1.map((q) => q.body.NextToken)).toEqual([undefined, "page-2", "page-3", "page-4"]);
    expect(ecsUsEast1[0]!.body.MaxResults).toBe(100);
    const ec2Query = s.requests.find((q) => q.body.ServiceCode === "AmazonEC2")!;
    expect(ec2Query.body.Filters).toEqual(
      expect.arrayContaining([
        { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
        { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
        { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
        { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
      ]),
    );
    // SigV4-signed with the fake key id; the secret itself is never sent.
    expect(String(ec2Query.headers.authorization)).toContain(`Credential=${FAKE_KEY_ID}/`);
    expect(s.requests.some((q) => JSON.stringify(q.headers).includes(FAKE_SECRET) || q.rawBody.includes(FAKE_SECRET))).toBe(false);

    // Progress and summary.
    expect(r.stdout).toContain("[us-east-1] AmazonECS page 1: 3 products (3 so far)");
    expect(r.stdout).toContain("[us-east-1] AmazonECS page 4: 10 products (10 so far)");
    expect(r.stdout).toContain("[us-east-1] Fargate Linux x86 per vCPU-hour: $0.04048 -> $0.04");
    expect(r.stdout).toContain("[us-east-1] Fargate Windows per GB-hour: $0.00511175 -> $0.0052");
    expect(r.stdout).not.toContain("[us-east-1] Fargate Windows per vCPU-hour");
    // the new products: at least one page of each was read and the changes are listed
    for (const service of ["AWSELB", "AmazonVPC", "AmazonCloudWatch"]) expect(r.stdout).toContain(`[us-east-1] ${service} page 1:`);
    const natQuery = s.requests.find((q) => q.body.ServiceCode === "AmazonEC2" && q.body.Filters?.some((f) => f.Field === "productFamily" && f.Value === "NAT Gateway"));
    expect(natQuery).toBeDefined();
    expect(r.stdout).toContain("[us-east-1] Application Load Balancer per hour: $0.0225 -> $0.0252");
    expect(r.stdout).toContain("[us-east-1] NAT gateway data processed per GB: $0.045 -> $0.048");
    expect(r.stdout).toContain("[us-east-1] read 12 of 12 load balancer / NAT / IPv4 / endpoint / log rates; Reserved Instance rates for 1 types");
    expect(r.stdout).toContain("[eu-west-1] Fargate ARM per vCPU-hour: $0.03238 -> not available");
    const prevUs = regionFile(PREV_ID, "us-east-1");
    // m5.xlarge changed (0.192 -> 0.2), m9z.large added, m5.large and m6g.large unchanged, the rest removed
    expect(r.stdout).toContain(`[us-east-1] EC2: 1 prices changed, 1 types added, ${prevUs.ec2.instanceTypes.length - 3} removed, 2 unchanged`);

    // New snapshot id = today's UTC date (date.N if taken), now the newest; the previous snapshot is untouched.
    const id = expectedId([PREV_ID], readOn);
    const list = loadCatalogList(dataDir);
    expect(list.newest).toBe(id);
    expect(list.catalogs.map((c) => c.id)).toEqual([OLD_ID, PREV_ID, id]);
    expect(hashTree(path.join(dataDir, "catalog", PREV_ID))).toEqual(before);
    expect(hashTree(path.join(dataDir, "catalog", OLD_ID))).toEqual(beforeOld);
    expect(readdirSync(path.join(dataDir, "catalog", id)).filter((f) => f.endsWith(".json"))).toHaveLength(37);

    // The app's own loader accepts the new files.
    const us = loadRegionCatalog("us-east-1", undefined, { dataDir });
    expect(us.catalogId).toBe(id);
    expect(us.fargate.linuxX86.vcpuHour).toMatchObject({ usd: 0.04, asOf: readOn, usageType: "USE1-Fargate-vCPU-Hours:perCPU", derived: false, source: `aws-pricing-api-${readOn}` });
    expect(us.fargate.linuxX86.gbHour.usd).toBe(0.004445);
    expect(us.fargate.ephemeralStorageGbHour).toMatchObject({ usd: 0.000111, asOf: readOn });
    // Spot is not in the Price List: kept with its own date.
    expect(us.fargate.spotX86).toEqual(prevUs.fargate.spotX86);
    expect(!isUnavailable(us.fargate.spotX86) && us.fargate.spotX86.vcpuHour.asOf).toBe("2026-09-29");
    const m5 = us.ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    const prevM5 = prevUs.ec2.instanceTypes.find((t) => t.type === "m5.large")!;
    expect(m5).toMatchObject({ onDemandUSD: 0.096, spotAvgUSD: prevM5.spotAvgUSD, maxEnis: prevM5.maxEnis, ipv4PerEni: prevM5.ipv4PerEni });
    expect(us.ec2.instanceTypes.find((t) => t.type === "m9z.large")).toMatchObject({ architecture: "x86_64", vcpu: 2, memoryMiB: 8192, maxEnis: null, onDemandUSD: 0.11 });
    expect(us.ec2.instanceTypes.find((t) => t.type === "m6g.large")?.architecture).toBe("arm64");
    expect(us.ec2.instanceTypes.find((t) => t.type === "p5.48xlarge")).toBeUndefined();
    expect(us.ec2.onDemand).toMatchObject({ asOf: readOn, source: `aws-pricing-api-${readOn}` });
    expect(m5).toMatchObject({ reserved1yUSD: 0.06, reserved3yUSD: 0.041, trunking: "supported", ecsTrunkTasks: 10 });
    expect(us.ec2.reserved["reserved-1y"]).toMatchObject({ asOf: readOn, source: `aws-pricing-api-${readOn}` });
    // a type ECS's trunking table has never seen is planned without trunking
    expect(us.ec2.instanceTypes.find((t) => t.type === "m9z.large")).toMatchObject({ trunking: "not-listed", ecsTrunkTasks: null });
    expect(us.network.albHour).toMatchObject({ usd: 0.0252, asOf: readOn, usageType: "LoadBalancerUsage" });
    expect(us.network.nlbNlcuHour).toMatchObject({ usd: 0.006, asOf: readOn });
    expect(us.network.logsIngestInfrequentAccessGB).toMatchObject({ usd: 0.25, asOf: readOn, usageType: "DataProcessingIA-Bytes" });
    expect(us.network.publicIpv4InUseHour).toMatchObject({ usd: 0.005, asOf: readOn });
    // not in the Price List queries: kept from the previous snapshot with its own date
    const prevUsNet = regionFile(PREV_ID, "us-east-1").network;
    expect(us.network.dataTransferOut).toEqual(prevUsNet.dataTransferOut);
    expect(us.network.interAzGBEachDirection).toEqual(prevUsNet.interAzGBEachDirection);

    const eu = loadRegionCatalog("eu-west-1", undefined, { dataDir });
    expect(isUnavailable(eu.fargate.linuxArm)).toBe(true);
    expect(eu.ec2.instanceTypes.map((t) => [t.type, t.onDemandUSD])).toEqual([["m5.large", 0.107]]);

    // Regions not refreshed are copied unchanged apart from the snapshot id.
    const apEast = regionFile(id, "ap-east-1");
    expect({ ...apEast, catalogId: PREV_ID }).toEqual(regionFile(PREV_ID, "ap-east-1"));
  }, 60_000);

  it("recovers from a throttling answer (ThrottlingException 400) and succeeds", async () => {
    const s = await fake((_req, n) => (n === 0 ? { status: 400, body: { __type: "ThrottlingException", message: "Rate exceeded" } } : undefined));
    const dayBefore = today();
    const r = await run(["--region", "us-east-1", "--endpoint", s.url]);
    const readOn = runDate(r.stdout, dayBefore, today());
    expect(r.code).toBe(0);
    // the first request was retried with the same body
    expect(s.requests[1]!.rawBody).toBe(s.requests[0]!.rawBody);
    expect(loadCatalogList(dataDir).newest).toBe(expectedId([PREV_ID], readOn));
  }, 60_000);

  it("uses date.N when today's snapshot id is taken", async () => {
    const s = await fake();
    const dayBefore = today();
    const r1 = await run(["--region", "us-east-1", "--endpoint", s.url]);
    expect(r1.code).toBe(0);
    const r2 = await run(["--region", "us-east-1", "--endpoint", s.url]);
    expect(r2.code).toBe(0);
    const dayAfter = today();
    clearCatalogCache();
    const first = expectedId([PREV_ID], runDate(r1.stdout, dayBefore, dayAfter));
    const second = expectedId([PREV_ID, first], runDate(r2.stdout, dayBefore, dayAfter));
    expect(second).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(loadCatalogList(dataDir).catalogs.map((c) => c.id)).toEqual([OLD_ID, PREV_ID, first, second]);
  }, 60_000);
});

describe("prices:refresh faults leave every file byte-identical", () => {
  async function expectFailure(args: string[], fault: Fault | undefined, expected: RegExp, opts: { code?: number; credentials?: boolean } = {}) {
    const before = hashTree(dataDir);
    const s = await fake(fault);
    const r = await run([...args, "--endpoint", s.url], {}, opts.credentials ?? true);
    expect(r.code).toBe(opts.code ?? 1);
    expect(r.stderr).toMatch(expected);
    expect(hashTree(dataDir)).toEqual(before);
    return { r, s };
  }

  it("throttled on every attempt: gives up after retries with advice", async () => {
    const { r, s } = await expectFailure(
      ["--region", "us-east-1"],
      () => ({ status: 400, body: { __type: "ThrottlingException", message: "Rate exceeded" } }),
      /throttled the requests while reading AmazonECS prices for us-east-1 \(page 1\).*after 4 attempts.*Wait a minute/,
    );
    expect(s.requests).toHaveLength(4);
    expect(r.stderr).toContain("No files were changed.");
  }, 60_000);

  it("malformed item: names the item and the field", async () => {
    await expectFailure(
      ["--region", "us-east-1"],
      (_req, _n, ctx) =>
        ctx.service === "AmazonECS" && ctx.page === 2
          ? { status: 200, body: { FormatVersion: "aws_v1", PriceList: [JSON.stringify({ product: { sku: "X", attributes: { regionCode: "us-east-1" } }, terms: {} })], NextToken: "page-3" } }
          : undefined,
      /Unexpected Price List item shape at AmazonECS us-east-1 page 2 item 1: product\.attributes\.usagetype/,
    );
  }, 60_000);

  it("item that is not JSON: says so", async () => {
    await expectFailure(
      ["--region", "us-east-1"],
      (_req, _n, ctx) => (ctx.service === "AmazonEC2" ? { status: 200, body: { FormatVersion: "aws_v1", PriceList: ["{not json"] } } : undefined),
      /AmazonEC2 us-east-1 page 1 item 1: \(root\): not valid JSON/,
    );
  }, 60_000);

  it("HTTP 500 half-way through the pages (after the first region succeeded)", async () => {
    const { r } = await expectFailure(
      ["--region", "eu-west-1,us-east-1"],
      (_req, _n, ctx) => (ctx.region === "us-east-1" && ctx.service === "AmazonECS" && ctx.page === 3 ? { status: 500, body: { __type: "InternalErrorException", message: "boom" } } : undefined),
      /HTTP 500 \(InternalErrorException\) while reading AmazonECS prices for us-east-1 \(page 3\), after 4 attempts/,
    );
    expect(r.stdout).toContain("[us-east-1] AmazonECS page 2: 6 products");
  }, 60_000);

  it("unknown region (not in the catalog): lists the regions that exist, no request made", async () => {
    const { r, s } = await expectFailure(["--region", "us-east-1,xx-fake-1"], undefined, /Unknown region "xx-fake-1": not in price catalog 2026-12-01\. Regions that can be refreshed: af-south-1, /, { code: 2 });
    expect(s.requests).toHaveLength(0);
    expect(r.stdout).toBe("");
  }, 60_000);

  it("region the Price List knows nothing about: explains instead of writing empty rates", async () => {
    await expectFailure(["--region", "ap-east-1"], undefined, /returned no Fargate Linux\/x86 rates for region "ap-east-1".*Check the region code/);
  }, 60_000);

  it("no credentials: tells how to provide them, before any request", async () => {
    const { s } = await expectFailure(["--region", "us-east-1"], undefined, /No AWS credentials found\..*AWS_ACCESS_KEY_ID.*pricing:GetProducts/, { credentials: false });
    expect(s.requests).toHaveLength(0);
  }, 60_000);

  it("access denied whose message echoes the secret: the secret is redacted", async () => {
    const { r } = await expectFailure(
      ["--region", "us-east-1"],
      () => ({ status: 400, body: { __type: "AccessDeniedException", message: `User with secret ${FAKE_SECRET} is not authorized to perform pricing:GetProducts` } }),
      /credentials were refused.*pricing:GetProducts permission/,
    );
    expect(r.stderr + r.stdout).not.toContain(FAKE_SECRET);
  }, 60_000);

  it("bad arguments exit 2 with usage", async () => {
    const before = hashTree(dataDir);
    const r = await run(["--regin", "us-east-1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument "--regin"');
    expect(r.stderr).toContain("Usage: npm run prices:refresh -- --region");
    expect(hashTree(dataDir)).toEqual(before);
  }, 60_000);
});

describe("credentials hygiene", () => {
  it("no run printed the fake secret key", () => {
    // runs in file order after the tests above
    expect(allOutput.length).toBeGreaterThan(10);
    for (const text of allOutput) expect(text).not.toContain(FAKE_SECRET);
  });
});
