/** Errors a user can act on when a catalog id or region is not bundled. Pure (usable in the browser too). */
export type CatalogLookupKind = "unknown-catalog" | "unknown-region" | "missing-file";

export class CatalogLookupError extends Error {
  constructor(
    readonly kind: CatalogLookupKind,
    message: string,
    /** What does exist: catalog ids or region codes. */
    readonly available: string[],
  ) {
    super(message);
    this.name = "CatalogLookupError";
  }
}

export function unknownCatalogError(id: string, available: string[], newest: string): CatalogLookupError {
  return new CatalogLookupError(
    "unknown-catalog",
    `Price catalog "${id}" is not bundled. Available catalogs: ${available.join(", ")} (newest: ${newest}).`,
    available,
  );
}

export function unknownRegionError(region: string, catalogId: string, available: string[]): CatalogLookupError {
  return new CatalogLookupError(
    "unknown-region",
    `Region "${region}" is not in price catalog ${catalogId}. Regions with prices: ${available.join(", ")}.`,
    available,
  );
}
