/**
 * Compare two estimates (docs/billing-rules.md#comparing-estimates): totals per option, per service and per
 * line, with the price snapshot of each side, and the change split into what the INPUT changed and what the
 * PRICES changed. The old input is re-priced on the new side's snapshot:
 *
 *   total delta  = new - old
 *   price delta  = old re-priced on the new snapshot - old       (same input, new prices)
 *   input delta  = new - old re-priced on the new snapshot       (same prices, new input)
 *
 * so price delta + input delta = total delta, to the cent (all three are differences of displayed cents).
 * Amounts are lib/present's cents (the totals people see), so a report adds up exactly as the cards do.
 * Pure: the catalog loader is passed in (the CLI and the API read files; tests may pass fixtures).
 */
import { CatalogLookupError } from "../catalog/errors";
import type { FieldError } from "../field-errors";
import { cents, subCents, toCents, type Cents } from "../money";
import { estimateWithLoader, type CatalogLoader } from "../pipeline/estimate";
import { presentOption, type PresentedOption } from "../present/estimate";
import type { EstimateInput, EstimateResult } from "../schemas/estimate";
import type { CompareSide, CompareSideKind } from "./read";

export type ChangeStatus = "added" | "removed" | "changed" | "unchanged";

export interface SideSummary {
  kind: CompareSideKind;
  region: string;
  catalogId: string;
  /** The newest rate date among the snapshot's sources: how current its prices are. */
  catalogSourcesAsOf: string | null;
  recommendedOptionId: string | null;
  recommendedLabel: string | null;
  /** null when no option can run the workload. */
  recommendedCents: Cents | null;
  serviceCount: number;
  /** How this side was priced, when not simply "on its own bundled snapshot". */
  note: string | null;
}

/** A delta split into input and price parts; the parts are null when the old input could not be re-priced. */
export interface Split {
  oldCents: Cents | null;
  newCents: Cents | null;
  deltaCents: Cents | null;
  repricedOldCents: Cents | null;
  inputDeltaCents: Cents | null;
  priceDeltaCents: Cents | null;
}

export interface ServiceDelta extends Split {
  name: string;
  status: ChangeStatus;
}

export interface LineSnapshot {
  quantity: number;
  unit: string;
  rateUSD: number;
  cents: Cents;
  usageType: string | null;
  asOf: string;
}

export interface LineDelta {
  service: string;
  label: string;
  status: ChangeStatus;
  old: LineSnapshot | null;
  new: LineSnapshot | null;
  deltaCents: Cents;
  /** What moved: "quantity", "rate" (a price change), both, or neither (only rounding). */
  changed: Array<"quantity" | "rate">;
}

export interface OptionDelta extends Split {
  id: string;
  label: string;
  status: ChangeStatus;
  /** Unavailable on a side: why (e.g. "Fargate Spot is not offered in this region"). */
  oldReason: string | null;
  newReason: string | null;
  services: ServiceDelta[];
  lines: LineDelta[];
}

export interface InputChange {
  path: string;
  old: string | null;
  new: string | null;
}

export interface CompareReport {
  version: 1;
  old: SideSummary;
  new: SideSummary;
  /** The old input on the new side's snapshot: what separates a price change from an input change. */
  repricing: { catalogId: string; available: boolean; reason: string | null; sameSnapshot: boolean };
  /** The recommended option of each side (they may be different options). */
  recommended: Split & { oldOptionId: string | null; newOptionId: string | null; repricedOptionId: string | null; deltaPct: number | null };
  options: OptionDelta[];
  inputChanges: InputChange[];
}

export type CompareOutcome = { ok: true; report: CompareReport } | { ok: false; errors: FieldError[] };

const sub = (a: Cents | null, b: Cents | null): Cents | null => (a === null || b === null ? null : subCents(a, b));

function split(oldCents: Cents | null, newCents: Cents | null, repricedCents: Cents | null, canReprice: boolean): Split {
  return {
    oldCents,
    newCents,
    deltaCents: sub(newCents, oldCents),
    repricedOldCents: canReprice ? repricedCents : null,
    inputDeltaCents: canReprice ? sub(newCents, repricedCents) : null,
    priceDeltaCents: canReprice ? sub(repricedCents, oldCents) : null,
  };
}

