"use client";
/**
 * Graviton side by side (lib/present/graviton.ts): one line per card and one summary sentence. Computed by the
 * calculator after it loads (never in the server's first paint), so this display loads with it.
 */
import { formatCents, negCents } from "@/lib/money";
import type { GravitonComparison } from "@/lib/present/graviton";

export function GravitonCardLine({ graviton, optionId }: { graviton: GravitonComparison; optionId: string }) {
  const arm = graviton.options.find((g) => g.id === optionId);
  if (!arm) return null;
  return (
    <div className={`graviton num${arm.savedCents > 0 ? " good" : ""}`} data-testid={`graviton-${optionId}`}>
      On Graviton: {formatCents(arm.armCents)}
      {arm.savedCents > 0 ? ` (saves ${formatCents(arm.savedCents)})` : arm.savedCents < 0 ? ` (${formatCents(negCents(arm.savedCents))} more)` : " (same)"}
    </div>
  );
}

export function GravitonSummary({ graviton }: { graviton: GravitonComparison }) {
  if (!graviton.best) return null;
  const who = graviton.eligible.length === 1 ? graviton.eligible[0] : `all ${graviton.eligible.length} x86 Linux services`;
  return (
    <p className="why" data-testid="graviton-summary">
      <strong>Graviton: </strong>
      moving {who} to arm64 would save up to {formatCents(graviton.best.savedCents)}/month on {graviton.best.label}.
    </p>
  );
}
