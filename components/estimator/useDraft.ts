"use client";
/**
 * The estimator form's state: the draft (text as typed, lib/form/draft.ts) and the edits the panels make.
 * Every action is stable across renders, so memoized service cards only re-render when their own row changes.
 */
import { useMemo, useState } from "react";
import {
  blankServiceDraft,
  defaultEksDraft,
  newServiceKey,
  type DraftOrchestrator,
  type DraftSavingsPlan,
  type Ec2Draft,
  type EksDraft,
  type EstimateDraft,
  type NetworkDraft,
  type ServiceDraft,
} from "@/lib/form/draft";
import type { EnvironmentDraft } from "@/lib/form/environments";
import type { FormLimits } from "./types";

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
  setNetwork(network: NetworkDraft): void;
  /** ECS or EKS; picking EKS the first time fills in the EKS settings' defaults. */
  setOrchestrator(orchestrator: DraftOrchestrator): void;
  setEks(patch: Partial<EksDraft>): void;
  /** undefined or [] = no environments in the input. */
  setEnvironments(environments: EnvironmentDraft[] | undefined): void;
  /** Any edit of the draft, for self-contained panels that own their part of it (price book, presets). */
  update(edit: (draft: EstimateDraft) => EstimateDraft): void;
}

export function useDraft(initial: EstimateDraft, limits: FormLimits): [EstimateDraft, DraftActions] {
  const { maxServices, nameMaxChars } = limits;
  const [draft, setDraft] = useState<EstimateDraft>(initial);
  const actions = useMemo<DraftActions>(
    () => ({
      replace: setDraft,
      updateService: (key, patch) => setDraft((d) => ({ ...d, services: d.services.map((s) => (s.key === key ? { ...s, ...patch } : s)) })),
      duplicateService: (key) =>
        setDraft((d) => {
          if (d.services.length >= maxServices) return d;
          const i = d.services.findIndex((s) => s.key === key);
          const src = d.services[i];
          if (!src) return d;
          const copy: ServiceDraft = {
            ...src,
            key: newServiceKey(),
            name: `${src.name} copy`.slice(0, nameMaxChars),
            ...(src.containers ? { containers: src.containers.map((c) => ({ ...c, key: newServiceKey() })) } : {}),
          };
          return { ...d, services: [...d.services.slice(0, i + 1), copy, ...d.services.slice(i + 1)] };
        }),
      removeService: (key) => setDraft((d) => (d.services.length <= 1 ? d : { ...d, services: d.services.filter((s) => s.key !== key) })),
      addService: () => setDraft((d) => (d.services.length >= maxServices ? d : { ...d, services: [...d.services, blankServiceDraft(d.services.length + 1)] })),
      setEc2: (patch) => setDraft((d) => ({ ...d, ec2: { ...d.ec2, ...patch } })),
      setRegion: (region) => setDraft((d) => ({ ...d, region })),
      setCatalog: (catalog) => setDraft((d) => ({ ...d, catalog })),
      setSavingsPlan: (savingsPlan) => setDraft((d) => ({ ...d, savingsPlan })),
      setNetwork: (network) => setDraft((d) => ({ ...d, network })),
      setOrchestrator: (orchestrator) =>
        setDraft((d) => ({ ...d, orchestrator, ...(orchestrator === "eks" && !d.eks ? { eks: defaultEksDraft() } : {}) })),
      setEks: (patch) => setDraft((d) => ({ ...d, eks: { ...(d.eks ?? defaultEksDraft()), ...patch } })),
      setEnvironments: (environments) =>
        setDraft((d) => {
          if (environments && environments.length > 0) return { ...d, environments };
          const rest = { ...d };
          delete rest.environments;
          return rest;
        }),
      update: (edit) => setDraft(edit),
    }),
    [maxServices, nameMaxChars],
  );
  return [draft, actions];
}
