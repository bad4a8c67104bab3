"use client";
/**
 * The answer, always in view (issue 21): the recommended option, its monthly total and how much more or less
 * each other option costs. Pinned under the top of the window on wide screens, a bar at the bottom on phones
 * (globals.css .answer-bar). Figures are the cards' own (lib/present/answer.ts), so the bar never disagrees.
 */
import { memo } from "react";
import type { EstimateResult } from "@/lib/schemas/estimate";
import { formatCents } from "@/lib/money";
import { presentEstimate } from "@/lib/present/estimate";
import { answerSummary, formatDiff } from "@/lib/present/answer";

export const AnswerBar = memo(function AnswerBar({ result, stale }: { result: EstimateResult; stale: boolean }) {
  const answer = answerSummary(presentEstimate(result));
  return (
    <aside className={`answer-bar${stale ? " stale" : ""}`} aria-label="Answer" data-testid="answer-bar">
      {answer.recommended ? (
        <>
          <p className="answer-main">
            <span className="answer-label">Recommended: {answer.recommended.label}</span>{" "}
            <strong className="answer-total num" data-testid="answer-total" data-option={answer.recommended.id}>
              {formatCents(answer.recommended.cents)}
              <span className="answer-per">/month</span>
            </strong>
          </p>
          {answer.others.length > 0 ? (
            <ul className="answer-others" aria-label="The other options compared with it">
              {answer.others.map((o) => (
                <li key={o.id} className="num" data-testid={`answer-diff-${o.id}`}>
                  {o.label} <span className={o.diffCents > 0 ? "more" : o.diffCents < 0 ? "less" : ""}>{formatDiff(o.diffCents)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <a className="answer-jump" href="#results">
            Details
          </a>
        </>
      ) : (
        <p className="answer-main">No option can run this workload: see the cards for why.</p>
      )}
    </aside>
  );
});
