/**
 * A statement of the preference language, from text to an expression over option
 * indices, with the messages the format promises ("did you mean", the character at
 * fault). Used by validation and by anything that takes a statement from a user
 * (a target pattern on the command line).
 */
import { unknown } from "../format/suggest.js";
import { parseExpr, resolveExpr, type Expr } from "../model/expression.js";
import type { ChoiceInfo, ConflictModel } from "../model/types.js";
import type { ProblemCode } from "../problems.js";

/** What a statement needs to know of an option with alternatives: its id and each alternative's id and yes/no option. */
export type ChoiceNames = Pick<ChoiceInfo, "id"> & { readonly alternatives: readonly { readonly id: string; readonly option?: number }[] };

export type CompiledStatement =
  | { readonly expr: Expr }
  | { readonly code: Extract<ProblemCode, "statement" | "unknown-ref">; readonly message: string; readonly offset?: number }
  /** The statement names an option defined in a part of the file that failed the structure check: real, but not compilable. */
  | { readonly broken: true };

/**
 * Compiles `text` over options named by `ids` (in model order; 1-based numbers also
 * name them) and options with alternatives (`transit = sovereign`, see ChoiceInfo).
 * `broken` holds ids defined by parts that failed the structure check.
 */
export function compileStatement(
  text: string,
  ids: readonly string[],
  broken: ReadonlySet<string> = new Set(),
  choices: readonly ChoiceNames[] = [],
): CompiledStatement {
  if (text.trim() === "") return { code: "statement", message: 'the statement is empty; expected an expression such as "sign & -corridor"' };
  const at = (message: string, offset = 0): string => `${message} (at character ${offset + 1} of "${text}")`;
  const raw = parseExpr(text);
  if (!raw.ok) {
    const p = raw.problems[0]!;
    return { code: "statement", message: at(p.message, p.offset), offset: p.offset ?? 0 };
  }
  // The yes/no options of alternatives are named through their option (`transit = sovereign`), not by their compiled id.
  const plain = ids.filter((id) => !id.includes("="));
  const known = new Set([...plain, ...choices.map((c) => c.id)]);
  let refersToBroken = false;
  const lookup = (name: string, alternative?: string): number | Expr | string | { aboutAlternative: string } => {
    const choice = choices.find((c) => c.id === name);
    if (choice === undefined && !plain.includes(name) && broken.has(name)) {
      refersToBroken = true;
      return 0;
    }
    // An alternative defined in a part that failed the structure check is real, but not compilable.
    if (choice !== undefined && alternative !== undefined && !choice.alternatives.some((a) => a.id === alternative) && broken.has(alternative)) {
      refersToBroken = true;
      return 0;
    }
    if (alternative !== undefined || choice !== undefined) return alternativeExpr(name, alternative, choice, known);
    const idx = plain.includes(name) ? ids.indexOf(name) : -1;
    if (idx >= 0) return idx;
    if (/^[0-9]+$/.test(name)) {
      const k = Number(name);
      if (k >= 1 && k <= ids.length) return k - 1;
      return `option number ${name} is out of range; the model has options 1 to ${ids.length}`;
    }
    return unknown("option", name, known);
  };
  const e = resolveExpr(raw.value, lookup);
  if (refersToBroken) return { broken: true };
  if (!e.ok) {
    const p = e.problems[0]!;
    return { code: "unknown-ref", message: at(p.message, p.offset), offset: p.offset ?? 0 };
  }
  return { expr: e.value };
}

/** `unknown alternative "sovreign" of "transit"; did you mean "sovereign"?` */
export function unknownAlternative(option: string, alternative: string, alternatives: readonly string[]): string {
  return unknown("alternative", alternative, new Set(alternatives)).replace(`"${alternative}"`, `"${alternative}" of "${option}"`);
}

/** Compiles `text` over a loaded model's options and alternatives (for patterns users type, targets, settlement links). */
export function compileModelStatement(model: ConflictModel, text: string): CompiledStatement {
  return compileStatement(text, model.options.map((o) => o.id), new Set(), model.choices ?? []);
}

/** `transit = sovereign` as an expression over yes/no options; the first alternative is "none of the others". */
function alternativeExpr(name: string, alternative: string | undefined, choice: ChoiceNames | undefined, known: ReadonlySet<string>): Expr | string | { aboutAlternative: string } {
  if (choice === undefined) {
    return known.has(name) ? `"${name}" is a yes/no option; write "${name}" or "-${name}", not "${name} = ${alternative}"` : unknown("option", name, known);
  }
  const alts = choice.alternatives;
  if (alternative === undefined) return `option "${name}" has alternatives; name one, e.g. "${name} = ${alts[1]?.id ?? alts[0]?.id}" (alternatives: ${alts.map((a) => a.id).join(", ")})`;
  const alt = alts.find((a) => a.id === alternative);
  if (alt === undefined) return { aboutAlternative: unknownAlternative(name, alternative, alts.map((a) => a.id)) };
  if (alt.option !== undefined) return { kind: "option", option: alt.option };
  const others: Expr[] = alts.flatMap((a) => (a.option === undefined ? [] : [{ kind: "not" as const, arg: { kind: "option" as const, option: a.option } }]));
  return others.length === 1 ? others[0]! : { kind: "and", args: others };
}
