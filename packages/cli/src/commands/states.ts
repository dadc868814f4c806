import type { Command } from "commander";
import { compactStates, COMPACT_ABOVE, states, valueCell } from "@concord/app";
import { width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderStateTable } from "../table.js";
import { LIST_LIMIT, moreLine } from "../text.js";

export function registerStates(program: Command, io: CliIo): void {
  program
    .command("states")
    .description("list the feasible states (numbered as in gmcr-py) with each decision maker's rank (1 = most preferred)")
    .argument("<file>", "scenario file")
    .option("--target <pattern>", "only the states matching a pattern (`sign_direct & -am_corridor`) or a named target")
    .option("--all", `list every state (text: even above ${LIST_LIMIT}; JSON: the full form even above ${COMPACT_ABOVE.toLocaleString("en")} states)`)
    .option("--json", `print JSON instead of a table; above ${COMPACT_ABOVE.toLocaleString("en")} states the compact form (options as Y/N letters, ranks as lists) unless --all or --target`)
    .action((file: string, opts: { json?: boolean; all?: boolean; target?: string }) => {
      const data = unwrap(states(readSource(io, file), opts.target !== undefined ? { target: opts.target } : {}));
      const all = opts.all === true;
      // The compact form lists every state in order (item k is state k + 1): not for a --target subset.
      const compact = data.states.length > COMPACT_ABOVE && !all && opts.target === undefined;
      if (opts.json) return compact ? printJson(io, compactStates(data), "one-line") : printJson(io, data);
      const dms = data.decisionMakers;
      const sq = data.statusQuo;
      const shown = all ? data.states : data.states.slice(0, LIST_LIMIT);
      const table = {
        decisionMakers: dms,
        options: data.options.map((o) => o.id),
        tailHeaders: [["rank", ...dms.slice(1).map(() => "")], dms.map((d) => d.name)] as const,
        shortTail: { headers: dms.map((_, i) => `#${i + 1}`), legend: `Ranks by decision maker: ${dms.map((d, i) => `#${i + 1} ${d.name}`).join(", ")}.` },
        rows: shown.map((st) => ({ state: `${st.id}${st.id === sq ? "*" : ""}`, values: data.options.map((o) => valueCell(st.values[o.id])), tail: dms.map((d) => String(st.rank[d.id])) })),
      };
      io.stdout.write(renderStateTable(table, width(io)));
      if (shown.length < data.states.length) io.stdout.write(`${moreLine(data.states.length - shown.length)}\n`);
      const n = data.states.length.toLocaleString("en");
      const matching = opts.target !== undefined ? ` matching "${opts.target}"` : "";
      say(io, `${n} feasible states${matching}${sq !== undefined ? `; * marks the status quo (state ${sq})` : ""}; rank 1 = most preferred, equal ranks are ties\n`);
    });
}
