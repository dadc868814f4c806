import type { Command } from "commander";
import { states, valueCell } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";

export function registerStates(program: Command, io: CliIo): void {
  program
    .command("states")
    .description("list the feasible states (numbered as in gmcr-py) with each decision maker's rank (1 = most preferred)")
    .argument("<file>", "scenario file")
    .option("--target <pattern>", "only the states matching a pattern (`sign_direct & -am_corridor`) or a named target")
    .option("--json", "print JSON instead of a table")
    .action((file: string, opts: { json?: boolean; target?: string }) => {
      const data = unwrap(states(readSource(io, file), opts.target !== undefined ? { target: opts.target } : {}));
      if (opts.json) return printJson(io, data);
      const dms = data.decisionMakers;
      const dmHeader = ["", ...dms.flatMap((dm) => dm.options.map((_, k) => (k === 0 ? dm.name : ""))), "rank"];
      const optHeader = ["state", ...data.options.map((o) => o.id), ...dms.map((d) => d.name)];
      const sq = data.statusQuo;
      const rows = data.states.map((st) => [
        `${st.id}${st.id === sq ? "*" : ""}`,
        ...data.options.map((o) => valueCell(st.values[o.id])),
        ...dms.map((d) => String(st.rank[d.id])),
      ]);
      io.stdout.write(renderTable([dmHeader, optHeader], rows));
      const matching = opts.target !== undefined ? ` matching "${opts.target}"` : "";
      io.stdout.write(`${data.states.length} feasible states${matching}${sq !== undefined ? `; * marks the status quo (state ${sq})` : ""}; rank 1 = most preferred, equal ranks are ties\n`);
    });
}
