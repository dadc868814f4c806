import type { Command } from "commander";
import { analyze, CONCEPT_LABELS, valueCell, type AnalyzeResult, type StatesByDm } from "@concord/app";
import { workerRunner } from "@concord/node";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";

/** Above this many states the table shows only equilibria and the status quo unless --all is given. */
const TABLE_LIMIT = 200;

interface AnalyzeCliOptions {
  concepts: string;
  json?: boolean;
  all?: boolean;
  horizon?: string;
  nonMyopic?: boolean;
  target?: string;
}

export function registerAnalyze(program: Command, io: CliIo): void {
  program
    .command("analyze")
    .description("stability analysis: which states are stable for whom under Nash, GMR, SMR and SEQ, and the equilibria")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--concepts <list>", "comma-separated concepts: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--horizon <h>", "also compute limited-move stability L_h with this horizon (two decision makers only)")
    .option("--non-myopic", "also compute non-myopic stability (two decision makers only)")
    .option("--target <pattern>", "only the states matching a pattern (`sign_direct & -am_corridor`) or a named target")
    .option("--all", `print every state even when there are more than ${TABLE_LIMIT}`)
    .option("--json", "print JSON: decisionMakers, states, stability per concept and decision maker, equilibria")
    .addHelpText(
      "after",
      `
Marks: ✓ stable for that decision maker, · unstable; the eq column lists the concepts under
which the state is an equilibrium (stable for everyone). States are numbered as in gmcr-py.
Sanctions follow the published definitions: the others may respond with any legal sequence of
moves (no one moving twice in a row), for SEQ only with their own unilateral improvements.`,
    )
    .action(async (file: string, opts: AnalyzeCliOptions) => {
      const result = await analyze(
        readSource(io, file),
        { concepts: opts.concepts, ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}), nonMyopic: opts.nonMyopic === true, ...(opts.target !== undefined ? { target: opts.target } : {}) },
        workerRunner(),
      );
      const r = unwrap(result);
      if (opts.json) return printJson(io, r);
      io.stdout.write(analysisText(r, opts.all === true));
    });
}

interface Column {
  readonly label: string;
  /** Per decision maker (in model order), the states stable for it, and those undetermined. */
  readonly stable: readonly ReadonlySet<number>[];
  readonly undetermined: readonly ReadonlySet<number>[];
  readonly eq: ReadonlySet<number>;
}

function analysisText(r: AnalyzeResult, all: boolean): string {
  const sets = (by: StatesByDm | undefined): Set<number>[] => r.decisionMakers.map((dm) => new Set(by?.[dm.id] ?? []));
  const columns: Column[] = r.concepts.map((c) => ({ label: CONCEPT_LABELS[c], stable: sets(r.stability[c]), undetermined: sets(undefined), eq: new Set(r.equilibria[c]) }));
  const notes: string[] = [];
  if (r.limitedMove) {
    const lm = r.limitedMove;
    columns.push({ label: `L${lm.horizon}`, stable: sets(lm.stability), undetermined: sets(undefined), eq: new Set(lm.equilibria) });
    if (lm.tiesBroken) notes.push(`L${lm.horizon}: some look-ahead choices were tied; the lowest-numbered move was taken.`);
  }
  if (r.nonMyopic) {
    const nm = r.nonMyopic;
    columns.push({ label: "NM", stable: sets(nm.stability), undetermined: sets(nm.undetermined), eq: new Set(nm.equilibria) });
    notes.push(
      nm.period === 1
        ? `NM: the look-ahead settles from horizon ${nm.settlesAt}.`
        : `NM: the look-ahead cycles with period ${nm.period} from horizon ${nm.settlesAt}; "?" marks states stable at some horizons of the cycle only.`,
    );
  }
  const sq = r.statusQuo;
  const size = r.states.length;
  const show = all || size <= TABLE_LIMIT
    ? r.states
    : r.states.filter((st) => st.id === sq || columns.some((c) => c.eq.has(st.id)));
  const mark = (c: Column, d: number, s: number): string => (c.stable[d]!.has(s) ? "✓" : c.undetermined[d]!.has(s) ? "?" : "·");
  const dmHeader = ["", ...r.decisionMakers.flatMap((dm) => dm.options.map((_, k) => (k === 0 ? dm.name : ""))), ...columns.map(() => ""), ""];
  const header = ["state", ...r.options.map((o) => o.id), ...columns.map((c) => c.label), "eq"];
  const rows = show.map((st) => [
    `${st.id}${st.id === sq ? "*" : ""}`,
    ...r.options.map((o) => valueCell(st.values[o.id])),
    ...columns.map((c) => r.decisionMakers.map((_, d) => mark(c, d, st.id)).join("")),
    columns.filter((c) => c.eq.has(st.id)).map((c) => c.label).join(" "),
  ]);
  let out = renderTable([dmHeader, header], rows);
  out += `\nMarks per concept, one per decision maker in order (${r.decisionMakers.map((d) => d.name).join(", ")}): ✓ stable, · unstable.`;
  if (sq !== undefined) out += ` * = status quo (state ${sq}).`;
  if (show.length < size) out += `\nShowing ${show.length} of ${size} states (equilibria and the status quo); --all shows every state.`;
  out += "\n";
  for (const n of notes) out += `${n}\n`;
  out += "\nEquilibria:\n";
  for (const c of columns) {
    const eq = [...c.eq].sort((x, y) => x - y);
    out += `  ${c.label}: ${eq.length ? eq.join(", ") : "none"}\n`;
  }
  const union = [...new Set(columns.flatMap((c) => [...c.eq]))].sort((x, y) => x - y);
  if (union.length > 0 && union.length <= 20) {
    out += "\nWhat the equilibria are:\n";
    for (const s of union) out += `  ${s}: ${describe(r, s)}\n`;
  }
  return out;
}

/**
 * "Armenia: sign the treaty, Transit regime: monitored; Azerbaijan: none of its options" — the options taken
 * and alternatives chosen (other than the first) in state `s`, per decision maker.
 */
function describe(r: AnalyzeResult, s: number): string {
  const values = r.states.find((st) => st.id === s)!.values;
  const option = new Map(r.options.map((o) => [o.id, o]));
  const words = (id: string): string[] => {
    const o = option.get(id)!;
    const v = values[id];
    if (typeof v !== "string") return v ? [o.label] : [];
    return v === o.alternatives?.[0]?.id ? [] : [`${o.label}: ${o.alternatives?.find((a) => a.id === v)?.label ?? v}`];
  };
  return r.decisionMakers
    .map((dm) => {
      const taken = dm.options.flatMap(words);
      return `${dm.name}: ${taken.length ? taken.join(", ") : "none of its options"}`;
    })
    .join("; ");
}
