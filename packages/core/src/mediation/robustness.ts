/**
 * Robustness: how often each state is an equilibrium when the model's estimates vary
 * together. Each variant gives every estimate (statement, condition, option) one of its
 * values — as written, or one of its variations (estimates.ts) — and is analysed in
 * full; a state's share under a concept is the fraction of variants in which it is an
 * equilibrium. The status quo does not affect equilibria, so it is not varied here.
 *
 * When the variants are few they are all enumerated; otherwise they are drawn at
 * random, reproducibly: variant i's draws come from a generator seeded by (seed, i)
 * alone. So the work splits into chunks of variant indices that can run anywhere
 * (threads, workers, machines) and merge by adding counts, with the same result.
 */
import { asStateIndex } from "../numbering.js";
import { rng } from "../scenario/generate.js";
import type { StateSpace } from "../statespace/space.js";
import type { Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { listEstimates, type Estimate, type Variation } from "./estimates.js";
import { VariantFrames } from "./variant-view.js";
import { stateWords, type StateWords } from "./words.js";

export interface RobustnessPlan {
  /** Indices (into the model's estimates) of the estimates varied. */
  readonly estimates: readonly number[];
  /** Values per varied estimate: 1 (as written) + its variations. */
  readonly radices: readonly number[];
  /** How many distinct variants there are (may exceed 2^53 as an approximation). */
  readonly distinct: number;
  /** True when every variant is analysed; false when they are sampled. */
  readonly exhaustive: boolean;
  /** How many variants are analysed. */
  readonly variants: number;
  readonly seed: number;
}

export interface RobustnessOptions {
  /** Variants to draw when there are more than this many distinct ones (default 1,000). */
  readonly variants?: number;
  readonly seed?: number;
}

/** Which variants to analyse: all of them when there are at most `variants`, else `variants` drawn with `seed`. */
export function planRobustness(space: StateSpace, opts: RobustnessOptions = {}): RobustnessPlan {
  const all = listEstimates(space);
  const estimates = all.map((_, i) => i).filter((i) => all[i]!.item.kind !== "statusQuo");
  const radices = estimates.map((i) => 1 + all[i]!.variations.length);
  const distinct = radices.reduce((n, r) => n * r, 1);
  const wanted = opts.variants ?? 1000;
  const exhaustive = distinct <= wanted;
  return { estimates, radices, distinct, exhaustive, variants: exhaustive ? distinct : wanted, seed: opts.seed ?? 1 };
}

/** Variant i of a plan: per varied estimate, 0 = as written, k = its k-th variation. */
export function variantChoices(plan: RobustnessPlan, i: number): number[] {
  if (plan.exhaustive) {
    // Mixed radix, first estimate fastest.
    let rest = i;
    return plan.radices.map((r) => {
      const c = rest % r;
      rest = Math.floor(rest / r);
      return c;
    });
  }
  const draw = rng(mix(plan.seed, i));
  return plan.radices.map((r) => Math.floor(draw() * r));
}

/** A 32-bit hash of (seed, i), so neighbouring variants get unrelated generators. */
function mix(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Counts from some variants; plain arrays, so they cross threads and merge by adding. */
export interface RobustnessCounts {
  readonly variants: number;
  /** Variants that could not be analysed (no feasible state left, or too many). */
  readonly skipped: number;
  /** Per concept, per state of the unchanged model: in how many variants it is an equilibrium. */
  readonly equilibrium: Record<BasicConcept, number[]>;
  /** Per state of the unchanged model: in how many variants it is a feasible state. */
  readonly present: number[];
  /** Per concept: variants with an equilibrium that is not a state of the unchanged model (a dropped condition brought it back). */
  readonly outside: Record<BasicConcept, number>;
}

function emptyCounts(size: number): RobustnessCounts {
  return {
    variants: 0,
    skipped: 0,
    equilibrium: Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, Array<number>(size).fill(0)])) as Record<BasicConcept, number[]>,
    present: Array<number>(size).fill(0),
    outside: Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, 0])) as Record<BasicConcept, number>,
  };
}

/**
 * Analyses variants `from` ≤ i < `to` of the plan on `base` (an analysis with all four
 * concepts) and counts. `onProgress(done, total)` is called after each variant.
 */
