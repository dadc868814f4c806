import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { dayNumber, isoDay } from "../dates.js";
import { addDuration, addMonths, compareDurations, formatDuration, parseDuration, type Duration } from "./duration.js";

const d = (t: string): Duration => value(parseDuration(t));
const day = (y: number, m: number, dd: number): number => dayNumber(y, m, dd);

describe("durations", () => {
  it("reads words, letters and ISO 8601 forms alike", () => {
    for (const t of ["5 years", "5 year", "5y", "P5Y", " 5  Years "]) expect(d(t)).toMatchObject({ months: 60, days: 0 });
    expect(d("6 months")).toMatchObject({ months: 6, days: 0 });
    expect(d("2 weeks")).toMatchObject({ months: 0, days: 14 });
    expect(d("P30D")).toMatchObject({ months: 0, days: 30 });
    // ISO 8601 composites (issue 9).
    expect(d("P1Y6M")).toMatchObject({ months: 18, days: 0, text: "P1Y6M" });
    expect(d("P1M15D")).toMatchObject({ months: 1, days: 15 });
    expect(d("P1Y2W")).toMatchObject({ months: 12, days: 14 });
  });
  it("rejects what it cannot read, and zero", () => {
    expect(parseDuration("five years")).toEqual({ ok: false, problems: [{ code: "type", path: [], message: 'expected a duration such as 5 years, 6 months, 2 weeks, 30 days, P5Y or P1Y6M, found "five years"' }] });
    expect(parseDuration("0 days")).toEqual({ ok: false, problems: [{ code: "type", path: [], message: 'expected a positive duration, found "0 days"' }] });
  });
  it("formats in the largest whole unit", () => {
    expect([d("P60M"), d("6m"), d("14d"), d("10 days"), d("1y")].map(formatDuration)).toEqual(["5 years", "6 months", "2 weeks", "10 days", "1 year"]);
  });
  it("clamps to the end of shorter months, including leap Februaries", () => {
    expect(isoDay(addMonths(day(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(isoDay(addMonths(day(2023, 1, 31), 1))).toBe("2023-02-28");
    expect(isoDay(addMonths(day(2023, 8, 31), 6))).toBe("2024-02-29");
    expect(isoDay(addMonths(day(2024, 8, 31), -6))).toBe("2024-02-29");
    expect(isoDay(addMonths(day(2025, 11, 10), -6))).toBe("2025-05-10");
    expect(isoDay(addMonths(day(2020, 11, 10), 60))).toBe("2025-11-10");
    expect(isoDay(addMonths(day(2024, 3, 31), -13))).toBe("2023-02-28");
  });
  it("adds months before days, several times at once", () => {
    expect(isoDay(addDuration(day(2024, 1, 31), { months: 1, days: 1, text: "" }))).toBe("2024-03-01");
    expect(isoDay(addDuration(day(2020, 11, 10), d("5 years"), 2))).toBe("2030-11-10");
  });
  it("compares durations only when the calendar allows", () => {
    expect(compareDurations(d("6 months"), d("5 years"))).toBeLessThan(0);
    expect(compareDurations(d("1 year"), d("6 months"))).toBeGreaterThan(0);
    expect(compareDurations(d("P12M"), d("1y"))).toBe(0);
    expect(compareDurations(d("30 days"), d("1 month"))).toBeUndefined();
    expect(compareDurations(d("40 days"), d("1 month"))).toBeGreaterThan(0);
  });
});
