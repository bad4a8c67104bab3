"use client";
/**
 * "Load an example": the estimate starts with one service; worked cases (the former two-service start page
 * among them) are one pick and one click away. The list is lib/examples/titles.ts; an example's input loads on
 * the click (lib/examples/gallery.ts) and goes through the same checks as an imported file.
 */
import { useState } from "react";
import { EXAMPLE_TITLES, type ExampleId } from "@/lib/examples/titles";

interface Props {
  /** null while the calculator loads. */
  onLoad: ((id: ExampleId, title: string) => void) | null;
}

export function ExamplePicker({ onLoad }: Props) {
  const [picked, setPicked] = useState<ExampleId>(EXAMPLE_TITLES[0].id);
  const title = EXAMPLE_TITLES.find((e) => e.id === picked)?.title ?? picked;
  return (
    <div className="example-picker" data-testid="example-picker">
      <label htmlFor="example-pick">Or start from an example</label>
      <div className="example-row">
        <select id="example-pick" value={picked} onChange={(e) => setPicked(e.target.value as ExampleId)} data-testid="example-select">
          {EXAMPLE_TITLES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={!onLoad} onClick={() => onLoad?.(picked, title)} data-testid="load-example">
          Load an example
        </button>
      </div>
    </div>
  );
}
