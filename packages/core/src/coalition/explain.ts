/**
 * Why a state is or is not stable for a coalition: the joint improvements its members
 * can make (every member strictly better off), and for each either a response of the
 * others that leaves some member no better off (a sanction) or the fact that none does.
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { describeMove, moveText, type MoveDescription } from "../stability/describe.js";
import { rankOf } from "../statespace/payoffs.js";
import type { Analysis } from "../stability/analysis.js";
import { CONCEPT_NAMES, type BasicConcept } from "../stability/concepts.js";
import { engineData } from "../stability/analysis.js";
import { beats } from "./antichain.js";
import { coalitionName, type Coalition } from "./coalitions.js";
import { coalitionalImprovements, reachable, shortestSequence, type Step } from "./moves.js";
import { coalitionStability, otherDecisionMakers } from "./stability.js";

export interface MemberGain {
  /** Decision-maker id and name. */
  readonly id: string;
  readonly decisionMaker: string;
  /** Ranks, 1 = most preferred. */
  readonly rankBefore: number;
  readonly rankAfter: number;
}

export interface JointImprovement {
  /** The state the coalition reaches. */
  readonly to: StateNumber;
  /** A shortest legal sequence of the members' moves that gets there. */
  readonly steps: readonly MoveDescription[];
  readonly gains: readonly MemberGain[];
  /** Nash never looks for a response. */
  readonly deterred: boolean;
  /** The others' shortest response that leaves some member no better off than before. */
  readonly sanction?: readonly MoveDescription[];
  readonly endsAt?: StateNumber;
  /** Members no better off at `endsAt` than at the start. */
  readonly hurt?: readonly string[];
}

export interface CoalitionExplanation {
  readonly state: StateNumber;
  /** Decision-maker ids of the coalition, and their names. */
  readonly members: readonly string[];
  readonly coalition: readonly string[];
  readonly concept: BasicConcept;
  readonly stable: boolean;
  /** The joint improvements looked at (nearest first; an undeterred one first when there is one). */
  readonly improvements: readonly JointImprovement[];
  /** Joint improvements there are in all. */
  readonly total: number;
  readonly text: string;
}

export interface ExplainOptions {
  /** The other blocks, when the coalition is part of a partition (default: everyone else alone). */
  readonly others?: readonly Coalition[];
  /** At most this many joint improvements are examined in detail (default 5). */
  readonly limit?: number;
}

/** Explains state `s` for coalition `H` under `concept`. */
export function explainCoalition(a: Analysis, H: Coalition, s: StateIndex, concept: BasicConcept, opts: ExplainOptions = {}): CoalitionExplanation {
  const { space, index } = a;
  const P = a.payoffs.map((p) => p.payoff);
  const others = opts.others ?? otherDecisionMakers(index.dmCount, H).map((d) => [d]);
  const pass = coalitionStability(engineData(a), H, [concept], others);
  const stable = pass.flags[concept]![s] === 1;
  const k = H.length;
  const ps = pass.payoffs.subarray(s * k, s * k + k);
  const all = coalitionalImprovements(index, P, H, s);
  // Nearest first: by the number of the members' moves it takes.
  const dist = new Map(all.map((t) => [t, shortestSequence(index, H, s, t)!] as const));
  all.sort((x, y) => dist.get(x)!.length - dist.get(y)!.length || x - y);
  const witness = stable ? -1 : all.find((t) => beats(pass.values[concept]!(t), k, ps)) ?? -1;
  const shown = [...(witness >= 0 ? [witness] : []), ...all.filter((t) => t !== witness)].slice(0, Math.max(1, opts.limit ?? 5));
  const names = H.map((d) => space.model.decisionMakers[d]!.name);
  const describe = (steps: readonly Step[]): MoveDescription[] => steps.map((st) => describeMove(space, asDmIndex(st.mover), asStateIndex(st.from), asStateIndex(st.to)));
  const improvements = shown.map((t): JointImprovement => {
    const base = {
      to: stateNumber(asStateIndex(t)),
      steps: describe(dist.get(t)!),
      gains: H.map((d, j) => ({ id: space.model.decisionMakers[d]!.id, decisionMaker: names[j]!, rankBefore: rankOf(a.payoffs[d]!, s), rankAfter: rankOf(a.payoffs[d]!, asStateIndex(t)) })),
    };
    if (concept === "nash" || t === witness) return { ...base, deterred: false };
    const found = sanction(a, H, others, s, t, concept);
    if (found === null) return { ...base, deterred: false };
    const end = found.length === 0 ? t : found[found.length - 1]!.to;
    return {
      ...base,
      deterred: true,
      sanction: describe(found),
      endsAt: stateNumber(asStateIndex(end)),
      hurt: H.filter((d) => P[d]![end]! <= P[d]![s]!).map((d) => space.model.decisionMakers[d]!.name),
    };
  });
  return {
    state: stateNumber(s),
    members: H.map((d) => space.model.decisionMakers[d]!.id),
    coalition: names,
    concept,
    stable,
    improvements,
    total: all.length,
    text: explanationText(coalitionName(space.model, H), stateNumber(s), concept, stable, improvements, all.length),
  };
}

