/**
 * The page's side of issue 25: the price book and sidecar rows survive draft <-> input (share links restore the form),
 * the Express Mode button's draft edit, and the display currency (presentation only; ECB 2025-10-21: 1 EUR = 1.1607
 * USD, 176.45 JPY).
 */
import { describe, expect, it } from "vitest";
import { draftToRaw } from "@/lib/form/to-raw";
import { inputToDraft } from "@/lib/form/from-input";
import { parseEstimateInput, type EstimateInputRaw } from "@/lib/schemas/estimate";
import { sidecarContainer } from "@/lib/engine/sidecars";
import { addExpressModeService } from "@/components/presets/ExpressModePanel";
import { convertCents, convertPresentedOption, formatInCurrency, ratesPerUSD, checkRate, USD, type BundledRates } from "@/lib/present/currency";
import { estimateToCsv, estimateToJson } from "@/lib/export/csv";
import bundled from "@/data/currency/ecb-reference-rates-2025-10-21.json";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { presentOption } from "@/lib/present/estimate";
import { cents } from "@/lib/money";

const RAW: EstimateInputRaw = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 2, containers: [sidecarContainer("envoy"), sidecarContainer("fluent-bit")] }],
  discounts: { name: "ACME EDP", percent: 10, byService: { AmazonEC2: 5 }, byCategory: { spot: 0 } },
};
const parse = (raw: unknown) => {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};

describe("draft round trip", () => {
  it("input -> draft -> input keeps the price book and the sidecar rows exactly", () => {
    const input = parse(RAW);
    const back = draftToRaw(inputToDraft(input));
    expect(back.errors).toEqual([]);
    expect(parse(back.raw)).toEqual(input);
  });
  it("a form without a price book writes no discounts (old links stay byte-identical)", () => {
    const input = parse({ ...RAW, discounts: undefined });
    const raw = draftToRaw(inputToDraft(input)).raw;
    expect("discounts" in raw).toBe(false);
  });
  it("a bad percentage typed in the form is reported at its path", () => {
    const draft = inputToDraft(parse(RAW));
    const out = draftToRaw({ ...draft, discounts: { ...draft.discounts!, percent: "ten" } });
    expect(out.errors).toEqual([{ path: "discounts.percent", message: 'must be a number (got "ten")' }]);
  });
  it("the Express Mode button adds the service, its ALB and 2 addresses, and turns the network on", () => {
    const draft = inputToDraft(parse({ version: 1, region: "us-east-1", services: [{ name: "express-web", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    const next = addExpressModeService(draft);
    const input = parse(draftToRaw(next).raw);
    expect(input.services[1]).toMatchObject({ name: "express-web-2", vcpu: 1, memoryGiB: 2, tasks: 1, logs: { ingestedGBPerMonth: 1, class: "standard", retentionMonths: 1 } });
    expect(input.network?.loadBalancers).toEqual([expect.objectContaining({ name: "express-web-2-alb", type: "alb", count: 1 })]);
    expect(input.network?.publicIpv4?.extraAddresses).toBe(2);
  });
});

describe("display currency (presentation only)", () => {
  const rates = ratesPerUSD(bundled as BundledRates);
  const eur = rates.find((r) => r.code === "EUR")!;
  const jpy = rates.find((r) => r.code === "JPY")!;
  it("per-USD rates from the ECB's per-EUR ones: EUR 1/1.1607, JPY 176.45/1.1607", () => {
    expect(eur.perUSD).toBeCloseTo(1 / 1.1607, 12);
    expect(jpy.perUSD).toBeCloseTo(176.45 / 1.1607, 12);
    expect(eur.source).toBe("European Central Bank, euro foreign exchange reference rates, 2025-10-21");
  });
  it("converts displayed cents once, to the currency's minor unit", () => {
    // $163.36 = 16336 cents; / 1.1607 = 140.7426... EUR -> 14074 cents; JPY: 163.36 x 152.0203 = 24834.0 -> 24834 yen
    expect(convertCents(cents(16336), eur)).toBe(14074);
    expect(formatInCurrency(cents(16336), eur)).toBe("€140.74");
    expect(convertCents(cents(16336), jpy)).toBe(24834);
    expect(formatInCurrency(cents(16336), jpy)).toBe("¥24,834");
    expect(formatInCurrency(cents(16336), USD)).toBe("$163.36");
  });
  it("a converted breakdown still adds up, the discount group included", () => {
    const catalog = loadRegionCatalog("us-east-1", "2026-12-01");
    const r = estimate(parse({ ...RAW, network: { natGateways: { count: 1, processedGBPerMonth: 100 } } }), catalog);
    const p = presentOption(r.options.find((o) => o.id === "fargate")!);
    const c = convertPresentedOption(p, eur);
    expect(c.groups.reduce((s, g) => s + g.cents, 0)).toBe(c.total);
    for (const g of c.groups) expect(g.lines.reduce((s, x) => s + x, 0)).toBe(g.cents);
    expect(c.groups.some((g) => g.cents < 0)).toBe(true);
  });
  it("a typed rate is checked", () => {
    expect(checkRate("0.86")).toEqual({ ok: true, value: 0.86 });
    expect(checkRate("0")).toMatchObject({ ok: false, message: "must be greater than 0" });
    expect(checkRate("abc")).toMatchObject({ ok: false });
  });
  it("exports stay USD and record the rate shown (and nothing when USD)", () => {
    const catalog = loadRegionCatalog("us-east-1", "2026-12-01");
    const r = estimate(parse(RAW), catalog);
    expect(estimateToCsv(r, USD)).toBe(estimateToCsv(r));
    const csv = estimateToCsv(r, eur);
    expect(csv.split("\r\n")[0]).toMatch(/,displayCurrency,displayPerUSD,displayRateSource$/);
    expect(csv.split("\r\n")[1]).toContain(`,EUR,${eur.perUSD},`);
    const json = JSON.parse(estimateToJson(r, eur)) as { displayCurrency: { code: string; perUSD: number }; options: { monthlyUSD: number }[] };
    expect(json.displayCurrency).toMatchObject({ code: "EUR", perUSD: eur.perUSD });
    expect(json.options[0]!.monthlyUSD).toBe(r.options[0]!.monthlyUSD);
    expect(estimateToJson(r, USD)).toBe(JSON.stringify(r, null, 2) + "\n");
  });
});
