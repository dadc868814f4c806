/**
 * Fair and stable: which frontier packages would hold. Each package is mapped to a
 * state of the conflict model (by a function the caller supplies: the scenario
 * format knows how issues' alternatives set the model's options), and the stability
 * analysis says, per solution concept, whether that state is an equilibrium and, if
 * not, for which decision makers it is unstable.
 *
 * Hook: `stabilization(state, concept)` is called for every package state that is
 * not an equilibrium under a concept, and its answer is returned as `needs` — the
 * place for the mediation analysis of what would make the state stable (deterrents,
 * preference changes). Without it, `needs` is left out.
 */
import { stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { fail, ok, type Problem, type Result } from "../problems.js";
import type { Analysis } from "../stability/analysis.js";
import { CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";
import { packageWords, type PackagesResult } from "./packages.js";
import type { Choice } from "../valuation/types.js";
import { joinWords } from "./words.js";

/** The model state a package means (a position in the analysis' state space), or "infeasible". */
export type PackageToState = (choice: Choice) => StateIndex | "infeasible";

export interface FairStableOptions<Needs = unknown> {
  readonly stabilization?: (state: StateIndex, concept: BasicConcept) => Needs;
}

export interface PackageStability<Needs = unknown> {
  /** Index into the result's frontier. */
  readonly point: number;
  readonly package: Choice;
  /** The model state; null when the package maps to an infeasible combination. */
  readonly state: StateNumber | null;
  /** Better than no agreement for every party. */
  readonly acceptable: boolean;
  readonly isNash: boolean;
  readonly isKalaiSmorodinsky: boolean;
  /** Per concept: is the state an equilibrium? */
  readonly equilibrium: Readonly<Partial<Record<BasicConcept, boolean>>>;
  /** Per concept: the decision makers for whom the state is not stable. */
  readonly unstableFor: Readonly<Partial<Record<BasicConcept, readonly string[]>>>;
  /** Per concept where it is not an equilibrium: the stabilization hook's answer. */
  readonly needs?: Readonly<Partial<Record<BasicConcept, Needs>>>;
  readonly explanation: string;
}

export interface FairStableResult<Needs = unknown> {
  readonly packages: readonly PackageStability<Needs>[];
  /** Per concept: indices into `packages` of those acceptable to every party and an equilibrium. */
  readonly fairAndStable: Readonly<Partial<Record<BasicConcept, readonly number[]>>>;
  /** Frontier packages not examined because only `maxPackagesPerPoint` were listed per point. */
  readonly unlisted: number;
  readonly explanation: string;
}

export function fairAndStable<Needs = unknown>(result: PackagesResult, analysis: Analysis, toState: PackageToState, opts: FairStableOptions<Needs> = {}): Result<FairStableResult<Needs>> {
  const size = analysis.space.size;
  const dms = analysis.space.model.decisionMakers.map((d) => d.name);
  const problems: Problem[] = [];
  const packages: PackageStability<Needs>[] = [];
  const nashPoint = result.nash?.point;
  const ksPoint = result.kalaiSmorodinsky?.point;
  let unlisted = 0;
  result.frontier.forEach((point, j) => {
    unlisted += point.packageCount - point.packages.length;
    point.packages.forEach((choice, t) => {
      const s = toState(choice);
      if (s !== "infeasible" && !(Number.isInteger(s) && s >= 0 && s < size)) {
        problems.push({ code: "type", path: ["frontier", j, "packages", t], message: `the package maps to ${String(s)}, which is not a state of the model; expected a state index from 0 to ${size - 1} or "infeasible"` });
        return;
      }
      const equilibrium: Partial<Record<BasicConcept, boolean>> = {};
      const unstableFor: Partial<Record<BasicConcept, string[]>> = {};
      const needs: Partial<Record<BasicConcept, Needs>> = {};
      if (s !== "infeasible") {
        for (const c of analysis.concepts) {
          const flags = analysis.stable[c]!;
          const movers = dms.filter((_, d) => flags[d]![s] !== 1);
          equilibrium[c] = movers.length === 0;
          unstableFor[c] = movers;
          if (movers.length > 0 && opts.stabilization) needs[c] = opts.stabilization(s, c);
        }
      }
      const words = packageWords(result.issues, choice);
      const stableUnder = analysis.concepts.filter((c) => equilibrium[c]);
      const not = analysis.concepts.filter((c) => equilibrium[c] === false);
      const explanation =
        s === "infeasible"
          ? `${words}: this combination is not a feasible state of the conflict model.`
          : `${words} is state ${stateNumber(s)}: ` +
            (stableUnder.length ? `an equilibrium under ${joinWords(stableUnder.map((c) => CONCEPT_LABELS[c]))}` : "an equilibrium under none of the concepts") +
            (not.length ? `; not under ${joinWords(not.map((c) => `${CONCEPT_LABELS[c]} (unstable for ${joinWords(unstableFor[c]!)})`))}` : "") +
            ".";
      packages.push({
        point: j,
        package: choice,
        state: s === "infeasible" ? null : stateNumber(s),
        acceptable: point.acceptable,
        isNash: j === nashPoint,
        isKalaiSmorodinsky: j === ksPoint,
        equilibrium,
        unstableFor,
        ...(opts.stabilization && Object.keys(needs).length ? { needs } : {}),
        explanation,
      });
    });
  });
  if (problems.length) return fail(problems);

  const fair: Partial<Record<BasicConcept, number[]>> = {};
  for (const c of analysis.concepts) fair[c] = packages.flatMap((p, i) => (p.acceptable && p.equilibrium[c] ? [i] : []));
  const acceptable = packages.filter((p) => p.acceptable).length;
  const counts = analysis.concepts.map((c) => `${fair[c]!.length} under ${CONCEPT_LABELS[c]}`);
  const solutionWords = (name: string, flag: "isNash" | "isKalaiSmorodinsky"): string => {
    const p = packages.find((x) => x[flag]);
    if (!p) return "";
    const under = analysis.concepts.filter((c) => p.equilibrium[c]);
    return p.state === null ? ` The ${name} package is not a feasible state of the model.` : ` The ${name} package (state ${p.state}) is ${under.length ? `stable under ${joinWords(under.map((c) => CONCEPT_LABELS[c]))}` : "stable under none of the concepts"}.`;
  };
  const explanation =
    `Of ${packages.length} frontier package${packages.length === 1 ? "" : "s"} examined, ${acceptable} ${acceptable === 1 ? "is" : "are"} better than no agreement for every party; of those, ${joinWords(counts)} would hold (the state is an equilibrium).` +
    solutionWords("Nash bargaining", "isNash") +
    solutionWords("Kalai–Smorodinsky", "isKalaiSmorodinsky") +
    (unlisted > 0 ? ` ${unlisted} further frontier package${unlisted === 1 ? " was" : "s were"} not examined (they repeat the utilities of listed ones).` : "");
  return ok({ packages, fairAndStable: fair, unlisted, explanation });
}
