/**
 * Which of the estimator's collapsed panels a share link opens: `?s=<token>&open=ec2,network`. The state rides
 * next to the token, not inside it, so the token format (lib/share/codec.ts) is unchanged: every old link
 * decodes to the same input and the same numbers, and simply opens with every panel collapsed. Unknown ids
 * are ignored (a link made by a newer version still opens). Free of zod: the first-load JavaScript reads it.
 */
import { OPTION } from "../schemas/estimate-enums";

export const OPEN_PARAM = "open";

/** The collapsible panels, in page order. The EC2 panel configures the EC2 option and is named by its id. */
export const PANEL_IDS = ["import", OPTION.ec2, "network", "environments", "pricebook", "express", "regions", "commitment", "breakdown"] as const;
export type PanelId = (typeof PANEL_IDS)[number];

const KNOWN = new Set<string>(PANEL_IDS);

/** The open panels named by a page's query string (`location.search`); none when the parameter is absent. */
export function openPanelsFromSearch(search: string): PanelId[] {
  const value = new URLSearchParams(search).get(OPEN_PARAM);
  if (!value) return [];
  const named = new Set(value.split(",").map((s) => s.trim()));
  return PANEL_IDS.filter((id) => named.has(id) && KNOWN.has(id));
}

/** `&open=ec2,network` for a link (page order, no repeats), or "" when every panel is closed. */
export function openPanelsParam(open: Iterable<PanelId>): string {
  const set = new Set(open);
  const ids = PANEL_IDS.filter((id) => set.has(id));
  return ids.length > 0 ? `&${OPEN_PARAM}=${ids.join(",")}` : "";
}
