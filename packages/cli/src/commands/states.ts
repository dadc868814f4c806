import type { Command } from "commander";
import { compactStatesJson, COMPACT_ABOVE, statesJson, statesView, valueCell, viewRows } from "@concord/app";
import { width, type CliIo } from "../io.js";
import { say, streamJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { writeStateTable } from "../table.js";
import { LIST_LIMIT, moreLine } from "../text.js";

export function registerStates(program: Command, io: CliIo): void {
  program
    .command("states")
    .description("list the feasible states (numbered as in gmcr-py) with each decision maker's rank (1 = most preferred)")
    .argument("<file>", "scenario file")
    .option("--target <pattern>", "only the states matching a pattern (`venue = direct & -(transit = extraterritorial)`) or a named target")
    .option("--all", `list every state (text: even above ${LIST_LIMIT}; JSON: the full form even above ${COMPACT_ABOVE.toLocaleString("en")} states)`)
    .option("--json", `print JSON instead of a table; above ${COMPACT_ABOVE.toLocaleString("en")} states the compact form (options as Y/N letters, ranks as lists) unless --all or --target`)
    .action((file: string, opts: { json?: boolean; all?: boolean; target?: string }) => {
      // Rows are made as they are written (no list of millions of objects, no one giant string).
      const data = unwrap(statesView(readSource(io, file), opts.target !== undefined ? { target: opts.target } : {}));
      const all = opts.all === true;
      let size = 0;
      if (data.keep === undefined) size = data.stateCount;
      else for (let k = 1; k <= data.stateCount; k++) if (data.keep(k)) size++;
      // The compact form lists every state in order (item k is state k + 1): not for a --target subset.
      const compact = size > COMPACT_ABOVE && !all && opts.target === undefined;
      if (opts.json) return compact ? streamJson(io, compactStatesJson(data), "one-line") : streamJson(io, statesJson(data));
      const dms = data.decisionMakers;
      const sq = data.statusQuo;
      const limit = all ? size : Math.min(size, LIST_LIMIT);
      // Fitted to the terminal: option columns fold into letters when the table is wider (table.ts).
      writeStateTable((chunk) => io.stdout.write(chunk), {
        decisionMakers: dms,
        options: data.options.map((o) => o.id),
        tailHeaders: [["rank", ...dms.slice(1).map(() => "")], dms.map((d) => d.name)],
        shortTail: { headers: dms.map((_, i) => `#${i + 1}`), legend: `Ranks by decision maker: ${dms.map((d, i) => `#${i + 1} ${d.name}`).join(", ")}.` },
        rows: function* () {
          let k = 0;
          for (const st of viewRows(data)) {
            if (k++ >= limit) return;
            yield { state: `${st.id}${st.id === sq ? "*" : ""}`, values: data.options.map((o) => valueCell(st.values[o.id])), tail: dms.map((d) => String(st.rank[d.id])) };
          }
        },
      }, width(io));
      if (limit < size) io.stdout.write(`${moreLine(size - limit)}\n`);
      const n = size.toLocaleString("en");
      const matching = opts.target !== undefined ? ` matching "${opts.target}"` : "";
      say(io, `${n} feasible states${matching}${sq !== undefined ? `; * marks the status quo (state ${sq})` : ""}; rank 1 = most preferred, equal ranks are ties\n`);
    });
}
