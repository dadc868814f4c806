/**
 * Sensitivity: how the packages change when a valuation marked as an estimate moves
 * within its stated range, one valuation at a time, the others held at their values.
 *
 * Because utilities are additive, moving party p's utility for alternative a of
 * issue i by Δ moves p's utility of exactly the packages that choose a, by Δ. So:
 * - Packages that choose a never dominate one another differently as Δ moves, nor do
 *   packages that do not; the only packages that can be on the frontier at some Δ are
 *   the frontier of the "with a" packages and the frontier of the "without a" ones.
 * - For each such outcome, the values of the parameter where it is on the frontier and
 *   better than no agreement for all form one interval, found exactly from pairwise
 *   comparisons: the "acceptable frontier" changes only at those interval ends.
 * - Each outcome's Nash product is linear in the parameter, so the Nash solution is the
 *   upper envelope of lines: its breakpoints are found exactly (up to floating point).
 * - The Kalai–Smorodinsky solution also depends on the ideal point, which moves; it is
 *   evaluated just inside both ends of the range, in the middle of each of `steps` grid
 *   cells and of each stretch where the acceptable frontier is constant, and each change
 *   between neighbouring samples is located by bisection to within `tolerance`
 *   (10⁻⁹ of the range). A change that reverts between two samples can be missed.
 * - With a stability analysis, the fair-and-stable set (acceptable frontier packages
 *   whose states are equilibria) can change only where the acceptable frontier does.
 * A disagreement value marked as an estimate is handled the same way: the frontier
 * stays, acceptability and the Nash products move.
 * With the packages the model allows (boxes), all of this holds within them: the "with a"
 * and "without a" packages are then those of the boxes narrowed on issue i.
 */
import type { DocPath } from "../problems.js";
import type { Analysis } from "../stability/analysis.js";
import type { BasicConcept } from "../stability/concepts.js";
import { kalaiSmorodinskyOutcomes, nashOutcomes, type SolutionPoints } from "./bargaining.js";
import type { PackageToState } from "./fair-stable.js";
import { frontierWithin, type PackageBoxes } from "./feasible.js";
import { paretoFrontier, type Frontier } from "./frontier.js";
import { choiceOf, packageWords } from "./packages.js";
import type { Choice } from "../valuation/types.js";
import type { CompiledPackages, ValueSource } from "../valuation/validate.js";
import { joinWords, num } from "./words.js";

/** The parameter's value runs over [from, to]; at a breakpoint itself either neighbour's answer may hold. */
export interface Segment<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

export interface SolutionAt {
  readonly package: Choice;
  /** Each party's utility at the middle of the segment. */
  readonly utilities: readonly number[];
  /** How many outcomes tie with it. */
  readonly tied: number;
}

export interface ParameterSensitivity {
  readonly path: DocPath;
  /** "Armenia's utility for "monitored" (Transit)". */
  readonly what: string;
  readonly value: number;
  readonly range: { readonly min: number; readonly max: number };
  /** How many distinct outcomes on the frontier are better than no agreement for all (exact breakpoints). */
  readonly acceptable: readonly Segment<number>[];
  /** Exact breakpoints. */
  readonly nash: readonly Segment<SolutionAt | null>[];
  /** Breakpoints located to within `tolerance`; a change that reverts within one grid cell can be missed. */
  readonly kalaiSmorodinsky: readonly Segment<SolutionAt | null>[];
  readonly tolerance: number;
  /** With a stability analysis: per concept, the acceptable frontier packages whose states are equilibria (exact breakpoints). */
  readonly fairAndStable?: readonly Segment<Readonly<Partial<Record<BasicConcept, readonly Choice[]>>>>[];
  readonly explanation: string;
}

export interface ValuationSensitivityOptions {
  /** Grid cells for the Kalai–Smorodinsky solution; 20 unless stated. */
  readonly steps?: number;
  /** With both: the fair-and-stable set per segment. */
  readonly analysis?: Analysis;
  readonly toState?: PackageToState;
  /** Packages listed per outcome for the fair-and-stable set; 10 unless stated. */
  readonly maxPackagesPerPoint?: number;
  /** The packages the conflict model allows (boxesOf); only they are candidates, as in settleCompiled. */
  readonly boxes?: PackageBoxes;
}

