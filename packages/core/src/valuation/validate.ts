/**
 * Checks settlement inputs and compiles them to numbers: every problem at once, each
 * with the path of the offending value (under `base`, so the scenario format can put
 * these inputs anywhere in its document).
 */
import { fail, ok, type DocPath, type Problem, type ProblemCode, type Result } from "../problems.js";
import { unknown } from "../format/suggest.js";
import type { Choice, PackagesInput, PointsInput, SettlementIssue, ValueInput } from "./types.js";

export interface Named {
  readonly id: string;
  readonly label: string;
}

export interface NamedIssue extends Named {
  readonly alternatives: readonly Named[];
}

/** A number of the input and where it came from: what sensitivity analysis varies. */
export interface ValueSource {
  readonly path: DocPath;
  readonly value: number;
  readonly estimate: boolean;
  readonly range?: { readonly min: number; readonly max: number };
}

export interface CompiledPoints {
  readonly parties: readonly [Named, Named];
  readonly issues: readonly Named[];
  readonly total: number;
  /** points[party][issue], parties and issues in input order. */
  readonly points: readonly [readonly number[], readonly number[]];
}

export interface CompiledPackages {
  readonly parties: readonly Named[];
  readonly issues: readonly NamedIssue[];
  /** util[i][a * k + p]: party p's utility for alternative a of issue i (k parties). */
  readonly util: readonly Float64Array[];
  /** sources[i][a * k + p]: where util[i][a * k + p] came from. */
  readonly sources: readonly (readonly ValueSource[])[];
  /** Each party's value of no agreement. */
  readonly disagreement: Float64Array;
  /** Where each disagreement value came from (stated values), or null when it is a package's worth. */
  readonly disagreementSources: readonly (ValueSource | null)[];
  /** The disagreement package, when no agreement was given as one. */
  readonly disagreementPackage?: Int32Array;
  readonly proposals: readonly { readonly id: string; readonly label: string; readonly alts: Int32Array }[];
}

class Problems {
  readonly list: Problem[] = [];
  add(code: ProblemCode, path: DocPath, message: string): void {
    this.list.push({ code, path, message });
  }
}

const labelOf = (x: { id: string; label?: string }): string => x.label ?? x.id;

/** Ids must be non-empty and unique within their list. */
function named(list: readonly { id: string; label?: string }[] | undefined, path: DocPath, what: string, out: Problems): Named[] {
  if (!Array.isArray(list)) {
    out.add("missing", path, `expected a list of ${what}s`);
    return [];
  }
  const seen = new Map<string, number>();
  const result: Named[] = [];
  list.forEach((x, j) => {
    if (typeof x?.id !== "string" || x.id === "") {
      out.add("missing", [...path, j, "id"], `expected the ${what}'s id: a non-empty text`);
      return;
    }
    const prev = seen.get(x.id);
    if (prev !== undefined) {
      out.add("duplicate-id", [...path, j, "id"], `duplicate ${what} id "${x.id}" (also ${what} ${prev + 1}); ids must be unique`);
      return;
    }
    seen.set(x.id, j);
    result.push({ id: x.id, label: labelOf(x) });
  });
  return result;
}

/** A value's number, checked: finite, within its own range, ≥ 0 unless negatives are allowed. */
function readValue(v: ValueInput | undefined, path: DocPath, what: string, allowNegative: boolean, out: Problems): ValueSource | null {
  if (v === undefined) {
    out.add("missing", path, `missing ${what}; expected a number (write 0 if it is worth nothing)`);
    return null;
  }
  const value = typeof v === "number" ? v : v?.value;
  const valuePath = typeof v === "number" ? path : [...path, "value"];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    out.add("type", valuePath, `expected ${what} as a finite number, found ${typeof value === "number" ? value : typeof value}`);
    return null;
  }
  if (!allowNegative && value < 0) {
    out.add("valuation", valuePath, `${what} is ${value}; expected a number ≥ 0 (negative utilities are not allowed here)`);
    return null;
  }
  if (typeof v === "number") return { path, value, estimate: false };
  const range = v.range;
  if (range !== undefined) {
    const { min, max } = range;
    if (typeof min !== "number" || typeof max !== "number" || !Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      out.add("valuation", [...path, "range"], `expected a range with finite numbers min ≤ max, found min ${String(min)}, max ${String(max)}`);
      return null;
    }
    if (value < min || value > max) {
      out.add("valuation", [...path, "range"], `${what} is ${value}, outside its own range ${min}–${max}; expected min ≤ value ≤ max`);
      return null;
    }
    if (!allowNegative && min < 0) {
      out.add("valuation", [...path, "range", "min"], `the range of ${what} reaches ${min}; expected numbers ≥ 0 (negative utilities are not allowed here)`);
      return null;
    }
  }
  return { path, value, estimate: v.estimate === true, ...(range ? { range: { min: range.min, max: range.max } } : {}) };
}

