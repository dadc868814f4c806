import { describe, expect, it } from "vitest";
import { dayNumber, isDateSpan, isoDay, isPartialDate, parseDate, parseDateSpan } from "./dates.js";

describe("date spans (A/B)", () => {
  it("a span runs from the first day of its start to the last day of its end", () => {
    const s = parseDateSpan("2020-11/2022-04");
    expect(s).toMatchObject({ precision: "range", approximate: false, first: dayNumber(2020, 11, 1), last: dayNumber(2022, 4, 30) });
    expect("start" in s && [s.start.text, s.end.text]).toEqual(["2020-11", "2022-04"]);
  });
  it("is approximate when either end is", () => {
    expect(parseDateSpan("~2023-09-24/2023-10-03")).toMatchObject({ approximate: true, precision: "range" });
    expect(parseDateSpan("2023-09-24/~2023-10")).toMatchObject({ approximate: true });
  });
  it("a single date reads as parseDate reads it", () => {
    const s = parseDateSpan("~2023-12");
    const d = parseDate("~2023-12");
    if (!isDateSpan(s) || !isPartialDate(d)) throw new Error("expected dates");
    expect([s.precision, s.approximate, isoDay(s.first), isoDay(s.last)]).toEqual([d.precision, d.approximate, isoDay(d.first), isoDay(d.last)]);
    expect([s.precision, isoDay(s.first), isoDay(s.last)]).toEqual(["month", "2023-12-01", "2023-12-31"]);
  });
  it("rejects a span that ends before it starts, a bad end, and two slashes", () => {
    expect(parseDateSpan("2022-04/2020-11")).toEqual({ error: 'the span ends (2020-11) before it starts (2022-04) in "2022-04/2020-11"' });
    expect(parseDateSpan("2020-11/2023-13-40")).toEqual({ error: 'month 13 is not between 01 and 12 in "2023-13-40"' });
    expect(parseDateSpan("2020/2021/2022")).toEqual({ error: 'expected a date or a span A/B with one /, found "2020/2021/2022"' });
  });
});
