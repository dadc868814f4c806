/**
 * Use case: packages both sides could accept, and which would hold. Over the
 * scenario's settlement section: the Pareto frontier, the Nash and Kalai–Smorodinsky
 * packages, Adjusted Winner over the divisible issues (two parties), each frontier
 * package's state and stability per concept with what stabilization says it needs,
 * and how the answer moves when an estimated value moves within its range.
 * Plain data: states from 1, parties and decision makers by id.
 */
import {
  BASIC_CONCEPTS,
  adjustedWinner,
  compilePackages,
  fail,
  fairAndStable,
  joinWords,
  ok,
  packageBoxes,
  packageStates,
  packageWords,
  PayoffMemo,
  settleCompiled,
  settlementDocumentPath,
  pullsAt,
  reachFrom,
  rulingConditions,
  searchChanges,
  valuationSensitivity,
  type AdjustedWinnerResult,
  type Analysis,
  type BasicConcept,
  type Choice,
  type DocPath,
  type Expr,
  type FoundChange,
  type PackagesResult,
  type ProposalResult,
  type Result,
  type ScenarioSettlement,
  type Solution,
  type StateIndex,
  type StateNumber,
  type ValuationSensitivityResult,
} from "@concord/core";
import { conceptsOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openScenario, type ScenarioInput } from "./source.js";

export interface SettleOptions {
  /** Concepts to check stability under; default: nash, gmr, smr, seq. */
  readonly concepts?: string | readonly string[];
  /** Packages listed per frontier outcome (all are counted); default 10. */
  readonly maxPackagesPerPoint?: number;
  /** Whether to ask the stabilization analysis what an unstable package needs (default true). */
  readonly stabilize?: boolean;
  /** Whether to search for the smallest changes that make the Nash and Kalai–Smorodinsky packages hold (default true; slow on large models: it re-analyses the model per candidate change). */
  readonly searchChanges?: boolean;
}

/** Numbers keyed by party id. */
export type ByParty = Readonly<Record<string, number>>;

/** What the stabilization analysis says an unstable package's state needs, in words. */
export interface PackageNeeds {
  /** Who would move away from the state, and where to. */
  readonly pulls: readonly string[];
  /** The smallest changes of preferences (or a third party's option) found that make it hold. */
  readonly changes: readonly string[];
  /** Whether some change found makes it an equilibrium under the concept. */
  readonly found: boolean;
  /** Whether changes were searched for (only for the Nash and Kalai–Smorodinsky packages). */
  readonly searched: boolean;
}

export interface SettlePackage {
  readonly package: Choice;
  /** "Troops in the strip: Norland withdraws; The border: the 1990 line; …". */
  readonly words: string;
  readonly utilities: ByParty;
  /** Utility minus the disagreement value. */
  readonly gains: ByParty;
  /** Better than no agreement for every party. */
  readonly acceptable: boolean;
  readonly nash: boolean;
  readonly kalaiSmorodinsky: boolean;
  /** The model state the package means; null when it is not a feasible state or the section is not mapped to the model. */
  readonly state: StateNumber | null;
  /** Concepts under which the state is an equilibrium (empty when there is no state). */
  readonly stableUnder: readonly BasicConcept[];
  /** Whether the conflict gets to the package's state from the status quo by moves that each improve the mover's position; absent without a status quo or a state. */
  readonly reachable?: boolean;
  /** Per concept where it is not an equilibrium: the decision makers (ids) who would move away. */
  readonly unstableFor: Readonly<Partial<Record<BasicConcept, readonly string[]>>>;
  /** Per concept where it is not an equilibrium: what stabilization says it needs. */
  readonly needs?: Readonly<Partial<Record<BasicConcept, PackageNeeds>>>;
}

/** A package that would be on the frontier but is a state the model rules out: not a candidate. */
export interface ExcludedSettlePackage {
  readonly package: Choice;
  readonly words: string;
  readonly utilities: ByParty;
  readonly gains: ByParty;
  /** Better than no agreement for every party (had it been possible). */
  readonly acceptable: boolean;
  /** The model's feasibility conditions each of which alone rules it out (their text); empty when it takes several together. */
  readonly ruledOutBy: readonly string[];
  /** Why, in words. */
  readonly reason: string;
}

