/**
 * The items a model marks `estimate: true` — preference statements, feasibility
 * conditions, options and the status quo — and how each can be varied to ask "what if
 * the modeller guessed wrong?":
 *
 * - a statement: dropped (the decision maker does not care), or flipped (it wants the
 *   opposite: the statement negated, in the same place);
 * - a condition: dropped (the states it removes are possible after all);
 * - an option: fixed at its status-quo value (N without a status quo): it is not really
 *   open, so its owner cannot change it;
 * - the status quo: each option flipped on its own (today's state is misread in one
 *   option), when that gives a feasible state.
 *
 * A variant applies at most one variation per item. Varying statements keeps the
 * states; varying conditions or options changes them, and states are then matched to
 * the unchanged model's by their Y/N vectors.
 */
import { optionName } from "../model/values.js";
import { formatExpr, type Expr } from "../model/expression.js";
import type { ConditionInfo, ConflictModel, PriorityStatement } from "../model/types.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import { StateSpace } from "../statespace/space.js";
import { fixOption, flipped, takenIn } from "./model-edits.js";
import { refOf, type StatementRef } from "./words.js";

export type EstimateItem =
  | { readonly kind: "statement"; readonly dm: string; readonly position: number; readonly statement: StatementRef }
  | { readonly kind: "condition"; readonly position: number; readonly text: string; readonly note?: string }
  | { readonly kind: "option"; readonly option: string; readonly label: string; readonly dm: string }
  | { readonly kind: "statusQuo"; readonly note?: string };

export type VariationKind = "drop" | "flip" | "fix" | "status-quo";

export interface Variation {
  /** Index of the item in the model's estimates. */
  readonly item: number;
  readonly kind: VariationKind;
  /** For a status-quo variation: the option flipped. */
  readonly option?: string;
  readonly words: string;
}

export interface Estimate {
  readonly item: EstimateItem;
  readonly words: string;
  readonly variations: readonly Variation[];
}

/** The model's estimates in document order (statements by decision maker, then conditions, options, status quo). */
export function listEstimates(space: StateSpace): Estimate[] {
  const model = space.model;
  const out: Estimate[] = [];
  const push = (item: EstimateItem, words: string, variations: (i: number) => Variation[]): void => {
    out.push({ item, words, variations: variations(out.length) });
  };
  for (const dm of model.decisionMakers) {
    if (dm.preference.kind !== "priorities") continue;
    const list = dm.preference.statements;
    list.forEach((st, k) => {
      if (!st.estimate) return;
      push({ kind: "statement", dm: dm.id, position: k + 1, statement: refOf(dm.id, list, k) }, `${dm.name}'s statement ${k + 1}, "${st.text}"`, (i) => [
        { item: i, kind: "drop", words: `${dm.name} does not hold its statement ${k + 1}, "${st.text}"` },
        { item: i, kind: "flip", words: `${dm.name} wants the opposite of its statement ${k + 1}: "${negated(st.expr, model).text}" instead of "${st.text}"` },
      ]);
    });
  }
  model.conditions.forEach((c, k) => {
    if (!c.estimate) return;
    push({ kind: "condition", position: k + 1, text: c.text, ...(c.note !== undefined ? { note: c.note } : {}) }, `feasibility condition ${k + 1}, "${c.text}"`, (i) => [
      { item: i, kind: "drop", words: `the condition "${c.text}" does not hold: the states it removes are possible` },
    ]);
  });
  const sq = model.statusQuo?.vector ?? 0;
  for (const o of model.options) {
    if (!o.estimate) continue;
    const dm = model.decisionMakers[o.dm]!;
    const value = takenIn(sq, o.index) ? "Y" : "N";
    push({ kind: "option", option: o.id, label: o.label, dm: dm.id }, `the option "${o.label}" (${dm.name})`, (i) => [
      { item: i, kind: "fix", words: `${dm.name} cannot really change "${o.label}": it stays ${value}` },
    ]);
  }
  if (model.statusQuo?.estimate) {
    // Only misreadings that give a feasible state.
    push({ kind: "statusQuo", ...(model.statusQuo.note !== undefined ? { note: model.statusQuo.note } : {}) }, "the status quo", (i) =>
      model.options.filter((o) => space.indexOf(flipped(sq, o.index)) !== undefined).map((o) => ({
        item: i,
        kind: "status-quo" as const,
        option: o.id,
        words: `today "${o.label}" is ${takenIn(sq, o.index) ? "not taken" : "taken"}, not as the status quo says`,
      })),
    );
  }
  return out;
}

