/**
 * The current task size a right-sizing run compares against. What the user gave wins (CLI flags, a task
 * definition, the /rightsize form); a dimension left open is taken from the reservation the utilization file
 * was recorded with (Container Insights CpuReserved in CPU units, MemoryReserved in MiB), and a note says so.
 * The CLI and the /rightsize page both call this, so a file gives the same current size in both.
 */
import { cpuSampleToVcpu, memorySampleToGiB } from "./recommend";
import type { UsageSummary } from "./usage";

export type CurrentSizeSource = "given" | "file";

export interface CurrentSize {
  /** null: neither given nor in the file. */
  vcpu: number | null;
  memoryGiB: number | null;
  from: { vcpu: CurrentSizeSource | null; memoryGiB: CurrentSizeSource | null };
  /** One sentence per dimension taken from the file (shown by the page, printed by the CLI as warnings). */
  notes: string[];
}

/** The file's reservation in vCPU / GiB (null per dimension when the file carries none). */
export function reservedSize(reserved: UsageSummary["reserved"]): { vcpu: number | null; memoryGiB: number | null } {
  return {
    vcpu: reserved.cpuUnits === null ? null : cpuSampleToVcpu(reserved.cpuUnits, "cpu-units", 0),
    memoryGiB: reserved.memoryMiB === null ? null : memorySampleToGiB(reserved.memoryMiB, "MiB", 0),
  };
}

/** `given`: null for a dimension the user did not set. */
export function currentSizeFromFile(given: { vcpu: number | null; memoryGiB: number | null }, reserved: UsageSummary["reserved"]): CurrentSize {
  const file = reservedSize(reserved);
  const notes: string[] = [];
  const pick = (value: number | null, fromFile: number | null, note: (v: number) => string) => {
    if (value !== null) return { value, from: "given" as const };
    if (fromFile !== null) {
      notes.push(note(fromFile));
      return { value: fromFile, from: "file" as const };
    }
    return { value: null, from: null };
  };
  const vcpu = pick(given.vcpu, file.vcpu, (v) => `Current vCPU taken from the file's CpuReserved: ${v} vCPU.`);
  const memoryGiB = pick(given.memoryGiB, file.memoryGiB, (v) => `Current memory taken from the file's MemoryReserved: ${v} GiB.`);
  return { vcpu: vcpu.value, memoryGiB: memoryGiB.value, from: { vcpu: vcpu.from, memoryGiB: memoryGiB.from }, notes };
}
