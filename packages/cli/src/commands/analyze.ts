import type { Command } from "commander";
import { analysisJson, analyzeView, compactAnalysisJson, COMPACT_ABOVE, CONCEPT_LABELS, valueCell, viewStates, type AnalysisView, type BasicConcept, type StatesByDm } from "@concord/app";
import { workerRunner } from "@concord/node";
import { width, type CliIo } from "../io.js";
import { CliFailure, say, streamJson, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";
import { writeStateTable } from "../table.js";
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
  threads?: string;
}

export function registerAnalyze(program: Command, io: CliIo): void {
  program
    .command("analyze")
    .description("stability analysis: which states are stable for whom under Nash, GMR, SMR and SEQ, and the equilibria")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--concepts <list>", "comma-separated concepts: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--horizon <h>", "also compute limited-move stability L_h with this horizon, 1 to 1000 (two decision makers only)")
    .option("--non-myopic", "also compute non-myopic stability (two decision makers only)")
    .option("--target <pattern>", "only the states matching a pattern (`venue = direct & -(transit = extraterritorial)`) or a named target")
    .option("--threads <n>", "threads to use (default: the cores not busy with other work; 1 runs the analysis in this thread)")
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
      const threads = opts.threads === undefined ? undefined : Number(opts.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new CliFailure([{ code: "usage", path: ["threads"], message: `expected a whole number ≥ 1, found "${opts.threads}"` }]);
      const source = readSource(io, file);
      const options = {
        concepts: opts.concepts,
        ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
        nonMyopic: opts.nonMyopic === true,
        ...(opts.target !== undefined ? { target: opts.target } : {}),
      };
      const r = unwrap(await withProgress(io, "Analysing", () => analyzeView(source, options, workerRunner(threads !== undefined ? { threads } : {}))));
      // The compact form counts every state (stateCount): not for a --target subset.
      const compact = r.stateCount > COMPACT_ABOVE && opts.all !== true && opts.target === undefined;
      // Written as it is generated (json-stream.ts): no output size is too large for one string.
      if (opts.json) return compact ? streamJson(io, compactAnalysisJson(r), "one-line") : streamJson(io, analysisJson(r));
      printAnalysis(io, r, opts.all === true);
    });
}

interface Column {
  readonly label: string;
  /** Whether state n is stable for the decision maker at position d, and whether it is undetermined. */
  readonly stable: (d: number, n: number) => boolean;
  readonly undetermined: (d: number, n: number) => boolean;
  /** The equilibria, ascending. */
  readonly eq: readonly number[];
}

/** Per decision maker (in model order), the states in a list, as sets. */
function setsOf(r: AnalysisView, by: StatesByDm): (d: number, n: number) => boolean {
  const sets = r.decisionMakers.map((dm) => new Set<number>(by[dm.id] ?? []));
  return (d, n) => sets[d]!.has(n);
}

/**
 * The table as is (a table cannot wrap), then the rest wrapped to the terminal. Rows
 * are made as they are written, from the lazy view: --all on millions of states
 * streams instead of building them.
 */