export interface SettleResult {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly parties: readonly { readonly id: string; readonly label: string }[];
  /** Each issue and its alternatives, with the statement (`when`) naming the model states of each. */
  readonly issues: readonly {
    readonly id: string;
    readonly label: string;
    readonly divisible: boolean;
    readonly alternatives: readonly { readonly id: string; readonly label: string; readonly when?: string }[];
  }[];
  /** How many packages there are in all (one alternative per issue). */
  readonly packageCount: number;
  readonly disagreement: { readonly utilities: ByParty; readonly package?: Choice };
  /** Frontier packages (up to maxPackagesPerPoint per outcome), acceptable ones first. */
  readonly packages: readonly SettlePackage[];
  /** Packages that would be on the frontier if the model allowed them (up to maxPackagesPerPoint per outcome); they are left out of the frontier and both solutions. */
  readonly excluded: readonly ExcludedSettlePackage[];
  /** Distinct outcomes on the frontier: each party's utility and gain. */
  readonly frontier: readonly { readonly utilities: ByParty; readonly gains: ByParty; readonly acceptable: boolean; readonly packageCount: number }[];
  readonly nash: (Omit<Solution, "utilities" | "gains" | "shares" | "point" | "tied"> & { readonly utilities: ByParty; readonly gains: ByParty; readonly tied: number }) | null;
  readonly kalaiSmorodinsky: SettleResult["nash"];
  readonly proposals: readonly (Omit<ProposalResult, "utilities" | "gains" | "improvedBy"> & { readonly utilities: ByParty; readonly gains: ByParty })[];
  /** Adjusted Winner over the divisible issues; null with the reason when it does not apply. */
  readonly adjustedWinner: AdjustedWinnerResult | null;
  readonly adjustedWinnerNote: string;
  /** Concepts checked; empty when packages could not be mapped to states. */
  readonly concepts: readonly BasicConcept[];
  /** Per concept: how many acceptable frontier packages would hold. */
  readonly fairAndStable: Readonly<Partial<Record<BasicConcept, number>>>;
  readonly stabilityNote: string;
  readonly sensitivity: ValuationSensitivityResult | null;
  /** Plain words first: what a mediator reads. */
  readonly summary: string;
  /** The numbers' explanations, for specialists. */
  readonly details: readonly string[];
}

const AT: DocPath = ["settlement"];
/** Acceptable packages (besides the two solutions) whose needs the stabilization analysis is asked for. */
const MAX_STABILIZED = 5;

