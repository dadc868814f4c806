/**
 * The decision maker a user means by what they type. One lookup for every surface
 * (explain, evidence, the report, a server): its id or name, or its actor's id, name
 * or alias, in any case; failing that, the start of exactly one of those.
 */
import type { DmIndex } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import type { Scenario } from "./types.js";

/** The index of the decision maker `query` names, or a "usage" problem listing the decision makers. */
export function findDecisionMaker(scenario: Scenario, query: string): Result<DmIndex> {
  const dms = scenario.model?.decisionMakers ?? [];
  const usage = (message: string): Result<DmIndex> => fail([{ code: "usage", path: [], message }]);
  if (dms.length === 0) return usage("the scenario has no model, so it has no decision makers");
  const q = query.trim().toLowerCase();
  const names = dms.map((dm) => {
    const actor = scenario.actors.find((a) => a.id === dm.actor);
    return [dm.id, dm.name, actor?.id, actor?.name, ...(actor?.aliases ?? [])].filter((x): x is string => x !== undefined).map((x) => x.toLowerCase());
  });
  const exact = dms.filter((_, d) => names[d]!.includes(q));
  const found = exact.length > 0 || q === "" ? exact : dms.filter((_, d) => names[d]!.some((n) => n.startsWith(q)));
  if (found.length === 1) return ok(found[0]!.index);
  const shown = (list: typeof dms): string => list.map((d) => (d.id === d.name ? d.id : `${d.name} (${d.id})`)).join(", ");
  if (found.length === 0) return usage(`no decision maker matches "${query}"; expected the name or id of one, or its start: ${shown(dms)}`);
  return usage(`"${query}" could mean ${shown(found)}; give more of the name, or the id`);
}
