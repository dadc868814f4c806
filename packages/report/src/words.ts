/** Small helpers for writing plain English from data. */
import { changeText, dayNumber, exprWords, daysInMonth, isoDay, numberList, parseDateSpan, type BasicConcept, type Expr, type MoveDescription, type OptionInfo, type PartialDate } from "@concord/core";

/** "A", "A and B", "A, B and C" (from core, where the settlement explanations use it too). */
export { joinWords } from "@concord/core";

/** A preference statement or condition in words (from core, where the mediation answers use it too). */
export { exprWords } from "@concord/core";

/** "1 state", "3 states". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Cuts text to `n` characters (code points) with an ellipsis, on one line. */
export function clip(text: string, n: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  const chars = [...one];
  return chars.length <= n ? one : chars.slice(0, n - 1).join("").trimEnd() + "…";
}

/** "3 days", "1 day", "0–30 days". */
export function days(min: number, max: number): string {
  return min === max ? plural(min, "day") : `${min}–${max} days`;
}

/** The solution concepts in one plain sentence each, for readers who do not know GMCR. */
export const CONCEPT_MEANINGS: Record<BasicConcept, string> = {
  nash: "no decision maker can reach an outcome it prefers by changing its own choices alone.",
  gmr: "any decision maker that could do better alone is deterred: the others could answer, even at a cost to themselves, so that it ends up no better off.",
  smr: "as for GMR, and the decision maker could not escape that answer by moving again.",
  seq: "any decision maker that could do better alone is deterred by answers the others would gain from themselves, leaving it no better off.",
};

/** `Azerbaijan takes “X” and drops “Y”`. */
export function moveWords(m: MoveDescription): string {
  return `${m.by} ${m.changes.map((c) => changeText(c, (x) => `“${x}”`)).join(" and ")}`;
}

/** "the 1st", "2nd", … for ranks. */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

/** "1, 2, 3" or, past `max`, "1, 2, 3, … (40 in all)". */
/** "state 3" or "states 1, 2, … (40 in all)". */
export function unreachableWords(states: readonly number[]): string {
  return states.length === 1 ? `state ${states[0]}` : `states ${numberList(states, 12)}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

/** 0–9 in words ("four"), larger numbers in digits with thousands separators ("1,536"). */
export function numberWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 10 ? SMALL[n]! : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A count with its noun: "no states", "one option", "four decision makers", "1,536 states". */
export function countWords(n: number, one: string, many = `${one}s`): string {
  return `${numberWords(n)} ${n === 1 ? one : many}`;
}

/** A day number as "7 December 2023": the one date format of the brief and the report. */
export function dayWords(day: number): string {
  const [y, m, d] = isoDay(day).split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/**
 * A date of the record as written (`2023-12-07`, `2023-11`, `~2023-09`, a span `A/B`)
 * in words: "7 December 2023", "November 2023", "about September 2023", "5–6 October
 * 2023". Text that is not a date is returned as it is.
 */
export function dateWords(text: string): string {
  const parsed = parseDateSpan(String(text));
  if (!parsed.ok) return String(text);
  const span = parsed.value;
  const one = (p: PartialDate): string =>
    p.precision === "year" ? String(p.year) : p.precision === "month" ? `${MONTHS[p.month! - 1]} ${p.year}` : dayWords(p.first);
  const about = span.approximate ? "about " : "";
  if (span.precision !== "range") return about + one(span.start);
  const { start, end } = span;
  if (start.precision === "day" && end.precision === "day" && start.year === end.year) {
    if (start.month === end.month) return `${about}${start.day}–${end.day} ${MONTHS[start.month! - 1]} ${start.year}`;
    return `${about}${start.day} ${MONTHS[start.month! - 1]} – ${dayWords(end.first)}`;
  }
  return `${about}${one(start)} – ${one(end)}`;
}

/**
 * The time from one day to a later one in the largest sensible units, on the calendar:
 * "3 days", "2 weeks and 2 days", "1 month and 3 weeks", "5 months", "1 year 5 months"
 * (digits, like dates, so durations read alike in tables and sentences).
 */
export function durationWords(from: number, to: number): string {
  const n = Math.abs(to - from);
  if (n < 14) return plural(n, "day");
  const [a, b] = from <= to ? [from, to] : [to, from];
  const [y1, m1, d1] = isoDay(a).split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = isoDay(b).split("-").map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months < 1) {
    const weeks = Math.floor(n / 7);
    const rest = n % 7;
    return `${plural(weeks, "week")}${rest ? ` and ${plural(rest, "day")}` : ""}`;
  }
  // Days left after the whole months (the month's day clamped, e.g. 31 Jan + 1 month = 28/29 Feb).
  const my = y1 + Math.floor((m1 - 1 + months) / 12);
  const mm = ((m1 - 1 + months) % 12) + 1;
  const rest = b - dayNumber(my, mm, Math.min(d1, daysInMonth(my, mm)));
  if (months < 3) {
    // Four weeks and more left over read as days: "1 month and 29 days", not "1 month and 4 weeks".
    const weeks = Math.floor(rest / 7);
    if (weeks >= 4) return `${plural(months, "month")} and ${plural(rest, "day")}`;
    return `${plural(months, "month")}${weeks ? ` and ${plural(weeks, "week")}` : ""}`;
  }
  const years = Math.floor(months / 12);
  months %= 12;
  if (years === 0) return plural(months, "month");
  return `${plural(years, "year")}${months ? ` ${plural(months, "month")}` : ""}`;
}

/** "in 1 year 5 months", "3 days ago", "today". */
export function relativeWords(from: number, to: number): string {
  if (to === from) return "today";
  return to > from ? `in ${durationWords(from, to)}` : `${durationWords(to, from)} ago`;
}

/**
 * An option's label without a closing parenthesis that only explains it: "Azerbaijan
 * asks the Russian peacekeepers to leave (notice that their mandate is not renewed)"
 * reads "Azerbaijan asks the Russian peacekeepers to leave" where space is short.
 */
export function shortLabel(label: string): string {
  const m = /^(.*\S)\s*\([^()]*\)$/.exec(label.trim());
  return m && m[1]!.split(/\s+/).length >= 3 ? m[1]! : label.trim();
}

/**
 * An option as a phrase that says who acts: the label when it names the decision
 * maker ("Azerbaijan signs …", "The US and EU offer …"), else "Government: withdraw …".
 */
export function optionPhrase(dmName: string, label: string): string {
  const words = dmName.split(/[\s,]+/).filter((w) => w.length >= 2 && /^[A-Z]/.test(w) && w !== "The");
  const named = words.some((w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\p{L}]|$)`, "u").test(label));
  if (!named) return `${dmName}: ${label}`;
  // Inside a sentence "The US and EU …" reads "the US and EU …"; capitalise() restores it at a sentence's start.
  return label.replace(/^The /, "the ");
}

/** The text with its first letter in upper case, to start a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A statement in words with the options' short labels, for the brief and pictures. */
export function exprWordsShort(e: Expr, options: readonly OptionInfo[]): string {
  return exprWords(e, options.map((o) => ({ ...o, label: shortLabel(o.label) })));
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"] as const;

/** "first" … "tenth", then "11th", "12th": ranks in running text. */
export function ordinalWords(n: number): string {
  return n >= 1 && n <= 10 ? ORDINALS[n - 1]! : ordinal(n);
}

/** A number of days, or a range of them, in the largest sensible units: "16 days", "1 month and 3 weeks", "2 to 3 weeks". */
export function daysWords(min: number, max = min): string {
  const a = durationWords(0, min);
  const b = durationWords(0, max);
  return a === b ? a : `${a} to ${b}`;
}
