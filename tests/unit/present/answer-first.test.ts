/**
 * The answer first (issue 21): the pinned answer, the cards' reading order and key facts, the Graviton side by
 * side, the panels' one-line summaries and the plain-language problems. Numbers by hand from the fixture's
 * us-east-1 rates (tests/unit/engine/fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/engine/estimate";
import { answerSummary, formatDiff, optionKeyFact, optionsInReadingOrder, splitWhy } from "@/lib/present/answer";
import { presentEstimate } from "@/lib/present/estimate";
import { gravitonComparison, gravitonVariant } from "@/lib/present/graviton";
import { ec2Summary, environmentsSummary, networkSummary, priceBookSummary } from "@/lib/present/panel-summaries";
import { fieldLabel, plainFieldError, plainMessage } from "@/lib/present/field-labels";
import { defaultInputRaw } from "@/lib/examples/default-input";
import { exampleInput } from "@/lib/examples/gallery";
import { EXAMPLE_TITLES } from "@/lib/examples/titles";
import { parseEstimateInput, type EstimateOption } from "@/lib/schemas/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { fixtureCatalog, input } from "../engine/fixtures";
import { cents } from "@/lib/money";

const catalog = fixtureCatalog();

describe("the pinned answer and the cards' order", () => {
  it("puts the recommended option first and gives the others' difference to it", () => {
    // 1 vCPU / 2 GiB x 2 tasks x 730 h on Fargate: 1,460 x (0.04048 + 2 x 0.004445) = 1,460 x 0.04937 = $72.0802 -> $72.08
    const result = estimate(input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] }), catalog);
    const presented = presentEstimate(result);
    const answer = answerSummary(presented);
    expect(answer.recommended?.id).toBe(result.recommendation?.optionId);
    const order = optionsInReadingOrder(presented).map((p) => p.option.id);
    expect(order[0]).toBe(result.recommendation?.optionId);
    // available options cheapest first after the recommended one, the unavailable last
    const rest = optionsInReadingOrder(presented).slice(1);
    const availableTotals = rest.filter((p) => p.totalCents !== null).map((p) => p.totalCents as number);
    expect(availableTotals).toEqual([...availableTotals].sort((a, b) => a - b));
    for (const o of answer.others) {
      const card = presented.options.find((p) => p.option.id === o.id)!;
      expect(o.diffCents).toBe((card.totalCents as number) - answer.recommended!.cents);
    }
    const fargate = presented.options.find((p) => p.option.id === "fargate")!;
    expect(fargate.totalCents).toBe(7208);
  });

  it("formats a difference with its sign", () => {
    expect(formatDiff(cents(867))).toBe("+$8.67");
    expect(formatDiff(cents(-2457))).toBe("−$24.57");
    expect(formatDiff(cents(0))).toBe("same");
  });

  it("says an EC2 plan's fleet and binding limit, and an EKS option's cluster fee, in one line", () => {
    const option = {
      id: "ec2",
      label: "ECS on EC2",
      available: true,
      reason: null,
      monthlyUSD: 140.16,
      lines: [],
      services: [],
      plan: { instances: [{ type: "m6g.large", count: 8, tasksPerInstance: {}, cpuUtilPct: 50, memUtilPct: 40, boundBy: "eni" }] },
    } satisfies EstimateOption;
    expect(optionKeyFact(option)).toBe("8 × m6g.large, limited by network interfaces");
    const eks = { ...option, plan: null, lines: [{ service: "(shared)", component: "other" as const, quantity: 730, unit: "cluster-hours", rateUSD: 0.1, usd: 73, usageType: null, asOf: "2026-11-30", derived: false, category: "control-plane" as const, shared: true }] };
    // 1 cluster x 730 h x $0.10 = $73.00
    expect(optionKeyFact(eks)).toBe("incl. $73.00 cluster fee");
    expect(optionKeyFact({ ...option, available: false })).toBeNull();
  });

  it("keeps the first sentence of a why text and puts the rest behind Details", () => {
    const why = "Fargate (on-demand) is the cheapest option at $36.04/month; Spot needs interruptible services. CPU-bound: m7a.medium holds 1 task, e.g. for app.";
    expect(splitWhy(why)).toEqual({ first: "Fargate (on-demand) is the cheapest option at $36.04/month; Spot needs interruptible services.", rest: "CPU-bound: m7a.medium holds 1 task, e.g. for app." });
    expect(splitWhy("One sentence only.")).toEqual({ first: "One sentence only.", rest: "" });
  });
});

describe("Graviton side by side", () => {
  it("moves every x86_64 Linux service to arm64 and gives each option's saving", () => {
    const inp = input({
      services: [
        { name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 },
        { name: "win", vcpu: 1, memoryGiB: 2, tasks: 1, os: "windows" },
        { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 2, architecture: "arm64" },
      ],
    });
    const variant = gravitonVariant(inp)!;
    expect(variant.eligible).toEqual(["api"]);
    expect(variant.input.services.map((s) => s.architecture)).toEqual(["arm64", "x86_64", "arm64"]);
    const now = estimate(inp, catalog);
    const g = gravitonComparison(inp, now, catalog)!;
    const fargate = g.options.find((o) => o.id === "fargate")!;
    // api on Fargate: x86 730 x (0.04048 + 2 x 0.004445) = 36.0401; arm64 730 x (0.03238 + 2 x 0.00356) = 730 x 0.0395 = 28.835.
    // The other services do not change, so the saving is 36.0401 - 28.835 = 7.2051 -> 720 or 721 cents after rounding
    // each total: check it against the two displayed totals.
    expect(fargate.savedCents).toBe(fargate.nowCents - fargate.armCents);
    expect(fargate.savedCents === 720 || fargate.savedCents === 721).toBe(true);
    expect(g.best).not.toBeNull();
    expect(g.best!.savedCents).toBe(Math.max(...g.options.map((o) => o.savedCents)));
  });

  it("is null when no service can move", () => {
    const inp = input({ services: [{ name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 2, architecture: "arm64" }] });
    expect(gravitonComparison(inp, estimate(inp, catalog), catalog)).toBeNull();
  });
});

describe("the collapsed panels' one-line summaries", () => {
  it("network: what is priced and what it adds now", () => {
    const none = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    expect(networkSummary(none, estimate(none, catalog))).toMatch(/^none priced/);
    // The bundled us-east-1 prices (catalog 2026-12-01): a NAT gateway is $0.045/h, 730 h = $32.85; 10 GB processed
    // x $0.045 = $0.45; together $33.30.
    const nat = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }], network: { natGateways: { count: 1, processedGBPerMonth: 10 } } });
    const bundled = loadRegionCatalog("us-east-1", "2026-12-01");
    expect(networkSummary(nat, estimate({ ...nat, catalog: "2026-12-01" }, bundled))).toBe("1 NAT gateway — $33.30/month");
  });

  it("EC2: the purchase option, headroom and minimum, and the plan", () => {
    const inp = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }], ec2: { targetUtilizationPct: 90, minInstances: 2 } });
    const s = ec2Summary(inp, estimate(inp, catalog));
    expect(s).toMatch(/^on-demand, 90% target, min 2 — plan: \d+ × [a-z0-9]+\.[a-z0-9]+/);
  });

  it("environments: one, or their names", () => {
    const inp = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    expect(environmentsSummary(inp)).toMatch(/^one, always on/);
    expect(environmentsSummary({ ...inp, environments: [{ name: "prod", multiplier: 1, schedule: { kind: "always" }, taskProfile: null }, { name: "dev", multiplier: 0.5, schedule: { kind: "always" }, taskProfile: null }] })).toBe("2: prod, dev");
  });

  it("price book: list prices, or the book the estimate applies", () => {
    const inp = input({ services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    expect(priceBookSummary(inp)).toBe("List prices (add an EDP or private-pricing discount)");
    expect(priceBookSummary({ ...inp, discounts: { percent: 0 } })).toBe("List prices (add an EDP or private-pricing discount)");
    expect(priceBookSummary({ ...inp, discounts: { percent: 10 } })).toBe("10% off list prices");
    expect(priceBookSummary({ ...inp, discounts: { name: "ACME EDP", percent: 8, byService: { AmazonEC2: 5 }, byCategory: { spot: 0 } } })).toBe("ACME EDP: 8% off list prices, 2 per-service or per-charge rates");
  });
});

describe("problems in words on the pages", () => {
  it("names the field by its label and says the problem plainly", () => {
    const ctx = { serviceNames: ["api"] };
    expect(plainFieldError({ path: "services[0].vcpu", message: "must be <= 16" }, ctx)).toBe("api — vCPU per task: must be at most 16");
    expect(plainFieldError({ path: "services[0].tasks", message: "must be >= 0" }, { ...ctx, eks: true })).toBe("api — Pods (average running): must be at least 0");
    expect(plainFieldError({ path: "network.natGateways.count", message: "must be a whole number" }, ctx)).toBe("NAT gateways: must be a whole number");
    expect(plainFieldError({ path: "region", message: "Invalid input: expected string, received undefined" }, ctx)).toBe("AWS region: must be text");
    expect(fieldLabel("services[3].vcpu", ctx)).toBe("Service 4 — vCPU per task");
  });

  it("keeps the path of a field it has no label for (nothing is hidden)", () => {
    expect(plainFieldError({ path: "services[0].somethingNew", message: "is odd" }, { serviceNames: ["api"] })).toBe("services[0].somethingNew: is odd");
    expect(plainMessage("must be < 5")).toBe("must be less than 5");
  });
});

describe("one set of defaults and the examples", () => {
  it("the page's starting input leaves every default to the schema", () => {
    const parsed = parseEstimateInput(defaultInputRaw("2026-12-01"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.services).toHaveLength(1);
    expect(parsed.value.ec2.targetUtilizationPct).toBe(100);
    expect(parsed.value.ec2.minInstances).toBe(0);
    expect(parsed.value.fargate.savingsPlan).toBe("none");
  });

  it("every example in the list parses, without a catalog pin", () => {
    for (const e of EXAMPLE_TITLES) {
      const raw = exampleInput(e.id) as { catalog?: string };
      expect(raw.catalog, e.id).toBeUndefined();
      const parsed = parseEstimateInput(raw);
      expect(parsed.ok, `${e.id}: ${parsed.ok ? "" : JSON.stringify(parsed.errors)}`).toBe(true);
    }
    const former = parseEstimateInput(exampleInput("api-and-worker"));
    expect(former.ok && former.value.services.map((s) => s.name)).toEqual(["api", "worker"]);
  });
});
