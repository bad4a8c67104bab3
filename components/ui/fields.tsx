"use client";
/**
 * Labelled form controls. Every control has a <label>; an error is rendered as text next to it,
 * linked with aria-describedby, and the typed text is never replaced.
 */
import type { ReactNode } from "react";

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  list?: string;
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
  className?: string;
  testId?: string;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        inputMode={props.inputMode ?? "text"}
        list={props.list}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <HintAndError hintId={hintId} hint={props.hint} errorId={errorId} error={props.error} />
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  testId?: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError hintId={hintId} hint={props.hint} errorId={errorId} error={props.error} />
    </div>
  );
}

export function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; className?: string }) {
  return (
    <div className={`check ${props.className ?? ""}`}>
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

type BannerTone = "error" | "warn" | "info";

export function Banner(props: { tone: BannerTone; title: ReactNode; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${props.tone}`} role={props.tone === "info" ? "status" : "alert"} data-testid={props.testId}>
      <p>
        <strong>{props.title}</strong>
      </p>
      {props.children}
      {props.actions ? <div className="actions">{props.actions}</div> : null}
    </div>
  );
}

/** The hint and the inline error under a field; their ids are what the input's aria-describedby names. */
function HintAndError(props: { hintId: string; hint?: ReactNode; errorId: string; error?: string | undefined }) {
  return (
    <>
      {props.hint ? (
        <span id={props.hintId} className="hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <p id={props.errorId} className="error">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** Problems with the path of the field each belongs to (`services[0].vcpu must be > 0`). */
export function FieldErrorList(props: { errors: ReadonlyArray<{ path: string; message: string }>; max?: number; className?: string; testId?: string; label?: string }) {
  const { errors, max } = props;
  const shown = max === undefined ? errors : errors.slice(0, max);
  return (
    <ul className={props.className} data-testid={props.testId} aria-label={props.label}>
      {shown.map((e, i) => (
        <li key={`${i}-${e.path}`}>
          <code>{e.path}</code> {e.message}
        </li>
      ))}
      {max !== undefined && errors.length > max ? <li>… and {errors.length - max} more</li> : null}
    </ul>
  );
}
