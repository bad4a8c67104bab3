/**
 * The links between the two pages: /rightsize?s=<estimate>&service=<i> opens right-sizing for one service of
 * an estimate, and "Apply to estimate" opens /?s=<estimate with that service resized>. Decoding never throws;
 * every problem is a sentence a banner can show.
 */
import { chooseCatalog } from "./region-catalog";
import { applySize } from "../rightsize/apply";
import { fieldsFromService, type RightsizeBase, type RightsizeFields } from "../rightsize/form";
import type { EstimateInput } from "../schemas/estimate";
import { decodeShareToken, encodeShareToken, SHARE_PARAM } from "../share/codec";
import { shareTokenFromSearch } from "../share/codec-url";

/** Query parameter naming the service to right-size (0-based). */
export const SERVICE_PARAM = "service";

export type RightsizeLink =
  | { kind: "none" }
  | { kind: "invalid"; problem: string; details: string[] }
  | {
      kind: "ok";
      base: RightsizeBase;
      fields: RightsizeFields;
      /** The link named a service the estimate does not have: service 0 is shown, and this says so. */
      serviceProblem: string | null;
      /** The link's snapshot is not bundled: the newest is used, and this says so. */
      catalogNote: string | null;
    };

export function readRightsizeLink(search: string, bundledCatalogIds: ReadonlyArray<string>, newestCatalogId: string): RightsizeLink {
  const token = shareTokenFromSearch(search);
  if (token === null) return { kind: "none" };
  const decoded = decodeShareToken(token);
  if (!decoded.ok) return { kind: "invalid", problem: decoded.problem, details: decoded.errors.map((e) => `${e.path}: ${e.message}`) };
  const input = decoded.input;
  const rawIndex = new URLSearchParams(search).get(SERVICE_PARAM) ?? "0";
  let index = /^\d+$/.test(rawIndex) ? Number(rawIndex) : Number.NaN;
  let serviceProblem: string | null = null;
  if (!Number.isInteger(index) || index >= input.services.length) {
    serviceProblem = `The link names service ${JSON.stringify(rawIndex)}, but the estimate has ${input.services.length} service(s) (0 to ${input.services.length - 1}); showing service 0.`;
    index = 0;
  }
  const choice = chooseCatalog(input.catalog, bundledCatalogIds, newestCatalogId);
  const catalogId = choice.bundled ? choice.catalogId : choice.newest;
  const catalogNote = choice.bundled
    ? null
    : `The estimate was made with price catalog ${choice.requested}, which this app does not bundle; prices below use the newest catalog ${choice.newest}.`;
  const fixed: EstimateInput = { ...input, catalog: catalogId };
  return {
    kind: "ok",
    base: { input: fixed, serviceIndex: index },
    fields: fieldsFromService(fixed.services[index]!, fixed.region),
    serviceProblem,
    catalogNote,
  };
}

/** "/?s=..." opening the estimator with services[serviceIndex] resized (everything else kept). */
export function applySizeHref(input: EstimateInput, serviceIndex: number, size: { vcpu: number; memoryGiB: number }): string {
  return `/?${SHARE_PARAM}=${encodeURIComponent(encodeShareToken(applySize(input, serviceIndex, size)))}`;
}

/** "/rightsize?s=...&service=i" for one service of an estimate. */
export function rightsizeHref(token: string, serviceIndex: number): string {
  return `/rightsize?${SHARE_PARAM}=${encodeURIComponent(token)}&${SERVICE_PARAM}=${serviceIndex}`;
}
