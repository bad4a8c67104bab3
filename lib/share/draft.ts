/**
 * The estimator form's state ("draft"): what the user typed, kept as text so that an invalid value is
 * never lost or rewritten, plus the conversion to a raw EstimateInput that the zod schema then validates.
 * This module must stay free of zod and of runtime imports from lib/schemas: it is part of the page's
 * first-load JavaScript. inputToDraft (the reverse) lives in ./draft-from-input.ts.
 */
import { mergeFieldErrors, type FieldError } from "../field-errors";
import type { Architecture, EstimateInput, OperatingSystem } from "../schemas/estimate";
import { FARGATE_INCLUDED_STORAGE_GIB, HOURS_PER_MONTH } from "../units";

export { mergeFieldErrors };

// The contract's enums (type-only imports: no zod in the first-load JavaScript).
export type DraftArchitecture = Architecture;
export type DraftOs = OperatingSystem;
export type DraftSavingsPlan = EstimateInput["fargate"]["savingsPlan"];
export type DraftPurchase = EstimateInput["ec2"]["purchase"];
export type DraftNetworkMode = EstimateInput["ec2"]["networkMode"];

export interface ServiceDraft {
  /** Stable React key; not part of the estimate. */
  key: string;
  name: string;
  vcpu: string;
  memoryGiB: string;
  architecture: DraftArchitecture;
  os: DraftOs;
  ephemeralStorageGiB: string;
  tasks: string;
  usageKind: "continuous" | "scheduled";
  hoursPerMonth: string;
  runsPerDay: string;
  secondsPerRun: string;
  /** Empty = the schema default (730 h / 24 = 30.42 days). */
  daysPerMonth: string;
  /** Whether the optional Fargate / Fargate Spot capacity provider strategy is set. */
  strategy: boolean;
  base: string;
  fargateWeight: string;
  spotWeight: string;
}

export interface Ec2Draft {
  purchase: DraftPurchase;
  /** Comma or space separated allow-list; empty = every current-generation type. */
  instanceTypes: string;
  targetUtilizationPct: string;
  minInstances: string;
  networkMode: DraftNetworkMode;
  eniTrunking: boolean;
  rootVolumeGiB: string;
}

export interface EstimateDraft {
  region: string;
  catalog: string;
  services: ServiceDraft[];
  savingsPlan: DraftSavingsPlan;
  ec2: Ec2Draft;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain decimal text -> number; anything else (hex, "1,5", "abc", "") -> an error, never a guess. */
export function parseNumberText(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: false, message: "is required" };
  if (!NUMBER_TEXT.test(t)) return { ok: false, message: `must be a number (got "${t.length > 20 ? t.slice(0, 20) + "…" : t}")` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, message: "must be a finite number" };
  return { ok: true, value };
}

export function splitInstanceTypes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface DraftConversion {
  /** The raw input to validate with EstimateInputSchema (number fields that failed to parse are NaN). */
  raw: Record<string, unknown>;
  /** Problems found while reading the text fields, with the same paths zod uses. */
  errors: FieldError[];
}

export function draftToRaw(draft: EstimateDraft): DraftConversion {
  const errors: FieldError[] = [];
  const num = (text: string, path: string): number => {
    const parsed = parseNumberText(text);
    if (parsed.ok) return parsed.value;
    errors.push({ path, message: parsed.message });
    return Number.NaN;
  };
  const services = draft.services.map((s, i) => {
    const p = `services[${i}]`;
    const usage =
      s.usageKind === "continuous"
        ? { kind: "continuous", hoursPerMonth: num(s.hoursPerMonth, `${p}.usage.hoursPerMonth`) }
        : {
            kind: "scheduled",
            runsPerDay: num(s.runsPerDay, `${p}.usage.runsPerDay`),
            secondsPerRun: num(s.secondsPerRun, `${p}.usage.secondsPerRun`),
            ...(s.daysPerMonth.trim() === "" ? {} : { daysPerMonth: num(s.daysPerMonth, `${p}.usage.daysPerMonth`) }),
          };
    const service: Record<string, unknown> = {
      name: s.name,
      vcpu: num(s.vcpu, `${p}.vcpu`),
      memoryGiB: num(s.memoryGiB, `${p}.memoryGiB`),
      architecture: s.architecture,
      os: s.os,
      ephemeralStorageGiB: num(s.ephemeralStorageGiB, `${p}.ephemeralStorageGiB`),
      tasks: num(s.tasks, `${p}.tasks`),
      usage,
    };
    if (s.strategy) {
      service.fargateCapacityProviders = {
        base: num(s.base, `${p}.fargateCapacityProviders.base`),
        fargateWeight: num(s.fargateWeight, `${p}.fargateCapacityProviders.fargateWeight`),
        spotWeight: num(s.spotWeight, `${p}.fargateCapacityProviders.spotWeight`),
      };
    }
    return service;
  });
  const raw: Record<string, unknown> = {
    version: 1,
    region: draft.region,
    ...(draft.catalog ? { catalog: draft.catalog } : {}),
    services,
    fargate: { savingsPlan: draft.savingsPlan },
    ec2: {
      purchase: draft.ec2.purchase,
      instanceTypes: splitInstanceTypes(draft.ec2.instanceTypes),
      targetUtilizationPct: num(draft.ec2.targetUtilizationPct, "ec2.targetUtilizationPct"),
      minInstances: num(draft.ec2.minInstances, "ec2.minInstances"),
      networkMode: draft.ec2.networkMode,
      eniTrunking: draft.ec2.eniTrunking,
      rootVolumeGiB: num(draft.ec2.rootVolumeGiB, "ec2.rootVolumeGiB"),
    },
  };
  return { raw, errors };
}

/** What a scheduled service starts with when the user switches a row to "scheduled": every hour, 5 minutes. */
export const SCHEDULED_DRAFT_DEFAULTS = { runsPerDay: "24", secondsPerRun: "300" } as const;

/** A new service row ("+ Add service"): 1 vCPU / 2 GiB, one always-on task, the contract's defaults elsewhere. */
export function blankServiceDraft(n: number, key: string = newServiceKey()): ServiceDraft {
  return {
    key,
    name: `service-${n}`,
    vcpu: "1",
    memoryGiB: "2",
    architecture: "x86_64",
    os: "linux",
    ephemeralStorageGiB: String(FARGATE_INCLUDED_STORAGE_GIB),
    tasks: "1",
    usageKind: "continuous",
    hoursPerMonth: String(HOURS_PER_MONTH),
    ...SCHEDULED_DRAFT_DEFAULTS,
    daysPerMonth: "",
    strategy: false,
    base: "0",
    fargateWeight: "1",
    spotWeight: "1",
  };
}

let keyCounter = 0;
/** A fresh React key for a new/duplicated service row. */
export function newServiceKey(): string {
  keyCounter += 1;
  return `svc-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}