export interface ValuationSensitivityResult {
  readonly parameters: readonly ParameterSensitivity[];
  /** Estimates that were not varied, and why. */
  readonly unvaried: readonly { readonly path: DocPath; readonly what: string; readonly reason: string }[];
  readonly explanation: string;
}

type Param = { readonly kind: "utility"; readonly party: number; readonly issue: number; readonly alt: number } | { readonly kind: "disagreement"; readonly party: number };

interface Bound {
  t: number;
  open: boolean;
}

/** An outcome that may be an acceptable frontier point for some value of the parameter. */
interface Candidate {
  /** Utilities at the stated value. */
  readonly base: Float64Array;
  /** Its utility for the varied party follows the parameter. */
  readonly moves: boolean;
  readonly from: Bound;
  readonly to: Bound;
  readonly frontier: Frontier;
  readonly point: number;
}

/** Narrows an interval from below (the larger lower bound wins; at a tie, an open bound). */
const raise = (b: Bound, c: Bound): void => {
  if (c.t > b.t) Object.assign(b, c);
  else if (c.t === b.t) b.open ||= c.open;
};
/** Narrows an interval from above. */
const lowerBound = (b: Bound, c: Bound): void => {
  if (c.t < b.t) Object.assign(b, c);
  else if (c.t === b.t) b.open ||= c.open;
};
const empty = (c: Candidate): boolean => c.from.t > c.to.t || (c.from.t === c.to.t && (c.from.open || c.to.open));
const inside = (c: Candidate, t: number): boolean => (c.from.open ? t > c.from.t : t >= c.from.t) && (c.to.open ? t < c.to.t : t <= c.to.t);

export function valuationSensitivity(c: CompiledPackages, opts: ValuationSensitivityOptions = {}): ValuationSensitivityResult {
  const k = c.parties.length;
  const parameters: ParameterSensitivity[] = [];
  const unvaried: { path: DocPath; what: string; reason: string }[] = [];
  const visit = (src: ValueSource | null | undefined, param: Param): void => {
    if (!src?.estimate) return;
    const what = describeParam(c, param);
    if (!src.range) unvaried.push({ path: src.path, what, reason: "no range is stated" });
    else if (src.range.min === src.range.max) unvaried.push({ path: src.path, what, reason: "its range is a single value" });
    else parameters.push(vary(c, param, src, what, opts));
  };
  c.issues.forEach((issue, i) => issue.alternatives.forEach((_, a) => {
    for (let p = 0; p < k; p++) visit(c.sources[i]![a * k + p], { kind: "utility", party: p, issue: i, alt: a });
  }));
  c.disagreementSources.forEach((src, p) => visit(src, { kind: "disagreement", party: p }));
  const changed = parameters.filter((x) => x.nash.length > 1 || x.kalaiSmorodinsky.length > 1 || (x.fairAndStable?.length ?? 1) > 1);
  const explanation =
    parameters.length === 0
      ? "No valuation is marked as an estimate with a range, so nothing was varied."
      : `${parameters.length} estimate${parameters.length === 1 ? " was" : "s were"} varied over ${parameters.length === 1 ? "its" : "their"} stated range${parameters.length === 1 ? "" : "s"}, one at a time; ` +
        (changed.length === 0 ? "no bargaining solution or fair-and-stable set changes within them." : `the answers change with ${joinWords(changed.map((x) => x.what))}.`);
  return { parameters, unvaried, explanation };
}

function describeParam(c: CompiledPackages, p: Param): string {
  const party = c.parties[p.party]!.label;
  if (p.kind === "disagreement") return `${party}'s value of no agreement`;
  const issue = c.issues[p.issue]!;
  return `${party}'s utility for "${issue.alternatives[p.alt]!.label}" (${issue.label})`;
}

