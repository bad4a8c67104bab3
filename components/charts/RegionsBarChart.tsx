"use client";
/**
 * Horizontal bars: the cheapest monthly total in every region, cheapest at the top, the current region in its
 * own colour. A click on a bar asks to switch to that region (the table below has the same as buttons, and is
 * the accessible version). Loaded after first paint (recharts is large).
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUSD, formatUSDShort } from "@/lib/format";

export interface RegionBar {
  region: string;
  label: string;
  /** The region's cheapest total, in the "current" or the "other" series. */
  current?: number;
  other?: number;
}

export const REGION_BAR_HEIGHT = 18;

export default function RegionsBarChart({ rows, onSelect }: { rows: RegionBar[]; onSelect: (region: string) => void }) {
  const select = (item: unknown) => {
    const region = (item as { payload?: RegionBar } | undefined)?.payload?.region;
    if (region) onSelect(region);
  };
  return (
    <div className="chart-frame" style={{ height: rows.length * REGION_BAR_HEIGHT + 40 }} data-testid="chart-regions" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false} barCategoryGap={2}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e6e9ed" />
          <XAxis type="number" tickFormatter={(v: number) => formatUSDShort(v)} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="region" width={104} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip
            formatter={(v) => formatUSD(typeof v === "number" ? v : Number(v))}
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as RegionBar | undefined)?.label ?? String(_label)}
          />
          <Bar dataKey="other" name="Cheapest option" stackId="region" fill="#5aa0f2" isAnimationActive={false} onClick={select} cursor="pointer" />
          <Bar dataKey="current" name="Current region" stackId="region" fill="#1a7f37" isAnimationActive={false} onClick={select} cursor="pointer" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
