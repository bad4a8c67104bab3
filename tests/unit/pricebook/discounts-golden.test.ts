/**
 * Price books (docs/billing-rules.md#private-pricing-discounts), golden by hand: a 10% EDP on an estimate with
 * Fargate, a 1-year Compute Savings Plan, EC2 Spot and a NAT gateway, us-east-1 catalog 2026-12-01:
 * Fargate x86 0.04048/vCPU-h, 0.004445/GB-h; Compute SP 1y 0.032384, 0.003556; Fargate Spot 0.01288561, 0.00141493;
 * m5.large Spot average 0.0384/h; gp3 0.08/GB-month; NAT 0.045/h + 0.045/GB.
 * Rule: the discount is a percentage of each line as billed (after the Savings Plan, Reserved Instance or Spot
 * price), all charges eligible by default; one negative line per percentage per option.
 * The same numbers through the engine, POST /api/estimate, the CLI (--discount 10 and the input's block) and a
 * share link round trip.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/estimate/route";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { parsePriceBookText } from "@/lib/pricebook";
import { EstimateResultSchema, parseEstimateInput, type EstimateInputRaw, type EstimateResult } from "@/lib/schemas/estimate";
import { REPO_ROOT, runCli } from "../../support/cli";
import { COMPONENT_ORDER, costBarRows, DISCOUNT_ROW, presentEstimate, presentOption } from "@/lib/present/estimate";
import { estimateToCsv } from "@/lib/export/csv";
import { focusRows } from "@/lib/export/focus";
import { compareSides, readCompareSide } from "@/lib/compare";
import { sizeCommitment } from "@/lib/commitment";

const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(REPO_ROOT, "data") });

const WITHOUT: EstimateInputRaw = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  fargate: { savingsPlan: "compute-1y" },
  ec2: { purchase: "spot", instanceTypes: ["m5.large"], networkMode: "bridge" },
  network: { natGateways: { count: 1, processedGBPerMonth: 100 } },
};
const EDP10: EstimateInputRaw = { ...WITHOUT, discounts: { name: "ACME EDP", percent: 10 } };

function engine(raw: EstimateInputRaw): EstimateResult {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const r = estimate(p.value, catalog);
  expect(EstimateResultSchema.safeParse(r).success).toBe(true);
  return r;
}
const option = (r: EstimateResult, id: string) => {
  const o = r.options.find((x) => x.id === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};
const discountLines = (r: EstimateResult, id: string) => option(r, id).lines.filter((l) => l.category === "discount");

// Hand arithmetic, list (as billed before the EDP):
// task-hours 4 x 730 = 2920; vCPU-h 2920; GB-h 2 x 2920 = 5840; NAT 730 x 0.045 = 32.85 + 100 x 0.045 = 4.50 = 37.35
// fargate:      2920 x 0.04048 = 118.2016 + 5840 x 0.004445 = 25.9588 -> 144.1604 + 37.35 = 181.5104
// SP 1y:        2920 x 0.032384 = 94.56128 + 5840 x 0.003556 = 20.76704 -> 115.32832 + 37.35 = 152.67832
// Fargate Spot: 2920 x 0.01288561 = 37.6259812 + 5840 x 0.00141493 = 8.2631912 -> 45.8891724 + 37.35 = 83.2391724
// EC2 Spot: 1 vCPU tasks on 2-vCPU m5.large (2048 CPU units) -> 2 tasks each -> 2 instances x 730 = 1460 h x 0.0384
//           = 56.064; gp3 root 30 GiB x 2 instances = 60 GB-months x 0.08 = 4.80 -> 60.864 + 37.35 = 98.214
const LIST = { fargate: 181.5104, "fargate-savings-plan": 152.67832, "fargate-spot": 83.2391724, ec2: 98.214 } as const;

describe("10% EDP, by hand", () => {
  const before = engine(WITHOUT);
  const after = engine(EDP10);

  it("list totals are as computed by hand (the discount block absent changes nothing)", () => {
    for (const [id, usd] of Object.entries(LIST)) expect(option(before, id).monthlyUSD).toBeCloseTo(usd, 9);
    for (const o of before.options) expect(o.lines.some((l) => l.category === "discount")).toBe(false);
    expect(option(before, "ec2").plan?.instances.map((i) => [i.type, i.count])).toEqual([["m5.large", 2]]);
  });

  it("each option gets one negative line: 10% of every line as billed", () => {
    // fargate: -18.15104 -> 163.35936; SP: -15.267832 -> 137.410488 (the EDP applies to the SP rate, not On-Demand);
    // Spot: -8.32391724 -> 74.91525516 (Spot usage is discounted like any other eligible usage);
    // EC2 Spot: -9.8214 -> 88.3926 (instance Spot hours, EBS and the NAT gateway: all AmazonEC2)
    const expected: Record<string, [number, number]> = {
      fargate: [-18.15104, 163.35936],
      "fargate-savings-plan": [-15.267832, 137.410488],
      "fargate-spot": [-8.32391724, 74.91525516],
      ec2: [-9.8214, 88.3926],
    };
    for (const [id, [discount, net]] of Object.entries(expected)) {
      const lines = discountLines(after, id);
      expect(lines).toHaveLength(1);
      const d = lines[0]!;
      expect(d.usd).toBeCloseTo(discount, 9);
      expect(d.rateUSD).toBe(-0.1);
      expect(d.quantity).toBeCloseTo(LIST[id as keyof typeof LIST], 9);
      expect(d.unit).toBe("USD");
      expect(d.component).toBe("other");
      expect(d.label).toMatch(/^Negotiated discount -10% \(/);
      expect(d.note).toContain("ACME EDP");
      expect(option(after, id).monthlyUSD).toBeCloseTo(net, 9);
    }
    // Which AWS services each line covers: Fargate = AmazonECS, NAT gateway = AmazonEC2.
    expect(discountLines(after, "fargate")[0]!.label).toBe("Negotiated discount -10% (AmazonEC2, AmazonECS)");
    expect(discountLines(after, "ec2")[0]!.label).toBe("Negotiated discount -10% (AmazonEC2)");
  });

  it("per-service subtotals shrink by the same 10% (the NAT gateway belongs to no service)", () => {
    // fargate: api holds 144.1604 -> 129.74436
    expect(option(after, "fargate").services[0]!.monthlyUSD).toBeCloseTo(129.74436, 9);
    // EC2: api holds the fleet 60.864 -> 54.7776
    expect(option(after, "ec2").services[0]!.monthlyUSD).toBeCloseTo(54.7776, 9);
  });

  it("the recommendation and its savings use the discounted totals", () => {
    // Cheapest allowed: api is not interruptible, so Spot options are held back: SP 137.410488 vs fargate 163.35936.
    expect(after.recommendation?.optionId).toBe("fargate-savings-plan");
    expect(after.recommendation?.monthlyUSD).toBeCloseTo(137.410488, 9);
    expect(after.recommendation?.savingsUSD).toBeCloseTo(163.35936 - 137.410488, 9);
  });

  it("per category and per service: Spot excluded, EC2 at 5%, data of a NAT gateway at 0%", () => {
    const r = engine({ ...WITHOUT, discounts: { percent: 10, byService: { AmazonEC2: 5 }, byCategory: { spot: 0, "nat-gateway": 0 } } });
    // fargate: Fargate lines 144.1604 at 10% = -14.41604; NAT 0% -> 181.5104 - 14.41604 = 167.09436
    expect(discountLines(r, "fargate").map((l) => [l.rateUSD, Number(l.usd.toFixed(9))])).toEqual([[-0.1, -14.41604]]);
    expect(option(r, "fargate").monthlyUSD).toBeCloseTo(167.09436, 9);
    // fargate-spot: spot category 0% -> nothing off at all: no discount line
    expect(discountLines(r, "fargate-spot")).toHaveLength(0);
    expect(option(r, "fargate-spot").monthlyUSD).toBeCloseTo(83.2391724, 9);
    // ec2 on Spot: instance hours spot 0%; EBS storage AmazonEC2 5% = 4.80 x 0.05 = -0.24 -> 98.214 - 0.24 = 97.974
    expect(discountLines(r, "ec2").map((l) => [l.rateUSD, Number(l.usd.toFixed(9))])).toEqual([[-0.05, -0.24]]);
    expect(option(r, "ec2").monthlyUSD).toBeCloseTo(97.974, 9);
  });
});

describe("the same through the API, the CLI and a share link", () => {
  const expected = engine(EDP10).options.map((o) => [o.id, o.monthlyUSD]);

  it("POST /api/estimate", async () => {
    const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(EDP10), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(200);
    const r = (await res.json()) as EstimateResult;
    expect(r.options.map((o) => [o.id, o.monthlyUSD])).toEqual(expected);
    expect(r.input.discounts).toEqual({ name: "ACME EDP", percent: 10 });
  });

  it("POST /api/estimate: a bad percentage is a 400 naming the field", async () => {
    const res = await POST(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify({ ...WITHOUT, discounts: { percent: 110 } }), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("discounts.percent");
  });

  it("CLI: the input's discounts block, and --discount 10 as a shorthand on the plain input", async () => {
    const fromBlock = await runCli(main, ["-"], JSON.stringify(EDP10));
    expect(fromBlock.code).toBe(0);
    expect((JSON.parse(fromBlock.stdout) as EstimateResult).options.map((o) => [o.id, o.monthlyUSD])).toEqual(expected);
    const shorthand = await runCli(main, ["-", "--discount", "10"], JSON.stringify(WITHOUT));
    expect(shorthand.code).toBe(0);
    const r = JSON.parse(shorthand.stdout) as EstimateResult;
    // The same totals (the block has no name here, so only the note differs).
    expect(r.options.map((o) => [o.id, o.monthlyUSD])).toEqual(expected);
    expect(r.input.discounts).toEqual({ percent: 10 });
  });

  it("CLI: bad --discount and a bad price book exit 2 with the field", async () => {
    const bad = await runCli(main, ["-", "--discount", "abc"], JSON.stringify(WITHOUT));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--discount: expected a percentage from 0 to 100");
    const dir = mkdtempSync(path.join(os.tmpdir(), "pricebook-"));
    const file = path.join(dir, "book.json");
    writeFileSync(file, JSON.stringify({ percent: 10, byService: { AmazonS3: 5 } }));
    const badBook = await runCli(main, ["-", "--price-book", file], JSON.stringify(WITHOUT));
    expect(badBook.code).toBe(2);
    expect(badBook.stderr).toContain("byService");
    writeFileSync(file, JSON.stringify({ name: "ACME EDP", percent: 10 }));
    const good = await runCli(main, ["-", "--price-book", file], JSON.stringify(WITHOUT));
    expect(good.code).toBe(0);
    expect((JSON.parse(good.stdout) as EstimateResult).options.map((o) => [o.id, o.monthlyUSD])).toEqual(expected);
  });

  it("CLI table shows the discount line", async () => {
    const t = await runCli(main, ["-", "--discount", "10", "--format", "table"], JSON.stringify(WITHOUT));
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("Negotiated discount -10%");
  });

  it("share link round trip keeps the price book and the numbers", () => {
    const parsed = parseEstimateInput(EDP10);
    if (!parsed.ok) throw new Error("invalid");
    const decoded = decodeShareToken(encodeShareToken(parsed.value));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.input).toEqual(parsed.value);
    expect(estimate(decoded.input, catalog).options.map((o) => [o.id, o.monthlyUSD])).toEqual(expected);
  });

  it("an old link without discounts decodes exactly as before", () => {
    const parsed = parseEstimateInput(WITHOUT);
    if (!parsed.ok) throw new Error("invalid");
    const token = encodeShareToken(parsed.value);
    const decoded = decodeShareToken(token);
    expect(decoded.ok && decoded.input).toEqual(parsed.value);
    expect(decoded.ok && "discounts" in decoded.input).toBe(false);
  });
});

describe("price book files", () => {
  it("accepts a bare block, a discounts key and an exported result", () => {
    expect(parsePriceBookText('{"percent": 12}')).toEqual({ ok: true, discounts: { percent: 12 } });
    expect(parsePriceBookText('{"discounts": {"percent": 12, "byCategory": {"spot": 0}}}')).toEqual({ ok: true, discounts: { percent: 12, byCategory: { spot: 0 } } });
    expect(parsePriceBookText(JSON.stringify({ input: { discounts: { percent: 3 } } }))).toEqual({ ok: true, discounts: { percent: 3 } });
  });
  it("refuses what is not a price book, naming the field", () => {
    expect(parsePriceBookText("nope")).toMatchObject({ ok: false, errors: [{ path: "(file)" }] });
    expect(parsePriceBookText('{"percent": -1}')).toMatchObject({ ok: false, errors: [{ path: "percent", message: "must be >= 0 (a percentage)" }] });
    expect(parsePriceBookText('{"discounts": {"percent": 101}}')).toMatchObject({ ok: false, errors: [{ path: "discounts.percent" }] });
    expect(parsePriceBookText(JSON.stringify(WITHOUT))).toMatchObject({ ok: false, errors: [{ path: "discounts" }] });
  });
});

describe("around the engine: presentation, exports, /compare and the commitment sizing", () => {
  const after = engine(EDP10);

  it("displayed cents: charges, then the discount group; they add up to the displayed total", () => {
    // fargate: charges 181.5104 -> 18151 cents; total 163.35936 -> 16336; discount = 16336 - 18151 = -1815
    const p = presentOption(option(after, "fargate"));
    expect(p.totalCents).toBe(16336);
    expect(p.grossCents).toBe(18151);
    expect(p.discountCents).toBe(-1815);
    const group = p.groups.find((g) => g.service === DISCOUNT_ROW)!;
    expect(group.cents).toBe(-1815);
    expect(p.groups.reduce((s, g) => s + g.cents, 0)).toBe(16336);
    expect(p.services.reduce((s, x) => s + x.cents, 0)).toBe(16336);
  });

  it("the cost chart and its table: the components, then the discount as a negative part, add up to the displayed total", () => {
    // fargate: components 18151 cents (charges before the discount) + discount -1815 = 16336 = the card's $163.36
    const bar = costBarRows(presentEstimate(after)).find((r) => r.id === "fargate")!;
    expect(bar.discount).toBe(-18.15);
    expect(bar.total).toBe(163.36);
    const parts = COMPONENT_ORDER.reduce((sum, c) => sum + Math.round((bar[c] ?? 0) * 100), 0);
    expect(parts).toBe(18151);
    expect(parts + Math.round(bar.discount! * 100)).toBe(16336);
    // without a price book the row has no discount part
    expect(costBarRows(presentEstimate(engine(WITHOUT))).find((r) => r.id === "fargate")!.discount).toBeUndefined();
  });

  it("CSV and FOCUS keep the discount line; FOCUS EffectiveCost still adds up to the option total", () => {
    expect(estimateToCsv(after)).toContain("Negotiated discount -10%");
    const focus = focusRows(after, { month: "2026-12", option: "fargate", catalog });
    if (!focus.ok) throw new Error(focus.error);
    const credit = focus.rows.filter((r) => r.ChargeCategory === "Credit");
    expect(credit).toHaveLength(1);
    expect(credit[0]!.BilledCost).toBeCloseTo(-18.15104, 9);
    expect(focus.rows.reduce((s, r) => s + (r.EffectiveCost as number), 0)).toBeCloseTo(163.35936, 9);
  });

  it("/compare: adding the price book shows the discount as an added line and as an input change", () => {
    const side = (raw: EstimateInputRaw, label: string) => {
      const out = readCompareSide(JSON.stringify(raw), label);
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      return out.side;
    };
    const out = compareSides(side(WITHOUT, "old"), side(EDP10, "new"), (r, c) => loadRegionCatalog(r, c, { dataDir: path.join(REPO_ROOT, "data") }));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const fargate = out.report.options.find((o) => o.id === "fargate")!;
    // 16336 - 18151 = -1815 cents, all of it the input's doing (same prices)
    expect(fargate.deltaCents).toBe(-1815);
    expect(fargate.inputDeltaCents).toBe(-1815);
    expect(fargate.priceDeltaCents).toBe(0);
    expect(fargate.lines.some((l) => l.status === "added" && l.label.startsWith("Negotiated discount -10%"))).toBe(true);
    expect(out.report.inputChanges.some((c) => c.path.startsWith("discounts"))).toBe(true);
  });

  it("commitment sizing: the same $/hour commitment, every monthly dollar 10% lower", () => {
    const plain = parseEstimateInput(WITHOUT);
    const edp = parseEstimateInput(EDP10);
    if (!plain.ok || !edp.ok) throw new Error("invalid");
    const a = sizeCommitment(plain.value, catalog, "fargate");
    const b = sizeCommitment(edp.value, catalog, "fargate");
    expect(b.discount?.percent).toBe(10);
    expect(a.discount).toBeUndefined();
    const [pa, pb] = [a.plans[0]!.recommended!, b.plans[0]!.recommended!];
    expect(pb.commitmentUSDPerHour).toBe(pa.commitmentUSDPerHour);
    // Fargate on-demand compute 144.1604/month -> 129.74436 after 10%
    expect(a.usage.monthlyOnDemandUSD).toBeCloseTo(144.1604, 6);
    expect(b.usage.monthlyOnDemandUSD).toBeCloseTo(129.74436, 6);
    expect(pb.monthlyCostUSD).toBeCloseTo(pa.monthlyCostUSD * 0.9, 9);
    expect(pb.monthlyNetSavingUSD).toBeCloseTo(pa.monthlyNetSavingUSD * 0.9, 9);
  });
});

describe("with environments", () => {
  it("each environment's subtotal and week are 10% lower, Fargate and the EC2 fleet alike", () => {
    const envs: EstimateInputRaw = {
      version: 1,
      region: "us-east-1",
      catalog: "2026-12-01",
      services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }],
      ec2: { instanceTypes: ["m5.large"], networkMode: "bridge" },
      environments: [{ name: "prod" }, { name: "dev", multiplier: 0.5, schedule: { kind: "business-hours" } }],
    };
    const list = engine(envs);
    const net = engine({ ...envs, discounts: { percent: 10 } });
    for (const id of ["fargate", "ec2"]) {
      for (const env of ["prod", "dev"]) {
        const a = list.environments!.find((e) => e.name === env)!.subtotals.find((s) => s.optionId === id)!;
        const b = net.environments!.find((e) => e.name === env)!.subtotals.find((s) => s.optionId === id)!;
        expect(b.monthlyUSD!).toBeCloseTo(a.monthlyUSD! * 0.9, 6);
        expect(b.costPerHourUSD![40]!).toBeCloseTo(a.costPerHourUSD![40]! * 0.9, 5);
      }
      // no shared lines here, so the environments add up to the net total as they did to the list total
      const sum = (r: EstimateResult) => r.environments!.reduce((s, e) => s + e.subtotals.find((x) => x.optionId === id)!.monthlyUSD!, 0);
      expect(sum(net)).toBeCloseTo(option(net, id).monthlyUSD!, 6);
      expect(option(net, id).services.reduce((s, x) => s + x.monthlyUSD, 0)).toBeCloseTo(option(net, id).monthlyUSD!, 6);
    }
  });
});
