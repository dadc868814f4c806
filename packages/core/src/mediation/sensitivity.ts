/**
 * Sensitivity to estimates: for each conclusion an analysis draws — is the status quo
 * stable under each concept, which states are equilibria, which of them the conflict
 * can reach, can it reach each target and settle there — which of the model's
 * estimates it rests on. Every variation of every estimate is tried alone, then every
 * pair of variations of two different estimates; a pair is reported for a conclusion
 * only when neither of its variations changes that conclusion alone.
 */
import { asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import type { Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS, CONCEPT_LABELS } from "../stability/concepts.js";
import { listEstimates, type Estimate, type Variation } from "./estimates.js";
import type { Target } from "./targets.js";
import { VariantFrames, type VariantView } from "./variant-view.js";

/** States in an answer: their numbers in the unchanged model, and Y/N vectors of states it does not have. */
export interface StateSet {
  readonly states: readonly StateNumber[];
  readonly others: readonly string[];
}

export type ConclusionAnswer = boolean | StateSet;

export interface ConclusionSensitivity {
  /** `status-quo-stable:nash`, `equilibria:gmr`, `reachable-equilibria:seq`, `target-reachable:<target>`, `target-equilibrium:<target>:<concept>`. */
  readonly id: string;
  readonly question: string;
  readonly answer: ConclusionAnswer;
  /** The variations (one, or two that change it only together) that change the answer, with the answer they give. */
  readonly changedBy: readonly { readonly variations: readonly Variation[]; readonly answer: ConclusionAnswer; readonly words: string }[];
}

export interface SensitivityResult {
  readonly estimates: readonly Estimate[];
  readonly conclusions: readonly ConclusionSensitivity[];
  /** Per estimate: the conclusions one of its variations changes alone, and those it changes only with another estimate. */
  readonly byEstimate: readonly { readonly estimate: number; readonly words: string; readonly alone: readonly string[]; readonly inPairs: readonly string[] }[];
  readonly coverage: {
    readonly singles: number;
    readonly pairs: number;
    /** Variants that could not be analysed (no feasible state, too many, or the status quo not feasible in them). */
    readonly notApplicable: number;
    readonly exhaustive: true;
  };
}

export interface SensitivityOptions {
  /** The targets to ask about (default: the model's). */
  readonly targets?: readonly Target[];
  /** Whether to try pairs (default true). */
  readonly pairs?: boolean;
  /** Called after each variant with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Raw {
  readonly id: string;
  readonly question: string;
  /** A boolean, or the Y/N vectors of a set of states, sorted. */
  readonly value: boolean | readonly number[];
}

/**
 * The conclusions of one variant, with states as vectors so variants with other states
 * compare; only those `wanted` says (all by default), so a variant asked only whether
 * today's state holds never looks at the rest.
 */
function conclusionsOf(v: VariantView, targets: readonly Target[], sqWords: string, wanted: (id: string) => boolean = () => true): Raw[] | null {
  const space = v.space;
  const sq = v.statusQuo;
  const hasSq = space.model.statusQuo !== undefined;
  if (hasSq && sq === undefined) return null;
  const vectors = (states: readonly number[]): number[] => states.map((s) => space.vector(asStateIndex(s))).sort((x, y) => x - y);
  const out: Raw[] = [];
  const add = (id: string, question: string, value: () => Raw["value"]): void => {
    if (wanted(id)) out.push({ id, question, value: value() });
  };
  for (const c of BASIC_CONCEPTS) {
    if (sq !== undefined) add(`status-quo-stable:${c}`, `Is the status quo (${sqWords}) an equilibrium under ${CONCEPT_LABELS[c]}?`, () => v.isEquilibrium(c, sq));
  }
  for (const c of BASIC_CONCEPTS) add(`equilibria:${c}`, `Which states are equilibria under ${CONCEPT_LABELS[c]}?`, () => vectors(v.equilibria(c)));
  if (sq === undefined) return out;
  let reachedStates: StateIndex[] | undefined;
  const reached = (): StateIndex[] => {
    if (reachedStates) return reachedStates;
    const dist = v.reach()!.dist;
    reachedStates = [];
    for (let s = 0; s < dist.length; s++) if (dist[s]! >= 0) reachedStates.push(asStateIndex(s));
    return reachedStates;
  };
  for (const c of BASIC_CONCEPTS) {
    add(`reachable-equilibria:${c}`, `Which equilibria under ${CONCEPT_LABELS[c]} can the conflict reach from the status quo by unilateral improvements?`, () => vectors(reached().filter((s) => v.isEquilibrium(c, s))));
  }
  for (const t of targets) {
    let inT: StateIndex[] | undefined;
    const T = (): StateIndex[] => (inT ??= reached().filter((s) => v.inTarget(t, s)));
    const name = t.label ?? `"${t.pattern}"`;
    add(`target-reachable:${t.id ?? t.pattern}`, `Can the conflict reach ${name} from the status quo by unilateral improvements?`, () => T().length > 0);
    for (const c of BASIC_CONCEPTS) {
      add(`target-equilibrium:${t.id ?? t.pattern}:${c}`, `Can the conflict reach ${name} and stay there (an equilibrium under ${CONCEPT_LABELS[c]})?`, () => T().some((s) => v.isEquilibrium(c, s)));
    }
  }
  return out;
}

const same = (a: Raw["value"], b: Raw["value"]): boolean =>
  typeof a === "boolean" || typeof b === "boolean" ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);

