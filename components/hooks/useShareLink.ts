"use client";
/**
 * Share-link state for both pages: reading the estimate a page was opened with (`?s=<token>`), building links
 * that carry an estimate to the other page, and the estimator's "Copy link". The token format and its
 * validation are lib/share's; this module is zod-free so the estimator's first-load JavaScript stays small.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EstimateInput, FieldError } from "@/lib/schemas/estimate";
import type { ShareDecodeOutcome } from "@/lib/share/codec";
import { SHARE_PARAM, shareTokenFromSearch } from "@/lib/share/codec-url";

export type OpenedLink = { ok: true; input: EstimateInput; params: URLSearchParams } | { ok: false; problem: string; errors: FieldError[] };

/**
 * Calls `onOpen` once, as soon as `decode` is available, when the page's URL carries a share token
 * (`decode` null: the decoder is still loading).
 */
export function useOpenedShareLink(decode: ((token: string) => ShareDecodeOutcome) | null, onOpen: (link: OpenedLink) => void): void {
  const handled = useRef(false);
  const callback = useRef(onOpen);
  useEffect(() => {
    callback.current = onOpen;
  });
  useEffect(() => {
    if (!decode || handled.current) return;
    handled.current = true;
    const token = shareTokenFromSearch(window.location.search);
    if (token === null) return;
    const decoded = decode(token);
    callback.current(decoded.ok ? { ok: true, input: decoded.input, params: new URLSearchParams(window.location.search) } : { ok: false, problem: decoded.problem, errors: decoded.errors });
  }, [decode]);
}

/** A same-site link that opens `path` with the estimate of `token` (plus query parameters such as `service`). */
export function shareHref(path: string, token: string, extra: Record<string, string | number> = {}): string {
  const rest = Object.entries(extra)
    .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("");
  return `${path}?${SHARE_PARAM}=${encodeURIComponent(token)}${rest}`;
}

/** "Copy link": puts the page's own URL with the token in the address bar and the clipboard. */
export function useCopyShareLink() {
  const [shareLink, setShareLink] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const copy = useCallback(async (token: string, stale: boolean) => {
    // The token's alphabet is URL-safe apart from "+", which shareTokenFromSearch restores: links stay short.
    const url = `${window.location.origin}${window.location.pathname}?${SHARE_PARAM}=${token}`;
    window.history.replaceState(null, "", url);
    setShareLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(stale ? "Link to the last valid estimate copied." : "Link copied to the clipboard.");
    } catch {
      setCopyStatus("The clipboard is not available here: copy the link from the field below.");
    }
  }, []);
  return { shareLink, copyStatus, copy };
}