function status(oldPresent: boolean, newPresent: boolean, same: boolean): ChangeStatus {
  if (!oldPresent) return "added";
  if (!newPresent) return "removed";
  return same ? "unchanged" : "changed";
}

function newestSourceDate(result: EstimateResult): string | null {
  let newest: string | null = null;
  for (const s of result.catalog.sources) if (newest === null || s.asOf > newest) newest = s.asOf;
  return newest;
}

function summarize(result: EstimateResult, kind: CompareSideKind, note: string | null): SideSummary {
  const rec = result.recommendation;
  const recOption = rec ? result.options.find((o) => o.id === rec.optionId) : undefined;
  return {
    kind,
    region: result.catalog.region,
    catalogId: result.catalog.id,
    catalogSourcesAsOf: newestSourceDate(result),
    recommendedOptionId: rec?.optionId ?? null,
    recommendedLabel: recOption?.label ?? null,
    recommendedCents: rec ? toCents(rec.monthlyUSD) : null,
    serviceCount: result.input.services.length,
    note,
  };
}

/** Line identity across the two sides: service + label (labels are stable as parameters change), then order. */
function lineKeys(option: PresentedOption): Map<string, { service: string; label: string; snapshot: LineSnapshot }> {
  const out = new Map<string, { service: string; label: string; snapshot: LineSnapshot }>();
  const seen = new Map<string, number>();
  for (const group of option.groups) {
    for (const { line, cents } of group.lines) {
      const label = line.label ?? `${line.component} (${line.unit})`;
      const base = `${line.service}\u0000${label}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.set(n === 0 ? base : `${base}\u0000${n}`, {
        service: line.service,
        label,
        snapshot: { quantity: line.quantity, unit: line.unit, rateUSD: line.rateUSD, cents, usageType: line.usageType, asOf: line.asOf },
      });
    }
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function compareLines(oldOpt: PresentedOption | undefined, newOpt: PresentedOption | undefined): LineDelta[] {
  const oldLines = oldOpt ? lineKeys(oldOpt) : new Map();
  const newLines = newOpt ? lineKeys(newOpt) : new Map();
  const keys = [...new Set([...oldLines.keys(), ...newLines.keys()])];
  return keys.map((key) => {
    const o = oldLines.get(key);
    const n = newLines.get(key);
    const changed: Array<"quantity" | "rate"> = [];
    if (o && n) {
      if (!near(o.snapshot.quantity, n.snapshot.quantity)) changed.push("quantity");
      if (!near(o.snapshot.rateUSD, n.snapshot.rateUSD)) changed.push("rate");
    }
    const oc: Cents = o?.snapshot.cents ?? cents(0);
    const nc: Cents = n?.snapshot.cents ?? cents(0);
    return {
      service: (n ?? o)!.service,
      label: (n ?? o)!.label,
      status: status(o !== undefined, n !== undefined, changed.length === 0 && oc === nc),
      old: o?.snapshot ?? null,
      new: n?.snapshot ?? null,
      deltaCents: subCents(nc, oc),
      changed,
    };
  });
}

function serviceCents(option: PresentedOption | undefined): Map<string, Cents> {
  return new Map((option?.services ?? []).map((s) => [s.name, s.cents]));
}

function compareServices(oldOpt: PresentedOption | undefined, newOpt: PresentedOption | undefined, repOpt: PresentedOption | undefined, canReprice: boolean): ServiceDelta[] {
  const o = serviceCents(oldOpt);
  const n = serviceCents(newOpt);
  const r = serviceCents(repOpt);
  const names = [...new Set([...o.keys(), ...n.keys()])];
  return names.map((name) => {
    const oc = o.get(name) ?? null;
    const nc = n.get(name) ?? null;
    // A service the old input lacked is "added"; re-pricing the old input has none of it either (0).
    const rc = o.has(name) ? (r.get(name) ?? null) : cents(0);
    const parts = split(o.has(name) ? oc : cents(0), n.has(name) ? nc : cents(0), rc, canReprice);
    return { name, status: status(o.has(name), n.has(name), oc === nc), ...parts, oldCents: oc, newCents: nc };
  });
}

function compareOptions(oldResult: EstimateResult, newResult: EstimateResult, repriced: EstimateResult | null): OptionDelta[] {
  const oldOpts = new Map(oldResult.options.map((o) => [o.id, presentOption(o)]));
  const newOpts = new Map(newResult.options.map((o) => [o.id, presentOption(o)]));
  const repOpts = new Map((repriced?.options ?? []).map((o) => [o.id, presentOption(o)]));
  const ids = [...new Set([...oldResult.options.map((o) => o.id), ...newResult.options.map((o) => o.id)])];
  return ids.map((id) => {
    const o = oldOpts.get(id);
    const n = newOpts.get(id);
    const r = repOpts.get(id);
    const canReprice = repriced !== null;
    const parts = split(o?.totalCents ?? null, n?.totalCents ?? null, r?.totalCents ?? null, canReprice);
    const lines = compareLines(o, n);
    const bothUnavailable = o?.totalCents === null && n?.totalCents === null && o.option.reason === n.option.reason;
    const same = bothUnavailable || (parts.deltaCents === 0 && lines.every((l) => l.status === "unchanged"));
    return {
      id,
      label: (n ?? o)!.option.label,
      status: status(o !== undefined, n !== undefined, same),
      ...parts,
      oldReason: o && o.totalCents === null ? o.option.reason : null,
      newReason: n && n.totalCents === null ? n.option.reason : null,
      services: compareServices(o, n, r, canReprice),
      lines,
    };
  });
}

// ------------------------------------------------------------------ input changes

const MAX_VALUE_CHARS = 120;

function show(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function diffValues(path: string, a: unknown, b: unknown, out: InputChange[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) diffValues(path ? `${path}.${key}` : key, a[key], b[key], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, old: show(a), new: show(b) });
}

/** What the user changed, field by field; services are matched by name (`services[api].tasks`). */
export function diffInputs(oldInput: EstimateInput, newInput: EstimateInput): InputChange[] {
  const out: InputChange[] = [];
  // The snapshot is reported with each side (and its effect is the price delta), not as an input change.
  const withoutSnapshot = (input: EstimateInput): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...input };
    delete rest.services;
    delete rest.catalog;
    return rest;
  };
  const oldServices = oldInput.services;
  const newServices = newInput.services;
  diffValues("", withoutSnapshot(oldInput), withoutSnapshot(newInput), out);
  const oldByName = new Map(oldServices.map((s) => [s.name, s]));
  const newByName = new Map(newServices.map((s) => [s.name, s]));
  for (const s of oldServices) {
    const n = newByName.get(s.name);
    if (!n) out.push({ path: `services[${s.name}]`, old: "present", new: "removed" });
    else diffValues(`services[${s.name}]`, s, n, out);
  }
  for (const s of newServices) if (!oldByName.has(s.name)) out.push({ path: `services[${s.name}]`, old: "absent", new: "added" });
  return out;
}

// ------------------------------------------------------------------ the report

/** The report from three results (pure; what the tests check by hand). `repriced` null: it could not be made. */
export function buildCompareReport(
  sides: { old: { result: EstimateResult; kind: CompareSideKind; note?: string | null }; new: { result: EstimateResult; kind: CompareSideKind; note?: string | null } },
  repriced: { result: EstimateResult } | { result: null; reason: string },
): CompareReport {
  const oldResult = sides.old.result;
  const newResult = sides.new.result;
  const rep = repriced.result;
  const oldSummary = summarize(oldResult, sides.old.kind, sides.old.note ?? null);
  const newSummary = summarize(newResult, sides.new.kind, sides.new.note ?? null);
  const repRec = rep?.recommendation ?? null;
  const recParts = split(oldSummary.recommendedCents, newSummary.recommendedCents, repRec ? toCents(repRec.monthlyUSD) : null, rep !== null);
  const deltaPct =
    recParts.deltaCents === null || oldSummary.recommendedCents === null || oldSummary.recommendedCents === 0
      ? null
      : (recParts.deltaCents / oldSummary.recommendedCents) * 100;
  return {
    version: 1,
    old: oldSummary,
    new: newSummary,
    repricing: {
      catalogId: newResult.catalog.id,
      available: rep !== null,
      reason: rep === null ? (repriced as { reason: string }).reason : null,
      sameSnapshot: oldResult.catalog.id === newResult.catalog.id,
    },
    recommended: {
      ...recParts,
      oldOptionId: oldSummary.recommendedOptionId,
      newOptionId: newSummary.recommendedOptionId,
      repricedOptionId: repRec?.optionId ?? null,
      deltaPct,
    },
    options: compareOptions(oldResult, newResult, rep),
    inputChanges: diffInputs(oldResult.input, newResult.input),
  };
}

function prefix(errors: FieldError[], label: string): FieldError[] {
  return errors.map((e) => ({ path: e.path === "(root)" ? label : `${label}.${e.path}`, message: e.message }));
}

/**
 * A side's result: its input on its own snapshot. An export whose snapshot is not bundled here keeps its own
 * numbers (said in the side's note); anything else that cannot be priced is a field error under the side's label.
 */
function priceSide(side: CompareSide, label: string, load: CatalogLoader): { ok: true; result: EstimateResult; note: string | null } | { ok: false; errors: FieldError[] } {
  try {
    const out = estimateWithLoader(side.input, load);
    if (out.ok) return { ok: true, result: out.result, note: null };
    const unknownCatalog = out.errors.some((e) => e.path === "catalog");
    if (unknownCatalog && side.storedResult) {
      return { ok: true, result: side.storedResult, note: `snapshot ${side.storedResult.catalog.id} is not bundled here: the export's own numbers are used` };
    }
    return { ok: false, errors: prefix(out.errors, label) };
  } catch (error) {
    if (error instanceof CatalogLookupError) return { ok: false, errors: [{ path: `${label}.catalog`, message: error.message }] };
    throw error;
  }
}

