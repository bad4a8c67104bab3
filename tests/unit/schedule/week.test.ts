import { describe, expect, it } from "vitest";
import { EnvironmentSchema } from "../../../lib/schemas/estimate";
import { SLOTS_PER_HOUR, SLOTS_PER_WEEK, utcOffsetMinutes, weeklyFactorHours, weeklyFactors } from "../../../lib/schedule/week";

const DEC_1_2026 = Date.UTC(2026, 11, 1);
const JUL_1_2026 = Date.UTC(2026, 6, 1);
const env = (raw: unknown) => EnvironmentSchema.parse(raw);
const slot = (day: number, hour: number) => (day * 24 + hour) * SLOTS_PER_HOUR;

describe("weekly schedules", () => {
  it("reads a zone's offset at the reference instant (DST included)", () => {
    expect(utcOffsetMinutes("Europe/Berlin", DEC_1_2026)).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", JUL_1_2026)).toBe(120);
    expect(utcOffsetMinutes("Asia/Kathmandu", DEC_1_2026)).toBe(345);
    expect(utcOffsetMinutes("America/New_York", DEC_1_2026)).toBe(-300);
    expect(utcOffsetMinutes("UTC", DEC_1_2026)).toBe(0);
  });

  it("always on is 168 hours a week", () => {
    expect(weeklyFactorHours(weeklyFactors(env({ name: "prod" }), DEC_1_2026))).toBe(168);
  });

  it("business hours 08-20 Mon-Fri in Berlin (UTC+1 in December) are 07-19 UTC: 12 h x 5 = 60 h", () => {
    const f = weeklyFactors(env({ name: "dev", schedule: { kind: "business-hours", timeZone: "Europe/Berlin" } }), DEC_1_2026);
    expect(f.length).toBe(SLOTS_PER_WEEK);
    expect(weeklyFactorHours(f)).toBe(60);
    expect(f[slot(0, 6) + 3]).toBe(0); // Mon 06:45 UTC = 07:45 Berlin: off
    expect(f[slot(0, 7)]).toBe(1); // Mon 07:00 UTC = 08:00 Berlin: on
    expect(f[slot(0, 18) + 3]).toBe(1); // 18:45 UTC = 19:45 Berlin
    expect(f[slot(0, 19)]).toBe(0); // 19:00 UTC = 20:00 Berlin: off
    expect(f[slot(5, 10)]).toBe(0); // Saturday
  });

  it("a zone behind UTC wraps Sunday evening into Monday morning UTC", () => {
    // Sunday 20:00-24:00 New York (UTC-5) = Monday 01:00-05:00 UTC.
    const f = weeklyFactors(env({ name: "x", schedule: { kind: "weekly", timeZone: "America/New_York", hours: { sun: [[20, 24]] } } }), DEC_1_2026);
    expect(weeklyFactorHours(f)).toBe(4);
    expect(f[slot(0, 1)]).toBe(1);
    expect(f[slot(0, 4) + 3]).toBe(1);
    expect(f[slot(0, 5)]).toBe(0);
    expect(f[slot(6, 20)]).toBe(0);
  });

  it("a task profile scales the on-hours only, the later entry winning", () => {
    const f = weeklyFactors(
      env({
        name: "p",
        taskProfile: [
          { days: ["mon"], fromHour: 0, toHour: 8, tasksFactor: 0.25 },
          { days: ["mon"], fromHour: 6, toHour: 7.5, tasksFactor: 2 },
        ],
      }),
      DEC_1_2026,
    );
    // Monday: 00-06 at 0.25 (1.5) + 06-07:30 at 2 (3) + 07:30-08 back at 0.25 (0.125) + 08-24 at 1 (16) = 20.625;
    // the other six days 6 x 24 = 144: 164.625.
    expect(weeklyFactorHours(f)).toBe(164.625);
    expect(f[slot(0, 7) + 2]).toBe(0.25); // 07:30 is past the second entry, still in the first
  });
});
