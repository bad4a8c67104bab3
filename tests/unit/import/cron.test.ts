/**
 * CronJob schedules -> runs per day and average days per month (lib/import/cron.ts). Days per month =
 * matching days / 10,227 days (2001-2028, 1,461 whole weeks) x 730/24 days per month, rounded to 4 decimals.
 */
import { describe, expect, it } from "vitest";
import { cronUsage } from "@/lib/import/cron";

const usage = (schedule: string) => {
  const out = cronUsage(schedule);
  if (!out.ok) throw new Error(out.message);
  return out.usage;
};

describe("cron schedules", () => {
  it("every day: 30.4167 days a month (730 / 24)", () => {
    expect(usage("0 3 * * *")).toMatchObject({ runsPerDay: 1, daysPerMonth: 30.4167 });
    expect(usage("@daily")).toMatchObject({ runsPerDay: 1, daysPerMonth: 30.4167 });
  });

  it("*/15 9-17: 4 runs an hour x 9 hours = 36 runs a day", () => {
    expect(usage("*/15 9-17 * * *")).toMatchObject({ runsPerDay: 36, daysPerMonth: 30.4167 });
  });

  it("weekdays: 5/7 x 30.4167 = 21.7262 days a month (MON-FRI by name too)", () => {
    expect(usage("30 2 * * 1-5")).toMatchObject({ runsPerDay: 1, daysPerMonth: 21.7262 });
    expect(usage("30 2 * * MON-FRI")).toMatchObject({ runsPerDay: 1, daysPerMonth: 21.7262 });
  });

  it("@hourly: 24 runs a day; a list 0,30 x 8-9 = 4 runs", () => {
    expect(usage("@hourly")).toMatchObject({ runsPerDay: 24, daysPerMonth: 30.4167 });
    expect(usage("0,30 8-9 * * *").runsPerDay).toBe(4);
  });

  it("@yearly: 28 days in 10,227 -> 28 / 10227 x 30.4167 = 0.0833 days a month, and a note that the average hides the month it runs", () => {
    const u = usage("@yearly");
    expect(u).toMatchObject({ runsPerDay: 1, daysPerMonth: 0.0833 });
    expect(u.notes.join(" ")).toMatch(/1 of 12 months/);
  });

  it("the 13th or a Friday (both day fields set: either matches): 1,461 Fridays + 336 13ths - 48 Friday-13ths = 1,749 days -> 5.2018", () => {
    expect(usage("0 0 13 * 5").daysPerMonth).toBe(5.2018);
  });

  it("the 31st: 7 months of 12 x 28 years = 196 days -> 196 / 10227 x 30.4167 = 0.5829", () => {
    expect(usage("0 0 31 * *").daysPerMonth).toBe(0.5829);
  });

  it("a date that never comes (30 February) is 0 days, with a note", () => {
    const u = usage("0 0 30 2 *");
    expect(u.daysPerMonth).toBe(0);
    expect(u.notes.join(" ")).toMatch(/never runs/);
  });

  it("@every 90m: 86400 / 5400 = 16 runs a day", () => {
    expect(usage("@every 90m")).toMatchObject({ runsPerDay: 16, daysPerMonth: 30.4167 });
    expect(usage("@every 1h30m").runsPerDay).toBe(16);
  });

  it.each([
    ["* * * *", /5 fields/],
    ["* * * * * *", /seconds field/],
    ["0 0 * * 7", /0-6/],
    ["0 0 L * *", /L, W and #/],
    ["0 0 * * 1#2", /L, W and #/],
    ["@reboot", /not a schedule Kubernetes knows/],
    ["CRON_TZ=UTC 0 * * * *", /spec.timeZone/],
    ["60 * * * *", /0-59/],
    ["*/0 * * * *", />= 1/],
    ["5-1 * * * *", /ends before it starts/],
    ["", /empty/],
  ])("refuses %j", (schedule, message) => {
    const out = cronUsage(schedule);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(message);
  });

  it("refuses a schedule that is not a string, or missing", () => {
    expect(cronUsage(5).ok).toBe(false);
    const missing = cronUsage(undefined);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/must be set/);
  });
});
