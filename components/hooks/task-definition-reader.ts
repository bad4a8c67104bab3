/**
 * A task definition file -> form fields, with lib's reader and mapping (lib/rightsize/task-definition.ts).
 * Loads zod through lib/schemas: the estimator reaches it through its lazy kit, /rightsize imports it directly.
 */
import { readTaskDefinitionFile, taskDefinitionFields } from "@/lib/rightsize/task-definition";
import type { TaskDefinitionRead } from "./useTaskDefinitionImport";

export async function readTaskDefinition(file: File): Promise<TaskDefinitionRead> {
  const out = await readTaskDefinitionFile({ bytes: file.size, text: () => file.text() });
  return out.ok ? { ok: true, fields: taskDefinitionFields(out.service), warnings: out.warnings } : { ok: false, errors: out.errors };
}