export function robustnessChunk(base: Analysis, plan: RobustnessPlan, from: number, to: number, onProgress?: (done: number, total: number) => void): RobustnessCounts {
  const space = base.space;
  const estimates: readonly Estimate[] = listEstimates(space);
  const counts = emptyCounts(space.size);
  const eq = counts.equilibrium;
  const frames = new VariantFrames(base, estimates);
  const last = Math.min(to, plan.variants);
  let variants = 0, skipped = 0;
  const outside = counts.outside;
  for (let i = from; i < last; i++) {
    const choices = variantChoices(plan, i);
    const variations: Variation[] = [];
    choices.forEach((c, k) => {
      if (c > 0) variations.push(estimates[plan.estimates[k]!]!.variations[c - 1]!);
    });
    const v = frames.view(variations);
    variants++;
    if (v === null) skipped++;
    else {
      const vs = v.space;
      // The variant's states by number in the model as written (−1: not a state of it).
      const map = vs === space ? null : Array.from({ length: vs.size }, (_, s) => space.indexOf(vs.vector(asStateIndex(s))) ?? -1);
      for (let s = 0; s < vs.size; s++) {
        const t = map === null ? s : map[s]!;
        if (t >= 0) counts.present[t]!++;
      }
      for (const c of BASIC_CONCEPTS) {
        let out = false;
        for (const s of v.equilibria(c)) {
          const t = map === null ? s : map[s]!;
          if (t >= 0) eq[c][t]!++;
          else out = true;
        }
        if (out) outside[c]++;
      }
    }
    onProgress?.(i - from + 1, last - from);
  }
  return { ...counts, variants, skipped };
}

/** Adds counts from chunks (in any order). */
export function mergeRobustness(parts: readonly RobustnessCounts[]): RobustnessCounts {
  const size = parts[0]?.present.length ?? 0;
  const out = emptyCounts(size);
  let variants = 0, skipped = 0;
  for (const p of parts) {
    variants += p.variants;
    skipped += p.skipped;
    for (let s = 0; s < size; s++) out.present[s]! += p.present[s]!;
    for (const c of BASIC_CONCEPTS) {
      for (let s = 0; s < size; s++) out.equilibrium[c][s]! += p.equilibrium[c][s]!;
      out.outside[c] += p.outside[c];
    }
  }
  return { ...out, variants, skipped };
}

export interface StateRobustness extends StateWords {
  /** Per concept: the share of variants in which the state is an equilibrium (0–1). */
  readonly share: Record<BasicConcept, number>;
  /** Whether it is an equilibrium in the model as written, per concept. */
  readonly asWritten: Record<BasicConcept, boolean>;
}

export interface RobustnessResult {
  readonly plan: RobustnessPlan;
  /** The estimates varied, in words. */
  readonly varied: readonly string[];
  readonly variants: number;
  readonly skipped: number;
  /** States that are an equilibrium under some concept in some variant, or as written: highest share first. */
  readonly states: readonly StateRobustness[];
  /** Per concept: the share of variants with an equilibrium that is not a state of the model as written. */
  readonly outside: Record<BasicConcept, number>;
}

/** Shares from merged counts. */
export function robustnessResult(base: Analysis, plan: RobustnessPlan, counts: RobustnessCounts, limit = Infinity): RobustnessResult {
  const space = base.space;
  const estimates = listEstimates(space);
  const n = Math.max(1, counts.variants);
  const states: StateRobustness[] = [];
  for (let s = 0; s < space.size; s++) {
    const asWritten = Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, base.stable[c]!.every((f) => f[s] === 1)])) as Record<BasicConcept, boolean>;
    if (!BASIC_CONCEPTS.some((c) => counts.equilibrium[c][s]! > 0 || asWritten[c])) continue;
    const share = Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, counts.equilibrium[c][s]! / n])) as Record<BasicConcept, number>;
    states.push({ ...stateWords(space, asStateIndex(s)), share, asWritten });
  }
  const key = (x: StateRobustness): number[] => BASIC_CONCEPTS.map((c) => x.share[c]);
  states.sort((a, b) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.state - b.state;
  });
  return {
    plan,
    varied: plan.estimates.map((i) => estimates[i]!.words),
    variants: counts.variants,
    skipped: counts.skipped,
    states: states.slice(0, limit),
    outside: Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, counts.outside[c] / n])) as Record<BasicConcept, number>,
  };
}

/** The whole robustness analysis in this thread. */
export function robustness(base: Analysis, opts: RobustnessOptions & { readonly onProgress?: (done: number, total: number) => void; readonly limit?: number } = {}): RobustnessResult {
  const plan = planRobustness(base.space, opts);
  return robustnessResult(base, plan, robustnessChunk(base, plan, 0, plan.variants, opts.onProgress), opts.limit);
}
