"use client";
/**
 * The form's problems in words: "api — vCPU per task: must be at most 16" (lib/present/field-labels.ts), each
 * item keeping its path in data-path. Problems only exist once the calculator has loaded, so this loads then.
 */
import type { FieldError } from "@/lib/field-errors";
import { plainFieldError, type PlainFieldContext } from "@/lib/present/field-labels";

export function FormProblems({ errors, context }: { errors: ReadonlyArray<FieldError>; context: PlainFieldContext }) {
  return (
    <ul className="errors" data-testid="form-errors" aria-label="Problems in the form">
      {errors.map((e, i) => (
        <li key={`${i}-${e.path}`} data-path={e.path}>
          {plainFieldError(e, context)}
        </li>
      ))}
    </ul>
  );
}
