/**
 * Why a state is or is not stable for a decision maker under a concept: each
 * unilateral improvement, and for each either the shortest sequence of the others'
 * moves that deters it (a sanction) or the fact that none does.
 */
import { asDmIndex, asStateIndex, stateNumber, type DmIndex, type StateIndex, type StateNumber } from "../numbering.js";
import { describeMove, moveText, type MoveDescription } from "./describe.js";
import { rankOf } from "../statespace/payoffs.js";
import type { Analysis } from "./analysis.js";
import { CONCEPT_NAMES, type BasicConcept } from "./concepts.js";
import { smrValue } from "./engine.js";
import { movesFrom } from "./moves.js";

export interface ImprovementExplanation {
  readonly move: MoveDescription;
  /** The decision maker's rank of the state it moves to (1 = most preferred). */
  readonly rank: number;
  readonly deterred: boolean;
  /** The shortest sanctioning sequence, when deterred (Nash never looks for one). */
  readonly sanction?: readonly MoveDescription[];
  /** Where the sanction leaves the decision maker, and its rank there. */
  readonly endsAt?: StateNumber;
  readonly endRank?: number;
  /** SMR: the decision maker's best counter-move from there, if any; it is no better than staying. */
  readonly bestCounter?: MoveDescription;
}

export interface Explanation {
  readonly state: StateNumber;
  /** The decision maker's name and id. */
  readonly decisionMaker: string;
  readonly dm: string;
  readonly concept: BasicConcept;
  readonly stable: boolean;
  readonly rank: number;
  readonly improvements: readonly ImprovementExplanation[];
  readonly text: string;
}

/** Explains state `s` for decision maker `i` under `concept`. */
export function explain(a: Analysis, s: StateIndex, i: DmIndex, concept: BasicConcept): Explanation {
  const { space, index } = a;
  const P = a.payoffs.map((p) => p.payoff);
  const Pi = P[i]!;
  const D = index.dmCount;
  const dm = space.model.decisionMakers[i]!;
  const dmName = dm.name;
  const ps = Pi[s]!;
  const V = concept === "smr" ? smrValue({ index, payoffs: P, cells: a.cells }, i) : null;
  const improvements: ImprovementExplanation[] = [];
  for (const t of movesFrom(index, i, s)) {
    if (Pi[t]! <= ps) continue;
    const move = describeMove(space, i, s, asStateIndex(t));
    const rank = rankOf(a.payoffs[i]!, asStateIndex(t));
    if (concept === "nash") {
      improvements.push({ move, rank, deterred: false });
      continue;
    }
    // Breadth-first over (state, last mover): the shortest legal sanction.
    const S = space.size;
    const parent = new Int32Array(S * D).fill(-2);
    const queue: number[] = [t * D + i];
    parent[t * D + i] = -1;
    let found = -1;
    for (let q = 0; q < queue.length && found < 0; q++) {
      const node = queue[q]!;
      const u = Math.floor(node / D);
      const last = node % D;
      for (let k = 0; k < D && found < 0; k++) {
        if (k === i || k === last) continue;
        for (const w of movesFrom(index, k, u)) {
          if (concept === "seq" && P[k]![w]! <= P[k]![u]!) continue;
          const key = w * D + k;
          if (parent[key] !== -2) continue;
          parent[key] = node;
          queue.push(key);
          const ok = Pi[w]! <= ps && (V === null || V[w]! <= ps);
          if (ok) { found = key; break; }
        }
      }
    }
    if (found < 0) {
      improvements.push({ move, rank, deterred: false });
      continue;
    }
    const chain: MoveDescription[] = [];
    for (let node = found; parent[node] !== -1; node = parent[node]!) {
      const prev = parent[node]!;
      chain.push(describeMove(space, asDmIndex(node % D), asStateIndex(Math.floor(prev / D)), asStateIndex(Math.floor(node / D))));
    }
    chain.reverse();
    const end = asStateIndex(Math.floor(found / D));
    let bestCounter: MoveDescription | undefined;
    if (concept === "smr") {
      let best = -1;
      for (const w of movesFrom(index, i, end)) if (best < 0 || Pi[w]! > Pi[best]!) best = w;
      if (best >= 0) bestCounter = describeMove(space, i, end, asStateIndex(best));
    }
    improvements.push({
      move, rank, deterred: true, sanction: chain, endsAt: stateNumber(end), endRank: rankOf(a.payoffs[i]!, end),
      ...(bestCounter ? { bestCounter } : {}),
    });
  }
  const stable = a.stable[concept]?.[i]?.[s] === 1 || (a.stable[concept] === undefined && improvements.every((x) => x.deterred));
  return {
    state: stateNumber(s),
    decisionMaker: dmName,
    dm: dm.id,
    concept,
    stable,
    rank: rankOf(a.payoffs[i]!, s),
    improvements,
    text: explanationText(dmName, stateNumber(s), concept, stable, improvements),
  };
}

function explanationText(dm: string, state: StateNumber, concept: BasicConcept, stable: boolean, imps: readonly ImprovementExplanation[]): string {
  const lines: string[] = [];
  // State numbers and ranks are both small whole numbers: no sentence carries both, so neither is read as the other (the ranks are in the data).
  lines.push(`State ${state} is ${stable ? "" : "not "}stable for ${dm} under ${CONCEPT_NAMES[concept]}.`);
  if (imps.length === 0) {
    lines.push(`${dm} has no unilateral improvement from state ${state}: every move it can make leads to a state it likes no better.`);
    return lines.join("\n");
  }
  lines.push(`${dm} has ${imps.length} unilateral improvement${imps.length === 1 ? "" : "s"}:`);
  for (const x of imps) {
    const head = `- ${moveText(x.move)}, to a state ${dm} prefers`;
    if (concept === "nash") {
      lines.push(`${head}. Nash stability ignores responses, so this move alone makes the state unstable.`);
    } else if (!x.deterred) {
      const who = concept === "seq" ? "no sequence of the others' own improvements" : "no sequence of the others' moves";
      lines.push(`${head}: ${who} can leave ${dm} with a state it likes no more than state ${state}, so it is not deterred.`);
    } else {
      const steps = x.sanction!.map(moveText).join(", then ");
      let line = `${head}: deterred — ${steps} would leave ${dm} at state ${x.endsAt}, no better than state ${state}.`;
      if (concept === "smr") {
        line += x.bestCounter
          ? ` ${dm}'s best counter-move from there, ${moveText(x.bestCounter)}, does not help it either.`
          : ` ${dm} has no counter-move from there.`;
      }
      lines.push(line);
    }
  }
  return lines.join("\n");
}
