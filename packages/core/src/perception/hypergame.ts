/**
 * First-level hypergames: each decision maker plays the game as it sees it. A
 * decision maker's `perceives` gives its reading of other decision makers'
 * preferences; its own game is the model with those readings in place of the true
 * preferences (everyone else, and its own preferences, as modelled). A state is a
 * hypergame equilibrium when it is stable for every decision maker in that decision
 * maker's own game — each judges its moves, and the responses it expects, by what it
 * believes. Comparing with the true game shows which equilibria hold only because
 * someone misreads someone, and which a misreading breaks.
 *
 * Only the expected responses depend on others' preferences, and of the four concepts
 * only SEQ asks whether a response is an improvement for its mover; so a misreading
 * can change SEQ stability, never Nash, GMR or SMR stability.
 */
import type { ConflictModel, DecisionMakerInfo } from "../model/types.js";
import { asDmIndex, asStateIndex, stateNumber, type DmIndex, type StateIndex, type StateNumber } from "../numbering.js";
import { StateSpace } from "../statespace/space.js";
import { analyze, type Analysis } from "../stability/analysis.js";
import { CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";

export interface PerceivedGame {
  /** The decision maker whose game this is. */
  readonly viewer: DmIndex;
  /** Decision makers whose preferences it reads differently from the model. */
  readonly misread: readonly DmIndex[];
  /** The whole analysis of its game: its own stability, and what it expects of everyone. */
  readonly analysis: Analysis;
}

export interface MisreadingEffect {
  readonly state: StateIndex;
  /** Per decision maker whose stability here differs from the true game: whose preferences it misreads to that effect. */
  readonly because: readonly { readonly viewer: DmIndex; readonly misread: readonly DmIndex[] }[];
}

export interface Hypergame {
  readonly truth: Analysis;
  /** The game of each decision maker that misreads someone. */
  readonly games: readonly PerceivedGame[];
  /** Per concept, states stable for every decision maker in its own game. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateIndex[]>>>;
  /** Per concept, hypergame equilibria that are not equilibria of the true game. */
  readonly onlyByMisreading: Readonly<Partial<Record<BasicConcept, readonly MisreadingEffect[]>>>;
  /** Per concept, true equilibria that are not hypergame equilibria. */
  readonly brokenByMisreading: Readonly<Partial<Record<BasicConcept, readonly MisreadingEffect[]>>>;
}

/** The model as `viewer` sees it, with only the readings of `only` (default: all of its readings). */
export function perceivedModel(model: ConflictModel, viewer: DmIndex, only?: readonly DmIndex[]): ConflictModel {
  const readings = (model.decisionMakers[viewer]!.perceives ?? []).filter((r) => only === undefined || only.includes(asDmIndex(r.dm)));
  return {
    ...model,
    decisionMakers: model.decisionMakers.map((dm): DecisionMakerInfo => {
      const r = readings.find((x) => x.dm === dm.index);
      return r ? { ...dm, preference: { kind: "priorities", statements: r.statements } } : dm;
    }),
  };
}

/** The hypergame of an analysed model (the truth); empty differences when nobody misreads anyone. */
export function analyzeHypergame(truth: Analysis): Hypergame {
  const { space } = truth;
  const model = space.model;
  const concepts = truth.concepts;
  const games: PerceivedGame[] = model.decisionMakers
    .filter((dm) => (dm.perceives ?? []).length > 0)
    .map((dm) => ({
      viewer: asDmIndex(dm.index),
      misread: dm.perceives!.map((r) => asDmIndex(r.dm)).sort((a, b) => a - b),
      // The same states, read with the viewer's beliefs.
      analysis: analyze(new StateSpace(perceivedModel(model, asDmIndex(dm.index)), space), concepts),
    }));
  const own = (i: number): Analysis => games.find((g) => g.viewer === i)?.analysis ?? truth;
  // The stability of viewer i at s with only its reading of k: computed once per (i, k) when needed.
  const single = new Map<string, Analysis>();
  const withOnly = (i: DmIndex, k: DmIndex): Analysis => {
    const key = `${i}:${k}`;
    if (!single.has(key)) single.set(key, analyze(new StateSpace(perceivedModel(model, i, [k]), space), concepts));
    return single.get(key)!;
  };
  const D = model.decisionMakers.length;
  const equilibria: Partial<Record<BasicConcept, StateIndex[]>> = {};
  const onlyByMisreading: Partial<Record<BasicConcept, MisreadingEffect[]>> = {};
  const brokenByMisreading: Partial<Record<BasicConcept, MisreadingEffect[]>> = {};
  for (const c of concepts) {
    equilibria[c] = [];
    onlyByMisreading[c] = [];
    brokenByMisreading[c] = [];
    const trueEq = new Set(truth.equilibria[c]!);
    for (let n = 0; n < space.size; n++) {
      const s = asStateIndex(n);
      const stable = (i: number): boolean => own(i).stable[c]![i]![s] === 1;
      let all = true;
      for (let i = 0; i < D && all; i++) all = stable(i);
      if (all) equilibria[c].push(s);
      if (all === trueEq.has(s)) continue;
      const because = games
        .filter((g) => stable(g.viewer) !== (truth.stable[c]![g.viewer]![s] === 1))
        .map((g) => {
          const alone = g.misread.filter((k) => (withOnly(g.viewer, k).stable[c]![g.viewer]![s] === 1) === stable(g.viewer));
          return { viewer: g.viewer, misread: alone.length > 0 ? alone : g.misread };
        });
      (all ? onlyByMisreading[c] : brokenByMisreading[c]).push({ state: s, because });
    }
  }
  return { truth, games, equilibria, onlyByMisreading, brokenByMisreading };
}

// ---- serialisable form ---------------------------------------------------------

export interface HypergameJson {
  readonly concepts: readonly BasicConcept[];
  /** Per decision maker that misreads someone: whom, and the equilibria it expects (states from 1). */
  readonly games: readonly { viewer: string; misreads: string[]; expects: Partial<Record<BasicConcept, StateNumber[]>> }[];
  readonly equilibria: { truth: Partial<Record<BasicConcept, StateNumber[]>>; hypergame: Partial<Record<BasicConcept, StateNumber[]>> };
  readonly onlyByMisreading: Partial<Record<BasicConcept, EffectJson[]>>;
  readonly brokenByMisreading: Partial<Record<BasicConcept, EffectJson[]>>;
  readonly summary: string;
}

export interface EffectJson {
  readonly state: StateNumber;
  readonly because: { viewer: string; misreads: string[] }[];
  readonly text: string;
}

export function hypergameJson(h: Hypergame): HypergameJson {
  const m = h.truth.space.model;
  const id = (d: number): string => m.decisionMakers[d]!.id;
  const name = (d: number): string => m.decisionMakers[d]!.name;
  const effects = (list: readonly MisreadingEffect[], holds: boolean): EffectJson[] =>
    list.map((e) => ({
      state: stateNumber(e.state),
      because: e.because.map((b) => ({ viewer: id(b.viewer), misreads: b.misread.map(id) })),
      text:
        `State ${stateNumber(e.state)} ${holds ? "holds only because" : "would hold but for the fact that"} ` +
        e.because.map((b) => `${name(b.viewer)} misreads ${b.misread.map(name).join(" and ")}`).join(", and ") +
        (holds ? "." : ": the misreading makes it leave."),
    }));
  const truth: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const hyper: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const only: HypergameJson["onlyByMisreading"] = {};
  const broken: HypergameJson["brokenByMisreading"] = {};
  const lines: string[] = [];
  for (const c of h.truth.concepts) {
    truth[c] = h.truth.equilibria[c]!.map(stateNumber);
    hyper[c] = h.equilibria[c]!.map(stateNumber);
    only[c] = effects(h.onlyByMisreading[c]!, true);
    broken[c] = effects(h.brokenByMisreading[c]!, false);
    const n = only[c].length + broken[c].length;
    lines.push(
      n === 0
        ? `${CONCEPT_LABELS[c]}: the misreadings change no equilibrium.`
        : `${CONCEPT_LABELS[c]}: ${only[c].length} equilibri${only[c].length === 1 ? "um holds" : "a hold"} only because of a misreading${broken[c].length > 0 ? `, and ${broken[c].length} would hold but for one` : ""}.`,
    );
  }
  if (h.games.length === 0) lines.unshift("No decision maker reads another's preferences differently from the model.");
  return {
    concepts: h.truth.concepts,
    games: h.games.map((g) => ({
      viewer: id(g.viewer),
      misreads: g.misread.map(id),
      expects: Object.fromEntries(h.truth.concepts.map((c) => [c, g.analysis.equilibria[c]!.map(stateNumber)])),
    })),
    equilibria: { truth, hypergame: hyper },
    onlyByMisreading: only,
    brokenByMisreading: broken,
    summary: lines.join(" "),
  };
}
