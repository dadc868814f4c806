import type { Command } from "commander";
import { compactStates, COMPACT_ABOVE, states } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";
import { LIST_LIMIT, moreLine } from "../text.js";

export function registerStates(program: Command, io: CliIo): void {
  program
    .command("states")
    .description("list the feasible states (numbered as in gmcr-py) with each decision maker's rank (1 = most preferred)")
    .argument("<file>", "scenario file")
    .option("--all", `list every state (text: even above ${LIST_LIMIT}; JSON: the full form even above ${COMPACT_ABOVE.toLocaleString("en")} states)`)
    .option("--json", `print JSON instead of a table; above ${COMPACT_ABOVE.toLocaleString("en")} states the compact form (options as Y/N letters, ranks as lists) unless --all`)
    .action((file: string, opts: { json?: boolean; all?: boolean }) => {
      const data = unwrap(states(readSource(io, file)));
      const all = opts.all === true;
      if (opts.json) return data.states.length > COMPACT_ABOVE && !all ? printJson(io, compactStates(data), "one-line") : printJson(io, data);
      const dms = data.decisionMakers;
      const dmHeader = ["", ...dms.flatMap((dm) => dm.options.map((_, k) => (k === 0 ? dm.name : ""))), "rank"];
      const optHeader = ["state", ...data.options.map((o) => o.id), ...dms.map((d) => d.name)];
      const sq = data.statusQuo;
      const shown = all ? data.states : data.states.slice(0, LIST_LIMIT);
      const rows = shown.map((st) => [
        `${st.id}${st.id === sq ? "*" : ""}`,
        ...data.options.map((o) => (st.values[o.id] ? "Y" : "N")),
        ...dms.map((d) => String(st.rank[d.id])),
      ]);
      io.stdout.write(renderTable([dmHeader, optHeader], rows));
      if (shown.length < data.states.length) io.stdout.write(`${moreLine(data.states.length - shown.length)}\n`);
      const n = data.states.length.toLocaleString("en");
      say(io, `${n} feasible states${sq !== undefined ? `; * marks the status quo (state ${sq})` : ""}; rank 1 = most preferred, equal ranks are ties\n`);
    });
}