/** The old input on the new snapshot, or why it cannot be priced there (a region or instance type it lacks). */
function repriceOld(oldInput: EstimateInput, newCatalogId: string, load: CatalogLoader): { result: EstimateResult } | { result: null; reason: string } {
  try {
    const out = estimateWithLoader({ ...oldInput, catalog: newCatalogId }, load);
    if (out.ok) return { result: out.result };
    return { result: null, reason: `the old input cannot be priced on snapshot ${newCatalogId}: ${out.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}` };
  } catch (error) {
    if (error instanceof CatalogLookupError) return { result: null, reason: `snapshot ${newCatalogId} is not bundled here: ${error.message}` };
    throw error;
  }
}

/** Two sides -> the report. Invalid sides give every problem with its side's label (`old.services[0].vcpu`). */
export function compareSides(oldSide: CompareSide, newSide: CompareSide, load: CatalogLoader): CompareOutcome {
  const o = priceSide(oldSide, "old", load);
  const n = priceSide(newSide, "new", load);
  if (!o.ok || !n.ok) return { ok: false, errors: [...(o.ok ? [] : o.errors), ...(n.ok ? [] : n.errors)] };
  const sameSnapshot = o.result.catalog.id === n.result.catalog.id && o.note === null;
  let repriced: { result: EstimateResult } | { result: null; reason: string };
  if (sameSnapshot) repriced = { result: o.result };
  else if (n.note !== null) repriced = { result: null, reason: `the new side's snapshot ${n.result.catalog.id} is not bundled here` };
  else repriced = repriceOld(o.result.input, n.result.catalog.id, load);
  return {
    ok: true,
    report: buildCompareReport({ old: { result: o.result, kind: oldSide.kind, note: o.note }, new: { result: n.result, kind: newSide.kind, note: n.note } }, repriced),
  };
}
