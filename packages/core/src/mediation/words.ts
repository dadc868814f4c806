/**
 * What the mediation analyses say about the model, as data: preference statements with
 * their evidence and estimate mark, and which statement decides a decision maker's
 * comparison of two states. States are numbered from 1 wherever users see them.
 */
import { evaluate } from "../model/expression.js";
import { optionValues, valueWords } from "../model/values.js";
import type { ConflictModel, Evidence, PriorityStatement } from "../model/types.js";
import { stateNumber, type DmIndex, type StateIndex, type StateNumber } from "../numbering.js";
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

/** A state as users see it: its number, Y/N vector and the options taken, in words. */
export interface StateWords {
  readonly state: StateNumber;
  readonly yn: string;
  /** "Armenia: sign the treaty; Azerbaijan: none of its options" — the options taken, per decision maker. */
  readonly words: string;
}

export function stateWords(space: StateSpace, s: StateIndex): StateWords {
  const m = space.model;
  const words = m.decisionMakers
    .map((dm) => {
      const taken = optionValues(m, (o) => space.taken(s, o), dm.index).filter((v) => v.taken).map(valueWords);
      return `${dm.name}: ${taken.length ? taken.join(", ") : "none of its options"}`;
    })
    .join("; ");
  return { state: stateNumber(s), yn: space.yn(s), words };
}

/** Statement `k` (0-based) of decision maker `dm`; undefined when it has a ranking instead of statements, or fewer statements. */
export function statementRef(model: ConflictModel, dm: DmIndex, k: number): StatementRef | undefined {
  const d = model.decisionMakers[dm]!;
  if (d.preference.kind !== "priorities" || k >= d.preference.statements.length) return undefined;
  return refOf(d.id, d.preference.statements, k);
}

/** Statement `k` (0-based) of a list of decision maker `dm`'s statements (which may be a changed list). */
export function refOf(dm: string, statements: readonly PriorityStatement[], k: number): StatementRef {
  const st = statements[k]!;
  return { dm, position: k + 1, text: st.text, estimate: st.estimate === true, ...(st.note !== undefined ? { note: st.note } : {}), evidence: st.evidence };
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
 * How decision maker `dm` compares states `a` and `b`: with statements, the most
 * important one true in one and false in the other decides (option prioritization is
 * lexicographic); with a ranking, the ranks decide.
 */
export function decide(space: StateSpace, dm: DmIndex, a: StateIndex, b: StateIndex, ranks?: (s: StateIndex) => number): Decision {
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
    if (ta !== tb) return { prefers: ta ? "first" : "second", statement: refOf(d.id, statements, k) };
  }
  return { prefers: "tie" };
}
