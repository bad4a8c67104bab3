/**
 * Compare: the golden case where an input change and a price change happen together and are told apart, the
 * CLI's exit codes with both thresholds, and the Markdown a pull request gets.
 *
 * Rates (eu-west-1, bundled snapshots; docs/price-catalog.md):
 *   p4d.24xlarge On-Demand   2026-11-26: $35.39655/h (ec2instances.info 2024-04-04)   2026-12-01: $23.71569/h (AWS EC2 feed 2025-11-04)
 *   EBS gp3 per GB-month     2026-11-26: $0.0892 (derived)                             2026-12-01: $0.088 (AWS EBS feed)
 * A 90 vCPU / 1000 GiB task fits no Fargate size (16 vCPU max), so ECS on EC2 is the only (recommended) option;
 * one p4d.24xlarge (96 vCPU, 1152 GiB) holds one task, with a 30 GiB gp3 root volume per instance.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { unknownRegionError } from "@/lib/catalog/errors";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { checkThresholds, compareSides, readCompareSide, type CompareReport } from "@/lib/compare";
import { estimateWithLoader } from "@/lib/pipeline/estimate";
import { parseEstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";
import { encodeShareToken } from "@/lib/share/codec";
import { runCli } from "../../support/cli";

const root = path.resolve(import.meta.dirname, "../../..");
const load = (region: string, catalogId: string | undefined) => loadRegionCatalog(region, catalogId);

const trainer = (tasks: number, catalog: string): EstimateInputRaw => ({
  version: 1,
  region: "eu-west-1",
  catalog,
  services: [{ name: "trainer", vcpu: 90, memoryGiB: 1000, tasks }],
  ec2: { instanceTypes: ["p4d.24xlarge"] },
});

function side(raw: EstimateInputRaw, label: string) {
  const out = readCompareSide(JSON.stringify(raw), label);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.side;
}

function report(oldRaw: EstimateInputRaw, newRaw: EstimateInputRaw): CompareReport {
  const out = compareSides(side(oldRaw, "old"), side(newRaw, "new"), load);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.report;
}

const cli = (argv: string[], stdin = "") => runCli(main, argv, stdin);

describe("compare: input change and price change told apart (golden, by hand)", () => {
  // old:      1 task on snapshot 2026-11-26: 730 h x 35.39655 = 25,839.4815 + 30 GB x 0.0892 = 2.676 -> 25,842.1575 -> $25,842.16
  // repriced: the same input on 2026-12-01:  730 h x 23.71569 = 17,312.4537 + 30 GB x 0.088  = 2.64  -> 17,315.0937 -> $17,315.09
  // new:      2 tasks on 2026-12-01: 2 instances: 1460 h x 23.71569 = 34,624.9074 + 60 GB x 0.088 = 5.28 -> 34,630.1874 -> $34,630.19
  // price delta = 17,315.09 - 25,842.16 = -8,527.07; input delta = 34,630.19 - 17,315.09 = +17,315.10; total +8,788.03
  const r = report(trainer(1, "2026-11-26"), trainer(2, "2026-12-01"));

  it("splits the recommended total", () => {
    expect(r.old.catalogId).toBe("2026-11-26");
    expect(r.new.catalogId).toBe("2026-12-01");
    expect(r.repricing).toEqual({ catalogId: "2026-12-01", available: true, reason: null, sameSnapshot: false });
    expect(r.recommended).toMatchObject({
      oldOptionId: "ec2",
      newOptionId: "ec2",
      oldCents: 2_584_216,
      repricedOldCents: 1_731_509,
      newCents: 3_463_019,
      deltaCents: 878_803,
      priceDeltaCents: -852_707,
      inputDeltaCents: 1_731_510,
    });
    expect(r.recommended.priceDeltaCents! + r.recommended.inputDeltaCents!).toBe(r.recommended.deltaCents);
  });

  it("shows per line what moved: quantity, rate or both", () => {
    const ec2 = r.options.find((o) => o.id === "ec2")!;
    const instance = ec2.lines.find((l) => l.label === "EC2 instance (on-demand, p4d.24xlarge)")!;
    expect(instance.status).toBe("changed");
    expect(instance.changed).toEqual(["quantity", "rate"]);
    expect(instance.old).toMatchObject({ quantity: 730, rateUSD: 35.39655, cents: 2_583_948 });
    expect(instance.new).toMatchObject({ quantity: 1460, rateUSD: 23.71569, cents: 3_462_491 });
    const ebs = ec2.lines.find((l) => l.label.startsWith("EBS gp3"))!;
    expect(ebs.old).toMatchObject({ quantity: 30, rateUSD: 0.0892, cents: 268 });
    expect(ebs.new).toMatchObject({ quantity: 60, rateUSD: 0.088, cents: 528 });
    expect(r.inputChanges).toEqual([{ path: "services[trainer].tasks", old: "1", new: "2" }]);
  });

  it("a price change alone (same input, two snapshots) is all price delta", () => {
    const p = report(trainer(1, "2026-11-26"), trainer(1, "2026-12-01"));
    expect(p.recommended).toMatchObject({ deltaCents: -852_707, priceDeltaCents: -852_707, inputDeltaCents: 0 });
    expect(p.inputChanges).toEqual([]);
  });

  it("an input change alone (same snapshot) is all input delta", () => {
    const p = report(trainer(1, "2026-12-01"), trainer(2, "2026-12-01"));
    // 3,463,019 - 1,731,509 cents
    expect(p.recommended).toMatchObject({ deltaCents: 1_731_510, priceDeltaCents: 0, inputDeltaCents: 1_731_510 });
    expect(p.repricing.sameSnapshot).toBe(true);
  });

  it("unavailable on both sides is unchanged, not 'changed'", () => {
    expect(r.options.find((o) => o.id === "fargate")).toMatchObject({ status: "unchanged", oldCents: null, newCents: null, oldReason: expect.any(String) });
  });
});

describe("compare: services added and removed, Fargate per service", () => {
  // us-east-1 Fargate x86 on-demand: $0.04048 per vCPU-hour, $0.004445 per GB-hour (same in both snapshots).
  // api 1 vCPU / 2 GiB x 4 tasks x 730 h = 2920 vCPU-h x 0.04048 = 118.2016 + 5840 GB-h x 0.004445 = 25.9588 -> 144.1604 -> $144.16
  // web 0.5 vCPU / 1 GiB x 3 tasks x 730 h = 1095 x 0.04048 = 44.3256 + 2190 x 0.004445 = 9.73455 -> 54.06015 -> $54.06
  // jobs 0.25 vCPU / 0.5 GiB x 2 tasks x 730 h = 365 x 0.04048 = 14.7752 + 730 x 0.004445 = 3.24485 -> 18.02005 -> $18.02
  const base = { version: 1 as const, region: "us-east-1", catalog: "2026-12-01" };
  const r = report(
    { ...base, services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }, { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 3 }] },
    { ...base, services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }, { name: "jobs", vcpu: 0.25, memoryGiB: 0.5, tasks: 2 }] },
  );
  const fargate = r.options.find((o) => o.id === "fargate")!;

  it("per service: unchanged, removed, added", () => {
    expect(fargate.oldCents).toBe(14_416 + 5_406);
    expect(fargate.newCents).toBe(14_416 + 1_802);
    expect(fargate.services).toEqual([
      expect.objectContaining({ name: "api", status: "unchanged", oldCents: 14_416, newCents: 14_416, deltaCents: 0 }),
      expect.objectContaining({ name: "web", status: "removed", oldCents: 5_406, newCents: null, deltaCents: -5_406, inputDeltaCents: -5_406, priceDeltaCents: 0 }),
      expect.objectContaining({ name: "jobs", status: "added", oldCents: null, newCents: 1_802, deltaCents: 1_802, inputDeltaCents: 1_802, priceDeltaCents: 0 }),
    ]);
    expect(fargate.lines.filter((l) => l.status === "removed").map((l) => l.service)).toEqual(["web", "web"]);
    expect(fargate.lines.filter((l) => l.status === "added").map((l) => l.service)).toEqual(["jobs", "jobs"]);
    expect(r.inputChanges).toEqual([
      { path: "services[web]", old: "present", new: "removed" },
      { path: "services[jobs]", old: "absent", new: "added" },
    ]);
  });
});

describe("compare: reading each side", () => {
  const raw = trainer(1, "2026-11-26");
  it("a share link (whole URL or token), an export and an input all give the same input", () => {
    const token = encodeShareToken(raw);
    const fromUrl = readCompareSide(`https://estimator.example/?s=${token}`, "old");
    const fromToken = readCompareSide(token, "old");
    const exported = estimateWithLoader((parseEstimateInput(raw) as { ok: true; value: never }).value, load);
    if (!exported.ok) throw new Error("estimate failed");
    const fromExport = readCompareSide(JSON.stringify(exported.result), "old");
    const fromInput = readCompareSide(JSON.stringify(raw), "old");
    for (const [out, kind] of [[fromUrl, "share-link"], [fromToken, "share-link"], [fromExport, "export"], [fromInput, "input"]] as const) {
      expect(out.ok).toBe(true);
      if (out.ok) {
        expect(out.side.kind).toBe(kind);
        expect(out.side.input.services[0]!.vcpu).toBe(90);
      }
    }
  });

  it("says what is wrong with each side, with its label", () => {
    expect(readCompareSide("", "old")).toMatchObject({ ok: false, errors: [{ path: "old", message: expect.stringContaining("is empty") }] });
    expect(readCompareSide("option,service,component,quantity\r\n", "new")).toMatchObject({ ok: false, errors: [{ path: "new", message: expect.stringContaining("CSV export") }] });
    expect(readCompareSide("hello", "new")).toMatchObject({ ok: false, errors: [{ path: "new", message: expect.stringContaining("neither a share link") }] });
    expect(readCompareSide("/?s=v1.garbage!!", "old")).toMatchObject({ ok: false, errors: [{ path: "old", message: expect.stringContaining("altered") }] });
    const bad = readCompareSide(JSON.stringify({ ...raw, services: [{ name: "x", vcpu: 999, memoryGiB: 1, tasks: 1 }] }), "new");
    expect(bad).toMatchObject({ ok: false, errors: [{ path: "new.services[0].vcpu", message: "must be <= 192 (largest EC2 task size)" }] });
  });

  it("an old input the new snapshot cannot price is reported, not guessed; an unknown snapshot is a field error", () => {
    // A snapshot without the old side's region (simulated: 2026-12-01 without eu-west-1).
    const withoutEuWest1 = (region: string, id: string | undefined) => {
      if (id === "2026-12-01" && region === "eu-west-1") throw unknownRegionError(region, id, ["us-east-1"]);
      return loadRegionCatalog(region, id);
    };
    const out = compareSides(side(raw, "old"), side({ ...trainer(1, "2026-12-01"), region: "us-east-1" }, "new"), withoutEuWest1);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.report.repricing).toMatchObject({ available: false, reason: expect.stringContaining("eu-west-1") });
    expect(out.report.recommended).toMatchObject({ deltaCents: expect.any(Number), inputDeltaCents: null, priceDeltaCents: null });
    expect(out.report.inputChanges).toContainEqual({ path: "region", old: '"eu-west-1"', new: '"us-east-1"' });
    const unknown = compareSides(side(raw, "old"), side({ ...raw, catalog: "2031-01-01" }, "new"), load);
    expect(unknown).toMatchObject({ ok: false, errors: [{ path: "new.catalog", message: expect.stringContaining("2031-01-01") }] });
  });
});

describe("compare: thresholds", () => {
  const r = report(trainer(1, "2026-11-26"), trainer(2, "2026-12-01"));
  it("checks the recommended total against USD and percent limits (an increase equal to the limit passes)", () => {
    // +$8,788.03 on $25,842.16 = +34.006%
    expect(checkThresholds(r, {}).checked).toBe(false);
    expect(checkThresholds(r, { maxIncreaseUSD: 8788.03 }).exceeded).toBe(false);
    expect(checkThresholds(r, { maxIncreaseUSD: 8788.02 }).exceeded).toBe(true);
    expect(checkThresholds(r, { maxIncreasePct: 35 }).exceeded).toBe(false);
    expect(checkThresholds(r, { maxIncreasePct: 34 }).exceeded).toBe(true);
    expect(checkThresholds(r, { maxIncreaseUSD: 10_000, maxIncreasePct: 10 }).exceeded).toBe(true);
  });
});

describe("compare CLI", () => {
  const oldFile = path.join(root, "tests/unit/compare/fixtures/trainer-old.json");
  const newFile = path.join(root, "tests/unit/compare/fixtures/trainer-new.json");

  it("exit 0 within --max-increase, 3 beyond it", async () => {
    expect((await cli(["--compare", oldFile, newFile, "--max-increase", "9000"])).code).toBe(0);
    const over = await cli(["--compare", oldFile, newFile, "--max-increase", "50"]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain("over --max-increase $50.00: the recommended total changed by +$8,788.03/month ($25,842.16 -> $34,630.19)");
  });

  it("exit 0 within --max-increase-pct, 3 beyond it", async () => {
    expect((await cli(["--compare", oldFile, newFile, "--max-increase-pct", "40"])).code).toBe(0);
    const over = await cli(["--compare", oldFile, newFile, "--max-increase-pct=10"]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain("over --max-increase-pct 10%: the recommended total changed by 34.01%");
  });

  it("a decrease passes any threshold; no threshold never fails", async () => {
    expect((await cli(["--compare", newFile, oldFile, "--max-increase", "0", "--max-increase-pct", "0"])).code).toBe(0);
    expect((await cli(["--compare", oldFile, newFile])).code).toBe(0);
  });

  it("markdown for a pull-request comment", async () => {
    const out = await cli(["--compare", oldFile, newFile, "--format", "markdown", "--max-increase", "50"]);
    expect(out.code).toBe(3);
    const md = out.stdout;
    expect(md).toContain("### ECS cost estimate: comparison");
    expect(md).toContain("**FAIL: over --max-increase $50.00");
    expect(md).toContain("**Recommended monthly total: $25,842.16 -> $34,630.19, +$8,788.03 (+34%); input change +$17,315.10, price change -$8,527.07.**");
    expect(md).toContain("| Option | Status | Old | New | Change | Input change | Price change |");
    expect(md).toContain("| ECS on EC2 (on-demand) | changed | $25,842.16 | $34,630.19 | +$8,788.03 | +$17,315.10 | -$8,527.07 |");
    expect(md).toContain("rate $35.39655 -> $23.71569 (as of 2024-04-04 -> 2025-11-04)");
    expect(md).toContain("| services[trainer].tasks | 1 | 2 |");
  });

  it("json carries the report and the verdict; a share link works as an argument", async () => {
    const token = encodeShareToken(trainer(1, "2026-11-26"));
    const out = await cli(["--compare", `http://127.0.0.1:3000/?s=${token}`, newFile, "--format", "json"]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.old.kind).toBe("share-link");
    expect(json.recommended.priceDeltaCents).toBe(-852_707);
    expect(json.threshold).toEqual({ checked: false, exceeded: false, messages: [] });
  });

  it("exit 2 on bad usage or input, naming the side and the field", async () => {
    expect((await cli(["--compare", oldFile])).code).toBe(2);
    expect((await cli(["--compare", oldFile, newFile, "--max-increase", "lots"])).stderr).toContain("--max-increase: expected a number >= 0");
    const missing = await cli(["--compare", oldFile, "/nonexistent/new.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("new: cannot read /nonexistent/new.json: no such file");
    const invalid = await cli(["--compare", oldFile, "-"], JSON.stringify({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: -1, memoryGiB: 1, tasks: 1 }] }));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("new.services[0].vcpu: must be >= 0.125");
  });
});