/** Keys of a record that name nothing: "unknown party "armenai"; did you mean "armenia"?". */
function unknownKeys(record: object | undefined, known: ReadonlySet<string>, path: DocPath, what: string, out: Problems): void {
  if (record === undefined || record === null) return;
  for (const key of Object.keys(record)) if (!known.has(key)) out.add("unknown-ref", [...path, key], unknown(what, key, known));
}

/** Sums agree when they differ by no more than rounding of decimals. */
const sameSum = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Adjusted Winner's input: two parties, each distributing `total` points (default 100) over the issues. */
export function compilePoints(input: PointsInput, base: DocPath = []): Result<CompiledPoints> {
  const out = new Problems();
  const parties = named(input.parties, [...base, "parties"], "party", out);
  if (Array.isArray(input.parties) && input.parties.length !== 2) {
    out.add("type", [...base, "parties"], `Adjusted Winner divides between exactly 2 parties, found ${input.parties.length}`);
  }
  const issues = named(input.issues, [...base, "issues"], "issue", out);
  if (Array.isArray(input.issues) && input.issues.length === 0) out.add("type", [...base, "issues"], "expected at least 1 issue to divide");
  const total = input.total ?? 100;
  if (typeof total !== "number" || !Number.isFinite(total) || total <= 0) out.add("type", [...base, "total"], `expected the points' total as a number > 0, found ${String(total)}`);
  const partyIds = new Set(parties.map((p) => p.id));
  const issueIds = new Set(issues.map((i) => i.id));
  unknownKeys(input.points, partyIds, [...base, "points"], "party", out);
  const points = parties.slice(0, 2).map((p) => {
    const path = [...base, "points", p.id];
    const mine = input.points?.[p.id];
    unknownKeys(mine, issueIds, path, "issue", out);
    const row = issues.map((i) => readValue(mine?.[i.id], [...path, i.id], `${p.label}'s points for "${i.label}"`, false, out)?.value ?? NaN);
    const sum = row.reduce((a, b) => a + b, 0);
    if (Number.isFinite(sum) && Number.isFinite(total) && !sameSum(sum, total)) {
      out.add("valuation", path, `${p.label}'s points add up to ${+sum.toFixed(9)}; expected ${total} (each party distributes the same total over the issues)`);
    }
    return row;
  });
  if (out.list.length > 0) return fail(out.list);
  return ok({ parties: [parties[0]!, parties[1]!], issues, total, points: [points[0]!, points[1]!] });
}

/** The alternatives of a choice, by index; problems for a missing issue or an alternative that does not exist. */
function readChoice(choice: Choice | undefined, issues: readonly NamedIssue[], path: DocPath, out: Problems): Int32Array | null {
  if (choice === undefined || choice === null || typeof choice !== "object") {
    out.add("missing", path, "expected a package: one alternative id per issue");
    return null;
  }
  unknownKeys(choice, new Set(issues.map((i) => i.id)), path, "issue", out);
  const alts = new Int32Array(issues.length);
  let good = true;
  issues.forEach((issue, i) => {
    const id = choice[issue.id];
    const a = issue.alternatives.findIndex((x) => x.id === id);
    if (id === undefined) out.add("missing", [...path, issue.id], `the package chooses nothing for issue "${issue.label}"; expected one of its alternatives`);
    else if (a < 0) out.add("unknown-ref", [...path, issue.id], unknown(`alternative of issue "${issue.id}"`, String(id), new Set(issue.alternatives.map((x) => x.id))));
    if (a < 0) good = false;
    alts[i] = a;
  });
  return good ? alts : null;
}

function issuesWithAlternatives(list: readonly SettlementIssue[] | undefined, path: DocPath, out: Problems): NamedIssue[] {
  const issues = named(list, path, "issue", out);
  if (Array.isArray(list) && list.length === 0) out.add("type", path, "expected at least 1 issue");
  return issues.map((issue) => {
    // The first entry with this id is the one kept (later duplicates are reported).
    const i = list!.findIndex((x) => x?.id === issue.id);
    const src = list![i]!;
    const alternatives = named(src.alternatives, [...path, i, "alternatives"], "alternative", out);
    if (Array.isArray(src.alternatives) && src.alternatives.length === 0) out.add("type", [...path, i, "alternatives"], `issue "${issue.id}" has no alternatives; expected at least 1`);
    return { ...issue, alternatives };
  });
}

