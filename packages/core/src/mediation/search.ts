/**
 * The smallest changes that make a target an equilibrium reachable from the start:
 * an exact search over every change of size 1 (a preference statement dropped, moved
 * or added for one decision maker, or a new option for a third party), then — only if
 * none of size 1 reaches the goal — over pairs of preference changes, within a budget.
 *
 * Pruning is exact. GMR stability is implied by every other concept, and a decision
 * maker's GMR stability depends only on its own payoffs. So a change to d's statements
 * can only help at a target state where every other decision maker is already
 * GMR-stable, and where d becomes so; and the target state must be reachable. Only
 * candidates that pass these tests are analysed in full.
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex } from "../numbering.js";
import { describeMove, type MoveDescription } from "../stability/describe.js";
import type { Expr } from "../model/expression.js";
import type { ConflictModel, PriorityStatement } from "../model/types.js";
import type { Payoffs } from "../statespace/payoffs.js";
import { StateSpace } from "../statespace/space.js";
import { analyzeDm, finishAnalysis, prepareAnalysis, type Analysis, type PreparedAnalysis } from "../stability/analysis.js";
import { buildSortedCells, type SortedCells } from "../stability/cells.js";
import type { MoveIndex } from "../stability/moves.js";
import { computePayoffs } from "../statespace/payoffs.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { pathSteps, reachFrom, type ReachFrom } from "../stability/reach-from.js";
import { additionCandidates, changeWords, singleChanges, type AppliedChange, type ChangeWords, type PreferenceChange } from "./changes.js";
import { targetStates } from "./targets.js";
import { canAddOption, thirdPartyWords, withThirdPartyOption, type ExpandedModel, type ThirdPartyOption } from "./third-party.js";
import { LocalStability, localScratch, type LocalScratch } from "./local-stability.js";
import { TruthColumns } from "./truth-columns.js";
import { reanalyse, samePayoffs, stabilityOfDm } from "./variant.js";
import { stateWords, type StateWords } from "./words.js";

export type ChangePart =
  | (ChangeWords & { readonly kind: "preference"; readonly change: PreferenceChange })
  | (ChangeWords & { readonly kind: "third-party"; readonly option: ThirdPartyOption; readonly positions: readonly number[] });

export interface FoundChange {
  /** How many edits: 1 or 2. */
  readonly size: number;
  readonly parts: readonly ChangePart[];
  readonly words: string;
  /** The concepts under which `state` becomes an equilibrium reachable from the start. */
  readonly concepts: readonly BasicConcept[];
  readonly meetsGoal: boolean;
  /** The target state it makes an equilibrium (numbered in the unchanged model). */
  readonly state: StateWords;
  /** How the conflict gets there from the start by unilateral improvements, under the change (state numbers of the unchanged model). */
  readonly path: readonly MoveDescription[];
  /** Whether a statement it drops or moves is marked as a modeller's estimate (the change revises an estimate). */
  readonly revisesEstimate: boolean;
  /** Whether any statement it touches (drops, moves, jumps over, is placed against) is marked as an estimate. */
  readonly touchesEstimates: boolean;
  /** Other changes with exactly the same effect on the decision makers' rankings. */
  readonly sameEffect: readonly (readonly ChangePart[])[];
}

export interface SearchCoverage {
  /** The candidate set, in words. */
  readonly candidates: string;
  readonly single: {
    /** Preference changes looked at, those that change a ranking at all, ruled out by the exact tests, analysed in full. */
    readonly preferenceChanges: number;
    readonly distinct: number;
    readonly ruledOut: number;
    readonly analysed: number;
    readonly thirdPartyOptions: number;
    readonly thirdPartyRuledOut: number;
    readonly thirdPartyAnalysed: number;
    readonly exhaustive: true;
  };
  readonly pairs: {
    readonly searched: boolean;
    /** Why pairs were not searched, when they were not. */
    readonly why?: string;
    readonly pairs: number;
    readonly ruledOut: number;
    /** Single-DM stability passes and full analyses spent, against the budget. */
    readonly evaluations: number;
    readonly budget: number;
    /** False when the budget ran out before every pair was decided. */
    readonly exhaustive: boolean;
  };
  /** What the search does not look at. */
  readonly notCovered: readonly string[];
}

