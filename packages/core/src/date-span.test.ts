import { describe, expect, it } from "vitest";
import { value } from "../../../test/fixtures/result.js";
import { dayNumber, isoDay, parseDate, parseDateSpan } from "./dates.js";

describe("date spans (A/B)", () => {
  it("a span runs from the first day of its start to the last day of its end", () => {
    const s = value(parseDateSpan("2020-11/2022-04"));
    expect(s).toMatchObject({ precision: "range", approximate: false, first: dayNumber(2020, 11, 1), last: dayNumber(2022, 4, 30) });
    expect([s.start.text, s.end.text]).toEqual(["2020-11", "2022-04"]);
  });
  it("is approximate when either end is", () => {
    expect(value(parseDateSpan("~2023-09-24/2023-10-03"))).toMatchObject({ approximate: true, precision: "range" });
    expect(value(parseDateSpan("2023-09-24/~2023-10"))).toMatchObject({ approximate: true });
  });
  it("a single date reads as parseDate reads it", () => {
    const s = value(parseDateSpan("~2023-12"));
    const d = value(parseDate("~2023-12"));
    expect([s.precision, s.approximate, isoDay(s.first), isoDay(s.last)]).toEqual([d.precision, d.approximate, isoDay(d.first), isoDay(d.last)]);
    expect([s.precision, isoDay(s.first), isoDay(s.last)]).toEqual(["month", "2023-12-01", "2023-12-31"]);
  });
  it("rejects a span that ends before it starts, a bad end, and two slashes", () => {
    const problem = (message: string) => ({ ok: false, problems: [{ code: "date", path: [], message }] });
    expect(parseDateSpan("2022-04/2020-11")).toEqual(problem('the span ends (2020-11) before it starts (2022-04) in "2022-04/2020-11"'));
    expect(parseDateSpan("2020-11/2023-13-40")).toEqual(problem('month 13 is not between 01 and 12 in "2023-13-40"'));
    expect(parseDateSpan("2020/2021/2022")).toEqual(problem('expected a date or a span A/B with one /, found "2020/2021/2022"'));
  });
});
