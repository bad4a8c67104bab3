"use client";
/** The "Services" panel: one card per service row, add/duplicate/remove, task-definition import per row. */
import type { ReactNode } from "react";
import type { EstimateResult } from "@/lib/schemas/estimate";
import type { ServiceDraft } from "@/lib/form/draft";
import type { TaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import { billedSizeNote } from "@/lib/present/billed";
import { ServiceCard } from "./ServiceCard";
import type { DraftActions } from "./useDraft";

interface Props {
  services: ServiceDraft[];
  /** Orchestrator EKS: services are pods (containers list, no ECS capacity providers). */
  eks: boolean;
  maxServices: number;
  /** The result the billed-size notes are read from; null while the form has problems (the notes would be stale). */
  result: EstimateResult | null;
  errors: Map<string, string>;
  taskDefinitionMessages: Record<string, TaskDefinitionImport>;
  actions: DraftActions;
  onRemove: (key: string) => void;
  onTaskDefinition: (key: string, file: File) => void;
  /** "Load an example", under the heading. */
  examples?: ReactNode;
}

export function ServicesPanel({ services, eks, maxServices, result, errors, taskDefinitionMessages, actions, onRemove, onTaskDefinition, examples }: Props) {
  return (
    <section className="panel" aria-labelledby="services-heading">
      <div className="panel-head">
        <h2 id="services-heading">{eks ? "Kubernetes workloads (pods)" : "Services"}</h2>
        <button type="button" className="btn" onClick={actions.addService} disabled={services.length >= maxServices} data-testid="add-service">
          + Add service
        </button>
      </div>
      <p className="muted small lead">{eks ? "Each workload: pod size and how many run; edit any field." : "Each service: task size and how many run; edit any field, the answer updates as you type."}</p>
      {services.map((s, i) => {
        const billed = result ? billedSizeNote(result, i) : null;
        return (
          <ServiceCard
            key={s.key}
            index={i}
            service={s}
            eks={eks}
            errors={errors}
            canRemove={services.length > 1}
            canAdd={services.length < maxServices}
            billedText={billed?.text ?? null}
            billedLoss={billed?.loss ?? false}
            taskDefMessage={taskDefinitionMessages[s.key] ?? null}
            onChange={actions.updateService}
            onDuplicate={actions.duplicateService}
            onRemove={onRemove}
            onTaskDefinition={onTaskDefinition}
          />
        );
      })}
      {examples}
    </section>
  );
}
