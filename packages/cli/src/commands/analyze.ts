import type { Command } from "commander";
import {
  analysisJson,
  CONCEPT_LABELS,
  describeState,
  limitedMove,
  nonMyopic,
  parseConcepts,
  TWO_DM_ONLY,
  type Analysis,
  type BasicConcept,
} from "@concord/core";
import { workerRunner } from "@concord/node";
import { printJson, readScenario, UserError } from "../io.js";
import { renderTable } from "../table.js";

/** Above this many states the table shows only equilibria and the status quo unless --all is given. */
const TABLE_LIMIT = 200;

interface AnalyzeOptions {
  concepts: string;
  json?: boolean;
  all?: boolean;
  horizon?: string;
  nonMyopic?: boolean;
}

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("stability analysis: which states are stable for whom under Nash, GMR, SMR and SEQ, and the equilibria")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--concepts <list>", "comma-separated concepts: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--horizon <h>", "also compute limited-move stability L_h with this horizon (two decision makers only)")
    .option("--non-myopic", "also compute non-myopic stability (two decision makers only)")
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
    .action(async (file: string, opts: AnalyzeOptions) => {
      const concepts = parseConcepts(opts.concepts);
      if (typeof concepts === "string") throw new UserError(`--concepts: ${concepts}`);
      const horizon = opts.horizon === undefined ? undefined : Number(opts.horizon);
      if (horizon !== undefined && (!Number.isInteger(horizon) || horizon < 1)) {
        throw new UserError(`--horizon: expected a whole number ≥ 1, found "${opts.horizon}"`);
      }
      const { space } = readScenario(file);
      if (!space) throw new UserError(`${file}: the scenario has no model (no "model" section) to analyse`);
      if ((horizon !== undefined || opts.nonMyopic) && space.model.decisionMakers.length !== 2) {
        throw new UserError(`${file}: ${TWO_DM_ONLY}; this model has ${space.model.decisionMakers.length}`);
      }
      const a = await workerRunner().analyze(space, concepts);
      const extra = extraConcepts(a, horizon, opts.nonMyopic === true);
      if (opts.json) return printJson({ ...analysisJson(a), ...extra.json });
      process.stdout.write(analysisText(a, opts.all === true, extra));
    });
}

interface Extra {
  json: Record<string, unknown>;
  columns: { label: string; stable: readonly ArrayLike<number>[]; eq: ReadonlySet<number> }[];
  notes: string[];
}

function extraConcepts(a: Analysis, horizon: number | undefined, nm: boolean): Extra {
  const out: Extra = { json: {}, columns: [], notes: [] };
  const names = a.space.model.decisionMakers.map((d) => d.name);
  const perDm = (flags: readonly ArrayLike<number>[]): Record<string, number[]> =>
    Object.fromEntries(names.map((n, d) => [n, Array.from(flags[d]!).flatMap((f, s) => (f === 1 ? [s + 1] : []))]));
  if (horizon !== undefined) {
    const r = limitedMove(a, horizon);
    out.json.limitedMove = { horizon, stability: perDm(r.stable), equilibria: r.equilibria.map((s) => s + 1), tiesBroken: r.tiesBroken };
    out.columns.push({ label: `L${horizon}`, stable: r.stable, eq: new Set(r.equilibria) });
    if (r.tiesBroken) out.notes.push(`L${horizon}: some look-ahead choices were tied; the lowest-numbered move was taken.`);
  }
  if (nm) {
    const r = nonMyopic(a);
    if ("error" in r) throw new UserError(`non-myopic stability: ${r.error}`);
    out.json.nonMyopic = {
      stability: perDm(r.stable),
      undetermined: Object.fromEntries(names.map((n, d) => [n, Array.from(r.stable[d]!).flatMap((f, s) => (f === -1 ? [s + 1] : []))])),
      equilibria: r.equilibria.map((s) => s + 1),
      settlesAt: r.settlesAt,
      period: r.period,
      tiesBroken: r.tiesBroken,
    };
    out.columns.push({ label: "NM", stable: r.stable, eq: new Set(r.equilibria) });
    out.notes.push(
      r.period === 1
        ? `NM: the look-ahead settles from horizon ${r.settlesAt}.`
        : `NM: the look-ahead cycles with period ${r.period} from horizon ${r.settlesAt}; "?" marks states stable at some horizons of the cycle only.`,
    );
  }
  return out;
}

export function analysisText(a: Analysis, all: boolean, extra: Extra = { json: {}, columns: [], notes: [] }): string {
  const { space } = a;
  const m = space.model;
  const sq = space.statusQuo;
  const mark = (f: number | undefined): string => (f === 1 ? "✓" : f === -1 ? "?" : "·");
  const columns = [
    ...a.concepts.map((c: BasicConcept) => ({ label: CONCEPT_LABELS[c], stable: a.stable[c]!, eq: new Set(a.equilibria[c]!) })),
    ...extra.columns,
  ];
  const show = all || space.size <= TABLE_LIMIT
    ? Array.from({ length: space.size }, (_, s) => s)
    : [...new Set([...(sq >= 0 ? [sq] : []), ...columns.flatMap((c) => [...c.eq])])].sort((x, y) => x - y);
  const dmHeader = ["", ...m.options.map((o) => (m.decisionMakers[o.dm]!.options[0] === o.index ? m.decisionMakers[o.dm]!.name : "")), ...columns.map(() => ""), ""];
  const header = ["state", ...m.options.map((o) => o.id), ...columns.map((c) => c.label), "eq"];
  const rows = show.map((s) => [
    `${s + 1}${s === sq ? "*" : ""}`,
    ...m.options.map((o) => (space.taken(s, o.index) ? "Y" : "N")),
    ...columns.map((c) => c.stable.map((f) => mark(f[s])).join("")),
    columns.filter((c) => c.eq.has(s)).map((c) => c.label).join(" "),
  ]);
  let out = renderTable([dmHeader, header], rows);
  out += `\nMarks per concept, one per decision maker in order (${m.decisionMakers.map((d) => d.name).join(", ")}): ✓ stable, · unstable.`;
  if (sq >= 0) out += ` * = status quo (state ${sq + 1}).`;
  if (show.length < space.size) out += `\nShowing ${show.length} of ${space.size} states (equilibria and the status quo); --all shows every state.`;
  out += "\n";
  for (const n of extra.notes) out += `${n}\n`;
  out += "\nEquilibria:\n";
  for (const c of columns) {
    const eq = [...c.eq].sort((x, y) => x - y);
    out += `  ${c.label}: ${eq.length ? eq.map((s) => s + 1).join(", ") : "none"}\n`;
  }
  const union = [...new Set(columns.flatMap((c) => [...c.eq]))].sort((x, y) => x - y);
  if (union.length > 0 && union.length <= 20) {
    out += "\nWhat the equilibria are:\n";
    for (const s of union) out += `  ${s + 1}: ${describeState(space, s)}\n`;
  }
  return out;
}