/** The sensitivity of the analysis `base` (all four concepts) to the estimates its model marks. */
export function sensitivity(base: Analysis, opts: SensitivityOptions = {}): SensitivityResult {
  const space = base.space;
  const estimates = listEstimates(space);
  const targets = opts.targets ?? (space.model.targets ?? []).map((t) => ({ id: t.id, label: t.label, pattern: t.text, expr: t.expr }));
  const sq = space.statusQuo;
  const sqWords = sq !== undefined ? `state ${stateNumber(sq)}` : "";
  const frames = new VariantFrames(base, estimates);
  const baseRaw = conclusionsOf(frames.view([])!, targets, sqWords)!;
  const baseValue = new Map(baseRaw.map((r) => [r.id, r.value]));
  const answer = (value: Raw["value"]): ConclusionAnswer => (typeof value === "boolean" ? value : toStateSet(space, value));
  const changed = new Map<string, { variations: Variation[]; value: Raw["value"] }[]>(baseRaw.map((r) => [r.id, []]));
  const aloneChanges = new Map<Variation, Set<string>>();
  const singles = estimates.flatMap((e) => e.variations);
  const pairList: [Variation, Variation][] = [];
  if (opts.pairs ?? true) {
    for (let i = 0; i < singles.length; i++) {
      for (let j = i + 1; j < singles.length; j++) if (singles[i]!.item !== singles[j]!.item) pairList.push([singles[i]!, singles[j]!]);
    }
  }
  const total = singles.length + pairList.length;
  let done = 0;
  let notApplicable = 0;
  const run = (variations: Variation[], wanted?: (id: string) => boolean): Raw[] | null => {
    const v = frames.view(variations);
    const r = v === null ? null : conclusionsOf(v, targets, sqWords, wanted);
    if (r === null) notApplicable++;
    opts.onProgress?.(++done, total);
    return r;
  };
  for (const v of singles) {
    const got = run([v]);
    const ids = new Set<string>();
    aloneChanges.set(v, ids);
    if (got === null) continue;
    for (const r of got) {
      if (!same(baseValue.get(r.id)!, r.value)) {
        ids.add(r.id);
        changed.get(r.id)!.push({ variations: [v], value: r.value });
      }
    }
  }
  const pairChanges = new Map<number, Set<string>>();
  for (const [v1, v2] of pairList) {
    // A pair is reported for a conclusion only when neither variation changes it alone, so only those are computed.
    const a1 = aloneChanges.get(v1)!;
    const a2 = aloneChanges.get(v2)!;
    const got = run([v1, v2], (id) => !a1.has(id) && !a2.has(id));
    if (got === null) continue;
    for (const r of got) {
      if (same(baseValue.get(r.id)!, r.value)) continue;
      changed.get(r.id)!.push({ variations: [v1, v2], value: r.value });
      for (const v of [v1, v2]) {
        if (!pairChanges.has(v.item)) pairChanges.set(v.item, new Set());
        pairChanges.get(v.item)!.add(r.id);
      }
    }
  }
  const conclusions: ConclusionSensitivity[] = baseRaw.map((b) => ({
    id: b.id,
    question: b.question,
    answer: answer(b.value),
    changedBy: changed.get(b.id)!.map((c) => ({
      variations: c.variations,
      answer: answer(c.value),
      words: `if ${c.variations.map((v) => v.words).join(", and ")}: ${answerChange(answer(b.value), answer(c.value))}`,
    })),
  }));
  return {
    estimates,
    conclusions,
    byEstimate: estimates.map((e, i) => {
      const alone = new Set<string>();
      for (const v of e.variations) for (const id of aloneChanges.get(v) ?? []) alone.add(id);
      return { estimate: i, words: e.words, alone: [...alone], inPairs: [...(pairChanges.get(i) ?? [])].filter((id) => !alone.has(id)) };
    }),
    coverage: { singles: singles.length, pairs: pairList.length, notApplicable, exhaustive: true },
  };
}

function toStateSet(space: StateSpace, vectors: readonly number[]): StateSet {
  const states: StateNumber[] = [];
  const others: string[] = [];
  const n = space.model.options.length;
  for (const v of vectors) {
    const s = space.indexOf(v);
    if (s !== undefined) states.push(stateNumber(s));
    else others.push(Array.from({ length: n }, (_, o) => (Math.floor(v / 2 ** o) % 2 === 1 ? "Y" : "N")).join(""));
  }
  return { states: states.sort((x, y) => x - y), others };
}

/** "yes instead of no", or for sets of states what is gained and lost. */
export function answerChange(before: ConclusionAnswer, after: ConclusionAnswer): string {
  if (typeof before === "boolean" || typeof after === "boolean") return `${answerWords(after)} (instead of ${answerWords(before)})`;
  const gained: StateSet = { states: after.states.filter((s) => !before.states.includes(s)), others: after.others.filter((s) => !before.others.includes(s)) };
  const lost: StateSet = { states: before.states.filter((s) => !after.states.includes(s)), others: before.others.filter((s) => !after.others.includes(s)) };
  const parts: string[] = [];
  if (gained.states.length + gained.others.length > 0) parts.push(`adds ${answerWords(gained)}`);
  if (lost.states.length + lost.others.length > 0) parts.push(`removes ${answerWords(lost)}`);
  return `${parts.join(" and ")} (${answerWords(after)} instead of ${answerWords(before)})`;
}

/** "yes", "no", "states 3, 7", "none". */
export function answerWords(a: ConclusionAnswer): string {
  if (typeof a === "boolean") return a ? "yes" : "no";
  const parts = [...a.states.map(String), ...a.others.map((yn) => `${yn} (not a state of the model as written)`)];
  if (parts.length === 0) return "none";
  const shown = parts.length > 12 ? [...parts.slice(0, 12), `… (${parts.length} in all)`] : parts;
  return `${parts.length === 1 ? "state" : "states"} ${shown.join(", ")}`;
}