export async function settle(input: ScenarioInput, options: SettleOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<SettleResult>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  const s = loaded.scenario.settlement;
  if (!s) {
    return fail([{ code: "missing", path: [], ...(loaded.file !== undefined ? { file: loaded.file } : {}), message: 'the scenario has no settlement section; expected "settlement:" with parties, issues, valuations and a disagreement point (docs/settlement.md)' }]);
  }
  const compiled = compilePackages(s.input, AT);
  // The loader checked the same input, so this only fails on a programming error.
  if (!compiled.ok) return compiled;
  const c = compiled.value;
  // Only packages the model allows are candidates (when the section is mapped onto it).
  const boxes = loaded.space ? packageBoxes(loaded.space, s) : null;
  const result = settleCompiled(c, { maxPackagesPerPoint: options.maxPackagesPerPoint ?? 10, ...(boxes ? { boxes } : {}) });
  const ids = s.parties.map((p) => p.id);
  const byParty = (xs: readonly number[]): ByParty => Object.fromEntries(ids.map((id, p) => [id, xs[p]!]));

  // Stability of each frontier package's state.
  const toState = loaded.space ? packageStates(loaded.space, s) : null;
  const analysis = toState && loaded.space ? await runner.analyze(loaded.space, BASIC_CONCEPTS) : null;
  const checked = analysis ? concepts.value : [];
  // Stabilization is asked only for packages both sides could accept: the others are not candidates.
  // Who would move away: for the Nash and Kalai–Smorodinsky packages and at most MAX_STABILIZED others; what change would make them hold: for the two solutions.
  const solutions = [result.nash?.package, result.kalaiSmorodinsky?.package].flatMap((p) => (p && toState ? [toState(p)] : []));
  const acceptableStates = toState ? result.frontier.flatMap((f) => (f.acceptable ? f.packages.map(toState) : [])) : [];
  const candidates = new Set([...solutions, ...acceptableStates.slice(0, MAX_STABILIZED)]);
  const hook = analysis && options.stabilize !== false ? { stabilization: needsOf(analysis, candidates, new Set(options.searchChanges === false ? [] : solutions)) } : {};
  const fs = analysis && toState ? fairAndStable<PackageNeeds | null>(result, analysis, toState, hook) : null;
  if (fs && !fs.ok) return fs;
  const stability = fs?.value ?? null;
  // Whether each package's state can be reached from today by unilateral improvements: fair and stable is not yet reachable.
  const sq = loaded.space?.statusQuo;
  const reach = analysis && sq !== undefined ? reachFrom(analysis.index, analysis.payoffs.map((p) => p.payoff), sq, "improvements").dist : null;

  const frontierPackages: SettlePackage[] = [];
  result.frontier.forEach((point, j) => {
    point.packages.forEach((choice) => {
      const st = stability?.packages.find((x) => x.point === j && sameChoice(x.package, choice));
      const stableUnder = checked.filter((k) => st?.equilibrium[k] === true);
      const unstableFor = Object.fromEntries(checked.filter((k) => st?.equilibrium[k] === false).map((k) => [k, dmIds(analysis!, st!.unstableFor[k]!)]));
      const needs = st?.needs ? Object.fromEntries(checked.flatMap((k) => (st.needs?.[k] ? [[k, st.needs[k]]] : []))) : undefined;
      frontierPackages.push({
        package: choice,
        words: packageWords(result.issues, choice),
        utilities: byParty(point.utilities),
        gains: byParty(point.gains),
        acceptable: point.acceptable,
        nash: result.nash?.point === j,
        kalaiSmorodinsky: result.kalaiSmorodinsky?.point === j,
        state: st?.state ?? null,
        stableUnder,
        ...(reach && st?.state != null ? { reachable: reach[st.state - 1]! >= 0 } : {}),
        unstableFor,
        ...(needs && Object.keys(needs).length ? { needs } : {}),
      });
    });
  });
  // Acceptable first, then the solutions, then the frontier order.
  const rank = (p: SettlePackage): number => (p.acceptable ? 0 : 2) + (p.nash || p.kalaiSmorodinsky ? 0 : 1);
  const packages = frontierPackages.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);

  const ruling = result.excluded.length && loaded.space ? rulingConditions(loaded.space, s) : null;
  const excluded = result.excluded.map((x): ExcludedSettlePackage => {
    const by = ruling ? ruling(x.package) : [];
    const reason = by.length
      ? `The model rules it out: ${joinWords(by.map((cond) => `"${cond.text}"${cond.estimate ? " (a modeller's estimate)" : ""}`), "and")}${by.length > 1 ? ", each on its own" : ""}.`
      : "The model rules it out: several of its feasibility conditions together.";
    return { package: x.package, words: packageWords(result.issues, x.package), utilities: byParty(x.utilities), gains: byParty(x.gains), acceptable: x.acceptable, ruledOutBy: by.map((cond) => cond.text), reason };
  });

  const fairStable = Object.fromEntries(checked.map((k) => [k, packages.filter((p) => p.acceptable && p.stableUnder.includes(k)).length]));
  const aw = adjustedWinnerOver(s, c.util, c.parties.length);
  const estimates = c.sources.some((row) => row.some((v) => v?.estimate && v.range)) || c.disagreementSources.some((v) => v?.estimate && v.range);
  const sens = estimates ? valuationSensitivity(c, { ...(analysis && toState ? { analysis, toState } : {}), ...(boxes ? { boxes } : {}) }) : null;
  const sensitivity = sens
    ? {
        ...sens,
        parameters: sens.parameters.map((x) => ({ ...x, path: settlementDocumentPath(x.path) })),
        unvaried: sens.unvaried.map((x) => ({ ...x, path: settlementDocumentPath(x.path) })),
      }
    : null;

  const solution = (x: Solution | null): SettleResult["nash"] =>
    x === null ? null : { package: x.package, utilities: byParty(x.utilities), gains: byParty(x.gains), value: x.value, tied: x.tied.length, explanation: x.explanation };
  const stabilityNote = !loaded.space
    ? "The scenario has no model, so the packages' stability is not checked."
    : !s.mapped
      ? 'Not every alternative says which model states it means ("when"), so the packages\' stability is not checked.'
      : (stability?.explanation ?? "");
  const value: SettleResult = {
    scenario: { id: loaded.scenario.id, title: loaded.scenario.title },
    parties: s.parties,
    issues: s.issues.map((i) => ({ ...i, alternatives: i.alternatives.map((a) => ({ id: a.id, label: a.label, ...(a.when ? { when: a.when.text } : {}) })) })),
    packageCount: result.packageCount,
    disagreement: { utilities: byParty(result.disagreement.utilities), ...(result.disagreement.package ? { package: result.disagreement.package } : {}) },
    packages,
    excluded,
    frontier: result.frontier.map((f) => ({ utilities: byParty(f.utilities), gains: byParty(f.gains), acceptable: f.acceptable, packageCount: f.packageCount })),
    nash: solution(result.nash),
    kalaiSmorodinsky: solution(result.kalaiSmorodinsky),
    proposals: result.proposals.map(({ improvedBy: _, ...p }) => ({ ...p, utilities: byParty(p.utilities), gains: byParty(p.gains) })),
    adjustedWinner: aw.result,
    adjustedWinnerNote: aw.note,
    concepts: checked,
    fairAndStable: fairStable,
    stabilityNote,
    sensitivity,
    summary: summaryWords(result, packages, checked, s),
    details: [result.explanation, stabilityNote].filter((x) => x !== ""),
  };
  return ok(value);
}

