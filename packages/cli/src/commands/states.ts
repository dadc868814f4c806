import type { Command } from "commander";
import { computePayoffs, rankOf, type StateSpace } from "@concord/core";
import { printJson, readScenario, UserError } from "../io.js";
import { renderTable } from "../table.js";

/** The JSON shape of `concord states --json` (issue: Foundation). */
export function statesJson(space: StateSpace): {
  decisionMakers: string[];
  states: { id: number; values: Record<string, boolean>; rank: Record<string, number> }[];
} {
  const m = space.model;
  const payoffs = m.decisionMakers.map((dm) => computePayoffs(space, dm));
  const states = [];
  for (let s = 0; s < space.size; s++) {
    const values: Record<string, boolean> = {};
    for (const o of m.options) values[o.id] = space.taken(s, o.index);
    const rank: Record<string, number> = {};
    m.decisionMakers.forEach((dm, d) => (rank[dm.name] = rankOf(payoffs[d]!, s)));
    states.push({ id: s + 1, values, rank });
  }
  return { decisionMakers: m.decisionMakers.map((d) => d.name), states };
}

export function registerStates(program: Command): void {
  program
    .command("states")
    .description("list the feasible states (numbered as in gmcr-py) with each decision maker's rank (1 = most preferred)")
    .argument("<file>", "scenario file")
    .option("--json", "print JSON instead of a table")
    .action((file: string, opts: { json?: boolean }) => {
      const { space } = readScenario(file);
      if (!space) throw new UserError(`${file}: the scenario has no model (no "model" section), so it has no states`);
      const data = statesJson(space);
      if (opts.json) return printJson(data);
      const m = space.model;
      const dmHeader: string[] = ["", ...m.options.map((o) => (m.options.findIndex((p) => p.dm === o.dm) === o.index ? m.decisionMakers[o.dm]!.name : "")), "rank"];
      const optHeader: string[] = ["state", ...m.options.map((o) => o.id), ...m.decisionMakers.map((d) => d.name)];
      const sq = space.statusQuo;
      const rows = data.states.map((st, s) => [
        `${st.id}${s === sq ? "*" : ""}`,
        ...m.options.map((o) => (st.values[o.id] ? "Y" : "N")),
        ...m.decisionMakers.map((d) => String(st.rank[d.name])),
      ]);
      process.stdout.write(renderTable([dmHeader, optHeader], rows));
      process.stdout.write(`${space.size} feasible states${sq >= 0 ? `; * marks the status quo (state ${sq + 1})` : ""}; rank 1 = most preferred, equal ranks are ties\n`);
    });
}
