/**
 * The `settlement:` section, checked and built: parties (decision makers or actors),
 * issues whose alternatives map to model states by a statement of the preference
 * language, each party's valuation (checked by the settlement methods' own input
 * checks, valuation/validate.ts, with paths moved to where the values sit in the
 * document), and whether named packages are feasible states of the model.
 */
import type { ActorInfo, EvidenceDocument, SettlementDocument } from "../format/schema.js";
import { unknown } from "../format/suggest.js";
import type { Expr } from "../model/expression.js";
import type { ConflictModel, Evidence } from "../model/types.js";
import type { DocPath, Problem } from "../problems.js";
import { truthColumn } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import type { Choice, PackagesInput, ValueInput } from "../valuation/types.js";
import { compilePackages } from "../valuation/validate.js";
import { compileStatement } from "./compile.js";

export interface SettlementAlternativeInfo {
  readonly id: string;
  readonly label: string;
  /** The model states where the issue is settled this way (absent: not mapped to the model). */
  readonly when?: { readonly text: string; readonly expr: Expr };
}

export interface SettlementIssueInfo {
  readonly id: string;
  readonly label: string;
  readonly divisible: boolean;
  readonly alternatives: readonly SettlementAlternativeInfo[];
}

/** A scenario's settlement section, checked: what the settlement use case works on. */
export interface ScenarioSettlement {
  readonly parties: readonly { readonly id: string; readonly label: string }[];
  readonly issues: readonly SettlementIssueInfo[];
  /** The same as input to the settlement methods (utilities, totals, disagreement, proposals). */
  readonly input: PackagesInput;
  /** Whether every alternative says which model states it means (so packages map to states). */
  readonly mapped: boolean;
  readonly note?: string;
}

type Report = (code: Problem["code"], path: DocPath, message: string, offset?: number) => void;

export interface SettlementContext {
  /** Whether the document has a model section (the model itself may have failed to build). */
  readonly hasModel: boolean;
  readonly model?: ConflictModel;
  readonly space?: StateSpace;
  readonly actors: readonly ActorInfo[];
  readonly broken: ReadonlySet<string>;
  readonly evidence: (list: readonly EvidenceDocument[] | undefined, path: DocPath) => Evidence[];
}

const AT: DocPath = ["settlement"];

export function buildSettlement(s: SettlementDocument, ctx: SettlementContext, report: Report): ScenarioSettlement | undefined {
  const before = { count: 0 };
  const counted: Report = (code, path, message, offset) => {
    before.count++;
    report(code, path, message, offset);
  };
  const { model, space } = ctx;

  // Parties: decision makers of the model, else actors.
  const dmNames = new Map((model?.decisionMakers ?? []).map((d) => [d.id, d.name]));
  const actorNames = new Map(ctx.actors.map((a) => [a.id, a.name]));
  const parties = s.parties.map((id, j) => {
    const label = dmNames.get(id) ?? actorNames.get(id);
    if (label === undefined && !ctx.broken.has(id) && !(ctx.hasModel && !model)) {
      counted("unknown-ref", [...AT, "parties", j], unknown("party (a decision maker or actor)", id, new Set([...dmNames.keys(), ...actorNames.keys()])));
    }
    return { id, label: label ?? id };
  });

  // Alternatives' statements, compiled against the model's options.
  const optionIds = model?.options.map((o) => o.id);
  const issues: SettlementIssueInfo[] = s.issues.map((issue, i) => ({
    id: issue.id,
    label: issue.label ?? issue.id,
    divisible: issue.divisible === true,
    alternatives: issue.alternatives.map((alt, a) => {
      const path: DocPath = [...AT, "issues", i, "alternatives", a, "when"];
      const info = { id: alt.id, label: alt.label ?? alt.id };
      if (alt.when === undefined) return info;
      if (!ctx.hasModel) {
        counted("missing", path, `the alternative "${alt.id}" maps to model states, but the scenario has no model; expected a "model" section or no "when"`);
        return info;
      }
      if (!optionIds) return info; // the model failed to build: its problems are reported already
      const c = compileStatement(alt.when, optionIds, ctx.broken, model?.choices ?? []);
      if ("expr" in c) return { ...info, when: { text: alt.when, expr: c.expr } };
      if ("code" in c) counted(c.code, path, c.message, c.offset);
      return info;
    }),
  }));

  // Valuations: evidence or an estimate mark; ranges only on estimates.
  const utilities: Record<string, Record<string, Record<string, ValueInput>>> = {};
  const totals: Record<string, number> = {};
  for (const [p, v] of Object.entries(s.valuations)) {
    const path: DocPath = [...AT, "valuations", p];
    const who = parties.find((x) => x.id === p)?.label ?? p;
    if (v.estimate !== true && (v.evidence === undefined || v.evidence.length === 0)) {
      counted("missing", path, `${who}'s valuation cites no evidence and is not marked as an estimate; expected "evidence" or "estimate: true"`);
    }
    ctx.evidence(v.evidence, [...path, "evidence"]);
    if (v.total !== undefined) totals[p] = v.total;
    const mine: Record<string, Record<string, ValueInput>> = (utilities[p] = {});
    for (const [issue, row] of Object.entries(v.utilities)) {
      const values: Record<string, ValueInput> = (mine[issue] = {});
      for (const [alt, x] of Object.entries(row)) {
        values[alt] = valueInput(x, v.estimate === true, [...path, "utilities", issue, alt], `${who}'s valuation`, ctx, counted);
      }
    }
  }
  const input: PackagesInput = {
    parties,
    issues: issues.map((i) => ({ id: i.id, label: i.label, alternatives: i.alternatives.map((a) => ({ id: a.id, label: a.label })) })),
    utilities,
    totals,
    ...(s.allowNegative ? { allowNegative: true } : {}),
    disagreement:
      "values" in s.disagreement
        ? { values: Object.fromEntries(Object.entries(s.disagreement.values).map(([p, x]) => [p, valueInput(x, false, [...AT, "disagreement", "values", p], "this value", ctx, counted)])) }
        : { package: s.disagreement.package },
    ...(s.proposals ? { proposals: s.proposals.map((p) => ({ id: p.id, ...(p.label !== undefined ? { label: p.label } : {}), choice: p.choice })) } : {}),
  };
  const compiled = compilePackages(input, AT);
  // Totals sit inside the valuations here, so an unknown party's total repeats the valuation's problem.
  if (!compiled.ok) for (const p of compiled.problems) if (!(p.path[1] === "totals" && p.code === "unknown-ref")) counted(p.code, settlementDocumentPath(p.path), p.message);

  // Feasibility: every alternative, and every named package, is some feasible state.
  const mapped = issues.every((i) => i.alternatives.every((a) => a.when !== undefined));
  if (space) {
    const columns = issues.map((issue, i) =>
      issue.alternatives.map((alt, a) => {
        if (!alt.when) return null;
        const col = truthColumn(space, alt.when.expr);
        if (!col.includes(1)) {
          counted("infeasible", [...AT, "issues", i, "alternatives", a, "when"], `the alternative "${alt.id}" of issue "${issue.id}" matches no feasible state of the model; expected a statement some feasible state satisfies`);
        }
        return col;
      }),
    );
    if (mapped && compiled.ok) {
      const check = (choice: Choice, path: DocPath, what: string): void => {
        const clash = infeasiblePair(issues, columns as Uint8Array[][], choice);
        if (clash) counted("infeasible", path, `${what} is not a feasible state of the model: ${clash}`);
      };
      if ("package" in s.disagreement) check(s.disagreement.package, [...AT, "disagreement", "package"], "the disagreement package");
      s.proposals?.forEach((p, j) => check(p.choice, [...AT, "proposals", j, "choice"], `the proposal "${p.id}"`));
    }
  }
  if (before.count > 0) return undefined;
  return { parties, issues, input, mapped, ...(s.note !== undefined ? { note: s.note } : {}) };
}

