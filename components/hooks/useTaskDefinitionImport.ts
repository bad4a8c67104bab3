"use client";
/**
 * Import of an ECS task definition into a service's form fields, for both pages: lib's reader (size limit,
 * JSON, every problem named) and lib's mapping to form fields, one message per form row. The reader is passed
 * in (see ./task-definition-reader.ts) so the estimator can load it after first paint.
 */
import { useCallback, useState } from "react";
import type { FieldError } from "@/lib/field-errors";
import type { TaskDefinitionFields } from "@/lib/rightsize/task-definition";

export type TaskDefinitionRead = { ok: true; fields: TaskDefinitionFields; warnings: string[] } | { ok: false; errors: FieldError[] };
export type ReadTaskDefinition = (file: File) => Promise<TaskDefinitionRead>;

export type TaskDefinitionImport = { ok: true; fileName: string; warnings: string[] } | { ok: false; fileName: string; errors: FieldError[] };

/**
 * `apply(key, fields)` puts an imported definition into the form row `key`; messages are kept per row.
 * `read` null: the reader is not loaded yet (the file is ignored).
 */
export function useTaskDefinitionImport(read: ReadTaskDefinition | null, apply: (key: string, fields: TaskDefinitionFields) => void) {
  const [messages, setMessages] = useState<Record<string, TaskDefinitionImport>>({});
  const importFile = useCallback(
    async (key: string, file: File) => {
      if (!read) return;
      const out = await read(file);
      if (out.ok) apply(key, out.fields);
      const message: TaskDefinitionImport = out.ok ? { ok: true, fileName: file.name, warnings: out.warnings } : { ok: false, fileName: file.name, errors: out.errors };
      setMessages((m) => ({ ...m, [key]: message }));
    },
    [read, apply],
  );
  return { messages, importFile };
}
