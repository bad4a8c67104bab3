import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCpuUnits, parseMemoryMiB, serviceFromTaskDefinition } from "@/lib/rightsize/task-definition";
import { ServiceSchema } from "@/lib/schemas/estimate";

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../../examples/task-definitions", name), "utf8"));

function ok(raw: unknown) {
  const r = serviceFromTaskDefinition(raw);
  if (!r.ok) throw new Error("expected ok, got " + JSON.stringify(r.errors));
  return r;
}
function errs(raw: unknown) {
  const r = serviceFromTaskDefinition(raw);
  if (r.ok) throw new Error("expected errors, got " + JSON.stringify(r.service));
  return r.errors;
}

describe("cpu / memory strings", () => {
  it.each([
    [1024, 1024],
    ["1024", 1024],
    ["256", 256],
    ["1 vCPU", 1024],
    ["0.5 vcpu", 512],
    ["2vCPU", 2048],
    [".25 vCPU", 256],
  ] as const)("cpu %j -> %d units", (input, units) => {
    expect(parseCpuUnits(input)).toEqual({ ok: true, value: units });
  });
  it.each([
    [2048, 2048],
    ["2048", 2048],
    ["2 GB", 2048],
    ["0.5GB", 512],
    ["2048 MiB", 2048],
    ["3 GiB", 3072],
    ["512 MB", 512],
  ] as const)("memory %j -> %d MiB", (input, mib) => {
    expect(parseMemoryMiB(input)).toEqual({ ok: true, value: mib });
  });
  it("rejects nonsense with the value in the message", () => {
    const c = parseCpuUnits("lots");
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toContain('"lots"');
    expect(parseCpuUnits(-1).ok).toBe(false);
    expect(parseMemoryMiB("2 TB").ok).toBe(false);
    expect(parseMemoryMiB(true).ok).toBe(false);
  });
});

describe("serviceFromTaskDefinition", () => {
  it("reads describe-task-definition output (ARM64, 1 vCPU / 4 GB strings, 30 GiB storage)", () => {
    const r = ok(example("describe-api-arm64.json"));
    // cpu "1024" / 1024 = 1 vCPU; memory "4096" MiB / 1024 = 4 GiB
    expect(r.service).toEqual({ name: "checkout-api", vcpu: 1, memoryGiB: 4, architecture: "arm64", os: "linux", ephemeralStorageGiB: 30 });
    expect(r.warnings).toEqual([]);
    expect(ServiceSchema.safeParse({ ...r.service, tasks: 1 }).success).toBe(true);
  });

  it("reads a register input with vCPU / GB strings", () => {
    const r = ok(example("register-worker-x86.json"));
    expect(r.service).toEqual({ name: "invoice-worker", vcpu: 2, memoryGiB: 8, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20 });
  });

  it("sums the containers when there is no task-level size (memory, else memoryReservation)", () => {
    const r = ok(example("register-ec2-containers-only.json"));
    // cpu 512 + 256 = 768 units = 0.75 vCPU; memory 1536 (hard) + 256 (reservation) = 1792 MiB = 1.75 GiB
    expect(r.service.vcpu).toBe(0.75);
    expect(r.service.memoryGiB).toBe(1.75);
    expect(r.warnings.join(" ")).toContain("768 CPU units");
    expect(r.warnings.join(" ")).toContain("1792 MiB");
    expect(r.warnings.join(" ")).toContain("requires EC2");
  });

  it("accepts JSON text and Windows runtime platforms", () => {
    const text = JSON.stringify({
      family: "iis",
      cpu: 2048,
      memory: 4096,
      runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" },
      containerDefinitions: [{ name: "iis" }],
    });
    expect(ok(text).service).toMatchObject({ os: "windows", architecture: "x86_64", vcpu: 2, memoryGiB: 4 });
  });

  it("names the service after the first container when there is no family", () => {
    const r = ok({ containerDefinitions: [{ name: "web", cpu: 256, memory: 512 }] });
    expect(r.service.name).toBe("web");
    expect(r.service.vcpu).toBe(0.25);
  });

  it("rejects unrelated or invalid JSON with a message naming the problem", () => {
    expect(errs("{nope")[0]!.message).toMatch(/not valid JSON/);
    expect(errs("")[0]!.message).toMatch(/empty/);
    expect(errs([1, 2])[0]!.message).toMatch(/not an ECS task definition.*an array/);
    expect(errs({ version: 1, region: "us-east-1", services: [] })[0]).toMatchObject({ path: "(root)", message: expect.stringMatching(/not an ECS task definition/) });
    expect(errs({ taskDefinition: "x" })[0]).toMatchObject({ path: "taskDefinition" });
    expect(errs(null)[0]!.path).toBe("(root)");
  });

  it("names every bad field with its path", () => {
    const e = errs({
      taskDefinition: {
        family: "bad",
        cpu: "fast",
        memory: "2 TB",
        runtimePlatform: { cpuArchitecture: "MIPS", operatingSystemFamily: "BEOS" },
        ephemeralStorage: { sizeInGiB: 500 },
        containerDefinitions: [],
      },
    });
    expect(e.map((x) => x.path).sort()).toEqual([
      "taskDefinition.cpu",
      "taskDefinition.ephemeralStorage.sizeInGiB",
      "taskDefinition.memory",
      "taskDefinition.runtimePlatform.cpuArchitecture",
      "taskDefinition.runtimePlatform.operatingSystemFamily",
    ]);
  });

  it("reports a missing size and container-level problems", () => {
    const e = errs({ family: "x", containerDefinitions: [{ name: "a" }, { name: "b", memory: "lots" }] });
    expect(e).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "cpu", message: expect.stringMatching(/missing/) }),
        expect.objectContaining({ path: "containerDefinitions[1].memory" }),
      ]),
    );
  });

  it("rejects Windows on ARM64 and sizes outside the contract", () => {
    expect(errs({ family: "w", cpu: 1024, memory: 2048, runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "WINDOWS_SERVER_2019_FULL" } })[0]!.path).toBe(
      "runtimePlatform.cpuArchitecture",
    );
    // 64 units = 0.0625 vCPU, below the 0.125 vCPU minimum of the estimate contract
    expect(errs({ family: "tiny", cpu: 64, memory: 512 })[0]!.path).toBe("cpu");
  });
});
