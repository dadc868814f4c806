/** Plain-words helpers shared by every surface that prints results (CLI, report, server). */
import type { Expr } from "./model/expression.js";
import type { OptionInfo } from "./model/types.js";

/** "1, 2, 3" or "1, 2, … (40 in all)" when there are more than `max`; "none" for an empty list. */
export function numberList(xs: readonly number[], max = 30): string {
  if (xs.length === 0) return "none";
  return xs.length <= max ? xs.join(", ") : `${xs.slice(0, max).join(", ")}, … (${xs.length} in all)`;
}

/** A preference statement or condition in words, with option labels in quotes. */
export function exprWords(e: Expr, options: readonly OptionInfo[]): string {
  const label = (o: number): string => `“${options[o]?.label ?? `option ${o + 1}`}”`;
  const inner = (x: Expr): string => (x.kind === "and" || x.kind === "or" || x.kind === "if" ? `(${exprWords(x, options)})` : exprWords(x, options));
  switch (e.kind) {
    case "option":
      return label(e.option);
    case "not":
      return e.arg.kind === "option" ? `not ${label(e.arg.option)}` : `not ${inner(e.arg)}`;
    case "and":
      return e.args.map(inner).join(" and ");
    case "or":
      return e.args.map(inner).join(" or ");
    case "if":
      return `${inner(e.then)}, if ${inner(e.cond)}`;
  }
}