function vary(c: CompiledPackages, param: Param, src: ValueSource, what: string, opts: ValuationSensitivityOptions): ParameterSensitivity {
  const k = c.parties.length;
  const p = param.party;
  const v0 = src.value;
  const { min, max } = src.range!;
  const d = c.disagreement;
  const tolerance = (max - min) * 1e-9;
  const cands = candidates(c, param, v0, min, max, opts.boxes).filter((x) => !empty(x));

  /** Utilities and disagreement point at parameter value t, over the candidates active at t (equal outcomes once). */
  const at = (t: number): { util: Float64Array; dis: Float64Array; ids: number[] } => {
    const dis = Float64Array.from(d);
    if (param.kind === "disagreement") dis[p] = t;
    const ids: number[] = [];
    const rows: number[] = [];
    const seen = new Set<string>();
    cands.forEach((x, id) => {
      if (!inside(x, t)) return;
      const row = Array.from(x.base);
      if (x.moves) row[p] = row[p]! + (t - v0);
      const key = row.join(",");
      if (seen.has(key)) return;
      seen.add(key);
      ids.push(id);
      rows.push(...row);
    });
    return { util: Float64Array.from(rows), dis, ids };
  };
  const solve = (t: number, how: typeof nashOutcomes): SolutionAt | null => {
    const { util, dis, ids } = at(t);
    const s: SolutionPoints | null = how(util, k, dis, [...ids.keys()]);
    if (!s) return null;
    const j = s.best[0]!;
    const x = cands[ids[j]!]!;
    return { package: choiceOf(c.issues, x.frontier.packages(x.point, 1)[0]!), utilities: Array.from(util.subarray(j * k, (j + 1) * k)), tied: s.best.length - 1 };
  };

  // The acceptable frontier is constant between consecutive interval ends.
  const ends = new Set<number>([min, max]);
  for (const x of cands) for (const b of [x.from.t, x.to.t]) if (b > min && b < max) ends.add(b);
  const cuts = [...ends].sort((x, y) => x - y);
  const pieces = cuts.slice(1).map((to, j) => ({ from: cuts[j]!, to }));
  const mid = (s: { from: number; to: number }): number => (s.from + s.to) / 2;

  const acceptable = merge(pieces.map((s) => ({ ...s, value: at(mid(s)).ids.length })), (x, y) => x === y);

  // Nash: within each piece the active outcomes are fixed and each product is a line in t.
  const nashCuts: number[] = [min];
  for (const s of pieces) {
    const active = cands.flatMap((x, id) => (inside(x, mid(s)) ? [id] : []));
    for (const t of envelopeBreaks(active.map((id) => line(cands[id]!, param, v0, d, k)), s.from, s.to)) nashCuts.push(t);
    nashCuts.push(s.to);
  }
  const nashPieces = nashCuts.slice(1).map((to, j) => ({ from: nashCuts[j]!, to })).filter((s) => s.to > s.from);
  const nash = merge(nashPieces.map((s) => ({ ...s, value: solve(mid(s), nashOutcomes) })), sameSolution);

  // Kalai–Smorodinsky: sampled on the grid and each piece, changes located by bisection.
  const steps = Math.max(1, opts.steps ?? 20);
  // Just inside both ends too, so a change near an end is not missed.
  const grid = Array.from({ length: steps }, (_, j) => min + ((j + 0.5) * (max - min)) / steps);
  const samples = [...new Set([min + tolerance, ...pieces.map(mid), ...grid, max - tolerance])].sort((x, y) => x - y);
  const ksAt = (t: number): SolutionAt | null => solve(t, kalaiSmorodinskyOutcomes);
  const ksCuts: number[] = [min];
  let prev = ksAt(samples[0]!);
  const ksValues: (SolutionAt | null)[] = [prev];
  for (let j = 1; j < samples.length; j++) {
    const next = ksAt(samples[j]!);
    if (!sameSolution(prev, next)) {
      let lo = samples[j - 1]!;
      let hi = samples[j]!;
      while (hi - lo > tolerance) {
        const m = (lo + hi) / 2;
        if (sameSolution(ksAt(m), prev)) lo = m;
        else hi = m;
      }
      ksCuts.push((lo + hi) / 2);
      ksValues.push(next);
    }
    prev = next;
  }
  ksCuts.push(max);
  const kalaiSmorodinsky = ksValues.map((value, j) => ({ from: ksCuts[j]!, to: ksCuts[j + 1]!, value }));

  let fairAndStable: Segment<Partial<Record<BasicConcept, Choice[]>>>[] | undefined;
  if (opts.analysis && opts.toState) {
    const { analysis, toState } = opts;
    const limit = opts.maxPackagesPerPoint ?? 10;
    const setAt = (t: number): Partial<Record<BasicConcept, Choice[]>> => {
      const out: Partial<Record<BasicConcept, Choice[]>> = {};
      for (const concept of analysis.concepts) out[concept] = [];
      for (const id of at(t).ids) {
        const x = cands[id]!;
        for (const alts of x.frontier.packages(x.point, limit)) {
          const choice = choiceOf(c.issues, alts);
          const s = toState(choice);
          if (s === "infeasible" || !Number.isInteger(s) || s < 0 || s >= analysis.space.size) continue;
          for (const concept of analysis.concepts) if (analysis.equilibria[concept]!.includes(s)) out[concept]!.push(choice);
        }
      }
      return out;
    };
    fairAndStable = merge(pieces.map((s) => ({ ...s, value: setAt(mid(s)) })), (x, y) => JSON.stringify(x) === JSON.stringify(y));
  }

  const solutionWords = (name: string, segs: readonly Segment<SolutionAt | null>[]): string => {
    const words = (s: SolutionAt | null): string => (s ? packageWords(c.issues, s.package) : "none (no package beats no agreement for all)");
    if (segs.length === 1) return `the ${name} stays ${words(segs[0]!.value)}`;
    return `the ${name} is ${segs.map((s) => `${words(s.value)} from ${num(s.from)} to ${num(s.to)}`).join(", then ")}`;
  };
  const setWords =
    fairAndStable === undefined
      ? ""
      : fairAndStable.length === 1
        ? "; the fair-and-stable set does not change"
        : `; the fair-and-stable set changes at ${joinWords(fairAndStable.slice(1).map((s) => num(s.from)))}`;
  const explanation =
    `${what}, ${src.estimate ? "an estimate" : "a value"} of ${num(v0)} within ${num(min)}–${num(max)}: ` +
    `${solutionWords("Nash bargaining solution", nash)}; ${solutionWords("Kalai–Smorodinsky solution", kalaiSmorodinsky)}` +
    `${acceptable.length === 1 ? `; the ${acceptable[0]!.value} acceptable frontier outcome${acceptable[0]!.value === 1 ? "" : "s"} stay the same` : `; the acceptable frontier changes at ${joinWords(acceptable.slice(1).map((s) => num(s.from)))}`}` +
    `${setWords}.`;
  return {
    path: src.path,
    what,
    value: v0,
    range: { min, max },
    acceptable,
    nash,
    kalaiSmorodinsky,
    tolerance,
    ...(fairAndStable ? { fairAndStable } : {}),
    explanation,
  };
}

