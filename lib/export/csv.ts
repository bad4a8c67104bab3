/**
 * CSV export of an estimate's cost lines (RFC 4180: comma separated, CRLF, quotes doubled).
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @, a tab
 * or a carriage return is prefixed with a single quote so Excel/Sheets/LibreOffice show it as text.
 * Service names are user text and travel in share links, so this matters.
 */
import type { EstimateResult } from "../schemas/estimate";

export const CSV_COLUMNS = [
  "option",
  "service",
  "component",
  "quantity",
  "unit",
  "rate",
  "usd",
  "usageType",
  "asOf",
  "derived",
  "note",
  // The rest of the bill (network, logs): what the line is for, and whether it is the same in every option.
  "category",
  "shared",
  // What the line is ("ECS Managed Instances management fee (r6i.large)", "EC2 CPU surplus credits ..."):
  // component "other" covers several kinds. Appended, so the earlier columns keep their positions.
  "label",
  // The environment a line belongs to (docs/billing-rules.md#weekly-schedules); appended, so positions hold.
  "environment",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell: neutralise formulas, then quote when needed. */
export function csvTextCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers keep full precision (the CSV is for re-computation, not display). */
export function csvNumberCell(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(value);
}

function row(cells: string[]): string {
  return cells.join(",");
}

/**
 * Appended when some service gives requestsPerSecond (docs/billing-rules.md#cost-per-requests): the line's option's
 * cost per 1M requests, on each of its lines. Absent otherwise, so older exports keep their exact bytes.
 */
export const CSV_COST_PER_1M_COLUMN = "optionCostPer1MRequests";

/**
 * Appended when the page shows another display currency (lib/present/currency.ts): the amounts stay USD, these
 * columns record the rate the reader saw. Absent in USD, so those exports keep their exact bytes.
 */
export const CSV_DISPLAY_COLUMNS = ["displayCurrency", "displayPerUSD", "displayRateSource"] as const;
export type DisplayRate = { code: string; perUSD: number; source: string; asOf: string | null };

/** Every line of every option, in the result's order; unavailable options contribute no lines. */
export function estimateToCsv(result: EstimateResult, display?: DisplayRate): string {
  const perRequest = result.options.some((o) => o.costPer1MRequests !== undefined);
  const shown = display && display.code !== "USD" ? display : null;
  const displayCells = shown ? [csvTextCell(shown.code), csvNumberCell(shown.perUSD), csvTextCell(shown.asOf ? `${shown.source} (${shown.asOf})` : shown.source)] : [];
  const out: string[] = [row([...CSV_COLUMNS, ...(perRequest ? [CSV_COST_PER_1M_COLUMN] : []), ...(shown ? CSV_DISPLAY_COLUMNS : [])])];
  for (const option of result.options) {
    for (const line of option.lines) {
      out.push(
        row([
          csvTextCell(option.id),
          csvTextCell(line.service),
          csvTextCell(line.component),
          csvNumberCell(line.quantity),
          csvTextCell(line.unit),
          csvNumberCell(line.rateUSD),
          csvNumberCell(line.usd),
          csvTextCell(line.usageType ?? ""),
          csvTextCell(line.asOf),
          line.derived ? "true" : "false",
          csvTextCell(line.note ?? ""),
          csvTextCell(line.category ?? ""),
          line.shared ? "true" : "false",
          csvTextCell(line.label ?? ""),
          csvTextCell(line.environment ?? ""),
          ...(perRequest ? [csvNumberCell(option.costPer1MRequests)] : []),
          ...displayCells,
        ]),
      );
    }
  }
  return out.join("\r\n") + "\r\n";
}

/** The JSON export: the result in USD, plus the display currency's rate when the page showed another one. */
export function estimateToJson(result: EstimateResult, display?: DisplayRate): string {
  const shown = display && display.code !== "USD" ? display : null;
  return JSON.stringify(shown ? { ...result, displayCurrency: { code: shown.code, perUSD: shown.perUSD, source: shown.source, asOf: shown.asOf, note: "Amounts are USD, AWS's billing currency; the page showed them at this rate." } } : result, null, 2) + "\n";
}

/** "ecs-estimate-2026-11-26.json": the date is passed in (lib/ never reads the clock). */
export function exportFilename(date: Date, extension: "json" | "csv"): string {
  return `ecs-estimate-${date.toISOString().slice(0, 10)}.${extension}`;
}