function printAnalysis(io: CliIo, r: AnalysisView, all: boolean): void {
  const none = (): boolean => false;
  const columns: Column[] = r.concepts.map((c: BasicConcept) => ({ label: CONCEPT_LABELS[c], stable: (d, n) => r.stableFor(c, d, n), undetermined: none, eq: r.equilibria[c] ?? [] }));
  const notes: string[] = [];
  if (r.limitedMove) {
    const lm = r.limitedMove;
    columns.push({ label: `L${lm.horizon}`, stable: setsOf(r, lm.stability), undetermined: none, eq: lm.equilibria });
    if (lm.tiesBroken) notes.push(`L${lm.horizon}: some look-ahead choices were tied; the lowest-numbered move was taken.`);
  }
  if (r.nonMyopic) {
    const nm = r.nonMyopic;
    columns.push({ label: "NM", stable: setsOf(r, nm.stability), undetermined: setsOf(r, nm.undetermined), eq: nm.equilibria });
    notes.push(
      nm.period === 1
        ? `NM: the look-ahead settles from horizon ${nm.settlesAt}.`
        : `NM: the look-ahead cycles with period ${nm.period} from horizon ${nm.settlesAt}; "?" marks states stable at some horizons of the cycle only.`,
    );
  }
  const sq = r.statusQuo;
  let size = 0;
  for (const _ of viewStates(r)) size++;
  // Per state, one bit per column under which it is an equilibrium (a byte per state, not sets of numbers).
  const eqBits = new Uint8Array(r.stateCount + 1);
  columns.forEach((c, k) => {
    for (const n of c.eq) eqBits[n]! |= 1 << k;
  });
  const count = (n: number): number => {
    let k = 0;
    for (let b = eqBits[n]!; b !== 0; b &= b - 1) k++;
    return k;
  };
  const full = all || size <= TABLE_LIMIT;
  // Above TABLE_LIMIT states: the status quo, then the equilibria under the most concepts first, at most LIST_LIMIT rows.
  let candidates = 0;
  const picked: number[] = [];
  if (!full) {
    const cap = Math.max(TABLE_LIMIT, LIST_LIMIT);
    if (sq !== undefined && (r.keep === undefined || r.keep(sq))) picked.push(sq);
    for (let k = columns.length; k >= 1; k--) {
      for (let n = 1; n <= r.stateCount; n++) {
        if (count(n) !== k || n === sq || (r.keep !== undefined && !r.keep(n))) continue;
        candidates++;
        if (picked.length < cap) picked.push(n);
      }
    }
    if (sq !== undefined && picked[0] === sq) candidates++;
  }
  const shown = (): Iterable<number> => (full ? viewStates(r) : picked);
  const mark = (c: Column, d: number, s: number): string => (c.stable(d, s) ? "✓" : c.undetermined(d, s) ? "?" : "·");
  const row = (id: number): { state: string; values: string[]; tail: string[] } => {
    const values = r.values(id);
    return {
      state: `${id}${id === sq ? "*" : ""}`,
      values: r.options.map((o) => valueCell(values[o.id])),
      tail: [...columns.map((c) => r.decisionMakers.map((_, d) => mark(c, d, id)).join("")), columns.filter((_, k) => (eqBits[id]! >> k) & 1).map((c) => c.label).join(" ")],
    };
  };
  // Fitted to the terminal: option columns fold into letters when the table is wider (table.ts).
  writeStateTable(
    (chunk) => io.stdout.write(chunk),
    {
      decisionMakers: r.decisionMakers,
      options: r.options.map((o) => o.id),
      tailHeaders: [[...columns.map(() => ""), ""], [...columns.map((c) => c.label), "eq"]],
      rows: function* () {
        for (const id of shown()) yield row(id);
      },
    },
    width(io),
  );
  if (!full && picked.length < candidates) io.stdout.write(`${moreLine(candidates - picked.length)}\n`);
  let out = `\nMarks per concept, one per decision maker in order (${r.decisionMakers.map((d) => d.name).join(", ")}): ✓ stable, · unstable.`;
  if (sq !== undefined) out += ` * = status quo (state ${sq}).`;
  if (!full) out += `\nShowing ${picked.length.toLocaleString("en")} of ${size.toLocaleString("en")} states (the status quo, then the equilibria under the most concepts); --all shows every state.`;
  out += "\n";
  for (const n of notes) out += `${n}\n`;
  out += "\nEquilibria:\n";
  for (const c of columns) {
    const eq = [...c.eq].sort((x, y) => x - y);
    const shownEq = all ? eq : eq.slice(0, NUMBERS_LIMIT);
    const more = eq.length > shownEq.length ? `, ${moreLine(eq.length - shownEq.length)}` : "";
    out += `  ${c.label}: ${eq.length === 0 ? "none" : `${eq.length > 1 ? `${eq.length.toLocaleString("en")} states — ` : ""}${ranges(shownEq)}${more}`}\n`;
  }
  let union = 0;
  for (let n = 1; n <= r.stateCount && union <= 20; n++) if (eqBits[n] !== 0) union++;
  if (union > 0 && union <= 20) {
    out += "\nWhat the equilibria are:\n";
    for (let s = 1; s <= r.stateCount; s++) if (eqBits[s] !== 0) out += `  ${s}: ${describe(r, s)}\n`;
  }
  say(io, out);
}

/**
 * "Armenia: sign the treaty, Transit regime: monitored; Azerbaijan: none of its options" — the options taken
 * and alternatives chosen (other than the first) in state `s`, per decision maker.
 */
function describe(r: AnalysisView, s: number): string {
  const values = r.values(s);
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