/**
 * The outcomes that can be acceptable frontier points for some t in [min, max], each
 * with the exact interval of t where it is one.
 */
function candidates(c: CompiledPackages, param: Param, v0: number, min: number, max: number, boxes?: PackageBoxes): Candidate[] {
  const k = c.parties.length;
  // The frontier of the packages whose issue i takes one of `alts` (all packages without i), among those allowed.
  const frontierOf = (i?: number, alts?: readonly number[]): Frontier => {
    if (!boxes) return paretoFrontier(c.util, k, i === undefined ? undefined : c.issues.map((_, j) => (j === i ? alts : undefined)));
    const within = i === undefined ? boxes : boxes.map((box) => box.map((xs, j) => (j === i ? xs.filter((a) => alts!.includes(a)) : xs))).filter((box) => box.every((xs) => xs.length > 0));
    return frontierWithin(c.util, k, within);
  };
  const p = param.party;
  const d = c.disagreement;
  const row = (F: Frontier, j: number): Float64Array => F.util.slice(j * k, (j + 1) * k);
  const othersAbove = (x: Float64Array, dis: ArrayLike<number>): boolean => {
    for (let q = 0; q < k; q++) if (q !== p && !(x[q]! > dis[q]!)) return false;
    return true;
  };
  const fresh = (F: Frontier, j: number, moves: boolean): Candidate => ({ base: row(F, j), moves, from: { t: min, open: false }, to: { t: max, open: false }, frontier: F, point: j });

  if (param.kind === "disagreement") {
    const F = frontierOf();
    const out: Candidate[] = [];
    for (let j = 0; j < F.size; j++) {
      const x = fresh(F, j, false);
      if (!othersAbove(x.base, d)) continue;
      lowerBound(x.to, { t: x.base[p]!, open: true }); // acceptable while t < u_p
      out.push(x);
    }
    return out;
  }

  const { issue, alt } = param;
  const m = c.issues[issue]!.alternatives.length;
  const Fw = frontierOf(issue, [alt]);
  const Fz = frontierOf(issue, [...Array(m).keys()].filter((a) => a !== alt));
  const W = Array.from({ length: Fw.size }, (_, j) => fresh(Fw, j, true));
  const Z = Array.from({ length: Fz.size }, (_, j) => fresh(Fz, j, false));
  /** Whether y ≥ x on every party but p, and whether strictly somewhere. */
  const others = (y: Float64Array, x: Float64Array): { ge: boolean; gt: boolean } => {
    let gt = false;
    for (let q = 0; q < k; q++) {
      if (q === p) continue;
      if (y[q]! < x[q]!) return { ge: false, gt: false };
      if (y[q]! > x[q]!) gt = true;
    }
    return { ge: true, gt };
  };
  for (const w of W) {
    // Acceptable while w_p + (t − v0) > d_p.
    raise(w.from, { t: d[p]! - w.base[p]! + v0, open: true });
    for (const z of Z) {
      const o = others(z.base, w.base);
      // z dominates w while w_p + (t − v0) ≤ z_p (strictly below, when z only ties w elsewhere).
      if (o.ge) raise(w.from, { t: z.base[p]! - w.base[p]! + v0, open: o.gt });
    }
  }
  for (const z of Z) {
    for (const w of W) {
      const o = others(w.base, z.base);
      // w dominates z once w_p + (t − v0) ≥ z_p (strictly above, when w only ties z elsewhere).
      if (o.ge) lowerBound(z.to, { t: z.base[p]! - w.base[p]! + v0, open: o.gt });
    }
  }
  return [...W.filter((w) => othersAbove(w.base, d)), ...Z.filter((z) => othersAbove(z.base, d) && z.base[p]! > d[p]!)];
}

