/**
 * Lengths of time for commitments ("5 years", "6 months", "P30D") and calendar
 * arithmetic on day numbers. Months and years are calendar units: adding a month to
 * 31 January gives the last day of February (the day is clamped to the month's
 * length), as in most legal and spreadsheet date arithmetic.
 */
import { dayNumber, daysInMonth, isoDay } from "../dates.js";
import { fail, ok, type Result } from "../problems.js";

export interface Duration {
  /** Whole calendar months (years count as 12). */
  readonly months: number;
  readonly days: number;
  readonly text: string;
}

const UNIT: Record<string, { months: number; days: number }> = {
  y: { months: 12, days: 0 },
  m: { months: 1, days: 0 },
  w: { months: 0, days: 7 },
  d: { months: 0, days: 1 },
};

/**
 * Parses `5 years`, `6 months`, `2 weeks`, `30 days`, `5y`, `6m`, and ISO 8601
 * durations of whole years, months, weeks and days, alone or together (`P5Y`,
 * `P1Y6M`, `P2W`, `P1M15D`; no time part, as terms are counted in days).
 */
export function parseDuration(text: string): Result<Duration> {
  const bad = (message: string): Result<Duration> => fail([{ code: "type", path: [], message }]);
  const words = /^\s*(\d+)\s*(years?|months?|weeks?|days?|y|m|w|d)\s*$/i.exec(text);
  const iso = /^\s*P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?\s*$/i.exec(text);
  let months: number, days: number;
  if (words) {
    const unit = UNIT[words[2]![0]!.toLowerCase()]!;
    months = Number(words[1]) * unit.months;
    days = Number(words[1]) * unit.days;
  } else if (iso && iso.slice(1).some((x) => x !== undefined)) {
    const [y, m, w, d] = iso.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
    months = y * 12 + m;
    days = w * 7 + d;
  } else return bad(`expected a duration such as 5 years, 6 months, 2 weeks, 30 days, P5Y or P1Y6M, found "${text}"`);
  if (months === 0 && days === 0) return bad(`expected a positive duration, found "${text}"`);
  return ok({ months, days, text: text.trim() });
}

/** "5 years", "6 months", "30 days". */
export function formatDuration(d: Duration): string {
  const parts: string[] = [];
  if (d.months > 0) {
    if (d.months % 12 === 0) parts.push(`${d.months / 12} year${d.months === 12 ? "" : "s"}`);
    else parts.push(`${d.months} month${d.months === 1 ? "" : "s"}`);
  }
  if (d.days > 0) parts.push(d.days % 7 === 0 ? `${d.days / 7} week${d.days === 7 ? "" : "s"}` : `${d.days} day${d.days === 1 ? "" : "s"}`);
  return parts.join(" ");
}

/** The day `times` durations after `day` (before it when `times` is negative); months first, then days. */
export function addDuration(day: number, d: Duration, times = 1): number {
  return addMonths(day, d.months * times) + d.days * times;
}

/** Adds calendar months, clamping the day to the length of the target month. */
export function addMonths(day: number, months: number): number {
  if (months === 0) return day;
  const [y, m, dd] = civil(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumber(year, month, Math.min(dd, daysInMonth(year, month)));
}

/** Year, month, day of a day number. */
export function civil(day: number): [number, number, number] {
  const [y, m, d] = isoDay(day).split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/**
 * Compares two durations when the calendar allows it: negative when `a` is surely
 * shorter, positive when surely longer, 0 when equal, undefined when it depends on
 * the months involved (e.g. 30 days against 1 month).
 */
export function compareDurations(a: Duration, b: Duration): number | undefined {
  // A month has 28 to 31 days.
  const aMin = a.months * 28 + a.days, aMax = a.months * 31 + a.days;
  const bMin = b.months * 28 + b.days, bMax = b.months * 31 + b.days;
  if (a.months === b.months && a.days === b.days) return 0;
  if (aMax < bMin) return -1;
  if (aMin > bMax) return 1;
  if (a.days === b.days) return a.months - b.months;
  if (a.months === b.months) return a.days - b.days;
  return undefined;
}
