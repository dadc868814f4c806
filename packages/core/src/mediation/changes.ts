/**
 * Changes to one decision maker's preference statements — the smallest edits a
 * mediator could ask about ("what if Baku no longer put X first?"): a statement
 * dropped, moved to another place in the order, or added from a candidate set.
 * Positions are 1-based as users see them; each change carries the statements it
 * touches with their evidence and estimate mark.
 */
import { optionName } from "../model/values.js";
import { formatExpr, type Expr } from "../model/expression.js";
import type { ConflictModel, PriorityStatement } from "../model/types.js";
import { refOf, type StatementRef } from "./words.js";

export type PreferenceChange =
  /** The statement at `position` is dropped. */
  | { readonly kind: "drop"; readonly dm: string; readonly position: number }
  /** The statement at `from` is moved so that it ends at `to`. */
  | { readonly kind: "move"; readonly dm: string; readonly from: number; readonly to: number }
  /** `statement` is inserted so that it ends at `position`. */
  | { readonly kind: "add"; readonly dm: string; readonly statement: string; readonly position: number };

/** A change with what it does to the model: the decision maker (index) and its new statements. */
export interface AppliedChange {
  readonly change: PreferenceChange;
  readonly dm: number;
  readonly statements: readonly PriorityStatement[];
}

/** A change for people: in words, with the statements it touches. */
export interface ChangeWords {
  readonly words: string;
  /** The existing statements the change drops, moves, jumps over or is placed above, with their evidence. */
  readonly touches: readonly StatementRef[];
}

/** Statements that may be added: every single option taken or not taken, and the target's own pattern. */
export function additionCandidates(model: ConflictModel, target?: Expr): { text: string; expr: Expr }[] {
  const name = (o: number): string => optionName(model, o);
  const out: { text: string; expr: Expr }[] = [];
  for (const o of model.options) {
    out.push({ text: o.id, expr: { kind: "option", option: o.index } });
    out.push({ text: `-${o.id}`, expr: { kind: "not", arg: { kind: "option", option: o.index } } });
  }
  if (target && target.kind !== "option" && !(target.kind === "not" && target.arg.kind === "option")) out.push({ text: formatExpr(target, name), expr: target });
  return out;
}

/**
 * Every single change to decision maker `dm`'s statements (none for a decision maker
 * with an explicit ranking): each drop, each move to another place (moves that give
 * the same order, such as swapping neighbours, are listed once), each addition of a
 * candidate at each place.
 */
export function singleChanges(model: ConflictModel, dm: number, statements: readonly PriorityStatement[], additions: readonly { text: string; expr: Expr }[]): AppliedChange[] {
  const id = model.decisionMakers[dm]!.id;
  const K = statements.length;
  const out: AppliedChange[] = [];
  for (let k = 0; k < K; k++) out.push({ change: { kind: "drop", dm: id, position: k + 1 }, dm, statements: statements.filter((_, j) => j !== k) });
  const seen = new Set<string>();
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < K; j++) {
      if (j === k) continue;
      const order = moved(K, k, j);
      const key = order.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ change: { kind: "move", dm: id, from: k + 1, to: j + 1 }, dm, statements: order.map((i) => statements[i]!) });
    }
  }
  for (const a of additions) {
    const st: PriorityStatement = { text: a.text, expr: a.expr, evidence: [] };
    for (let j = 0; j <= K; j++) {
      out.push({ change: { kind: "add", dm: id, statement: a.text, position: j + 1 }, dm, statements: [...statements.slice(0, j), st, ...statements.slice(j)] });
    }
  }
  return out;
}

/** Indices 0..K-1 with the one at `from` moved to `to`. */
function moved(K: number, from: number, to: number): number[] {
  const order = Array.from({ length: K }, (_, i) => i).filter((i) => i !== from);
  order.splice(to, 0, from);
  return order;
}

/** A change in words, against the model it applies to (`model` holds the statements before the change). */
export function changeWords(model: ConflictModel, c: PreferenceChange, statements?: readonly PriorityStatement[]): ChangeWords {
  const d = model.decisionMakers.findIndex((x) => x.id === c.dm);
  const dmInfo = model.decisionMakers[d]!;
  const name = dmInfo.name;
  const list = statements ?? (dmInfo.preference.kind === "priorities" ? dmInfo.preference.statements : []);
  const ref = (k: number): StatementRef => refOf(dmInfo.id, list, k);
  const quote = (r: StatementRef): string => `"${r.text}"${r.estimate ? " (a modeller's estimate)" : ""}`;
  switch (c.kind) {
    case "drop": {
      const r = ref(c.position - 1);
      return { words: `${name} no longer holds ${quote(r)} (its statement ${c.position} of ${list.length})`, touches: [r] };
    }
    case "move": {
      const r = ref(c.from - 1);
      const lo = Math.min(c.from, c.to) - 1;
      const hi = Math.max(c.from, c.to) - 1;
      const jumped: StatementRef[] = [];
      for (let k = lo; k <= hi; k++) if (k !== c.from - 1) jumped.push(ref(k));
      const up = c.to < c.from;
      return {
        words: `${name} ranks ${quote(r)} ${up ? "higher" : "lower"}, from place ${c.from} to place ${c.to}: ${up ? "above" : "below"} ${jumped.map(quote).join(", ")}`,
        touches: [r, ...jumped],
      };
    }
    case "add": {
      const below = c.position - 1 < list.length ? ref(c.position - 1) : undefined;
      return {
        words: `${name} comes to want "${c.statement}", at place ${c.position} of ${list.length + 1}${below ? `, above ${quote(below)}` : ", last"}`,
        touches: below ? [below] : [],
      };
    }
  }
}
