/**
 * A new option for a third party that makes a target hold: what a mediator means by
 * "the United States offers X" or "the EU guarantees the treaty". The model gains one
 * yes/no option x, controlled by decision maker g (not the one it is aimed at, d),
 * and two statements:
 *
 * - offer: "g commits to give d something d values, paid while the target T holds".
 *   d gains the statement `x & T` at a chosen place in its order (how much d values
 *   the offer); g gains `x` as its last statement (g is willing to commit, and this
 *   changes none of g's other comparisons). In the target x is taken; in the status quo
 *   it is not, so g's commitment is a first move. Once x is taken, leaving T costs d
 *   the offer: the deviation stops being an improvement, and entering T may become one.
 * - threat: "g commits to impose on d a cost as long as the target does not hold" (a
 *   guarantee backed by a sanction). d gains `-x` at a chosen place; g gains
 *   `(x & -T) | (-x & T)` last (it imposes x exactly when T does not hold). In the
 *   target x is not taken: if d leaves T, g's imposing x is a move (for SEQ, an
 *   improvement) that sanctions the deviation.
 *
 * x is placed after g's own options (options are grouped by owner), so the indices of
 * later options shift by one; no feasibility condition mentions x.
 */
import { optionName } from "../model/values.js";
import { formatExpr, type Expr, type Term } from "../model/expression.js";
import type { ConflictModel, DecisionMakerInfo, OptionInfo, PriorityStatement } from "../model/types.js";
import { MAX_OPTIONS } from "../model/types.js";
import type { DmIndex } from "../numbering.js";
import { splitVector, vectorOf } from "../statespace/enumerate.js";
import { refOf, type StatementRef } from "./words.js";

export interface ThirdPartyOption {
  readonly kind: "offer" | "threat";
  /** The decision maker who controls the new option (id). */
  readonly by: string;
  /** The decision maker it is aimed at (id). */
  readonly to: string;
  /** Where `to` ranks the new statement (1 = most important). */
  readonly position: number;
  /** The new option's id and label. */
  readonly option: { readonly id: string; readonly label: string };
}

export interface ExpandedModel {
  readonly model: ConflictModel;
  /** Index of the new option. */
  readonly option: number;
  /** A vector of the original model in the new one (x not taken). */
  readonly expand: (vector: number) => number;
  /** A vector of the new model in the original one (x dropped). */
  readonly project: (vector: number) => number;
  /** The target's pattern over the new options, with x as the target needs it. */
  readonly target: Expr;
}

/** Whether the model has room for one more option. */
export function canAddOption(model: ConflictModel): boolean {
  return model.options.length < MAX_OPTIONS;
}

