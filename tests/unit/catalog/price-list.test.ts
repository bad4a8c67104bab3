/** Pure parsing of Price List items (no network): real item shapes from tests/fixtures/pricing. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  PriceListItemError,
  ec2PricesFromItems,
  fargateRatesFromItems,
  matchesUsageSuffix,
  memoryMiBFromAttribute,
  onDemandPrice,
  parsePriceListItem,
} from "@/lib/catalog/price-list";

const FIX = path.resolve(import.meta.dirname, "..", "..", "fixtures", "pricing");
const ecsText = readFileSync(path.join(FIX, "ecs-getproducts-item-us-east-1.json"), "utf8");
const ec2Text = readFileSync(path.join(FIX, "ec2-getproducts-item-m5.large-us-east-1.json"), "utf8");

function ecsWith(usagetype: string, usd: string, regionCode = "us-east-1"): string {
  const j = JSON.parse(ecsText);
  j.product.attributes.usagetype = usagetype;
  j.product.attributes.regionCode = regionCode;
  const term = Object.values(j.terms.OnDemand)[0] as { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> };
  Object.values(term.priceDimensions)[0]!.pricePerUnit.USD = usd;
  return JSON.stringify(j);
}

describe("parsePriceListItem", () => {
  it("parses the double-encoded real AmazonECS item", () => {
    const item = parsePriceListItem(ecsText, "page 1 item 1");
    expect(item.product.attributes.usagetype).toBe("USE1-Fargate-vCPU-Hours:perCPU");
    expect(onDemandPrice(item)).toEqual({ usd: 0.04048, unit: "hours", effectiveDate: "2022-11-01", sku: "8CESGAFWKAJ98PME", usageType: "USE1-Fargate-vCPU-Hours:perCPU" });
  });

  it("String objects (the SDK's lazy JSON strings) are parsed too", () => {
    expect(parsePriceListItem(new String(ecsText), "x").product.sku).toBe("8CESGAFWKAJ98PME");
  });

  it("unexpected shapes throw PriceListItemError naming the item and each field", () => {
    const j = JSON.parse(ecsText);
    delete j.product.attributes.regionCode;
    j.terms.OnDemand["8CESGAFWKAJ98PME.JRTCKXETXF"].priceDimensions["8CESGAFWKAJ98PME.JRTCKXETXF.6YS6EN2CT7"].pricePerUnit.USD = "n/a";
    let err: unknown;
    try {
      parsePriceListItem(JSON.stringify(j), "AmazonECS us-east-1 page 2 item 7");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PriceListItemError);
    const e = err as PriceListItemError;
    expect(e.message).toMatch(/^Unexpected Price List item shape at AmazonECS us-east-1 page 2 item 7: /);
    expect(e.problems.map((p) => p.path)).toEqual([
      "product.attributes.regionCode",
      "terms.OnDemand.8CESGAFWKAJ98PME.JRTCKXETXF.priceDimensions.8CESGAFWKAJ98PME.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD",
    ]);
    expect(() => parsePriceListItem("[1,2", "i")).toThrow(/\(root\): not valid JSON/);
  });

  it("tiered dimensions: the tier with the lowest beginRange is the price (not the first listed)", () => {
    const j = JSON.parse(ecsWith("USE1-ECS-Anywhere-Instance-hours-WithFree", "0.0102500000"));
    const term = Object.values(j.terms.OnDemand)[0] as { priceDimensions: Record<string, unknown> };
    const [key, dim] = Object.entries(term.priceDimensions)[0]! as [string, Record<string, unknown>];
    // listed first: >= 2200 h at 0.01025; second: 0-2200 h free
    term.priceDimensions = {
      [key]: { ...dim, beginRange: "2200", endRange: "Inf" },
      [`${key}X`]: { ...dim, beginRange: "0", endRange: "2200", pricePerUnit: { USD: "0.0000000000" } },
    };
    expect(onDemandPrice(parsePriceListItem(JSON.stringify(j), "x"))?.usd).toBe(0);
  });
});

describe("matchesUsageSuffix (regionCode + suffix, never a hand-built prefix)", () => {
  it.each([
    ["USE1-Fargate-GB-Hours", "Fargate-GB-Hours", true],
    ["EU-Fargate-vCPU-Hours:perCPU", "Fargate-vCPU-Hours:perCPU", true],
    ["APS3-Fargate-EphemeralStorage-GB-Hours", "Fargate-EphemeralStorage-GB-Hours", true],
    ["USE1-SpotUsage-Fargate-GB-Hours", "Fargate-GB-Hours", false],
    ["USE1-Fargate-ARM-GB-Hours", "Fargate-GB-Hours", false],
    ["USE1-Fargate-Windows-GB-Hours", "Fargate-GB-Hours", false],
    ["BoxUsage:m7i-flex.large", "BoxUsage:m7i-flex.large", true],
    ["USE2-BoxUsage:m5.large", "BoxUsage:m5.large", true],
    ["EU-DedicatedUsage:m4.xlarge", "BoxUsage:m4.xlarge", false],
    ["USE2-BoxUsage:xm5.large", "BoxUsage:m5.large", false],
  ])("%s vs %s -> %s", (usage, suffix, expected) => {
    expect(matchesUsageSuffix(usage, suffix)).toBe(expected);
  });
});

describe("fargateRatesFromItems", () => {
  it("picks each usage type for the requested regionCode only", () => {
    const items = [
      ecsWith("EU-Fargate-vCPU-Hours:perCPU", "0.0404800000", "eu-west-1"),
      ecsWith("EU-Fargate-GB-Hours", "0.0044450000", "eu-west-1"),
      ecsWith("EU-Fargate-ARM-GB-Hours", "0.0035600000", "eu-west-1"),
      ecsWith("EU-Fargate-EphemeralStorage-GB-Hours", "0.0001220000", "eu-west-1"),
      ecsWith("EUW2-Fargate-vCPU-Hours:perCPU", "0.0465600000", "eu-west-2"),
      ecsWith("EU-SpotUsage-Fargate-GB-Hours", "0.0010000000", "eu-west-1"),
    ].map((t, i) => parsePriceListItem(t, `item ${i}`));
    const r = fargateRatesFromItems(items, "eu-west-1");
    expect(r.x86VcpuHour?.usd).toBe(0.04048);
    expect(r.x86GbHour?.usd).toBe(0.004445);
    expect(r.armGbHour?.usd).toBe(0.00356);
    expect(r.ephemeralStorageGbHour?.usd).toBe(0.000122);
    expect(r.armVcpuHour).toBeUndefined();
    expect(r.windowsVcpuHour).toBeUndefined();
    expect(fargateRatesFromItems(items, "eu-west-2").x86VcpuHour?.usd).toBe(0.04656);
  });
});

describe("ec2PricesFromItems", () => {
  it("reads the real m5.large item: price and specs", () => {
    const item = parsePriceListItem(ec2Text, "ec2");
    const rows = ec2PricesFromItems([item], "us-east-1");
    expect(rows.get("m5.large")).toEqual({
      type: "m5.large",
      usd: 0.096,
      effectiveDate: "2021-02-01",
      vcpu: 2,
      memoryMiB: 8192,
      architecture: "x86_64",
      currentGeneration: true,
      gpus: null,
      usageType: "BoxUsage:m5.large",
      // the item's 12 Reserved terms: only Standard + No Upfront are used (1yr 0.06, 3yr 0.041); the convertible
      // No Upfront (0.071 / 0.049) and Partial / All Upfront terms (with an "Upfront Fee" dimension) are not
      reserved1y: 0.06,
      reserved3y: 0.041,
    });
    expect(ec2PricesFromItems([item], "us-east-2").size).toBe(0);
  });

  it("Graviton -> arm64; zero price -> left out", () => {
    const j = JSON.parse(ec2Text);
    j.product.attributes.instanceType = "m6g.large";
    j.product.attributes.usagetype = "BoxUsage:m6g.large";
    j.product.attributes.physicalProcessor = "AWS Graviton2 Processor";
    const z = JSON.parse(ec2Text);
    z.product.attributes.instanceType = "p5.48xlarge";
    z.product.attributes.usagetype = "BoxUsage:p5.48xlarge";
    const zt = Object.values(z.terms.OnDemand)[0] as { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> };
    Object.values(zt.priceDimensions)[0]!.pricePerUnit.USD = "0.0000000000";
    const rows = ec2PricesFromItems([JSON.stringify(j), JSON.stringify(z)].map((t) => parsePriceListItem(t, "x")), "us-east-1");
    expect(rows.get("m6g.large")?.architecture).toBe("arm64");
    expect(rows.has("p5.48xlarge")).toBe(false);
  });

  it.each([
    ["8 GiB", 8192],
    ["0.5 GiB", 512],
    ["1,952 GiB", 1998848],
    ["0.613 GiB", 628],
    ["NA", null],
    [undefined, null],
  ])("memory %s -> %s MiB", (attr, mib) => {
    expect(memoryMiBFromAttribute(attr)).toBe(mib);
  });
});
