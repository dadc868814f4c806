/**
 * Model sanity: things a valid model may hold but its author most likely did not
 * mean. They are warnings, not problems: the analysis still runs.
 * - a statement in a preference list that says the opposite of (or the same as) an
 *   earlier one: it can rank no state above another;
 * - a statement that holds in no feasible state;
 * - an option that no decision maker's preferences mention (no one cares about it).
 */
import { asStateIndex } from "../numbering.js";
import type { Problem } from "../problems.js";
import type { StateSpace } from "../statespace/space.js";
import { evaluate, exprOptions, type Expr } from "../model/expression.js";

/** Beyond this many statement evaluations the checks are skipped: warnings must not slow validation down. */
const MAX_WORK = 1_000_000;

export function modelWarnings(space: StateSpace): Problem[] {
  const m = space.model;
  const warnings: Problem[] = [];
  const warn = (path: (string | number)[], message: string): number => warnings.push({ code: "statement", path: ["model", "decisionMakers", ...path], message });
  const statementCount = m.decisionMakers.reduce((n, d) => n + (d.preference.kind === "priorities" ? d.preference.statements.length : 0), 0);
  const checkStates = statementCount * space.size <= MAX_WORK;
  // Which feasible states a statement holds in, as a string of 0/1: cheap to compare.
  const truth = (e: Expr): string => {
    let out = "";
    for (let s = 0; s < space.size; s++) out += evaluate(e, (o) => space.taken(asStateIndex(s), o)) ? "1" : "0";
    return out;
  };
  const mentioned = new Set<number>();
  let everyDmHasStatements = true;
  for (const [d, dm] of m.decisionMakers.entries()) {
    if (dm.preference.kind !== "priorities") {
      everyDmHasStatements = false;
      continue;
    }
    const seen: { text: string; truth: string }[] = [];
    for (const [k, st] of dm.preference.statements.entries()) {
      for (const o of exprOptions(st.expr)) mentioned.add(o);
      if (!checkStates) continue;
      const t = truth(st.expr);
      const at = ["preferences", k];
      if (!t.includes("1")) warn([d, ...at], `warning: "${st.text}" holds in no feasible state, so it ranks no state above another; check it against the feasibility conditions`);
      const opposite = [...t].map((c) => (c === "1" ? "0" : "1")).join("");
      const earlier = seen.find((x) => x.truth === opposite) ?? seen.find((x) => x.truth === t);
      if (earlier && t.includes("1")) {
        const how = earlier.truth === t ? "says the same as" : "is the opposite of";
        warn([d, ...at], `warning: "${st.text}" ${how} the earlier "${earlier.text}" in the feasible states, so it changes no ranking; remove one of them`);
      }
      seen.push({ text: st.text, truth: t });
    }
  }
  // With a ranking, preferences are over states, not options: no option is "unmentioned".
  if (everyDmHasStatements) {
    for (const [d, dm] of m.decisionMakers.entries()) {
      for (const [k, o] of dm.options.entries()) {
        if (!mentioned.has(o)) warn([d, "options", k], `warning: option "${m.options[o]!.id}" appears in no decision maker's preferences, so no one gains or loses by it; add it to a preference statement or remove it`);
      }
    }
  }
  return warnings;
}
