/** Invalid input for every field -> an error naming the path; estimateRaw never throws. */
import { describe, expect, it } from "vitest";
import { estimateRaw } from "@/lib/engine/estimate";
import { fixtureCatalog } from "./fixtures";

const catalog = fixtureCatalog();

const valid = () => ({
  version: 1,
  region: "us-east-1",
  catalog: "2026-11-26",
  services: [
    {
      name: "api",
      vcpu: 1,
      memoryGiB: 2,
      architecture: "x86_64",
      os: "linux",
      ephemeralStorageGiB: 20,
      tasks: 2,
      usage: { kind: "continuous", hoursPerMonth: 730 } as Record<string, unknown>,
      fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 1 } as Record<string, unknown>,
    } as Record<string, unknown>,
  ],
  fargate: { savingsPlan: "none" } as Record<string, unknown>,
  ec2: {
    purchase: "on-demand",
    instanceTypes: ["m5.large"],
    targetUtilizationPct: 90,
    minInstances: 1,
    networkMode: "awsvpc",
    eniTrunking: false,
    rootVolumeGiB: 30,
  } as Record<string, unknown>,
});
type Raw = ReturnType<typeof valid>;
const svc = (r: Raw) => r.services[0] as Record<string, unknown>;
const scheduled = (r: Raw, usage: Record<string, unknown>) => {
  svc(r).usage = { kind: "scheduled", runsPerDay: 1, secondsPerRun: 60, daysPerMonth: 30, ...usage };
};

const cases: Array<[string, (r: Raw) => void, string]> = [
  ["version 2", (r) => void (r.version = 2), "version"],
  ["region not a code", (r) => void (r.region = "mars"), "region"],
  ["region of another catalog", (r) => void (r.region = "eu-west-1"), "region"],
  ["catalog id malformed", (r) => void (r.catalog = "latest"), "catalog"],
  ["catalog id not the loaded one", (r) => void (r.catalog = "2025-01-01"), "catalog"],
  ["no services", (r) => void (r.services = []), "services"],
  ["101 services", (r) => void (r.services = Array.from({ length: 101 }, (_, i) => ({ ...svc(r), name: `s${i}` }))), "services"],
  ["empty name", (r) => void (svc(r).name = "  "), "services[0].name"],
  ["name too long", (r) => void (svc(r).name = "x".repeat(65)), "services[0].name"],
  ["duplicate name", (r) => void r.services.push({ ...svc(r) }), "services[1].name"],
  ["vcpu zero", (r) => void (svc(r).vcpu = 0), "services[0].vcpu"],
  ["vcpu string", (r) => void (svc(r).vcpu = "1"), "services[0].vcpu"],
  ["vcpu above 192", (r) => void (svc(r).vcpu = 193), "services[0].vcpu"],
  ["memory negative", (r) => void (svc(r).memoryGiB = -1), "services[0].memoryGiB"],
  ["memory missing", (r) => void delete svc(r).memoryGiB, "services[0].memoryGiB"],
  ["architecture", (r) => void (svc(r).architecture = "sparc"), "services[0].architecture"],
  ["os", (r) => void (svc(r).os = "macos"), "services[0].os"],
  ["storage below 20", (r) => void (svc(r).ephemeralStorageGiB = 10), "services[0].ephemeralStorageGiB"],
  ["storage above 200", (r) => void (svc(r).ephemeralStorageGiB = 500), "services[0].ephemeralStorageGiB"],
  ["tasks negative", (r) => void (svc(r).tasks = -1), "services[0].tasks"],
  ["tasks NaN-like", (r) => void (svc(r).tasks = null), "services[0].tasks"],
  ["unknown service field", (r) => void (svc(r).cpu = 1024), "services[0]"],
  ["usage kind", (r) => void (svc(r).usage = { kind: "sometimes" }), "services[0].usage.kind"],
  ["hoursPerMonth above 744", (r) => void ((svc(r).usage as Record<string, unknown>).hoursPerMonth = 800), "services[0].usage.hoursPerMonth"],
  ["runsPerDay negative", (r) => scheduled(r, { runsPerDay: -1 }), "services[0].usage.runsPerDay"],
  ["secondsPerRun missing", (r) => scheduled(r, { secondsPerRun: undefined }), "services[0].usage.secondsPerRun"],
  ["daysPerMonth above 31", (r) => scheduled(r, { daysPerMonth: 40 }), "services[0].usage.daysPerMonth"],
  ["strategy base negative", (r) => void ((svc(r).fargateCapacityProviders as Record<string, unknown>).base = -1), "services[0].fargateCapacityProviders.base"],
  ["strategy weight fractional", (r) => void ((svc(r).fargateCapacityProviders as Record<string, unknown>).spotWeight = 1.5), "services[0].fargateCapacityProviders.spotWeight"],
  ["strategy weights both zero", (r) => void (svc(r).fargateCapacityProviders = { base: 0, fargateWeight: 0, spotWeight: 0 }), "services[0].fargateCapacityProviders.fargateWeight"],
  ["savings plan", (r) => void (r.fargate.savingsPlan = "forever"), "fargate.savingsPlan"],
  ["ec2 purchase", (r) => void (r.ec2.purchase = "reserved"), "ec2.purchase"],
  ["instance type malformed", (r) => void (r.ec2.instanceTypes = ["M5 LARGE"]), "ec2.instanceTypes[0]"],
  ["instance type not in catalog", (r) => void (r.ec2.instanceTypes = ["m5.large", "zz9.huge"]), "ec2.instanceTypes[1]"],
  ["target utilization 5", (r) => void (r.ec2.targetUtilizationPct = 5), "ec2.targetUtilizationPct"],
  ["minInstances fractional", (r) => void (r.ec2.minInstances = 1.5), "ec2.minInstances"],
  ["network mode", (r) => void (r.ec2.networkMode = "nat"), "ec2.networkMode"],
  ["trunking not boolean", (r) => void (r.ec2.eniTrunking = "yes"), "ec2.eniTrunking"],
  ["root volume negative", (r) => void (r.ec2.rootVolumeGiB = -1), "ec2.rootVolumeGiB"],
  ["unknown top-level field", (r) => void ((r as Record<string, unknown>).extra = true), "(root)"],
];

describe("invalid input names the field", () => {
  it("the unmodified input is valid", () => {
    const outcome = estimateRaw(valid(), catalog);
    expect(outcome.ok).toBe(true);
  });

  it.each(cases)("%s -> %s", (_name, mutate, path) => {
    const raw = valid();
    mutate(raw);
    const outcome = estimateRaw(raw, catalog);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const hit = outcome.errors.find((e) => e.path === path);
    expect(hit, `errors were ${JSON.stringify(outcome.errors)}`).toBeDefined();
    expect(hit?.message.length).toBeGreaterThan(3);
  });

  it("lists every problem at once", () => {
    const raw = valid();
    svc(raw).vcpu = -1;
    svc(raw).memoryGiB = "lots";
    raw.ec2.networkMode = "nat";
    const outcome = estimateRaw(raw, catalog);
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.path).sort()).toEqual(["ec2.networkMode", "services[0].memoryGiB", "services[0].vcpu"]);
  });

  it.each([null, undefined, 42, "text", [], [1, 2], { version: 1 }])("non-input %j is rejected, never thrown", (raw) => {
    const outcome = estimateRaw(raw, catalog);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.length).toBeGreaterThan(0);
  });
});