type ValueDocument = SettlementDocument["valuations"][string]["utilities"][string][string];

/** A value of the section as the settlement methods take it; a range only on an estimate. */
function valueInput(x: ValueDocument, estimated: boolean, path: DocPath, where: string, ctx: SettlementContext, report: Report): ValueInput {
  if (typeof x === "number") return estimated ? { value: x, estimate: true } : x;
  const estimate = x.estimate ?? estimated;
  if (x.range !== undefined && !estimate) report("valuation", [...path, "range"], `a range is for estimates; add "estimate: true" here or on ${where}`);
  ctx.evidence(x.evidence, [...path, "evidence"]);
  return {
    value: x.value,
    ...(estimate ? { estimate: true } : {}),
    ...(x.range ? { range: { min: x.range[0]!, max: x.range[1]! } } : {}),
    ...(x.note !== undefined ? { note: x.note } : {}),
  };
}

/** Why a package matches no feasible state: two of its alternatives that never hold together, or all of them. */
function infeasiblePair(issues: readonly SettlementIssueInfo[], columns: readonly Uint8Array[][], choice: Choice): string | null {
  const picked = issues.map((issue, i) => {
    const a = issue.alternatives.findIndex((x) => x.id === choice[issue.id]);
    return { issue, alt: issue.alternatives[a]!, col: columns[i]![a]! };
  });
  const size = picked[0]?.col.length ?? 0;
  const some = (cols: readonly Uint8Array[]): boolean => {
    for (let s = 0; s < size; s++) if (cols.every((c) => c[s] === 1)) return true;
    return false;
  };
  // A package with an alternative no state satisfies repeats that alternative's problem.
  if (some(picked.map((p) => p.col)) || picked.some((p) => !p.col.includes(1))) return null;
  const name = (p: (typeof picked)[number]): string => `"${p.alt.id}" for ${p.issue.id} (${p.alt.when!.text})`;
  for (let x = 0; x < picked.length; x++) {
    for (let y = x + 1; y < picked.length; y++) {
      if (!some([picked[x]!.col, picked[y]!.col])) return `${name(picked[x]!)} and ${name(picked[y]!)} never hold together`;
    }
  }
  return `its alternatives never all hold together (${picked.map(name).join(", ")})`;
}

/** A path of the settlement methods' input → where that value is written in the section. */
export function settlementDocumentPath(path: DocPath): DocPath {
  const [, key, party, ...rest] = path;
  if (key === "parties") return path.slice(0, 3);
  if (key === "utilities" && party !== undefined) {
    const mapped = rest.map((x, i) => (i === 3 && x === "min" ? 0 : i === 3 && x === "max" ? 1 : x));
    return [...AT, "valuations", party, ...(rest.length ? ["utilities", ...mapped] : [])];
  }
  if (key === "totals" && party !== undefined) return [...AT, "valuations", party, "total"];
  return path;
}