/** The candidate's Nash product as A + B·t (only one factor depends on t). */
function line(x: Candidate, param: Param, v0: number, d: Float64Array, k: number): { a: number; b: number } {
  const p = param.party;
  let g = 1;
  for (let q = 0; q < k; q++) if (q !== p) g *= x.base[q]! - d[q]!;
  if (param.kind === "disagreement") return { a: g * x.base[p]!, b: -g };
  return x.moves ? { a: g * (x.base[p]! - v0 - d[p]!), b: g } : { a: g * (x.base[p]! - d[p]!), b: 0 };
}

/** Where the maximum of the lines changes hands inside (from, to): a sweep from the left. */
function envelopeBreaks(lines: readonly { a: number; b: number }[], from: number, to: number): number[] {
  const out: number[] = [];
  if (lines.length === 0) return out;
  let t = from;
  for (;;) {
    let best = lines[0]!;
    for (const l of lines) {
      const x = l.a + l.b * t;
      const y = best.a + best.b * t;
      if (x > y || (x === y && l.b > best.b)) best = l;
    }
    let next = Infinity;
    for (const l of lines) {
      if (l.b <= best.b) continue;
      const tc = (best.a - l.a) / (l.b - best.b);
      if (tc > t && tc < next) next = tc;
    }
    if (!(next < to)) return out;
    out.push(next);
    t = next;
  }
}

function sameSolution(x: SolutionAt | null, y: SolutionAt | null): boolean {
  if (x === null || y === null) return x === y;
  return JSON.stringify(x.package) === JSON.stringify(y.package);
}

/** Joins neighbouring segments with equal values. */
function merge<T>(segs: readonly Segment<T>[], same: (x: T, y: T) => boolean): Segment<T>[] {
  const out: Segment<T>[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && same(last.value, s.value)) out[out.length - 1] = { ...last, to: s.to };
    else out.push(s);
  }
  return out;
}
