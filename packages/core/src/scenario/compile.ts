/**
 * A statement of the preference language, from text to an expression over option
 * indices, with the messages the format promises ("did you mean", the character at
 * fault). Used by validation and by anything that takes a statement from a user
 * (a target pattern on the command line).
 */
import { unknown } from "../format/suggest.js";
import { parseExpr, resolveExpr, type Expr } from "../model/expression.js";
import type { ProblemCode } from "../problems.js";

export type CompiledStatement =
  | { readonly expr: Expr }
  | { readonly code: Extract<ProblemCode, "statement" | "unknown-ref">; readonly message: string; readonly offset?: number }
  /** The statement names an option defined in a part of the file that failed the structure check: real, but not compilable. */
  | { readonly broken: true };

/**
 * Compiles `text` over options named by `ids` (in model order; 1-based numbers also
 * name them). `broken` holds ids defined by parts that failed the structure check.
 */
export function compileStatement(text: string, ids: readonly string[], broken: ReadonlySet<string> = new Set()): CompiledStatement {
  if (text.trim() === "") return { code: "statement", message: 'the statement is empty; expected an expression such as "sign & -corridor"' };
  const at = (message: string, offset = 0): string => `${message} (at character ${offset + 1} of "${text}")`;
  const raw = parseExpr(text);
  if (!raw.ok) {
    const p = raw.problems[0]!;
    return { code: "statement", message: at(p.message, p.offset), offset: p.offset ?? 0 };
  }
  const known = new Set(ids);
  let refersToBroken = false;
  const lookup = (name: string): number | string => {
    const idx = ids.indexOf(name);
    if (idx >= 0) return idx;
    if (broken.has(name)) {
      refersToBroken = true;
      return 0;
    }
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
