/**
 * A statement of the preference language, from text to an expression over option
 * indices, with the messages the format promises ("did you mean", the character at
 * fault). Used by validation and by anything that takes a statement from a user
 * (a target pattern on the command line).
 */
import { parseExpr, resolveExpr, type Expr } from "../model/expression.js";
import type { ProblemCode } from "../problems.js";
import { unknown } from "./suggest.js";

export type CompiledStatement =
  | { readonly expr: Expr }
  | { readonly code: Extract<ProblemCode, "statement" | "unknown-ref">; readonly message: string; readonly offset?: number };

/** Compiles `text` over options named by `ids` (in model order; 1-based numbers also name them). */
export function compileStatement(text: string, ids: readonly string[]): CompiledStatement {
  if (text.trim() === "") return { code: "statement", message: 'the statement is empty; expected an expression such as "sign & -corridor"' };
  const raw = parseExpr(text);
  if ("message" in raw) return { code: "statement", message: `${raw.message} (at character ${raw.at + 1} of "${text}")`, offset: raw.at };
  const known = new Set(ids);
  const lookup = (name: string): number | string => {
    const idx = ids.indexOf(name);
    if (idx >= 0) return idx;
    if (/^[0-9]+$/.test(name)) {
      const k = Number(name);
      if (k >= 1 && k <= ids.length) return k - 1;
      return `option number ${name} is out of range; the model has options 1 to ${ids.length}`;
    }
    return unknown("option", name, known);
  };
  const e = resolveExpr(raw, lookup);
  if ("message" in e) return { code: "unknown-ref", message: `${e.message} (at character ${e.at + 1} of "${text}")`, offset: e.at };
  return { expr: e };
}
