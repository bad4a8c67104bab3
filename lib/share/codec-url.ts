/**
 * The URL side of share links, free of zod so that the page's first-load JavaScript can read a link.
 * Decoding and validation live in ./codec.ts (loaded after hydration).
 */
export const SHARE_PARAM = "s";

/**
 * The token from a page's query string (`location.search`), or null when the page has none.
 * URLSearchParams turns "+" into a space; lz-string's URI alphabet uses "+", so put it back.
 */
export function shareTokenFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get(SHARE_PARAM);
  return value === null ? null : value.replace(/ /g, "+");
}
