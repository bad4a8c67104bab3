"use client";
/**
 * The estimator form's state: the draft (text as typed, lib/share/draft.ts) and the edits the panels make.
 * Every action is stable across renders, so memoized service cards only re-render when their own row changes.
 */
import { useMemo, useState } from "react";
import { newServiceKey, type DraftSavingsPlan, type Ec2Draft, type EstimateDraft, type ServiceDraft } from "@/lib/share/draft";

/** The contract's limit on services per estimate (lib/schemas/estimate.ts). */
export const MAX_SERVICES = 100;

/** A new row: a small always-on Linux service (the same defaults the contract fills in). */
function blankService(n: number): ServiceDraft {
  return {
    key: newServiceKey(),
    name: `service-${n}`,
    vcpu: "1",
    memoryGiB: "2",
    architecture: "x86_64",
    os: "linux",
    ephemeralStorageGiB: "20",
    tasks: "1",
    usageKind: "continuous",
    hoursPerMonth: "730",
    runsPerDay: "24",
    secondsPerRun: "300",
    daysPerMonth: "",
    strategy: false,
    base: "0",
    fargateWeight: "1",
    spotWeight: "1",
  };
}

export interface DraftActions {
  replace(draft: EstimateDraft): void;
  updateService(key: string, patch: Partial<ServiceDraft>): void;
  duplicateService(key: string): void;
  removeService(key: string): void;
  addService(): void;
  setEc2(patch: Partial<Ec2Draft>): void;
  setRegion(region: string): void;
  setCatalog(catalog: string): void;
  setSavingsPlan(plan: DraftSavingsPlan): void;
}

export function useDraft(initial: EstimateDraft): [EstimateDraft, DraftActions] {
  const [draft, setDraft] = useState<EstimateDraft>(initial);
  const actions = useMemo<DraftActions>(
    () => ({
      replace: setDraft,
      updateService: (key, patch) => setDraft((d) => ({ ...d, services: d.services.map((s) => (s.key === key ? { ...s, ...patch } : s)) })),
      duplicateService: (key) =>
        setDraft((d) => {
          if (d.services.length >= MAX_SERVICES) return d;
          const i = d.services.findIndex((s) => s.key === key);
          const src = d.services[i];
          if (!src) return d;
          const copy: ServiceDraft = { ...src, key: newServiceKey(), name: `${src.name} copy`.slice(0, 64) };
          return { ...d, services: [...d.services.slice(0, i + 1), copy, ...d.services.slice(i + 1)] };
        }),
      removeService: (key) => setDraft((d) => (d.services.length <= 1 ? d : { ...d, services: d.services.filter((s) => s.key !== key) })),
      addService: () => setDraft((d) => (d.services.length >= MAX_SERVICES ? d : { ...d, services: [...d.services, blankService(d.services.length + 1)] })),
      setEc2: (patch) => setDraft((d) => ({ ...d, ec2: { ...d.ec2, ...patch } })),
      setRegion: (region) => setDraft((d) => ({ ...d, region })),
      setCatalog: (catalog) => setDraft((d) => ({ ...d, catalog })),
      setSavingsPlan: (savingsPlan) => setDraft((d) => ({ ...d, savingsPlan })),
    }),
    [],
  );
  return [draft, actions];
}
