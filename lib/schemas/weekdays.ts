/**
 * The days of the week as the contract spells them, Monday first. No imports: forms and charts in the page's
 * first-load JavaScript use it without pulling in the zod schemas.
 */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** "08:30" from 8.5. */
export function hourText(hour: number): string {
  const h = Math.floor(hour);
  const m = Math.round((hour - h) * 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Days as text: "mon-fri", "sat, sun", "every day". */
export function daysText(days: ReadonlyArray<Weekday>): string {
  const idx = [...new Set(days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  if (idx.length === 7) return "every day";
  const runs: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === (idx[j] as number) + 1) j++;
    const a = WEEKDAY_LABELS[WEEKDAYS[idx[i] as number] as Weekday];
    const b = WEEKDAY_LABELS[WEEKDAYS[idx[j] as number] as Weekday];
    runs.push(j - i >= 2 ? `${a}-${b}` : j === i ? a : `${a}, ${b}`);
    i = j + 1;
  }
  return runs.join(", ");
}
