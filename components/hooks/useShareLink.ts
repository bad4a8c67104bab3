"use client";
/**
 * Share-link state for both pages: reading the estimate a page was opened with (`?s=<token>`), building links
 * that carry an estimate to the other page, and the estimator's "Copy link". The token format and its
 * validation are lib/share's; this module is zod-free so the estimator's first-load JavaScript stays small.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ShareDecodeOutcome } from "@/lib/share/codec";
import { SHARE_PARAM, shareTokenFromSearch } from "@/lib/share/codec-url";

/**
 * Reads the link a page was opened with, once, as soon as `read` is available (null: its decoder is still
 * loading), and hands the outcome to `onOpen`. `read` gets `location.search`; null from it = no link.
 */
export function useOpenedLink<T>(read: ((search: string) => T | null) | null, onOpen: (link: T) => void): void {
  const handled = useRef(false);
  const callback = useRef(onOpen);
  useEffect(() => {
    callback.current = onOpen;
  });
  useEffect(() => {
    if (!read || handled.current) return;
    handled.current = true;
    const link = read(window.location.search);
    if (link !== null) callback.current(link);
  }, [read]);
}

/** The estimator's reader: the share token in `search`, decoded (null when there is none). */
export function shareLinkReader(decode: (token: string) => ShareDecodeOutcome): (search: string) => ShareDecodeOutcome | null {
  return (search) => {
    const token = shareTokenFromSearch(search);
    return token === null ? null : decode(token);
  };
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
  /** `extra`: more query parameters for the link, e.g. "&open=ec2" (the estimator's open panels). */
  const copy = useCallback(async (token: string, stale: boolean, extra = "") => {
    // The token's alphabet is URL-safe apart from "+", which shareTokenFromSearch restores: links stay short.
    const url = `${window.location.origin}${window.location.pathname}?${SHARE_PARAM}=${token}${extra}`;
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
