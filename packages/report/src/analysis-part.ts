/**
 * The analysis in words: the equilibria under each concept with what each party
 * does in them and how each ranks them, and why the status quo persists (explain)
 * and where the conflict can move from it (statusQuoAnalysis).
 */
import {
  asStateIndex,
  CONCEPT_LABELS,
  CONCEPT_NAMES,
  rankOf,
  stateIndexOf,
  stateNumber,
  type StateIndex,
  type StateNumber,
  type Analysis,
  type BasicConcept,
  type StatusQuoAnalysis,
} from "@concord/core";
import { analysisFacts, type Facts } from "./facts.js";
import { groupEquilibria, type GroupOptions } from "./group-equilibria.js";
import { choicesIn } from "./model-part.js";
import type { AnalysisSection, EquilibriumEntry, RankEntry, StateChoices, StatusQuoAnalysisEntry } from "./types.js";
import { CONCEPT_MEANINGS, joinWords, moveWords, ordinal, plural } from "./words.js";

export interface AnalysisOptions {
  /** Most equilibria described one by one (default 30): those under every concept, then the reachable ones, then the rest. */
  readonly maxEquilibria?: number;
  readonly groups?: GroupOptions;
}

/** The analysis in words, from what `analysisFacts` worked out (or from an analysis alone). */
export function analysisSection(from: Analysis | Facts, options: AnalysisOptions = {}): AnalysisSection {
  const f = "a" in from ? from : analysisFacts(from);
  const { a } = f;
  const { space } = a;
  const sq = space.statusQuo;
  const sqa = f.sqa;
  const conceptsOf = (s: StateIndex): BasicConcept[] => a.concepts.filter((c) => f.eq[c]![s] === 1);
  const reached = new Map(sqa?.reachable.map((r) => [stateIndexOf(r.state), r]) ?? []);
  // Paths are written out for the reachable equilibria (the same path under every concept).
  const paths = new Map(a.concepts.flatMap((c) => sqa?.equilibria[c]!.map((r) => [stateIndexOf(r.state), r.path] as const) ?? []));
  // First the equilibria under every concept (the most robust predictions), then the
  // status quo and the equilibria the conflict can reach from it, then the rest; within
  // each, more concepts first, then nearest the status quo. One exact number per state
  // holds that order (tier, concepts, distance, state), sorted natively: a comparator
  // over a million equilibria took seconds.
  const C = a.concepts.length;
  const S = space.size;
  const count = new Uint8Array(S);
  for (const c of a.concepts) {
    const m = f.eq[c]!;
    for (let s = 0; s < S; s++) count[s]! += m[s]!;
  }
  let total = 0;
  for (let s = 0; s < S; s++) if (count[s]! > 0) total++;
  const FAR = 2 ** 20 - 1;
  const STATE = 2 ** 26;
  const keys = new Float64Array(total);
  for (let s = 0, j = 0; s < S; s++) {
    const k = count[s]!;
    if (k === 0) continue;
    const r = reached.get(asStateIndex(s));
    const tier = k === C ? 0 : r ? 1 : 2;
    keys[j++] = ((tier * 8 + (C - k)) * 2 ** 20 + (r ? Math.min(r.distance, FAR - 1) : FAR)) * STATE + s;
  }
  keys.sort();
  const shown = Array.from(keys.subarray(0, options.maxEquilibria ?? 30), (k) => asStateIndex(k % STATE));
  const ranks = (s: StateIndex): RankEntry[] => space.model.decisionMakers.map((dm, d) => ({ dm: dm.name, rank: rankOf(a.payoffs[d]!, s), levels: a.payoffs[d]!.levels }));

  const equilibria: EquilibriumEntry[] = shown.map((s) => {
    const r = reached.get(s);
    const fromStatusQuo = sqa === undefined ? undefined : r ? { distance: r.distance, path: paths.get(s)! } : null;
    const entry = { state: stateNumber(s), yn: space.yn(s), statusQuo: s === sq, concepts: conceptsOf(s), choices: choicesIn(space, s), ranks: ranks(s) };
    return { ...entry, ...(fromStatusQuo !== undefined ? { fromStatusQuo } : {}), reading: equilibriumReading(entry, fromStatusQuo) };
  });

  return {
    concepts: a.concepts.map((c) => ({ concept: c, label: CONCEPT_LABELS[c], name: CONCEPT_NAMES[c], meaning: CONCEPT_MEANINGS[c], equilibria: a.equilibria[c]!.map(stateNumber) })),
    equilibria,
    equilibriaTotal: total,
    groups: groupEquilibria(f, options.groups),
    ...(sqa !== undefined ? { statusQuo: statusQuoEntry(f, sqa) } : {}),
  };
}

/** "Armenia takes “A” and “B”", "Russia takes none of its options". */
export function choicesWords(choices: readonly StateChoices[]): string {
  return joinWords(choices.map((c) => (c.takes.length ? `${c.dm} takes ${joinWords(c.takes.map((t) => `“${t}”`))}` : `${c.dm} takes none of its options`)), "and");
}

function rankWords(ranks: readonly RankEntry[]): string {
  return joinWords(ranks.map((r) => `${r.dm} ${ordinal(r.rank)} of ${r.levels}`));
}