/** The model with the third party's option added (see the file comment). */
export function withThirdPartyOption(model: ConflictModel, kind: "offer" | "threat", g: DmIndex, d: DmIndex, position: number, target: Expr): ExpandedModel {
  const gInfo = model.decisionMakers[g]!;
  const q = gInfo.options[gInfo.options.length - 1]! + 1;
  const up = (o: number): number => (o >= q ? o + 1 : o);
  const expand = (v: number): number => {
    const low = v % 2 ** q;
    return low + (v - low) * 2;
  };
  const project = (v: number): number => {
    const low = v % 2 ** q;
    return low + Math.floor(v / 2 ** (q + 1)) * 2 ** q;
  };
  const shiftTerm = (t: Term): Term => {
    const [loMask, hiMask] = splitVector(expand(vectorOf(t.loMask, t.hiMask)));
    const [loValue, hiValue] = splitVector(expand(vectorOf(t.loValue, t.hiValue)));
    return { loMask, loValue, hiMask, hiValue };
  };
  const T = remap(target, up);
  const x: Expr = { kind: "option", option: q };
  const notX: Expr = { kind: "not", arg: x };
  const notT: Expr = { kind: "not", arg: T };
  const id = freshId(model, kind === "offer" ? `${gInfo.id}_offer_${model.decisionMakers[d]!.id}` : `${gInfo.id}_threat_${model.decisionMakers[d]!.id}`);
  const names = (o: number): string => (o === q ? id : optionName(model, o > q ? o - 1 : o));
  const statement = (expr: Expr): PriorityStatement => ({ text: formatExpr(expr, names), expr, evidence: [] });
  const dStatement = statement(kind === "offer" ? { kind: "and", args: [x, T] } : notX);
  const gStatement = statement(kind === "offer" ? x : { kind: "or", args: [{ kind: "and", args: [x, notT] }, { kind: "and", args: [notX, T] }] });
  const options: OptionInfo[] = [];
  for (const o of model.options) {
    if (o.index === q) options.push(newOption(q, id, g, kind, gInfo.name, model.decisionMakers[d]!.name));
    options.push({ ...o, index: up(o.index) });
  }
  if (q === model.options.length) options.push(newOption(q, id, g, kind, gInfo.name, model.decisionMakers[d]!.name));
  const decisionMakers: DecisionMakerInfo[] = model.decisionMakers.map((dm, k) => {
    const opts = dm.options.map(up);
    if (k === g) opts.push(q);
    const pref = dm.preference;
    if (pref.kind === "ranking") {
      // An explicit ranking says nothing about x: both values of x share the state's level.
      return { ...dm, options: opts, preference: { kind: "ranking", levels: pref.levels.map((level) => level.flatMap((v) => [expand(v), expand(v) + 2 ** q])) } };
    }
    let statements = pref.statements.map((st) => ({ ...st, expr: remap(st.expr, up) }));
    if (k === d) statements = [...statements.slice(0, position - 1), dStatement, ...statements.slice(position - 1)];
    if (k === g) statements = [...statements, gStatement];
    return { ...dm, options: opts, preference: { kind: "priorities", statements } };
  });
  const conditions = model.conditions.map((c) => ({ ...c, removes: c.removes.map(shiftTerm) }));
  const expanded: ConflictModel = {
    options,
    decisionMakers,
    conditions,
    infeasible: conditions.flatMap((c) => c.removes),
    ...(model.statusQuo ? { statusQuo: { ...model.statusQuo, vector: expand(model.statusQuo.vector) } } : {}),
  };
  return { model: expanded, option: q, expand, project, target: { kind: "and", args: [T, kind === "offer" ? x : notX] } };
}

function newOption(index: number, id: string, g: DmIndex, kind: "offer" | "threat", gName: string, dName: string): OptionInfo {
  const label = kind === "offer"
    ? `${gName} commits to give ${dName} something it values, while the target holds (new option)`
    : `${gName} imposes a cost on ${dName} while the target does not hold (new option)`;
  return { index, id, label, dm: g, evidence: [] };
}

function freshId(model: ConflictModel, base: string): string {
  const ids = new Set(model.options.map((o) => o.id));
  let id = base.replace(/[^A-Za-z0-9_]/g, "_");
  while (ids.has(id)) id += "_";
  return id;
}

function remap(e: Expr, f: (o: number) => number): Expr {
  switch (e.kind) {
    case "option": return { kind: "option", option: f(e.option) };
    case "not": return { kind: "not", arg: remap(e.arg, f) };
    case "if": return { kind: "if", then: remap(e.then, f), cond: remap(e.cond, f) };
    default: return { kind: e.kind, args: e.args.map((a) => remap(a, f)) };
  }
}

/** The option in words, with the statement of `to` it is placed above. */
export function thirdPartyWords(model: ConflictModel, t: ThirdPartyOption, targetWords: string): { words: string; touches: readonly StatementRef[] } {
  const g = model.decisionMakers.find((x) => x.id === t.by)!;
  const d = model.decisionMakers.find((x) => x.id === t.to)!;
  const list = d.preference.kind === "priorities" ? d.preference.statements : [];
  const below = t.position - 1 < list.length ? refOf(d.id, list, t.position - 1) : undefined;
  const above = below ? `"${below.text}" (its statement ${below.position}${below.estimate ? ", a modeller's estimate" : ""})` : undefined;
  const words = t.kind === "offer"
    ? `${g.name} commits to give ${d.name} something ${d.name} values ${above ? `more than ${above}` : "less than everything else it cares about"}, for as long as ${targetWords} holds (an inducement, lost by leaving)`
    : `${g.name} commits to impose on ${d.name} a cost ${d.name} would avoid ${above ? `before ${above}` : "only after everything else it cares about"}, for as long as ${targetWords} does not hold (a guarantee backed by a sanction)`;
  return { words, touches: below ? [below] : [] };
}
