/** Typed number text from a form field or a file cell: shared by the estimate form and the right-sizing form. */
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
