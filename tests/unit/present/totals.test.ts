/**
 * "Totals equal the sum of the displayed lines": for random estimates, in the Results model (lib/present,
 * what the cards, breakdown tables, cost chart and the CLI table show), in the CSV export and in the JSON
 * export, each option's lines, services and components add up to the option's displayed total to the cent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/engine/estimate";
import { estimateToCsv } from "@/lib/export/csv";
import { toCents } from "@/lib/money";
import { compareWithBaseline, costBarRows, presentEstimate, presentOption } from "@/lib/present/estimate";
import { EstimateInputSchema, EstimateResultSchema, type EstimateInput, type EstimateResult } from "@/lib/schemas/estimate";
import { fixtureCatalog } from "../engine/fixtures";

const catalog = fixtureCatalog();
const TYPES = catalog.ec2.instanceTypes.map((t) => t.type);

const serviceArb = fc.record({
  name: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim().length > 0),
  vcpu: fc.oneof(fc.constantFrom(0.25, 0.5, 1, 2, 4), fc.double({ min: 0.125, max: 16, noNaN: true })),
  memoryGiB: fc.oneof(fc.constantFrom(0.5, 1, 2, 3, 8, 30), fc.double({ min: 0.125, max: 120, noNaN: true })),
  architecture: fc.constantFrom("x86_64" as const, "arm64" as const),
  os: fc.oneof({ weight: 5, arbitrary: fc.constant("linux" as const) }, { weight: 1, arbitrary: fc.constant("windows" as const) }),
  ephemeralStorageGiB: fc.integer({ min: 20, max: 200 }),
  tasks: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })),
  usage: fc.oneof(
    fc.record({ kind: fc.constant("continuous" as const), hoursPerMonth: fc.double({ min: 0, max: 744, noNaN: true }) }),
    fc.record({
      kind: fc.constant("scheduled" as const),
      runsPerDay: fc.double({ min: 0, max: 200, noNaN: true }),
      secondsPerRun: fc.double({ min: 0, max: 100_000, noNaN: true }),
      daysPerMonth: fc.double({ min: 0, max: 31, noNaN: true }),
    }),
  ),
  fargateCapacityProviders: fc.option(
    fc.record({ base: fc.integer({ min: 0, max: 5 }), fargateWeight: fc.integer({ min: 0, max: 5 }), spotWeight: fc.integer({ min: 1, max: 5 }) }),
    { nil: undefined },
  ),
});

const inputArb = fc
  .record({
    services: fc.uniqueArray(serviceArb, { minLength: 1, maxLength: 6, selector: (s) => s.name.trim() }),
    savingsPlan: fc.constantFrom("none" as const, "compute-1y" as const, "compute-3y" as const),
    ec2: fc.record({
      purchase: fc.constantFrom("on-demand" as const, "spot" as const, "savings-plan-1y" as const),
      instanceTypes: fc.oneof(fc.constant([] as string[]), fc.subarray(TYPES, { minLength: 1 })),
      targetUtilizationPct: fc.integer({ min: 10, max: 100 }),
      minInstances: fc.integer({ min: 0, max: 4 }),
      networkMode: fc.constantFrom("awsvpc" as const, "bridge" as const),
      eniTrunking: fc.boolean(),
      rootVolumeGiB: fc.integer({ min: 0, max: 100 }),
    }),
  })
  .map(
    ({ services, savingsPlan, ec2 }): EstimateInput =>
      EstimateInputSchema.parse({ version: 1, region: "us-east-1", services, fargate: { savingsPlan }, ec2 }),
  );

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** RFC 4180 cells of the export (the writer quotes; this reads quotes back). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

function checkDisplayedTotals(result: EstimateResult): void {
  const presented = presentEstimate(result);
  const csv = csvRows(estimateToCsv(result));
  const header = csv[0] as string[];
  const optionCol = header.indexOf("option");
  const usdCol = header.indexOf("usd");
  const json = EstimateResultSchema.parse(JSON.parse(JSON.stringify(result)));

  presented.options.forEach((p, i) => {
    const id = p.option.id;
    if (p.totalCents === null) {
      check(p.groups.length === 0 && p.services.length === 0, () => `${id}: an unavailable option shows no lines`);
      return;
    }
    // UI model: lines in each service, services (line groups), option.services and components add up.
    check(p.totalCents === toCents(p.option.monthlyUSD as number), () => `${id}: total is the exact total rounded once`);
    check(sum(p.groups.map((g) => g.cents)) === p.totalCents, () => `${id}: service subtotals ${p.groups.map((g) => g.cents)} != ${p.totalCents}`);
    for (const g of p.groups) {
      check(sum(g.lines.map((l) => l.cents)) === g.cents, () => `${id} ${g.service}: lines != subtotal ${g.cents}`);
      for (const l of g.lines) check(Math.abs(l.cents - l.line.usd * 100) < 3, () => `${id} ${l.line.label}: ${l.cents} cents for ${l.line.usd}`);
    }
    check(sum(p.components.map((c) => c.cents)) === p.totalCents, () => `${id}: components != total`);
    check(sum(p.services.map((s) => s.cents)) === p.totalCents, () => `${id}: services ${p.services.map((s) => s.cents)} != ${p.totalCents}`);
    const bar = costBarRows(presented).find((r) => r.id === id);
    check(bar !== undefined && Math.round(bar.total * 100) === p.totalCents, () => `${id}: chart total`);

    // CSV: the option's usd cells (full precision) add up to the displayed total to the cent.
    const csvUsd = csv.slice(1).filter((r) => r[optionCol] === id).map((r) => Number(r[usdCol]));
    check(csvUsd.length === p.option.lines.length, () => `${id}: CSV rows`);
    check(toCents(sum(csvUsd)) === p.totalCents, () => `${id}: CSV lines ${sum(csvUsd)} vs displayed ${p.totalCents}`);

    // JSON: lines and services (exact amounts) add up to monthlyUSD, which rounds to the displayed total.
    const o = json.options[i]!;
    check(toCents(o.monthlyUSD as number) === p.totalCents, () => `${id}: JSON total`);
    check(toCents(sum(o.lines.map((l) => l.usd))) === p.totalCents, () => `${id}: JSON lines ${sum(o.lines.map((l) => l.usd))}`);
    const services = sum(o.services.map((s) => s.monthlyUSD));
    check(Math.abs(services - (o.monthlyUSD as number)) <= 1e-9 * Math.max(1, services), () => `${id}: JSON services ${services} vs ${o.monthlyUSD}`);
  });
}

describe("displayed totals add up (UI model, CSV, JSON)", () => {
  it("for random estimates, every option's services, lines and components add up to its displayed total to the cent", () => {
    fc.assert(
      fc.property(inputArb, (input) => checkDisplayedTotals(estimate(input, catalog))),
      { numRuns: 800 },
    );
  });

  it("an EC2 fleet split three ways shows $3.34 + $3.33 + $3.33 under a $10.00 total, not $3.33 x 3", () => {
    const result = EstimateResultSchema.parse({
      version: 1,
      input: { version: 1, region: "us-east-1", services: ["a", "b", "c"].map((name) => ({ name, vcpu: 1, memoryGiB: 2, tasks: 1 })) },
      catalog: { id: "2026-11-26", region: "us-east-1", currency: "USD", sources: [] },
      hoursPerMonth: 730,
      options: [
        {
          id: "ec2",
          label: "ECS on EC2 (on-demand)",
          available: true,
          reason: null,
          // 1 instance x 250 h x $0.04 = $10.00; the three equal services each get 10 / 3 = 3.3333...
          monthlyUSD: 10,
          lines: [{ service: "x86_64 fleet", component: "instance", quantity: 250, unit: "instance-hours", rateUSD: 0.04, usd: 10, usageType: "BoxUsage:x", asOf: "2026-07-20", derived: false }],
          services: ["a", "b", "c"].map((name) => ({ name, vcpu: 1, memoryGiB: 2, requested: { vcpu: 1, memoryGiB: 2 }, monthlyUSD: 10 / 3 })),
          plan: { instances: [] },
        },
      ],
      recommendation: null,
      warnings: [],
    });
    const p = presentOption(result.options[0]!);
    expect(p.totalCents).toBe(1000);
    // Largest remainder: exact 333.33 cents each, floors 333 x 3 = 999, the cent left goes to the first.
    expect(p.services).toEqual([
      { name: "a", cents: 334 },
      { name: "b", cents: 333 },
      { name: "c", cents: 333 },
    ]);
  });

  it("compares with Fargate on-demand from the displayed cents", () => {
    const base = { option: { id: "fargate" }, totalCents: 1000 } as unknown as ReturnType<typeof presentOption>;
    const other = (cents: number) => ({ option: { id: "ec2" }, totalCents: cents }) as unknown as ReturnType<typeof presentOption>;
    expect(compareWithBaseline(base, base)).toEqual({ kind: "baseline" });
    expect(compareWithBaseline(other(1000), base)).toEqual({ kind: "same" });
    // $10.00 - $7.50 = $2.50 saved, 25% of $10.00.
    expect(compareWithBaseline(other(750), base)).toEqual({ kind: "cheaper", cents: 250, pct: 25 });
    expect(compareWithBaseline(other(1001), base)).toEqual({ kind: "dearer", cents: 1 });
  });
});
