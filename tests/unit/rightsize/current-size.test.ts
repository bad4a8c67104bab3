import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileReservation, resolveCurrentSize } from "@/lib/rightsize/current-size";
import { analyzeUsageText } from "@/lib/rightsize/usage";

const root = path.resolve(import.meta.dirname, "../../..");

describe("current size from the utilization file's reservation (the CLI and /rightsize)", () => {
  it("reads the underprovisioned example as 0.5 vCPU / 1 GiB", () => {
    const text = readFileSync(path.join(root, "examples/usage/underprovisioned-api-container-insights.csv"), "utf8");
    const r = analyzeUsageText(text);
    if (!r.ok) throw new Error(r.error);
    // CpuReserved 512 CPU units / 1024 = 0.5 vCPU; MemoryReserved "1024 MB" read as MiB / 1024 = 1 GiB
    expect(r.summary.reserved).toEqual({ cpuUnits: 512, memoryMiB: 1024 });
    expect(fileReservation(r.summary)).toEqual({ vcpu: 0.5, memoryGiB: 1 });
    expect(resolveCurrentSize(r.summary, { vcpu: null, memoryGiB: null })).toEqual({
      vcpu: 0.5,
      memoryGiB: 1,
      fromFile: { vcpu: true, memoryGiB: true },
      notes: ["Current vCPU taken from the file's CpuReserved: 0.5 vCPU.", "Current memory taken from the file's MemoryReserved: 1 GiB."],
    });
  });

  it("a given dimension wins; the other comes from the file", () => {
    // 2048 units / 1024 = 2 vCPU is ignored because 1 vCPU was given; 3072 MiB / 1024 = 3 GiB is used
    const size = resolveCurrentSize({ reserved: { cpuUnits: 2048, memoryMiB: 3072 } }, { vcpu: 1, memoryGiB: null });
    expect(size).toEqual({ vcpu: 1, memoryGiB: 3, fromFile: { vcpu: false, memoryGiB: true }, notes: ["Current memory taken from the file's MemoryReserved: 3 GiB."] });
  });

  it("without a reservation an open dimension stays null", () => {
    const size = resolveCurrentSize({ reserved: { cpuUnits: null, memoryMiB: null } }, { vcpu: null, memoryGiB: 2 });
    expect(size).toEqual({ vcpu: null, memoryGiB: 2, fromFile: { vcpu: false, memoryGiB: false }, notes: [] });
  });
});
