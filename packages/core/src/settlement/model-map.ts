/**
 * From a package of the scenario's settlement section to a state of the conflict
 * model: the feasible states where every chosen alternative's statement holds. When
 * the statements leave some options open, the package means the matching state
 * closest to the status quo (fewest options changed; all options N when there is no
 * status quo), ties to the lowest state number: a treaty changes what it says and
 * leaves the rest as it is.
 */
import type { ConditionInfo } from "../model/types.js";
import type { ScenarioSettlement } from "../scenario/settlement.js";
import { enumerateStates } from "../statespace/enumerate.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import { truthColumn } from "../statespace/payoffs.js";
import { StateSpace } from "../statespace/space.js";
import type { Choice } from "../valuation/types.js";
import type { PackageToState } from "./fair-stable.js";
import { boxesOf, type PackageBoxes } from "./feasible.js";

/** The package → state map of a settlement section whose alternatives all have statements (null otherwise). */
export function packageStates(space: StateSpace, settlement: ScenarioSettlement): PackageToState | null {
  if (!settlement.mapped) return null;
  const columns = settlement.issues.map((issue) => new Map(issue.alternatives.map((a) => [a.id, truthColumn(space, a.when!.expr)])));
  const home = space.statusQuo ?? null;
  const n = space.model.options.length;
  // Options changed from the status quo, per state.
  const distance = new Int32Array(space.size);
  for (let s = 0; s < space.size; s++) {
    let d = 0;
    for (let o = 0; o < n; o++) if (space.taken(asStateIndex(s), o) !== (home === null ? false : space.taken(home, o))) d++;
    distance[s] = d;
  }
  return (choice: Choice): StateIndex | "infeasible" => {
    const cols = settlement.issues.map((issue, i) => columns[i]!.get(choice[issue.id]!)!);
    let best = -1;
    for (let s = 0; s < space.size; s++) {
      if (!cols.every((c) => c[s] === 1)) continue;
      if (best < 0 || distance[s]! < distance[best]!) best = s;
    }
    return best < 0 ? "infeasible" : asStateIndex(best);
  };
}

/** The packages the model allows, as boxes (feasible.ts); null when the section is not mapped. */
export function packageBoxes(space: StateSpace, settlement: ScenarioSettlement): PackageBoxes | null {
  if (!settlement.mapped) return null;
  return boxesOf(settlement.issues.map((issue) => issue.alternatives.map((a) => truthColumn(space, a.when!.expr))), space.size);
}

/**
 * Why the model rules a package out: the feasibility conditions each of which, left
 * out alone, would let some state satisfy every chosen alternative. Empty when no
 * single condition does (then it takes several of them together).
 */
export function rulingConditions(space: StateSpace, settlement: ScenarioSettlement): (choice: Choice) => readonly ConditionInfo[] {
  const model = space.model;
  // Per condition: the model's states without it, and each alternative's column there (built on first use).
  const without = new Map<number, { space: StateSpace; columns: Map<string, Uint8Array> } | null>();
  const columnsWithout = (ci: number): { space: StateSpace; columns: Map<string, Uint8Array> } | null => {
    if (!without.has(ci)) {
      const rest = model.conditions.filter((_, j) => j !== ci);
      const states = enumerateStates(model.options.length, rest.flatMap((c) => c.removes));
      without.set(ci, states.ok ? { space: new StateSpace({ ...model, conditions: rest, infeasible: rest.flatMap((c) => c.removes) }, states.value), columns: new Map() } : null);
    }
    return without.get(ci)!;
  };
  return (choice) =>
    model.conditions.filter((_, ci) => {
      const w = columnsWithout(ci);
      if (!w) return false;
      const cols = settlement.issues.map((issue) => {
        const key = `${issue.id}\u0000${choice[issue.id]!}`;
        if (!w.columns.has(key)) w.columns.set(key, truthColumn(w.space, issue.alternatives.find((a) => a.id === choice[issue.id])!.when!.expr));
        return w.columns.get(key)!;
      });
      for (let s = 0; s < w.space.size; s++) if (cols.every((c) => c[s] === 1)) return true;
      return false;
    });
}
