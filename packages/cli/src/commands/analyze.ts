import type { Command } from "commander";
import { analyze, compactAnalysis, COMPACT_ABOVE, CONCEPT_LABELS, valueCell, type AnalyzeResult, type StatesByDm } from "@concord/app";
import { workerRunner } from "@concord/node";
import { width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";
import { renderStateTable } from "../table.js";
import { LIST_LIMIT, moreLine, ranges } from "../text.js";

/** Above this many states the table shows only equilibria and the status quo unless --all is given. */
const TABLE_LIMIT = 200;
/** How many state numbers a line of equilibria names before it is cut. */
const NUMBERS_LIMIT = 40;

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
    .option("--horizon <h>", "also compute limited-move stability L_h with this horizon, 1 to 1000 (two decision makers only)")
    .option("--non-myopic", "also compute non-myopic stability (two decision makers only)")
    .option("--target <pattern>", "only the states matching a pattern (`sign_direct & -am_corridor`) or a named target")
    .option("--all", `list every state and every equilibrium (text: even above ${TABLE_LIMIT} states; JSON: the full form even above ${COMPACT_ABOVE.toLocaleString("en")} states)`)
    .option("--json", `print JSON: decisionMakers, states, stability per concept and decision maker, equilibria; above ${COMPACT_ABOVE.toLocaleString("en")} states the compact form (state sets as runs [first, last]) unless --all or --target`)
    .addHelpText(
      "after",
      `
Marks: ✓ stable for that decision maker, · unstable; the eq column lists the concepts under
which the state is an equilibrium (stable for everyone). States are numbered as in gmcr-py.
Sanctions follow the published definitions: the others may respond with any legal sequence of
moves (no one moving twice in a row), for SEQ only with their own unilateral improvements.`,
    )
    .action(async (file: string, opts: AnalyzeCliOptions) => {
      const source = readSource(io, file);
      const options = {
        concepts: opts.concepts,
        ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
        nonMyopic: opts.nonMyopic === true,
        ...(opts.target !== undefined ? { target: opts.target } : {}),
      };
      const r = unwrap(await withProgress(io, "Analysing", () => analyze(source, options, workerRunner())));
      // The compact form counts every state (stateCount): not for a --target subset.
      const compact = r.states.length > COMPACT_ABOVE && opts.all !== true && opts.target === undefined;
      if (opts.json) return compact ? printJson(io, compactAnalysis(r), "one-line") : printJson(io, r);
      printAnalysis(io, r, opts.all === true);
    });
}

interface Column {
  readonly label: string;
  /** Per decision maker (in model order), the states stable for it, and those undetermined. */
  readonly stable: readonly ReadonlySet<number>[];
  readonly undetermined: readonly ReadonlySet<number>[];
  readonly eq: ReadonlySet<number>;
}

/** The table as is (a table cannot wrap), then the rest wrapped to the terminal. */
function printAnalysis(io: CliIo, r: AnalyzeResult, all: boolean): void {
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
  // Above TABLE_LIMIT states: the status quo, then the equilibria under the most concepts first, at most LIST_LIMIT rows.
  const concepts = (id: number): number => columns.filter((c) => c.eq.has(id)).length;
  const candidates = all || size <= TABLE_LIMIT
    ? r.states
    : r.states.filter((st) => st.id === sq || concepts(st.id) > 0).sort((x, y) => Number(y.id === sq) - Number(x.id === sq) || concepts(y.id) - concepts(x.id) || x.id - y.id);
  const show = all ? candidates : candidates.slice(0, Math.max(TABLE_LIMIT, LIST_LIMIT));
  const mark = (c: Column, d: number, s: number): string => (c.stable[d]!.has(s) ? "✓" : c.undetermined[d]!.has(s) ? "?" : "·");
  const table = {
    decisionMakers: r.decisionMakers,
    options: r.options.map((o) => o.id),
    tailHeaders: [[...columns.map(() => ""), ""], [...columns.map((c) => c.label), "eq"]] as const,
    rows: show.map((st) => ({
      state: `${st.id}${st.id === sq ? "*" : ""}`,
      values: r.options.map((o) => valueCell(st.values[o.id])),
      tail: [...columns.map((c) => r.decisionMakers.map((_, d) => mark(c, d, st.id)).join("")), columns.filter((c) => c.eq.has(st.id)).map((c) => c.label).join(" ")],
    })),
  };
  io.stdout.write(renderStateTable(table, width(io)));
  if (show.length < candidates.length) io.stdout.write(`${moreLine(candidates.length - show.length)}\n`);
  let out = `\nMarks per concept, one per decision maker in order (${r.decisionMakers.map((d) => d.name).join(", ")}): ✓ stable, · unstable.`;
  if (sq !== undefined) out += ` * = status quo (state ${sq}).`;
  if (candidates.length < size) out += `\nShowing ${show.length.toLocaleString("en")} of ${size.toLocaleString("en")} states (the status quo, then the equilibria under the most concepts); --all shows every state.`;
  out += "\n";
  for (const n of notes) out += `${n}\n`;
  out += "\nEquilibria:\n";
  for (const c of columns) {
    const eq = [...c.eq].sort((x, y) => x - y);
    const shown = all ? eq : eq.slice(0, NUMBERS_LIMIT);
    const more = eq.length > shown.length ? `, ${moreLine(eq.length - shown.length)}` : "";
    out += `  ${c.label}: ${eq.length === 0 ? "none" : `${eq.length > 1 ? `${eq.length.toLocaleString("en")} states — ` : ""}${ranges(shown)}${more}`}\n`;
  }
  const union = [...new Set(columns.flatMap((c) => [...c.eq]))].sort((x, y) => x - y);
  if (union.length > 0 && union.length <= 20) {
    out += "\nWhat the equilibria are:\n";
    for (const s of union) out += `  ${s}: ${describe(r, s)}\n`;
  }
  say(io, out);
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