/** Packages' input: utilities per party, issue and alternative; the disagreement point; named proposals. */
export function compilePackages(input: PackagesInput, base: DocPath = []): Result<CompiledPackages> {
  const out = new Problems();
  const allowNegative = input.allowNegative === true;
  const parties = named(input.parties, [...base, "parties"], "party", out);
  if (Array.isArray(input.parties) && input.parties.length < 2) out.add("type", [...base, "parties"], `expected at least 2 parties, found ${input.parties.length}`);
  const issues = issuesWithAlternatives(input.issues, [...base, "issues"], out);
  const k = parties.length;
  const partyIds = new Set(parties.map((p) => p.id));
  const issueIds = new Set(issues.map((i) => i.id));

  unknownKeys(input.utilities, partyIds, [...base, "utilities"], "party", out);
  const util = issues.map((issue) => new Float64Array(issue.alternatives.length * k));
  const sources: ValueSource[][] = issues.map(() => []);
  parties.forEach((p, pi) => {
    const path = [...base, "utilities", p.id];
    const mine = input.utilities?.[p.id];
    if (mine === undefined) {
      out.add("missing", path, `missing the utilities of ${p.label}; expected a number per alternative of every issue`);
      return;
    }
    unknownKeys(mine, issueIds, path, "issue", out);
    let best = 0;
    issues.forEach((issue, i) => {
      const row = mine[issue.id];
      unknownKeys(row, new Set(issue.alternatives.map((a) => a.id)), [...path, issue.id], `alternative of issue "${issue.id}"`, out);
      let issueBest = -Infinity;
      issue.alternatives.forEach((alt, a) => {
        const src = readValue(row?.[alt.id], [...path, issue.id, alt.id], `${p.label}'s utility for "${alt.label}" (${issue.label})`, allowNegative, out);
        const value = src?.value ?? NaN;
        util[i]![a * k + pi] = value;
        if (src) sources[i]![a * k + pi] = src;
        issueBest = Math.max(issueBest, value);
      });
      best += issueBest;
    });
    const total = input.totals?.[p.id];
    if (total !== undefined && Number.isFinite(best) && !sameSum(best, total)) {
      out.add("valuation", path, `${p.label}'s best alternatives add up to ${+best.toFixed(9)} points; expected its stated total ${total} (its best package is worth exactly the total)`);
    }
  });
  unknownKeys(input.totals, partyIds, [...base, "totals"], "party", out);

  const disagreement = new Float64Array(k);
  const disagreementSources: (ValueSource | null)[] = parties.map(() => null);
  let disagreementPackage: Int32Array | undefined;
  const dis = input.disagreement;
  const disPath = [...base, "disagreement"];
  if (dis === undefined || dis === null) out.add("missing", disPath, "missing the disagreement point; expected each party's value of no agreement (values) or the package that no agreement means (package)");
  else if ("values" in dis) {
    unknownKeys(dis.values, partyIds, [...disPath, "values"], "party", out);
    parties.forEach((p, pi) => {
      const src = readValue(dis.values?.[p.id], [...disPath, "values", p.id], `${p.label}'s value of no agreement`, true, out);
      disagreement[pi] = src?.value ?? NaN;
      disagreementSources[pi] = src;
    });
  } else {
    disagreementPackage = readChoice(dis.package, issues, [...disPath, "package"], out) ?? undefined;
  }

  const proposals: { id: string; label: string; alts: Int32Array }[] = [];
  named(input.proposals ?? [], [...base, "proposals"], "proposal", out);
  (input.proposals ?? []).forEach((pr, j) => {
    const alts = readChoice(pr.choice, issues, [...base, "proposals", j, "choice"], out);
    if (alts && typeof pr.id === "string") proposals.push({ id: pr.id, label: labelOf(pr), alts });
  });

  if (out.list.length > 0) return fail(out.list);
  if (disagreementPackage) {
    for (let p = 0; p < k; p++) {
      let sum = 0;
      for (let i = 0; i < issues.length; i++) sum += util[i]![disagreementPackage[i]! * k + p]!;
      disagreement[p] = sum;
    }
  }
  return ok({ parties, issues, util, sources, disagreement, disagreementSources, ...(disagreementPackage ? { disagreementPackage } : {}), proposals });
}