const sameChoice = (a: Choice, b: Choice): boolean => Object.keys(a).every((k) => a[k] === b[k]);

/** Decision maker names (as the analysis reports them) → ids. */
function dmIds(a: Analysis, names: readonly string[]): string[] {
  return names.map((n) => a.space.model.decisionMakers.find((d) => d.name === n)?.id ?? n);
}

/**
 * The stabilization hook (core's mediation analysis): per unstable state and concept,
 * who pulls away; and, for the states in `search` only (the change search re-analyses
 * the model per candidate change, which is slow on large models), the smallest changes
 * found that make it an equilibrium reachable from the status quo.
 */
function needsOf(a: Analysis, candidates: ReadonlySet<StateIndex | "infeasible">, search: ReadonlySet<StateIndex | "infeasible">): (state: StateIndex, concept: BasicConcept) => PackageNeeds | null {
  const pulls = new Map<StateIndex, ReturnType<typeof pullsAt>>();
  const found = new Map<StateIndex, readonly FoundChange[]>();
  // One cache of payoffs (and truth columns) for every searched state: the same candidate changes recur.
  const memo = new PayoffMemo(a.space);
  return (state, concept) => {
    if (!candidates.has(state)) return null;
    if (!pulls.has(state)) pulls.set(state, pullsAt(a, state));
    const movers = pulls
      .get(state)!
      .filter((d) => !d.stable[concept])
      .map((d) => `${d.name} would ${joinWords(d.improvements.slice(0, 2).map((p) => p.move.changes.map((ch) => `${ch.taken ? "take" : "drop"} "${ch.label}"`).join(" and ")), "or")}`);
    if (!search.has(state)) return { pulls: movers, changes: [], found: false, searched: false };
    if (!found.has(state)) {
      // One search per state, for every concept it fails: each change says under which concepts it makes the state hold.
      const goal = BASIC_CONCEPTS.filter((c) => a.stable[c]?.some((f) => f[state] !== 1));
      const m = a.space.model;
      // The target is exactly this state: every option as it is there.
      const expr: Expr = { kind: "and", args: m.options.map((o) => (a.space.taken(state, o.index) ? { kind: "option", option: o.index } : { kind: "not", arg: { kind: "option", option: o.index } })) };
      const start = a.space.statusQuo;
      found.set(state, searchChanges(a, expr, a.space.yn(state), { goal, ...(start !== undefined ? { start } : {}), maxSize: 1, maxPairEvaluations: 0, thirdParty: false, limit: 20, memo }).changes);
    }
    const fixes = found.get(state)!.filter((x) => x.concepts.includes(concept));
    return { pulls: movers, changes: fixes.slice(0, 2).map((x) => x.words), found: fixes.length > 0, searched: true };
  };
}

/**
 * Adjusted Winner over the divisible issues, for two parties: each party's points for
 * an issue are what winning it is worth to it (its best alternative minus its worst).
 * When the two parties' points over these issues add up to different totals, each
 * side's are rescaled to 100, as Brams and Taylor have each side spread 100 points.
 */
