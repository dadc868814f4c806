/** Statements and conditions in words, for every surface that shows them to people. */
import type { Expr } from "./expression.js";
import type { OptionInfo } from "./types.js";

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
