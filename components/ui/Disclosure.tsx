"use client";
/**
 * A collapsed panel: a one-line summary of what the panel contributes now, opened in one click (a native
 * <details>, so keyboard and screen readers get it for free). Its content renders only while open, so a closed
 * panel costs neither render time nor (for lazily loaded panels) JavaScript.
 */
import type { ReactNode } from "react";

interface Props {
  id: string;
  title: string;
  /** What the panel contributes now, in one line ("1 ALB, 1 NAT gateway — $54.20/month"). */
  summary: ReactNode;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

export function Disclosure({ id, title, summary, open, onToggle, children }: Props) {
  return (
    <details
      className="panel disclosure"
      open={open}
      onToggle={(e) => {
        if (e.currentTarget.open !== open) onToggle(e.currentTarget.open);
      }}
      data-testid={`disclosure-${id}`}
    >
      <summary>
        <span className="disclosure-title">{title}</span>
        <span className="disclosure-summary" data-testid={`disclosure-${id}-summary`}>
          {summary}
        </span>
      </summary>
      {open ? <div className="disclosure-body">{children}</div> : null}
    </details>
  );
}