export interface ChangeSearch {
  /** The concepts the target state must be an equilibrium under. */
  readonly goal: readonly BasicConcept[];
  /** True when the target already meets the goal: no change is needed. */
  readonly alreadyMet: boolean;
  /** Whether some change found meets the goal. */
  readonly goalMet: boolean;
  /** The strongest set of concepts some change reaches (the goal, when it is met). */
  readonly strongest: readonly BasicConcept[];
  /** The changes found: smallest first, then strongest, then those revising an estimate, then those touching fewer statements. */
  readonly changes: readonly FoundChange[];
  /** How many changes reach `strongest` in all (the list may be shorter). */
  readonly total: number;
  readonly coverage: SearchCoverage;
}

export interface SearchOptions {
  readonly goal: readonly BasicConcept[];
  /** The start state; absent when there is none (then only equilibrium counts). */
  readonly start?: StateIndex;
  readonly maxSize: 1 | 2;
  readonly maxPairEvaluations: number;
  readonly thirdParty: boolean;
  readonly limit: number;
  readonly memo?: PayoffMemo;
}

/**
 * Payoffs of a decision maker under a list of statements, by decision maker and the
 * statements' texts: for one analysis (one state space) only.
 */
export class PayoffMemo {
  private readonly map = new Map<string, Payoffs>();
  readonly columns: TruthColumns;
  constructor(readonly space: StateSpace) {
    this.columns = new TruthColumns(space);
  }
  get(d: number, statements: readonly PriorityStatement[], compute: () => Payoffs): Payoffs {
    const key = `${d}\u0000${statements.map((st) => st.text).join("\u0001")}`;
    let p = this.map.get(key);
    if (!p) this.map.set(key, (p = compute()));
    return p;
  }
}

const WEIGHT: Record<BasicConcept, number> = { nash: 8, smr: 2, seq: 2, gmr: 1 };
const score = (cs: readonly BasicConcept[]): number => cs.reduce((n, c) => n + WEIGHT[c], 0);

interface Outcome {
  readonly concepts: BasicConcept[];
  readonly state: number;
  readonly steps: { mover: number; from: number; to: number }[];
}

/**
 * The best target state under an analysis: an equilibrium under as many concepts as
 * possible (the goal first), reachable from the start, the nearest, the lowest-numbered.
 */
function bestOutcome(a: Pick<Analysis, "stable"> | Equilibrium, reach: ReachFrom | null, T: readonly number[], goal: readonly BasicConcept[]): Outcome | null {
  const eq: Equilibrium = typeof a === "function" ? a : (c, t) => a.stable[c]!.every((f) => f[t] === 1);
  let best: { concepts: BasicConcept[]; state: number; key: number[] } | null = null;
  for (const t of T) {
    if (reach !== null && reach.dist[t]! < 0) continue;
    const cs = BASIC_CONCEPTS.filter((c) => eq(c, t));
    if (cs.length === 0) continue;
    const key = [goal.every((c) => cs.includes(c)) ? 1 : 0, score(cs), -(reach?.dist[t] ?? 0)];
    if (best === null || compareKeys(key, best.key) > 0) best = { concepts: cs, state: t, key };
  }
  if (best === null) return null;
  return { concepts: best.concepts, state: best.state, steps: reach ? pathSteps(reach, best.state) : [] };
}

/** Whether state t is an equilibrium under a concept. */
type Equilibrium = (c: BasicConcept, t: number) => boolean;

/**
 * Equilibrium checks for a variant whose reachable target states are few: searched from
 * each state asked about (local-stability.ts) instead of a pass over every state. Flags
 * of `base` answer for decision makers whose payoffs are base's own (Nash, GMR, SMR
 * depend only on one's own payoffs); `known` adds flags already computed.
 */