function adjustedWinnerOver(s: ScenarioSettlement, util: readonly Float64Array[], k: number): { result: AdjustedWinnerResult | null; note: string } {
  const divisible = s.issues.map((issue, i) => ({ issue, i })).filter((x) => x.issue.divisible);
  if (divisible.length === 0) return { result: null, note: "No issue is marked divisible, so Adjusted Winner (which shares issues out) does not apply." };
  if (k !== 2) return { result: null, note: `Adjusted Winner divides between two parties; this settlement has ${k}.` };
  const worth = (p: number, i: number, alts: number): number => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let a = 0; a < alts; a++) {
      const u = util[i]![a * k + p]!;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    return hi - lo;
  };
  const raw = [0, 1].map((p) => divisible.map(({ issue, i }) => worth(p, i, issue.alternatives.length)));
  const sums = raw.map((r) => r.reduce((x, y) => x + y, 0));
  if (sums.some((x) => x <= 0)) return { result: null, note: "A party puts no points on the divisible issues, so Adjusted Winner has nothing to divide." };
  const same = Math.abs(sums[0]! - sums[1]!) <= 1e-9 * Math.max(sums[0]!, sums[1]!);
  const points = raw.map((r, p) => (same ? r : r.map((x) => (x * 100) / sums[p]!)));
  const r = adjustedWinner({
    parties: s.parties,
    issues: divisible.map(({ issue }) => ({ id: issue.id, label: issue.label })),
    total: same ? sums[0]! : 100,
    points: Object.fromEntries(s.parties.map((party, p) => [party.id, Object.fromEntries(divisible.map(({ issue }, j) => [issue.id, points[p]![j]!]))])),
  });
  if (!r.ok) return { result: null, note: `Adjusted Winner could not run: ${r.problems[0]!.message}` };
  const scope = `Over the divisible issues (${joinWords(divisible.map((d) => d.issue.label))}), each side's points being what winning the issue is worth to it${same ? "" : ", rescaled so that each side spreads 100"}.`;
  return { result: r.value, note: scope };
}

/** The mediator's first paragraph: how many packages both could accept, and which would hold. */
function summaryWords(result: PackagesResult, packages: readonly SettlePackage[], concepts: readonly BasicConcept[], s: ScenarioSettlement): string {
  const acceptable = packages.filter((p) => p.acceptable);
  if (acceptable.length === 0) return "No package on the table leaves both sides better off than no agreement.";
  const sides = s.parties.length === 2 ? "both sides" : `all ${s.parties.length} sides`;
  const counted = result.acceptable.reduce((n, j) => n + result.frontier[j]!.packageCount, 0);
  const out = [`${counted} package${counted === 1 ? "" : "s"} would leave ${sides} better off than no agreement, with nothing better for one side that is not worse for the other.`];
  if (concepts.length > 0) {
    // "Would hold": an equilibrium under Nash or SEQ; GMR or SMR alone rest on answers that cost the answering side too.
    const firm = acceptable.filter((p) => p.stableUnder.includes("nash") || p.stableUnder.includes("seq"));
    const threat = acceptable.filter((p) => !firm.includes(p) && (p.stableUnder.includes("gmr") || p.stableUnder.includes("smr")));
    const nashOnly = firm.filter((p) => p.stableUnder.includes("nash")).length;
    const them = acceptable.length === counted ? "them" : `the ${acceptable.length} listed`;
    if (firm.length === 0 && threat.length === 0) out.push("None of them would hold as it stands: in each, some side would do better by moving away.");
    else {
      out.push(
        `${firm.length} of ${them} would hold${nashOnly ? ` (${nashOnly} even if each side looked only one move ahead)` : ""}` +
          (threat.length ? `; ${threat.length} more only under threats that would cost the side making them too` : "") +
          ".",
      );
    }
  }
  const nash = packages.find((p) => p.nash);
  if (nash) {
    const firm = nash.stableUnder.includes("nash") || nash.stableUnder.includes("seq");
    const threat = nash.stableUnder.includes("gmr") || nash.stableUnder.includes("smr");
    const holds =
      concepts.length === 0
        ? ""
        : nash.state === null
          ? " It is not a feasible state of the model."
          : firm
            ? " It would hold."
            : threat
              ? " It would hold only under threats that would cost the side making them too."
              : " It would not hold as it stands.";
    const reached = nash.reachable === undefined ? "" : nash.reachable ? " The conflict can get there from today by moves that each improve the mover's position." : " But the conflict does not get there from today by moves that each improve the mover's position.";
    out.push(`The package that shares the gains most evenly: ${nash.words}.${holds}${reached}`);
  }
  return out.join(" ");
}