/** Whether a variation changes the states (a condition, an option or the status quo) rather than a preference. */
export function structural(estimates: readonly Estimate[], v: Variation): boolean {
  return estimates[v.item]!.item.kind !== "statement";
}

/**
 * Per decision maker, the variations of its statements as a key ("" = as written):
 * variants with the same key give that decision maker the same preferences.
 */
export function statementKeys(model: ConflictModel, estimates: readonly Estimate[], variations: readonly Variation[]): string[] {
  return model.decisionMakers.map((dm) =>
    variations.filter((v) => { const it = estimates[v.item]!.item; return it.kind === "statement" && it.dm === dm.id; }).map((v) => `${v.item}${v.kind}`).join(","));
}

/** The statement lists of the decision makers whose statements `variations` change, by decision maker index. */
export function changedStatements(model: ConflictModel, estimates: readonly Estimate[], variations: readonly Variation[]): Map<number, PriorityStatement[]> {
  const statements = new Map<number, PriorityStatement[]>();
  for (const v of variations) {
    const item = estimates[v.item]!.item;
    if (item.kind !== "statement") continue;
    const d = model.decisionMakers.findIndex((x) => x.id === item.dm);
    const pref = model.decisionMakers[d]!.preference;
    const list = statements.get(d) ?? (pref.kind === "priorities" ? [...pref.statements] : []);
    const k = item.position - 1;
    // Dropped statements are marked by an always-false filler, removed below, so positions stay put.
    list[k] = v.kind === "drop" ? { ...list[k]!, text: "", expr: DROPPED } : { ...list[k]!, ...negated(list[k]!.expr, model) };
    statements.set(d, list);
  }
  for (const [d, list] of statements) statements.set(d, list.filter((st) => st.expr !== DROPPED));
  return statements;
}

/**
 * The states of the model of `base` with the structural `variations` applied (conditions
 * dropped, options fixed, the status quo misread; statement variations are ignored), or
 * null when no state is left or there are too many.
 */
export function variantSpace(base: StateSpace, estimates: readonly Estimate[], variations: readonly Variation[]): { space: StateSpace; statusQuo: StateIndex | undefined } | null {
  const model = base.model;
  const dropped = new Set<number>();
  const fixed: ConditionInfo[] = [];
  let sq = model.statusQuo?.vector;
  for (const v of variations) {
    const item = estimates[v.item]!.item;
    if (item.kind === "condition") dropped.add(item.position - 1);
    else if (item.kind === "option") {
      const o = model.options.find((x) => x.id === item.option)!;
      fixed.push(fixOption(o.index, sq !== undefined && takenIn(sq, o.index), `${o.id} fixed`));
    } else if (item.kind === "statusQuo" && sq !== undefined) {
      const o = model.options.find((x) => x.id === v.option)!;
      sq = flipped(sq, o.index);
    }
  }
  if (dropped.size === 0 && fixed.length === 0) return { space: base, statusQuo: sq === undefined ? undefined : base.indexOf(sq) };
  const conditions = [...model.conditions.filter((_, k) => !dropped.has(k)), ...fixed];
  const variant: ConflictModel = { ...model, conditions, infeasible: conditions.flatMap((c) => c.removes), ...(sq !== undefined && model.statusQuo ? { statusQuo: { ...model.statusQuo, vector: sq } } : {}) };
  const enumerated = StateSpace.build(variant);
  if (!enumerated.ok || enumerated.value.size === 0) return null;
  const built = enumerated.value;
  // Rankings name states by vector; states a dropped condition brings back are ranked below all others, tied.
  const space = new StateSpace({
    ...variant,
    decisionMakers: variant.decisionMakers.map((dm) => {
      if (dm.preference.kind !== "ranking") return dm;
      const ranked = new Set(dm.preference.levels.flat());
      const extra: number[] = [];
      for (let s = 0; s < built.size; s++) {
        const v = built.vector(asStateIndex(s));
        if (!ranked.has(v)) extra.push(v);
      }
      return extra.length === 0 ? dm : { ...dm, preference: { kind: "ranking", levels: [...dm.preference.levels, extra] } };
    }),
  }, built);
  return { space, statusQuo: sq === undefined ? undefined : space.indexOf(sq) };
}

/** A statement's opposite, without a double negation. */
function negated(e: Expr, model: ConflictModel): { text: string; expr: Expr } {
  const expr: Expr = e.kind === "not" ? e.arg : { kind: "not", arg: e };
  return { text: formatExpr(expr, (o) => optionName(model, o)), expr };
}

/** A marker for a dropped statement while positions are still being counted. */
const DROPPED: Expr = { kind: "and", args: [] };
