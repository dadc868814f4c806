/**
 * Coalition analysis of a whole model: for every coalition (or the ones asked for),
 * which states it cannot profitably leave; which individual equilibria some coalition
 * can leave; and, for a partition of the decision makers into blocks that act
 * together, the states stable for every block. Results are plain data; `…Json` gives
 * the serialisable form (states numbered from 1, decision makers by id).
 */
import type { ConflictModel } from "../model/types.js";
import { asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import { engineData, type Analysis } from "../stability/analysis.js";
import { CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";
import { coalitionIds, coalitionName, coalitionsOf, MAX_ALL_COALITIONS_DMS, SHOWN_STATES, stateList, type Coalition } from "./coalitions.js";
import { coalitionStability, type CoalitionFlags } from "./stability.js";

export interface CoalitionResult {
  readonly coalition: Coalition;
  /** Per concept, 1 for each state stable for the coalition. */
  readonly flags: CoalitionFlags;
}

export interface FallenEquilibrium {
  /** An equilibrium for the decision makers acting alone. */
  readonly state: StateIndex;
  /** Coalitions for which it is not stable. */
  readonly coalitions: readonly Coalition[];
}

export interface CoalitionAnalysis {
  readonly analysis: Analysis;
  readonly concepts: readonly BasicConcept[];
  /** Each analysed coalition, answered by every other decision maker acting alone. */
  readonly coalitions: readonly CoalitionResult[];
  /** Per concept, the equilibria that are also stable for every analysed coalition. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateIndex[]>>>;
  /** Per concept, the equilibria some analysed coalition can leave. */
  readonly fallen: Readonly<Partial<Record<BasicConcept, readonly FallenEquilibrium[]>>>;
}

/**
 * Stability for each coalition (default: every coalition of two or more decision
 * makers, for models of at most six), each answered by the other decision makers
 * acting alone. A coalition of one is the decision maker itself: its stability is
 * the analysis's own.
 */
export function analyzeCoalitions(a: Analysis, coalitions?: readonly Coalition[]): Result<CoalitionAnalysis> {
  const D = a.index.dmCount;
  if (coalitions === undefined && D > MAX_ALL_COALITIONS_DMS) {
    return fail([{
      code: "limit",
      path: [],
      message: `every coalition is analysed for at most ${MAX_ALL_COALITIONS_DMS} decision makers (${2 ** MAX_ALL_COALITIONS_DMS - 1} coalitions); the model has ${D}; name the coalitions to analyse`,
    }]);
  }
  const list = coalitions ?? coalitionsOf(D);
  const data = engineData(a);
  const results = list.map((H): CoalitionResult => ({
    coalition: H,
    flags: H.length === 1 ? Object.fromEntries(a.concepts.map((c) => [c, a.stable[c]![H[0]!]!])) : coalitionStability(data, H, a.concepts).flags,
  }));
  const equilibria: Partial<Record<BasicConcept, StateIndex[]>> = {};
  const fallen: Partial<Record<BasicConcept, FallenEquilibrium[]>> = {};
  for (const c of a.concepts) {
    equilibria[c] = [];
    fallen[c] = [];
    for (const s of a.equilibria[c]!) {
      const against = results.filter((r) => r.flags[c]![s] === 0).map((r) => r.coalition);
      if (against.length === 0) equilibria[c].push(s);
      else fallen[c].push({ state: s, coalitions: against });
    }
  }
  return ok({ analysis: a, concepts: a.concepts, coalitions: results, equilibria, fallen });
}

export interface PartitionAnalysis {
  readonly analysis: Analysis;
  readonly concepts: readonly BasicConcept[];
  /** The blocks (every decision maker in exactly one), each answered by the other blocks. */
  readonly blocks: readonly CoalitionResult[];
  /** Per concept, states stable for every block. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateIndex[]>>>;
}

/**
 * The model played by blocks of decision makers: each block moves as one (any legal
 * sequence of its members' moves; an improvement is one every member prefers) and is
 * answered by the other blocks. Blocks of one are the decision makers themselves, so
 * the partition into singletons gives the ordinary analysis.
 */
export function analyzePartition(a: Analysis, partition: readonly Coalition[]): PartitionAnalysis {
  const data = engineData(a);
  const blocks = partition.map((H): CoalitionResult => ({
    coalition: H,
    flags: coalitionStability(data, H, a.concepts, partition.filter((b) => b !== H)).flags,
  }));
  const equilibria: Partial<Record<BasicConcept, StateIndex[]>> = {};
  for (const c of a.concepts) {
    equilibria[c] = [];
    for (let s = 0; s < a.space.size; s++) if (blocks.every((b) => b.flags[c]![s] === 1)) equilibria[c].push(asStateIndex(s));
  }
  return { analysis: a, concepts: a.concepts, blocks, equilibria };
}

// ---- serialisable forms -------------------------------------------------------

export interface CoalitionJson {
  /** Decision-maker ids. */
  readonly members: readonly string[];
  /** "Armenia + United States and EU" */
  readonly name: string;
  /** Per concept, the states stable for the coalition. */
  readonly stable: Partial<Record<BasicConcept, StateNumber[]>>;
}

export interface CoalitionAnalysisJson {
  readonly decisionMakers: readonly { id: string; name: string }[];
  readonly concepts: readonly BasicConcept[];
  readonly coalitions: readonly CoalitionJson[];
  /** Per concept: equilibria of the decision makers acting alone, and those that also no coalition can leave. */
  readonly equilibria: { individual: Partial<Record<BasicConcept, StateNumber[]>>; coalition: Partial<Record<BasicConcept, StateNumber[]>> };
  /** Per concept, equilibria some coalition can leave, with those coalitions. */
  readonly fallen: Partial<Record<BasicConcept, { state: StateNumber; coalitions: { members: string[]; name: string }[] }[]>>;
  /** One paragraph in plain words. */
  readonly summary: string;
}

export function coalitionAnalysisJson(ca: CoalitionAnalysis): CoalitionAnalysisJson {
  const m = ca.analysis.space.model;
  const individual: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const coalition: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const fallen: CoalitionAnalysisJson["fallen"] = {};
  for (const c of ca.concepts) {
    individual[c] = ca.analysis.equilibria[c]!.map(stateNumber);
    coalition[c] = ca.equilibria[c]!.map(stateNumber);
    fallen[c] = ca.fallen[c]!.map((f) => ({ state: stateNumber(f.state), coalitions: f.coalitions.map((H) => ({ members: coalitionIds(m, H), name: coalitionName(m, H) })) }));
  }
  return {
    decisionMakers: m.decisionMakers.map((d) => ({ id: d.id, name: d.name })),
    concepts: ca.concepts,
    coalitions: ca.coalitions.map((r) => resultJson(m, r)),
    equilibria: { individual, coalition },
    fallen,
    summary: fallenSummary(m, ca),
  };
}

export interface PartitionAnalysisJson {
  readonly blocks: readonly CoalitionJson[];
  readonly concepts: readonly BasicConcept[];
  /** Per concept: states stable for every block, and the ordinary equilibria for comparison. */
  readonly equilibria: { partition: Partial<Record<BasicConcept, StateNumber[]>>; individual: Partial<Record<BasicConcept, StateNumber[]>> };
  readonly summary: string;
}

export function partitionAnalysisJson(pa: PartitionAnalysis): PartitionAnalysisJson {
  const m = pa.analysis.space.model;
  const partition: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const individual: Partial<Record<BasicConcept, StateNumber[]>> = {};
  const lines: string[] = [`Playing as ${pa.blocks.map((b) => coalitionName(m, b.coalition)).join("; ")}:`];
  for (const c of pa.concepts) {
    partition[c] = pa.equilibria[c]!.map(stateNumber);
    individual[c] = pa.analysis.equilibria[c]!.map(stateNumber);
    const gained = partition[c].filter((s) => !individual[c]!.includes(s));
    const lost = individual[c].filter((s) => !partition[c]!.includes(s));
    lines.push(
      `${CONCEPT_LABELS[c]}: ${stateList(partition[c])}` +
        (gained.length + lost.length === 0 ? " (the same as with everyone acting alone)." : ` (acting alone: ${stateList(individual[c])}; ${[gained.length ? `new ${stateList(gained)}` : "", lost.length ? `no longer ${stateList(lost)}` : ""].filter(Boolean).join(", ")}).`),
    );
  }
  return { blocks: pa.blocks.map((b) => resultJson(m, b)), concepts: pa.concepts, equilibria: { partition, individual }, summary: lines.join(" ") };
}

function resultJson(m: ConflictModel, r: CoalitionResult): CoalitionJson {
  const stable: CoalitionJson["stable"] = {};
  for (const [c, f] of Object.entries(r.flags) as [BasicConcept, Uint8Array][]) {
    const out: StateNumber[] = [];
    for (let s = 0; s < f.length; s++) if (f[s] === 1) out.push(stateNumber(asStateIndex(s)));
    stable[c] = out;
  }
  return { members: coalitionIds(m, r.coalition), name: coalitionName(m, r.coalition), stable };
}

const more = (n: number): string => (n > SHOWN_STATES ? ` and ${n - SHOWN_STATES} more` : "");

function fallenSummary(m: ConflictModel, ca: CoalitionAnalysis): string {
  const parts: string[] = [];
  for (const c of ca.concepts) {
    const total = ca.analysis.equilibria[c]!.length;
    const fell = ca.fallen[c]!;
    if (total === 0) {
      parts.push(`${CONCEPT_LABELS[c]}: no equilibrium.`);
      continue;
    }
    if (fell.length === 0) {
      parts.push(`${CONCEPT_LABELS[c]}: no coalition can leave any of the ${total} equilibri${total === 1 ? "um" : "a"}.`);
      continue;
    }
    // Name the smallest coalitions that break each equilibrium (the first few).
    const smallest = fell.slice(0, SHOWN_STATES).map((f) => {
      const size = Math.min(...f.coalitions.map((H) => H.length));
      return `state ${stateNumber(f.state)} (${f.coalitions.filter((H) => H.length === size).map((H) => coalitionName(m, H)).join("; ")})`;
    });
    const held = ca.equilibria[c]!.map(stateNumber);
    parts.push(
      `${CONCEPT_LABELS[c]}: ${fell.length} of ${total} equilibri${total === 1 ? "um" : "a"} can be left by a coalition whose members all gain — ${smallest.join(", ")}${more(fell.length)}; ` +
        `${held.length === 0 ? "none holds" : `${stateList(held)} hold${held.length === 1 ? "s" : ""}`} against every coalition.`,
    );
  }
  return parts.join(" ");
}
