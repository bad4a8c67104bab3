/**
 * Which size was the utilization file recorded with? Container Insights exports carry the task's reservation
 * (`CpuReserved` in CPU units, `MemoryReserved` in MiB). A size the user gave (flag, form field they set, task
 * definition) wins; a dimension nobody gave is taken from the file's reservation, and a note says so. The CLI
 * (bin/rightsize.ts) and the /rightsize page both call this, so they agree on the current size.
 * docs/billing-rules.md#rightsize-current-size
 */
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "../units";
import type { UsageSummary } from "./usage";

export interface CurrentSizeResolution {
  /** null when neither given nor in the file. */
  vcpu: number | null;
  memoryGiB: number | null;
  /** Which dimensions came from the file's reservation. */
  fromFile: { vcpu: boolean; memoryGiB: boolean };
  /** One sentence per dimension taken from the file, for the notes/warnings list. */
  notes: string[];
}

/** The reservation recorded in the file, in vCPU and GiB (null where the file has none). */
export function fileReservation(usage: Pick<UsageSummary, "reserved">): { vcpu: number | null; memoryGiB: number | null } {
  return {
    vcpu: usage.reserved.cpuUnits === null ? null : usage.reserved.cpuUnits / CPU_UNITS_PER_VCPU,
    memoryGiB: usage.reserved.memoryMiB === null ? null : usage.reserved.memoryMiB / MIB_PER_GIB,
  };
}

export function resolveCurrentSize(
  usage: Pick<UsageSummary, "reserved">,
  given: { vcpu: number | null; memoryGiB: number | null },
): CurrentSizeResolution {
  const file = fileReservation(usage);
  const notes: string[] = [];
  let vcpu = given.vcpu;
  let memoryGiB = given.memoryGiB;
  const fromFile = { vcpu: false, memoryGiB: false };
  if (vcpu === null && file.vcpu !== null) {
    vcpu = file.vcpu;
    fromFile.vcpu = true;
    notes.push(`Current vCPU taken from the file's CpuReserved: ${vcpu} vCPU.`);
  }
  if (memoryGiB === null && file.memoryGiB !== null) {
    memoryGiB = file.memoryGiB;
    fromFile.memoryGiB = true;
    notes.push(`Current memory taken from the file's MemoryReserved: ${memoryGiB} GiB.`);
  }
  return { vcpu, memoryGiB, fromFile, notes };
}
