/**
 * Plain option values as surfaces pass them (text from a command line or a query
 * string, numbers from JSON), checked once here. A bad value is a "usage" problem
 * whose path is the option's name, so each surface can say where it came from
 * (`--state`, `?state=`, a form field).
 */
import {
  fail,
  messageOf,
  ok,
  parseConcepts,
  parseDate,
  stateIndexOf,
  type BasicConcept,
  type Problem,
  type Result,
  type StateIndex,
  type StateNumber,
  type StateSpace,
} from "@concord/core";

export function usage<T = never>(option: string, message: string): Result<T> {
  return fail([{ code: "usage", path: [option], message }]);
}

/** The same result, its problems without a path put at `option`. */
export function atOption<T>(r: Result<T>, option: string): Result<T> {
  if (r.ok) return r;
  return fail(r.problems.map((p): Problem => (p.path.length === 0 ? { ...p, path: [option] } : p)));
}

/** A whole number written in decimal digits only: "0x3", "1e2", "3.0" and "" are not numbers here. */
function wholeNumber(value: number | string): number {
  if (typeof value === "number") return value;
  return /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : Number.NaN;
}

/** A state number as users see it (1 to the number of states, in decimal) → the engine's index. */
export function stateOption(space: StateSpace, value: number | string, option = "state"): Result<StateIndex> {
  const n = wholeNumber(value);
  if (!Number.isInteger(n) || n < 1 || n > space.size) return usage(option, `expected a state number from 1 to ${space.size} (decimal digits), found "${value}"`);
  return ok(stateIndexOf(n as StateNumber));
}

/** A whole number from 1 to `max` (decimal digits); past `max`, `raise` says what to do instead. */
export function countOption(value: number | string, option: string, max = Number.MAX_SAFE_INTEGER, raise = ""): Result<number> {
  const n = wholeNumber(value);
  if (!Number.isInteger(n) || n < 1) return usage(option, `expected a whole number ≥ 1 (decimal digits), found "${value}"`);
  if (n > max) return usage(option, `expected at most ${max}, found ${n}${raise ? `; ${raise}` : ""}`);
  return ok(n);
}

/** Concepts as a list or comma-separated text (`nash,gmr`); default: all four. */
export function conceptsOption(value: string | readonly string[] | undefined, option = "concepts"): Result<BasicConcept[]> {
  if (value === undefined) return ok(["nash", "gmr", "smr", "seq"]);
  return atOption(parseConcepts(typeof value === "string" ? value : value.join(",")), option);
}

/** A date bound as a day number: its first day (`from`) or its last (`to`). */
export function dateBound(value: string | undefined, option: string, end: "first" | "last"): Result<number | undefined> {
  if (value === undefined) return ok(undefined);
  const d = parseDate(value);
  if (!d.ok) return usage(option, messageOf(d));
  return ok(end === "first" ? d.value.first : d.value.last);
}
