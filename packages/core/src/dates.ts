/**
 * Dates as they appear in sources: a day, a month or a year, possibly approximate
 * ("~2023-09"). Kept as text in documents; parsed here into comparable day numbers.
 */
import { fail, ok, type Result } from "./problems.js";

/** A "date" problem with no place yet: the caller knows where the text came from. */
const bad = <T>(message: string): Result<T> => fail([{ code: "date", path: [], message }]);

export type DatePrecision = "day" | "month" | "year";

export interface PartialDate {
  readonly text: string;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DatePrecision;
  readonly approximate: boolean;
  /** Days since 1970-01-01 of the first and last day the date can mean. */
  readonly first: number;
  readonly last: number;
}

const DATE_RE = /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days since 1970-01-01 (proleptic Gregorian), without the Date object's time zones. */
export function dayNumber(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The ISO text (YYYY-MM-DD) of a day number. */
export function isoDay(n: number): string {
  // Inverse of dayNumber (civil_from_days).
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally prefixed by `~` for an
 * approximate date; a "date" problem says what was expected when the text is not a
 * calendar date (e.g. 2023-13-40).
 */
/** The years a date may have: wide enough for any negotiation on record, narrow enough to catch "0000". */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

export function parseDate(text: string): Result<PartialDate> {
  const m = DATE_RE.exec(text.trim());
  if (!m) return bad(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD (optionally ~ for approximate), found "${text}"`);
  const approximate = m[1] === "~";
  const year = Number(m[2]);
  // Four digits allow year 0000 and dates no negotiation record holds: most likely a typing slip.
  if (year < MIN_YEAR || year > MAX_YEAR) return bad(`year ${m[2]} is not a plausible date in "${text}"; expected a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (m[3] === undefined) {
    return ok({ text, year, precision: "year", approximate, first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31) });
  }
  const month = Number(m[3]);
  if (month < 1 || month > 12) return bad(`month ${m[3]} is not between 01 and 12 in "${text}"`);
  if (m[4] === undefined) {
    return ok({
      text, year, month, precision: "month", approximate,
      first: dayNumber(year, month, 1), last: dayNumber(year, month, daysInMonth(year, month)),
    });
  }
  const day = Number(m[4]);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return bad(`day ${m[4]} is not between 01 and ${max} in "${text}"`);
  const n = dayNumber(year, month, day);
  return ok({ text, year, month, day, precision: "day", approximate, first: n, last: n });
}

/**
 * A date, or a span written `A/B` (ISO 8601 interval notation) for "sometime between
 * A and B" or "from A to B": `2020-11/2022-04`, `~2023-09-24/2023-10-03`. A `~` on
 * either end makes the span approximate. Single dates parse as with parseDate.
 */
export interface DateSpan {
  readonly text: string;
  /** The precision of a single date, or "range" for a span. */
  readonly precision: DatePrecision | "range";
  readonly approximate: boolean;
  /** Days since 1970-01-01 of the first and last day the date or span can mean. */
  readonly first: number;
  readonly last: number;
  /** The dates at each end (the same date twice for a single date). */
  readonly start: PartialDate;
  readonly end: PartialDate;
}

export function parseDateSpan(text: string): Result<DateSpan> {
  const parts = text.split("/");
  if (parts.length > 2) return bad(`expected a date or a span A/B with one /, found "${text}"`);
  const first = parseDate(parts[0]!);
  if (!first.ok) return first;
  const start = first.value;
  if (parts.length === 1) return ok({ text, precision: start.precision, approximate: start.approximate, first: start.first, last: start.last, start, end: start });
  const second = parseDate(parts[1]!);
  if (!second.ok) return second;
  const end = second.value;
  if (end.last < start.first) return bad(`the span ends (${parts[1]!.trim()}) before it starts (${parts[0]!.trim()}) in "${text}"`);
  return ok({ text, precision: "range", approximate: start.approximate || end.approximate, first: start.first, last: end.last, start, end });
}

