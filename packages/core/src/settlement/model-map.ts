/**
 * From a package of the scenario's settlement section to a state of the conflict
 * model: the feasible states where every chosen alternative's statement holds. When
 * the statements leave some options open, the package means the matching state
 * closest to the status quo (fewest options changed; all options N when there is no
 * status quo), ties to the lowest state number: a treaty changes what it says and
 * leaves the rest as it is.
 */
import type { ScenarioSettlement } from "../scenario/settlement.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import { truthColumn } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import type { Choice } from "../valuation/types.js";
import type { PackageToState } from "./fair-stable.js";

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
