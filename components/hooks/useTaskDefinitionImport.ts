"use client";
/**
 * Import of an ECS task definition into a service's form fields, for both pages: one size limit, lib's reader
 * (which also accepts the JSON text and names every problem), one mapping to the fields, one message per form.
 */
import { useCallback, useState } from "react";
import type { FieldError, Service } from "@/lib/schemas/estimate";
import type { TaskDefinitionOutcome } from "@/lib/rightsize/task-definition";

/** A task definition is a few kB of JSON; anything above this is the wrong file. */
export const MAX_TASK_DEFINITION_FILE_BYTES = 1024 * 1024;

/** The form fields a task definition sets (as text, like everything the user can edit). */
export interface TaskDefinitionFields {
  name: string;
  vcpu: string;
  memoryGiB: string;
  architecture: Service["architecture"];
  os: Service["os"];
  ephemeralStorageGiB: string;
}

export type TaskDefinitionImport = { ok: true; fileName: string; warnings: string[] } | { ok: false; fileName: string; errors: FieldError[] };

export type ReadTaskDefinition = (raw: unknown) => TaskDefinitionOutcome;

export async function readTaskDefinitionFile(file: File, read: ReadTaskDefinition): Promise<{ message: TaskDefinitionImport; fields: TaskDefinitionFields | null }> {
  if (file.size > MAX_TASK_DEFINITION_FILE_BYTES) {
    const message = `is too large (${file.size} bytes; a task definition is at most ${MAX_TASK_DEFINITION_FILE_BYTES})`;
    return { message: { ok: false, fileName: file.name, errors: [{ path: "(file)", message }] }, fields: null };
  }
  const out = read(await file.text());
  if (!out.ok) return { message: { ok: false, fileName: file.name, errors: out.errors }, fields: null };
  const s = out.service;
  return {
    message: { ok: true, fileName: file.name, warnings: out.warnings },
    fields: { name: s.name, vcpu: String(s.vcpu), memoryGiB: String(s.memoryGiB), architecture: s.architecture, os: s.os, ephemeralStorageGiB: String(s.ephemeralStorageGiB) },
  };
}

/**
 * `apply(key, fields)` puts an imported definition into the form row `key`; messages are kept per row.
 * `read` null: the reader is not loaded yet (the import is ignored, as the file input is disabled meanwhile).
 */
export function useTaskDefinitionImport(read: ReadTaskDefinition | null, apply: (key: string, fields: TaskDefinitionFields) => void) {
  const [messages, setMessages] = useState<Record<string, TaskDefinitionImport>>({});
  const importFile = useCallback(
    async (key: string, file: File) => {
      if (!read) return;
      const { message, fields } = await readTaskDefinitionFile(file, read);
      if (fields) apply(key, fields);
      setMessages((m) => ({ ...m, [key]: message }));
    },
    [read, apply],
  );
  return { messages, importFile };
}
