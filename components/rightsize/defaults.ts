/** The service /rightsize starts with when it is not opened from an estimate (the CLI's defaults too). */
import type { ServiceDraft } from "@/lib/rightsize/apply";

export const DEFAULT_RIGHTSIZE_SERVICE: ServiceDraft = { name: "service", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 1 };
