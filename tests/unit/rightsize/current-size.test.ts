import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentSizeFromFile, reservedSize } from "@/lib/rightsize/current-size";
import { analyzeUsageText } from "@/lib/rightsize/usage";

const root = path.resolve(import.meta.dirname, "../../..");

describe("current size from the utilization file's reservation", () => {
  it("reads the underprovisioned example as 0.5 vCPU / 1 GiB", () => {
    const text = readFileSync(path.join(root, "examples/usage/underprovisioned-api-container-insights.csv"), "utf8");
    const r = analyzeUsageText(text);
    if (!r.ok) throw new Error(r.error);
    // CpuReserved 512 CPU units / 1024 = 0.5 vCPU; MemoryReserved "1024 MB" read as MiB / 1024 = 1 GiB
    expect(r.summary.reserved).toEqual({ cpuUnits: 512, memoryMiB: 1024 });
    expect(reservedSize(r.summary.reserved)).toEqual({ vcpu: 0.5, memoryGiB: 1 });
    const size = currentSizeFromFile({ vcpu: null, memoryGiB: null }, r.summary.reserved);
    expect(size).toEqual({
      vcpu: 0.5,
      memoryGiB: 1,
      from: { vcpu: "file", memoryGiB: "file" },
      notes: ["Current vCPU taken from the file's CpuReserved: 0.5 vCPU.", "Current memory taken from the file's MemoryReserved: 1 GiB."],
    });
  });

  it("a given dimension wins; the other comes from the file", () => {
    // 2048 units / 1024 = 2 vCPU is ignored because 1 vCPU was given; 3072 MiB / 1024 = 3 GiB is used
    const size = currentSizeFromFile({ vcpu: 1, memoryGiB: null }, { cpuUnits: 2048, memoryMiB: 3072 });
    expect(size.vcpu).toBe(1);
    expect(size.memoryGiB).toBe(3);
    expect(size.from).toEqual({ vcpu: "given", memoryGiB: "file" });
    expect(size.notes).toEqual(["Current memory taken from the file's MemoryReserved: 3 GiB."]);
  });

  it("without a reservation an open dimension stays null", () => {
    const size = currentSizeFromFile({ vcpu: null, memoryGiB: 2 }, { cpuUnits: null, memoryMiB: null });
    expect(size).toEqual({ vcpu: null, memoryGiB: 2, from: { vcpu: null, memoryGiB: "given" }, notes: [] });
  });
});