function conceptList(cs: readonly BasicConcept[]): string {
  return joinWords(cs.map((c) => CONCEPT_LABELS[c]));
}

function equilibriumReading(
  e: Omit<EquilibriumEntry, "reading" | "fromStatusQuo">,
  from: EquilibriumEntry["fromStatusQuo"],
): string {
  const parts: string[] = [];
  parts.push(`In state ${e.state}${e.statusQuo ? " (the status quo)" : ""}, ${choicesWords(e.choices)}.`);
  parts.push(`Ranked from 1 (most preferred): ${rankWords(e.ranks)}.`);
  const why = e.concepts.includes("nash")
    ? "no one can do better by changing its own choices alone"
    : e.concepts.includes("seq")
      ? "someone could do better alone, but the others would answer with moves that suit them and leave it no better off"
      : "someone could do better alone, and stays put only for fear of answers that would cost the others too";
  parts.push(`It is an equilibrium under ${conceptList(e.concepts)}: ${why}.`);
  if (from === null) parts.push("The conflict cannot get here from the status quo by moves that each improve the mover's position.");
  else if (from !== undefined && from.distance > 0) {
    const each = from.distance === 1 ? "one move, which improves the mover's position" : `${from.distance} moves, each improving the mover's position`;
    parts.push(`From the status quo it takes ${each}: ${from.path.map(moveWords).join(", then ")}.`);
  }
  return parts.join(" ");
}

function statusQuoEntry(f: Facts, sqa: StatusQuoAnalysis): StatusQuoAnalysisEntry {
  const { a } = f;
  const { space } = a;
  const s = stateIndexOf(sqa.statusQuo);
  const dms = space.model.decisionMakers;
  const stability = dms.map((dm) => ({
    dm: dm.name,
    rank: rankOf(a.payoffs[dm.index]!, s),
    levels: a.payoffs[dm.index]!.levels,
    explanations: a.concepts.map((c, k) => {
      const x = f.explanations![dm.index]![k]!;
      return { concept: c, stable: x.stable, text: x.text, improvements: x.improvements };
    }),
  }));
  const equilibriumUnder = a.concepts.filter((c) => f.eq[c]![s] === 1);
  const named = new Set<StateNumber>();
  for (const st of stability) {
    for (const x of st.explanations) {
      for (const imp of x.improvements) {
        named.add(imp.move.to);
        if (imp.endsAt !== undefined) named.add(imp.endsAt);
        for (const m of imp.sanction ?? []) named.add(m.to);
        if (imp.bestCounter) named.add(imp.bestCounter.to);
      }
    }
  }
  named.delete(sqa.statusQuo);
  const reachable = a.concepts.map((c) => ({ concept: c, equilibria: sqa.equilibria[c]!, unreachable: sqa.unreachable[c]! }));
  return {
    state: sqa.statusQuo,
    equilibriumUnder,
    stability,
    reachableCount: sqa.reachable.length,
    reachable,
    reading: statusQuoReading(a, sqa, equilibriumUnder),
    statesNamed: [...named].sort((x, y) => x - y).map((n) => ({ state: n, choices: choicesIn(space, stateIndexOf(n)) })),
  };
}

function statusQuoReading(a: Analysis, sqa: StatusQuoAnalysis, under: readonly BasicConcept[]): string {
  const s = stateIndexOf(sqa.statusQuo);
  const names = a.space.model.decisionMakers.map((d) => d.name);
  const parts: string[] = [];
  const not = a.concepts.filter((c) => !under.includes(c));
  if (not.length === 0) {
    parts.push(`The status quo (state ${sqa.statusQuo}) is an equilibrium under every concept computed (${conceptList(a.concepts)}): ${under.includes("nash") ? "no one can do better by changing its own choices alone" : "whoever could do better alone is deterred"}, so the model expects it to persist.`);
  } else {
    parts.push(
      under.length > 0
        ? `The status quo (state ${sqa.statusQuo}) is an equilibrium under ${conceptList(under)} but not under ${conceptList(not)}.`
        : `The status quo (state ${sqa.statusQuo}) is not an equilibrium under any concept computed: someone can do better and nothing deters it.`,
    );
    for (const c of not) {
      const who = names.filter((_, d) => a.stable[c]![d]![s] !== 1);
      const one = who.length === 1;
      const move = `${one ? "has a move that improves its" : "each have a move that improves their"} position`;
      parts.push(`Under ${CONCEPT_LABELS[c]}, ${joinWords(who)} ${move}${c === "nash" ? "" : " and is not deterred"}.`);
    }
  }
  const others = sqa.reachable.length - 1;
  if (others === 0) parts.push("No one can improve its position by moving alone from the status quo, so no other state can be reached by such moves.");
  else {
    parts.push(`By moves that each improve the mover's position, the conflict can reach ${plural(others, "other state")} from the status quo.`);
    for (const c of a.concepts) {
      const eq = sqa.equilibria[c]!.filter((r) => r.distance > 0);
      if (eq.length === 0) continue;
      const near = eq[0]!;
      parts.push(`The nearest ${CONCEPT_LABELS[c]} equilibrium other than the status quo is state ${near.state}, ${plural(near.distance, "move")} away.`);
    }
  }
  return parts.join(" ");
}
