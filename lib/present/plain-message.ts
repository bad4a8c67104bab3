/**
 * A problem's message in words a visitor reads (the pages; lib/present/field-labels.ts adds the field's label).
 * Its own module: the estimator's first-load JavaScript needs only this, not the label tables.
 */
/** "must be <= 16" -> "must be at most 16"; parser wording -> words a visitor reads. */
export function plainMessage(message: string): string {
  return message
    .replace(/\bmust be <= /g, "must be at most ")
    .replace(/\bmust be >= /g, "must be at least ")
    .replace(/\bmust be < /g, "must be less than ")
    .replace(/\bmust be > /g, "must be more than ")
    .replace(/^Invalid input: expected (\w+), received (\w+)$/i, (_m, want: string) => `must be ${want === "string" ? "text" : want === "number" ? "a number" : `a ${want}`}`)
    .replace(/^Invalid input: expected (\w+)$/i, (_m, want: string) => `must be ${want === "string" ? "text" : want === "number" ? "a number" : `a ${want}`}`)
    .replace(/^Invalid input$/i, "is not valid here")
    .replace(/^Required$/i, "is required");
}
