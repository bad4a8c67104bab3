/**
 * A comparison as text: a terminal table and Markdown for a pull-request comment (like Infracost's diff).
 * Both show the same rows: the recommended totals with the input/price split, every option, the services and
 * changed lines of the new side's recommended option, and what the input changed.
 */
import { absCents, formatCents, formatRate, type Cents } from "../money";
import type { ChangeStatus, CompareReport, LineDelta, OptionDelta, SideSummary } from "./compare";
import type { ThresholdVerdict } from "./threshold";

export { lineWhat };

export function signedCents(cents: Cents | null): string {
  if (cents === null) return "—";
  if (cents === 0) return "$0.00";
  return `${cents > 0 ? "+" : "-"}${formatCents(absCents(cents))}`;
}

const pct = (p: number | null) => (p === null ? "" : ` (${p >= 0 ? "+" : ""}${Number(p.toFixed(1))}%)`);

function sideText(s: SideSummary): string {
  const rec = s.recommendedCents === null ? "no option can run the workload" : `${s.recommendedLabel ?? s.recommendedOptionId} at ${formatCents(s.recommendedCents)}/month`;
  const kind = s.kind === "share-link" ? "share link" : s.kind === "export" ? "JSON export" : "estimate input";
  return `${kind}, ${s.region}, price snapshot ${s.catalogId}${s.catalogSourcesAsOf ? ` (rates up to ${s.catalogSourcesAsOf})` : ""}; ${s.serviceCount} service${s.serviceCount === 1 ? "" : "s"}; recommended: ${rec}${s.note ? `; ${s.note}` : ""}`;
}

function repricingText(report: CompareReport): string {
  const r = report.repricing;
  if (r.sameSnapshot) return `Both sides use price snapshot ${r.catalogId}: every change comes from the input.`;
  if (!r.available) return `Price and input changes cannot be told apart: ${r.reason}.`;
  return `The old input was re-priced on the new snapshot ${r.catalogId}: price change = re-priced old - old; input change = new - re-priced old.`;
}

const STATUS_TEXT: Record<ChangeStatus, string> = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" };

function optionCells(o: OptionDelta): string[] {
  const cell = (cents: Cents | null, reason: string | null) => (cents === null ? (reason ? "unavailable" : "—") : formatCents(cents));
  return [o.label, STATUS_TEXT[o.status], cell(o.oldCents, o.oldReason), cell(o.newCents, o.newReason), signedCents(o.deltaCents), signedCents(o.inputDeltaCents), signedCents(o.priceDeltaCents)];
}

/** A line's rate as text: a price book's discount (unit "USD", negative rate) as a percentage. */
function rateText(side: { unit: string; rateUSD: number }): string {
  return side.unit === "USD" && side.rateUSD < 0 ? `${Number((side.rateUSD * 100).toFixed(6))}%` : formatRate(side.rateUSD);
}

function lineWhat(l: LineDelta): string {
  if (l.status === "added") return `${l.new!.quantity} ${l.new!.unit} x ${rateText(l.new!)}`;
  if (l.status === "removed") return `was ${l.old!.quantity} ${l.old!.unit} x ${rateText(l.old!)}`;
  const parts: string[] = [];
  if (l.changed.includes("quantity")) parts.push(`quantity ${l.old!.quantity} -> ${l.new!.quantity} ${l.new!.unit}`);
  if (l.changed.includes("rate")) parts.push(`rate ${rateText(l.old!)} -> ${rateText(l.new!)} (as of ${l.old!.asOf} -> ${l.new!.asOf})`);
  return parts.join("; ");
}

/** The option whose services and lines are detailed: the new side's recommendation (else the old one's). */
function focusOption(report: CompareReport): OptionDelta | undefined {
  const id = report.recommended.newOptionId ?? report.recommended.oldOptionId;
  return report.options.find((o) => o.id === id);
}

export interface CompareTextModel {
  title: string;
  sides: [string, string];
  headline: string;
  repricing: string;
  options: string[][];
  focus: OptionDelta | undefined;
  services: string[][];
  lines: string[][];
  inputChanges: string[][];
  verdict: string[];
}

const OPTION_HEAD = ["Option", "Status", "Old", "New", "Change", "Input change", "Price change"];
const SERVICE_HEAD = ["Service", "Status", "Old", "New", "Change", "Input change", "Price change"];
const LINE_HEAD = ["Service", "Line", "Status", "Old", "New", "Change", "What changed"];
const INPUT_HEAD = ["Field", "Old", "New"];