/**
 * The others' shortest response from t (breadth-first over (state, last block)) that
 * leaves some member of H no better off than at s — for SMR, also with nothing H can
 * reach from there that all its members prefer to s; for SEQ, each block's move an
 * improvement for every member of that block.
 */
function sanction(a: Analysis, H: Coalition, others: readonly Coalition[], s: number, t: number, concept: BasicConcept): Step[] | null {
  const { index } = a;
  const P = a.payoffs.map((p) => p.payoff);
  const B = others.length;
  const notBetter = (u: number): boolean => H.some((d) => P[d]![u]! <= P[d]![s]!);
  const holds = (u: number): boolean =>
    notBetter(u) && (concept !== "smr" || reachable(index, H, u).every((w) => notBetter(w)));
  const prev = new Map<number, { from: number; block: number }>();
  const key = (u: number, last: number): number => u * (B + 1) + last;
  const start = key(t, B);
  prev.set(start, { from: -1, block: B });
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    const u = Math.floor(node / (B + 1));
    const last = node % (B + 1);
    for (let b = 0; b < B; b++) {
      if (b === last) continue;
      const block = others[b]!;
      const targets = concept === "seq" ? coalitionalImprovements(index, P, block, u) : reachable(index, block, u);
      for (const w of targets) {
        const x = key(w, b);
        if (prev.has(x)) continue;
        prev.set(x, { from: node, block: b });
        if (holds(w)) {
          const steps: Step[] = [];
          for (let y = x; prev.get(y)!.from >= 0; y = prev.get(y)!.from) {
            const { from, block: bb } = prev.get(y)!;
            const fromState = Math.floor(from / (B + 1));
            const toState = Math.floor(y / (B + 1));
            const blockMembers = others[bb]!;
            // A block of one moves by a unilateral (for SEQ, improving) move; a larger block by its members' moves.
            const seq = shortestSequence(index, blockMembers, fromState, toState, concept === "seq" && blockMembers.length === 1 ? P : undefined)!;
            steps.unshift(...seq);
          }
          return steps;
        }
        queue.push(x);
      }
    }
  }
  return null;
}

function explanationText(who: string, state: number, concept: BasicConcept, stable: boolean, imps: readonly JointImprovement[], total: number): string {
  const lines: string[] = [];
  lines.push(`State ${state} is ${stable ? "" : "not "}stable for ${who} acting together, under ${CONCEPT_NAMES[concept]}.`);
  if (total === 0) {
    lines.push(`Together they cannot reach any state that every one of them prefers to state ${state}.`);
    return lines.join("\n");
  }
  lines.push(`Together they can reach ${total} state${total === 1 ? "" : "s"} that every one of them prefers to state ${state}${imps.length < total ? `; the nearest ${imps.length} shown` : ""}:`);
  for (const x of imps) {
    const path = x.steps.map(moveText).join(", then ");
    const gains = x.gains.map((g) => `${g.decisionMaker} ${g.rankBefore} → ${g.rankAfter}`).join(", ");
    const head = `- state ${x.to} (${path}; ranks ${gains})`;
    if (concept === "nash") lines.push(`${head}. Nash stability ignores responses, so this joint move alone makes the state unstable for them.`);
    else if (!x.deterred) {
      const who2 = concept === "seq" ? "no sequence of the others' own improvements" : "no sequence of the others' moves";
      lines.push(`${head}: ${who2} leaves any of them no better off than at state ${state}, so it is not deterred.`);
    } else {
      const steps = x.sanction!.length > 0 ? x.sanction!.map(moveText).join(", then ") : "staying put";
      let line = `${head}: deterred — ${steps} would leave ${x.hurt!.join(" and ")} at state ${x.endsAt}, no better off than at state ${state}`;
      if (concept === "smr") line += `, and nothing they can do together from there gets every one of them above state ${state}`;
      lines.push(`${line}.`);
    }
  }
  return lines.join("\n");
}