function localEquilibrium(local: LocalStability, payoffs: readonly Payoffs[], base?: Analysis, known: readonly (readonly [number, BasicConcept, Uint8Array])[] = []): Equilibrium {
  const flag = (k: number, c: BasicConcept): Uint8Array | undefined =>
    known.find(([d, kc]) => d === k && kc === c)?.[2] ?? (base && c !== "seq" && base.payoffs[k] === payoffs[k] ? base.stable[c]![k] : undefined);
  return (c, t) => payoffs.every((_, k) => {
    const f = flag(k, c);
    return f ? f[t] === 1 : local.stable(k, t, c);
  });
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A hash of a payoff column, to find changes with the same effect quickly. */
function payoffHash(p: Payoffs): number {
  let h = 0x811c9dc5 ^ p.levels;
  const x = p.payoff;
  for (let s = 0; s < x.length; s++) h = Math.imul(h ^ x[s]!, 0x01000193);
  return h >>> 0;
}

/** Changes to one decision maker grouped by their effect on its ranking. */
class EffectTable<T extends { payoffs: Payoffs }> {
  private readonly map = new Map<number, T[]>();
  find(p: Payoffs): T | undefined {
    return this.map.get(payoffHash(p))?.find((e) => samePayoffs(e.payoffs, p));
  }
  add(e: T): void {
    const h = payoffHash(e.payoffs);
    const list = this.map.get(h);
    if (list) list.push(e);
    else this.map.set(h, [e]);
  }
}

interface Single {
  readonly dm: number;
  readonly payoffs: Payoffs;
  readonly changes: AppliedChange[];
  /** GMR flags of dm under the change (computed when needed). */
  gmr: Uint8Array | null;
  /** Whether the single-change search left `gmr` to the pair search (which then computes it without spending its budget). */
  gmrDeferred?: boolean;
  outcome: Outcome | null;
}

export function searchChanges(base: Analysis, targetExpr: Expr, targetWords: string, opts: SearchOptions): ChangeSearch {
  const { space, index } = base;
  const model = space.model;
  const D = model.decisionMakers.length;
  const T = targetStates(space, { expr: targetExpr });
  const { goal, start } = opts;
  const P0 = base.payoffs;
  const gmrBase = base.stable.gmr!;
  const arrays = (ps: readonly Payoffs[]): Int32Array[] => ps.map((p) => p.payoff);
  const reachWith = (ps: readonly Payoffs[]): ReachFrom | null => (start !== undefined ? reachFrom(index, arrays(ps), start, "improvements") : null);
  /** Target states where every decision maker outside `changed` is GMR-stable in the unchanged model. */
  const othersStable = (changed: readonly number[]): number[] =>
    T.filter((t) => gmrBase.every((f, i) => changed.includes(i) || f[t] === 1));
  const meets = (o: Outcome): boolean => goal.every((c) => o.concepts.includes(c));
  const notCovered: string[] = [];
  const scratch = localScratch(index);
  const columns = opts.memo?.space === space ? opts.memo.columns : new TruthColumns(space);

  if (T.length === 0) {
    const none = { searched: false, why: "no feasible state matches the target", pairs: 0, ruledOut: 0, evaluations: 0, budget: opts.maxPairEvaluations, exhaustive: true };
    return {
      goal, alreadyMet: false, goalMet: false, strongest: [], changes: [], total: 0,
      coverage: {
        candidates: "none: no feasible state matches the target",
        single: { preferenceChanges: 0, distinct: 0, ruledOut: 0, analysed: 0, thirdPartyOptions: 0, thirdPartyRuledOut: 0, thirdPartyAnalysed: 0, exhaustive: true },
        pairs: none,
        notCovered: ["every change: no feasible state matches the target (a new option for a third party cannot add one)"],
      },
    };
  }
  const baseOutcome = bestOutcome(base, reachWith(P0), T, goal);
  const prioritised = model.decisionMakers.filter((d) => d.preference.kind === "priorities").map((d) => d.index);
  for (const d of model.decisionMakers) {
    if (d.preference.kind === "ranking") notCovered.push(`${d.name} has an explicit ranking, so no statement of it is changed`);
  }
  const additions = additionCandidates(model, targetExpr);
  const candidates = `for each decision maker with statements: each statement dropped; each moved to every other place; each of ${additions.length} statements (every option taken, every option not taken${additions.length > 2 * model.options.length ? ", the target's pattern" : ""}) added at every place${opts.thirdParty ? "; and a new option for a third party (an offer or a threat, aimed at one decision maker, controlled by another, valued at every place in the first one's order)" : ""}`;
  const statementsOf = (d: number): readonly PriorityStatement[] => {
    const pref = model.decisionMakers[d]!.preference;
    return pref.kind === "priorities" ? pref.statements : [];
  };

  // Size 1: preference changes.
  const singles: Single[][] = Array.from({ length: D }, () => []);
  const tables = Array.from({ length: D }, () => new EffectTable<Single>());
  let preferenceChanges = 0, distinct = 0, ruledOut = 0, analysed = 0;
  const gmrOf = (e: { dm: number; payoffs: Payoffs }): Uint8Array => stabilityOfDm(base, e.dm, e.payoffs, ["gmr"]).gmr!;
  if (baseOutcome === null || !meets(baseOutcome)) {
    for (const d of prioritised) {
      const Td = othersStable([d]);
      for (const change of singleChanges(model, d, statementsOf(d), additions)) {
        preferenceChanges++;
        const compute = (): Payoffs => columns.payoffs(model.decisionMakers[d]!, change.statements);
        const payoffs = opts.memo?.space === space ? opts.memo.get(d, change.statements, compute) : compute();
        if (samePayoffs(payoffs, P0[d]!)) continue;
        const same = tables[d]!.find(payoffs);
        if (same) { same.changes.push(change); continue; }
        distinct++;
        const e: Single = { dm: d, payoffs, changes: [change], gmr: null, outcome: null };
        tables[d]!.add(e);
        singles[d]!.push(e);
        if (Td.length === 0) { ruledOut++; continue; }
        const ps = P0.map((p, k) => (k === d ? payoffs : p));
        const reach = reachWith(ps);
        if (reach !== null) {
          // With a start, only the reachable target states matter: d's GMR stability is
          // searched from those few instead of a pass over every state.
          e.gmrDeferred = true;
          const local = new LocalStability(index, arrays(ps), scratch);
          if (!Td.some((t) => reach.dist[t]! >= 0 && local.stable(d, t, "gmr"))) { ruledOut++; continue; }
          analysed++;
          e.outcome = bestOutcome(localEquilibrium(local, ps, base), reach, T, goal);
          continue;
        }
        e.gmr = gmrOf(e);
        if (!Td.some((t) => e.gmr![t] === 1)) { ruledOut++; continue; }
        analysed++;
        e.outcome = bestOutcome(reanalyse(base, ps, BASIC_CONCEPTS), reach, T, goal);
      }
    }
  }

  const found: FoundChange[] = [];
  const preferencePart = (c: AppliedChange, statements: readonly PriorityStatement[], m: ConflictModel = model): ChangePart => ({
    kind: "preference",
    change: c.change,
    ...changeWords(m, c.change, statements),
  });
  const record = (parts: ChangePart[], same: ChangePart[][], o: Outcome, describe: (step: { mover: number; from: number; to: number }) => MoveDescription, state: number): void => {
    found.push({
      size: parts.length,
      parts,
      words: parts.map((p) => p.words).join("; and "),
      concepts: o.concepts,
      meetsGoal: meets(o),
      state: stateWords(space, asStateIndex(state)),
      path: o.steps.map(describe),
      revisesEstimate: parts.some((p) => p.kind === "preference" && p.change.kind !== "add" && p.touches[0]!.estimate),
      touchesEstimates: parts.some((p) => p.touches.some((r) => r.estimate)),
      sameEffect: same,
    });
  };
  const describeHere = (m: { mover: number; from: number; to: number }): MoveDescription => describeMove(space, asDmIndex(m.mover), asStateIndex(m.from), asStateIndex(m.to));
  for (const d of prioritised) {
    for (const e of singles[d]!) {
      if (e.outcome === null) continue;
      const [first, ...rest] = e.changes.map((c) => [preferencePart(c, statementsOf(d))]);
      record(first!, rest, e.outcome, describeHere, e.outcome.state);
    }
  }

  // Third-party models with the new option controlled by g share their states and moves;
  // every decision maker but d (and g, per kind of option) keeps its payoffs across them.
  const tpStates = new Map<number, { states: StateSpace; index: MoveIndex; scratch: LocalScratch; columns: TruthColumns } | null>();
  const tpPayoffs = new Map<string, { payoffs: Payoffs; cells: SortedCells | null }>();
  const tpGmr = new Map<string, Uint8Array>();
  const thirdPartyCase = (x: ExpandedModel, kind: string, g: number, d: number): { built: StateSpace; prep: PreparedAnalysis; gmrG: () => Uint8Array; scratch: LocalScratch } | null => {
    if (!tpStates.has(g)) {
      const enumerated = StateSpace.build(x.model);
      const index = enumerated.ok ? prepareAnalysis(enumerated.value, { concepts: ["nash"] }).index : null;
      tpStates.set(g, index !== null && enumerated.ok ? { states: enumerated.value, index, scratch: localScratch(index), columns: new TruthColumns(enumerated.value) } : null);
    }
    const shared = tpStates.get(g)!;
    if (shared === null) return null;
    const built = new StateSpace(x.model, shared.states);
    const columns = x.model.decisionMakers.map((dm, k) => {
      const key = k === d ? null : k === g ? `${g}:${kind}` : `${g}:${k}`;
      const hit = key === null ? undefined : tpPayoffs.get(key);
      if (hit) return hit;
      // d's statements differ per candidate only by the one added: their columns are shared.
      const payoffs = k === d && dm.preference.kind === "priorities" ? shared.columns.payoffs(dm, dm.preference.statements) : computePayoffs(built, dm);
      // d's sorted cells serve only a pass over every state, which runs only without a start.
      const e = { payoffs, cells: k === d && start !== undefined ? null : buildSortedCells(shared.index, k, payoffs.payoff) };
      if (key !== null) tpPayoffs.set(key, e);
      return e;
    });
    const prep: PreparedAnalysis = { space: built, concepts: BASIC_CONCEPTS, payoffs: columns.map((c) => c.payoffs), index: shared.index, cells: columns.map((c) => c.cells) };
    const gmrG = (): Uint8Array => {
      const key = `${g}:${kind}`;
      let f = tpGmr.get(key);
      if (!f) tpGmr.set(key, (f = analyzeDm({ ...prep, concepts: ["gmr"] }, g).flags.gmr!));
      return f;
    };
    return { built, prep, gmrG, scratch: shared.scratch };
  };

  // The target's states with g's new option, and each state's number in the unchanged model:
  // the same for every place and every d (the states depend on g; the target, on g and the kind).
  const tpTargets = new Map<string, { inTarget: number[]; projected: Int32Array }>();
  const tpTarget = (g: number, kind: string, built: StateSpace, x: ExpandedModel): { inTarget: number[]; projected: Int32Array } => {
    const key = `${g}:${kind}`;
    let hit = tpTargets.get(key);
    if (!hit) {
      const inTarget = targetStates(built, { expr: x.target });
      const projected = new Int32Array(built.size).fill(-1);
      for (const t of inTarget) projected[t] = space.indexOf(x.project(built.vector(t))) ?? -1;
      tpTargets.set(key, (hit = { inTarget, projected }));
    }
    return hit;
  };

  // Size 1: a new option for a third party.
  let thirdPartyOptions = 0, thirdPartyRuledOut = 0, thirdPartyAnalysed = 0;
  if (opts.thirdParty && (baseOutcome === null || !meets(baseOutcome))) {
    if (!canAddOption(model)) notCovered.push("new options for third parties: the model already has the largest number of options");
    else {
      for (const kind of ["offer", "threat"] as const) {
        for (const d of prioritised) {
          for (let g = 0; g < D; g++) {
            if (g === d) continue;
            const K = statementsOf(d).length;
            const works: { position: number; o: Outcome; space: StateSpace; project: (v: number) => number }[] = [];
            const Tgd = othersStable([g, d]);
            const inTgd = new Set(Tgd);
            for (let position = 1; position <= K + 1; position++) {
              thirdPartyOptions++;
              if (Tgd.length === 0) { thirdPartyRuledOut++; continue; }
              const x = withThirdPartyOption(model, kind, asDmIndex(g), asDmIndex(d), position, targetExpr);
              const c = thirdPartyCase(x, kind, g, d);
              if (c === null) continue;
              const { built, prep } = c;
              // No condition mentions x, so a feasible state without it is feasible in the unchanged model.
              // The others' stability is as in the unchanged model (they ignore x); g and d must become GMR-stable.
              const { inTarget, projected } = tpTarget(g, kind, built, x);
              const Tplus = inTarget.filter((t) => inTgd.has(projected[t]!));
              const gmrG = c.gmrG();
              const Tg = Tplus.filter((t) => gmrG[t] === 1);
              if (Tg.length === 0) { thirdPartyRuledOut++; continue; }
              const sq = start !== undefined ? built.indexOf(x.expand(space.vector(start))) : undefined;
              const reach = sq !== undefined ? reachFrom(prep.index, prep.payoffs.map((p) => p.payoff), sq, "improvements") : null;
              // d's GMR stability: searched from the reachable candidates when there is a start, else one pass.
              const local = new LocalStability(prep.index, prep.payoffs.map((p) => p.payoff), c.scratch);
              const gmrD = reach === null ? analyzeDm({ ...prep, concepts: ["gmr"] }, d).flags.gmr! : null;
              if (!Tg.some((t) => (reach === null ? gmrD![t] === 1 : reach.dist[t]! >= 0 && local.stable(d, t, "gmr")))) { thirdPartyRuledOut++; continue; }
              thirdPartyAnalysed++;
              const a = reach !== null ? localEquilibrium(local, prep.payoffs, undefined, [[g, "gmr", gmrG]]) : finishAnalysis(prep, model.decisionMakers.map((_, k) => analyzeDm(prep, k)));
              const o = bestOutcome(a, reach, inTarget, goal);
              if (o !== null) works.push({ position, o, space: built, project: x.project });
            }
            if (works.length === 0) continue;
            // The least demanding place that reaches the strongest result stands for the others.
            const top = Math.max(...works.map((w) => (meets(w.o) ? 100 : 0) + score(w.o.concepts)));
            const best = works.filter((w) => (meets(w.o) ? 100 : 0) + score(w.o.concepts) === top).at(-1)!;
            const option: ThirdPartyOption = {
              kind,
              by: model.decisionMakers[g]!.id,
              to: model.decisionMakers[d]!.id,
              position: best.position,
              option: (() => {
                const x = withThirdPartyOption(model, kind, asDmIndex(g), asDmIndex(d), best.position, targetExpr);
                const o = x.model.options[x.option]!;
                return { id: o.id, label: o.label };
              })(),
            };
            const project = (s: number): StateIndex => space.indexOf(best.project(best.space.vector(asStateIndex(s))))!;
            const describeThere = (m: { mover: number; from: number; to: number }): MoveDescription => {
              const move = describeMove(best.space, asDmIndex(m.mover), asStateIndex(m.from), asStateIndex(m.to));
              return { ...move, from: stateNumber(project(m.from)), to: stateNumber(project(m.to)) };
            };
            const part: ChangePart = { kind: "third-party", option, positions: works.map((w) => w.position), ...thirdPartyWords(model, option, targetWords) };
            record([part], [], best.o, describeThere, project(best.o.state));
          }
        }
      }
    }
  }

  // Size 2: pairs of preference changes, only when no single change meets the goal.
  let pairs = 0, pairRuledOut = 0, evaluations = 0, exhaustive = true;
  const budget = opts.maxPairEvaluations;
  const singleMeets = found.some((f) => f.meetsGoal);
  let pairsWhy: string | undefined;
  if (baseOutcome !== null && meets(baseOutcome)) pairsWhy = "the target already meets the goal";
  else if (singleMeets) pairsWhy = "a change of size 1 meets the goal, so larger changes are not minimal";
  else if (opts.maxSize < 2) pairsWhy = "the search was limited to changes of size 1";
  if (pairsWhy === undefined) {
    const spend = (): boolean => {
      if (evaluations >= budget) { exhaustive = false; return false; }
      evaluations++;
      return true;
    };
    const tryPair = (ps: Payoffs[], Tok: readonly number[], parts: ChangePart[]): void => {
      if (!spend()) return;
      const reach = reachWith(ps);
      if (reach !== null && Tok.every((t) => reach.dist[t]! < 0)) { pairRuledOut++; return; }
      const o = bestOutcome(reach !== null ? localEquilibrium(new LocalStability(index, arrays(ps), scratch), ps, base) : reanalyse(base, ps, BASIC_CONCEPTS), reach, T, goal);
      if (o !== null && meets(o)) record(parts, [], o, describeHere, o.state);
    };
    // Two decision makers: each change's GMR flags are its own, so most pairs are decided without analysis.
    for (let i1 = 0; i1 < prioritised.length; i1++) {
      for (let i2 = i1 + 1; i2 < prioritised.length; i2++) {
        const d1 = prioritised[i1]!, d2 = prioritised[i2]!;
        const T12 = othersStable([d1, d2]);
        const n = singles[d1]!.length * singles[d2]!.length;
        pairs += n;
        if (T12.length === 0) { pairRuledOut += n; continue; }
        for (const e of [...singles[d1]!, ...singles[d2]!]) {
          if (e.gmr === null && (e.gmrDeferred || spend())) e.gmr = gmrOf(e);
        }
        for (const e1 of singles[d1]!) {
          for (const e2 of singles[d2]!) {
            if (e1.gmr === null || e2.gmr === null) { exhaustive = false; continue; }
            const Tok = T12.filter((t) => e1.gmr![t] === 1 && e2.gmr![t] === 1);
            if (Tok.length === 0) { pairRuledOut++; continue; }
            const ps = P0.map((p, k) => (k === d1 ? e1.payoffs : k === d2 ? e2.payoffs : p));
            tryPair(ps, Tok, [preferencePart(e1.changes[0]!, statementsOf(d1)), preferencePart(e2.changes[0]!, statementsOf(d2))]);
          }
        }
      }
    }
    // Two changes to one decision maker: the second applies to the statements the first left.
    for (const d of prioritised) {
      const Td = othersStable([d]);
      const seen = new EffectTable<{ payoffs: Payoffs }>();
      for (const e of singles[d]!) {
        const first = e.changes[0]!;
        const second = singleChanges(model, d, first.statements, additions);
        pairs += second.length;
        if (Td.length === 0) { pairRuledOut += second.length; continue; }
        for (const c2 of second) {
          const payoffs = columns.payoffs(model.decisionMakers[d]!, c2.statements);
          // No effect, the effect of a single change (not minimal), or a pair already looked at.
          if (samePayoffs(payoffs, P0[d]!) || tables[d]!.find(payoffs) || seen.find(payoffs)) { pairRuledOut++; continue; }
          seen.add({ payoffs });
          if (!spend()) continue;
          const gmr = stabilityOfDm(base, d, payoffs, ["gmr"]).gmr!;
          const Tok = Td.filter((t) => gmr[t] === 1);
          if (Tok.length === 0) { pairRuledOut++; continue; }
          const ps = P0.map((p, k) => (k === d ? payoffs : p));
          tryPair(ps, Tok, [preferencePart(first, statementsOf(d)), preferencePart(c2, first.statements)]);
        }
      }
    }
    notCovered.push("pairs that include a new option for a third party");
  }
  if (pairsWhy === undefined && !exhaustive) notCovered.push(`some pairs of preference changes: the budget of ${budget} evaluations ran out`);

  const goalMet = found.some((f) => f.meetsGoal);
  const topScore = found.length === 0 ? 0 : Math.max(...found.map((f) => score(f.concepts)));
  const kept = goalMet ? found.filter((f) => f.meetsGoal) : found.filter((f) => score(f.concepts) === topScore);
  const touched = (f: FoundChange): number => f.parts.reduce((n, p) => n + Math.max(1, p.touches.length), 0);
  const kindOrder = (p: ChangePart): number => (p.kind === "preference" ? ["drop", "move", "add"].indexOf(p.change.kind) : p.option.kind === "offer" ? 3 : 4);
  kept.sort(
    (a, b) =>
      a.size - b.size ||
      score(b.concepts) - score(a.concepts) ||
      Number(b.revisesEstimate) - Number(a.revisesEstimate) ||
      touched(a) - touched(b) ||
      Number(b.touchesEstimates) - Number(a.touchesEstimates) ||
      kindOrder(a.parts[0]!) - kindOrder(b.parts[0]!) ||
      a.path.length - b.path.length,
  );
  return {
    goal,
    alreadyMet: baseOutcome !== null && meets(baseOutcome),
    goalMet,
    strongest: goalMet ? goal : kept[0]?.concepts ?? [],
    changes: kept.slice(0, opts.limit),
    total: kept.length,
    coverage: {
      candidates,
      single: { preferenceChanges, distinct, ruledOut, analysed, thirdPartyOptions, thirdPartyRuledOut, thirdPartyAnalysed, exhaustive: true },
      pairs: { searched: pairsWhy === undefined, ...(pairsWhy !== undefined ? { why: pairsWhy } : {}), pairs, ruledOut: pairRuledOut, evaluations, budget, exhaustive: pairsWhy !== undefined || exhaustive },
      notCovered,
    },
  };
}