/** The rows and sentences every rendering shows (the page renders the same ones as HTML). */
export function compareTextModel(report: CompareReport, verdict?: ThresholdVerdict): CompareTextModel {
  const rec = report.recommended;
  const switched = rec.oldOptionId !== rec.newOptionId && rec.oldOptionId !== null && rec.newOptionId !== null;
  const headline =
    rec.deltaCents === null
      ? "The recommended totals cannot be compared: one side has no option that can run the workload."
      : `Recommended monthly total: ${formatCents(rec.oldCents)} -> ${formatCents(rec.newCents)}, ${signedCents(rec.deltaCents)}${pct(rec.deltaPct)}` +
        (rec.inputDeltaCents !== null ? `; input change ${signedCents(rec.inputDeltaCents)}, price change ${signedCents(rec.priceDeltaCents)}` : "") +
        (switched ? ` (the recommendation moved from ${rec.oldOptionId} to ${rec.newOptionId})` : "") +
        ".";
  const focus = focusOption(report);
  const services = (focus?.services ?? [])
    .filter((s) => s.status !== "unchanged" || s.priceDeltaCents !== 0)
    .map((s) => [s.name, STATUS_TEXT[s.status], formatCents(s.oldCents), formatCents(s.newCents), signedCents(s.deltaCents), signedCents(s.inputDeltaCents), signedCents(s.priceDeltaCents)]);
  const lines = (focus?.lines ?? [])
    .filter((l) => l.status !== "unchanged")
    .map((l) => [l.service, l.label, STATUS_TEXT[l.status], formatCents(l.old?.cents ?? null), formatCents(l.new?.cents ?? null), signedCents(l.deltaCents), lineWhat(l)]);
  return {
    title: "ECS cost estimate: comparison",
    sides: [sideText(report.old), sideText(report.new)],
    headline,
    repricing: repricingText(report),
    options: report.options.map(optionCells),
    focus,
    services,
    lines,
    inputChanges: report.inputChanges.map((c) => [c.path, c.old ?? "—", c.new ?? "—"]),
    verdict: verdict?.checked ? [`${verdict.exceeded ? "FAIL" : "OK"}: ${verdict.messages.join("; ")}`] : [],
  };
}

// ------------------------------------------------------------------ terminal table

function textTable(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const numeric = (i: number) => i >= 2 && head[i] !== "What changed" && head[i] !== "Status" && head[i] !== "Line";
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] as number;
        const text = c.length > 60 ? `${c.slice(0, 59)}…` : c;
        return numeric(i) ? text.padStart(w) : text.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  return [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}

export function renderCompareTable(report: CompareReport, verdict?: ThresholdVerdict): string {
  const m = compareTextModel(report, verdict);
  const out: string[] = [m.title, "", `Old: ${m.sides[0]}`, `New: ${m.sides[1]}`, "", m.headline, m.repricing, ""];
  out.push(...textTable(OPTION_HEAD, m.options));
  if (m.focus) {
    out.push("", `Services of ${m.focus.label}:`);
    out.push(...(m.services.length > 0 ? textTable(SERVICE_HEAD, m.services) : ["  no service changed"]));
    out.push("", `Changed lines of ${m.focus.label}:`);
    out.push(...(m.lines.length > 0 ? textTable(LINE_HEAD, m.lines) : ["  no line changed"]));
  }
  out.push("", "Input changes:");
  out.push(...(m.inputChanges.length > 0 ? textTable(INPUT_HEAD, m.inputChanges) : ["  none (same input)"]));
  if (m.verdict.length > 0) out.push("", ...m.verdict);
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------ markdown

/** Markdown-safe text: pipes and newlines escaped; "<" and "&" as entities so user text (service names) cannot open an HTML tag. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/&/g, "&amp;").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/</g, "&lt;").replace(/`/g, "\\`").replace(/\*/g, "\\*").replace(/_/g, "\\_");
}

function mdTable(head: string[], rows: string[][], rightFrom = 2): string[] {
  const align = head.map((h, i) => (i >= rightFrom && !["Status", "What changed", "Line"].includes(h) ? "---:" : "---"));
  return [`| ${head.map(mdCell).join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`)];
}

export function renderCompareMarkdown(report: CompareReport, verdict?: ThresholdVerdict): string {
  const m = compareTextModel(report, verdict);
  const out: string[] = [`### ${m.title}`, ""];
  if (m.verdict.length > 0) out.push(`**${mdCell(m.verdict[0] as string)}**`, "");
  out.push(`**${mdCell(m.headline)}**`, "", mdCell(m.repricing), "");
  out.push(`- Old: ${mdCell(m.sides[0])}`, `- New: ${mdCell(m.sides[1])}`, "");
  out.push(...mdTable(OPTION_HEAD, m.options));
  if (m.focus) {
    out.push("", `<details><summary>Services and changed lines of ${mdCell(m.focus.label)}</summary>`, "");
    out.push(...(m.services.length > 0 ? mdTable(SERVICE_HEAD, m.services) : ["No service changed."]));
    out.push("");
    out.push(...(m.lines.length > 0 ? mdTable(LINE_HEAD, m.lines, 3) : ["No line changed."]));
    out.push("", "</details>");
  }
  out.push("", "<details><summary>Input changes</summary>", "");
  out.push(...(m.inputChanges.length > 0 ? mdTable(INPUT_HEAD, m.inputChanges, 9) : ["None: the same input."]));
  out.push("", "</details>");
  return out.join("\n") + "\n";
}
