/**
 * The line `service` of lines that belong to the whole estimate, not to one service (load balancers, NAT,
 * egress...): docs/billing-rules.md#network-lines. Its own module, free of imports, because the page's
 * first-load JavaScript (lib/present) needs it and must not pull in the catalog's zod schemas.
 */
export const SHARED_SERVICE = "Network and shared";
