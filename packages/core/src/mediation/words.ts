/**
 * What the mediation analyses say about the model, as data: preference statements with
 * their evidence and estimate mark, and which statement decides a decision maker's
 * comparison of two states. States are numbered from 1 wherever users see them.
 */
import { describeState } from "../model/describe.js";
import { evaluate } from "../model/expression.js";
import type { ConflictModel, Evidence } from "../model/types.js";
import type { StateSpace } from "../statespace/space.js";

/** A preference statement as users see it: whose, where in the order, the text, and what it rests on. */
export interface StatementRef {
  /** Decision maker id. */
  readonly dm: string;
  /** 1 = most important. */
  readonly position: number;
  readonly text: string;
  /** A modeller's judgement the evidence does not directly show. */
  readonly estimate: boolean;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

/** A state as users see it: its number (from 1), Y/N vector and the options taken, in words. */
export interface StateWords {
  readonly state: number;
  readonly yn: string;
  readonly words: string;
}

export function stateWords(space: StateSpace, s: number): StateWords {
  return { state: s + 1, yn: space.yn(s), words: describeState(space, s) };
}

/** Statement `k` (0-based) of decision maker `dm`, which must have statements. */
export function statementRef(model: ConflictModel, dm: number, k: number): StatementRef {
  const d = model.decisionMakers[dm]!;
  if (d.preference.kind !== "priorities") throw new RangeError(`decision maker "${d.id}" has a ranking, not statements`);
  const st = d.preference.statements[k]!;
  return {
    dm: d.id,
    position: k + 1,
    text: st.text,
    estimate: st.estimate === true,
    ...(st.note !== undefined ? { note: st.note } : {}),
    evidence: st.evidence,
  };
}

/** Why a decision maker prefers one state to another: the first statement in its order that tells them apart. */
export interface Decision {
  /** Which of the two states the decision maker prefers; "tie" when no statement tells them apart. */
  readonly prefers: "first" | "second" | "tie";
  /** The deciding statement (absent for a tie or an explicit ranking). */
  readonly statement?: StatementRef;
  /** For an explicit ranking: the ranks (1 = best) of the two states. */
  readonly ranks?: readonly [number, number];
}

/**
 * How decision maker `dm` compares states `a` and `b` (0-based): with statements, the
 * most important one true in one and false in the other decides (option prioritization
 * is lexicographic); with a ranking, the ranks decide.
 */
export function decide(space: StateSpace, dm: number, a: number, b: number, ranks?: (s: number) => number): Decision {
  const d = space.model.decisionMakers[dm]!;
  if (d.preference.kind === "ranking") {
    const ra = ranks ? ranks(a) : 0;
    const rb = ranks ? ranks(b) : 0;
    return { prefers: ra < rb ? "first" : rb < ra ? "second" : "tie", ranks: [ra, rb] };
  }
  const statements = d.preference.statements;
  for (let k = 0; k < statements.length; k++) {
    const ta = evaluate(statements[k]!.expr, (o) => space.taken(a, o));
    const tb = evaluate(statements[k]!.expr, (o) => space.taken(b, o));
    if (ta !== tb) return { prefers: ta ? "first" : "second", statement: statementRef(space.model, dm, k) };
  }
  return { prefers: "tie" };
}

/** `"-am_corridor" (Armenia's statement 1, an estimate)` */
export function statementText(ref: StatementRef, model: ConflictModel): string {
  const name = model.decisionMakers.find((d) => d.id === ref.dm)?.name ?? ref.dm;
  return `"${ref.text}" (${name}'s statement ${ref.position}${ref.estimate ? ", a modeller's estimate" : ""})`;
}
