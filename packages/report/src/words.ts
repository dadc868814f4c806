/** Small helpers for writing plain English from data. */
import { numberList, type BasicConcept, type Expr, type MoveDescription, type OptionInfo } from "@concord/core";

/** "A", "A and B", "A, B and C" (from core, where the settlement explanations use it too). */
export { joinWords } from "@concord/core";

/** "1 state", "3 states". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Cuts text to `n` characters (code points) with an ellipsis, on one line. */
export function clip(text: string, n: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  const chars = [...one];
  return chars.length <= n ? one : chars.slice(0, n - 1).join("").trimEnd() + "…";
}

/** "3 days", "1 day", "0–30 days". */
export function days(min: number, max: number): string {
  return min === max ? plural(min, "day") : `${min}–${max} days`;
}

/** The solution concepts in one plain sentence each, for readers who do not know GMCR. */
export const CONCEPT_MEANINGS: Record<BasicConcept, string> = {
  nash: "no decision maker can reach an outcome it prefers by changing its own choices alone.",
  gmr: "any decision maker that could do better alone is deterred: the others could answer, even at a cost to themselves, so that it ends up no better off.",
  smr: "as for GMR, and the decision maker could not escape that answer by moving again.",
  seq: "any decision maker that could do better alone is deterred by answers the others would gain from themselves, leaving it no better off.",
};

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

/** `Azerbaijan takes “X” and drops “Y”`. */
export function moveWords(m: MoveDescription): string {
  return `${m.by} ${m.changes.map((c) => `${c.taken ? "takes" : "drops"} “${c.label}”`).join(" and ")}`;
}

/** "the 1st", "2nd", … for ranks. */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

/** "1, 2, 3" or, past `max`, "1, 2, 3, … (40 in all)". */
/** "state 3" or "states 1, 2, … (40 in all)". */
export function unreachableWords(states: readonly number[]): string {
  return states.length === 1 ? `state ${states[0]}` : `states ${numberList(states, 12)}`;
}
