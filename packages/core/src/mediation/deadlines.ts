/**
 * Time: deadlines of the record tied to options (`deadline:` on an option). At a
 * commitment's deadline the option is settled: if nobody has moved it before, it takes
 * its `ifNoAction` value (keep: the value it has), and from then on nobody can change
 * it. This analysis walks the deadlines in date order, assuming nobody acts: what the
 * status quo becomes at each one, which move before it would avoid the default (and
 * whether its owner wants it, and whether the conflict gets there by itself), and where
 * the conflict can go afterwards, with the settled options fixed.
 *
 * A default that sets an option to the value it does not have (ifNoAction Y on an
 * option that is N) cannot be avoided within the model: the only move on the option
 * leads to the same value. Model the act that would prevent it as an option of its own.
 */
import { isoDay } from "../dates.js";
import type { ConditionInfo, ConflictModel } from "../model/types.js";
import { asStateIndex, stateNumber, type StateNumber } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import { commitmentTerm } from "../record/deadlines.js";
import type { NegotiationRecord } from "../record/record.js";
import { describeMove, type MoveDescription } from "../stability/describe.js";
import { rankOf } from "../statespace/payoffs.js";
import { StateSpace } from "../statespace/space.js";
import { analyze, type Analysis } from "../stability/analysis.js";
import { legalMove } from "../stability/moves.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { reachFrom } from "../stability/reach-from.js";
import { fixOption, flipped, takenIn } from "./model-edits.js";
import { decide, stateWords, type Decision, type StateWords } from "./words.js";

export interface SettledOption {
  readonly option: string;
  readonly label: string;
  /** Decision maker id of the owner. */
  readonly dm: string;
  readonly ifNoAction: "keep" | "Y" | "N";
  /** The option's value just before the deadline, and from it on if nobody acts. */
  readonly before: boolean;
  readonly after: boolean;
  /** Whether a move before the deadline can leave the option at the other value. */
  readonly avoidable: boolean;
  /** The move that avoids the default, from the state just before the deadline. */
  readonly avoid?: {
    readonly move: MoveDescription;
    /** Whether the move is possible (feasible, one-way options respected). */
    readonly legal: boolean;
    /** Whether its owner wants it (a unilateral improvement), and why or why not. */
    readonly improvement: boolean;
    readonly decision: Decision;
    /** Whether the conflict reaches a state with the option changed by unilateral improvements before the deadline. */
    readonly reachable: boolean;
  };
  readonly words: string;
}

export interface DeadlineStep {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly daysLeft: number;
  readonly commitment: { readonly id: string; readonly what: string };
  readonly at: "notice" | "expiry";
  /** True when a date it rests on is approximate or not known to the day. */
  readonly approximate: boolean;
  readonly options: readonly SettledOption[];
  /** The state just before the deadline and from it on, if nobody acts (numbers of the model as written). */
  readonly before: StateWords;
  readonly after: StateWords | null;
  /** Options settled from this date on (this deadline's and earlier ones'). */
  readonly settled: readonly string[];
  /** Per concept, the equilibria the conflict can reach from `after` by unilateral improvements, with the settled options fixed. */
  readonly reachableEquilibria: Record<BasicConcept, readonly StateNumber[]> | null;
  readonly words: string;
}

export interface DeadlineAnalysis {
  /** The day the deadlines are counted from. */
  readonly asOf: string;
  readonly deadlines: readonly DeadlineStep[];
  /** Deadlines tied to options that are already past on `asOf`. */
  readonly passed: readonly { readonly commitment: string; readonly options: readonly string[]; readonly date?: string }[];
}

/**
 * The deadlines tied to options of `a`'s model, counted from `day` (days since
 * 1970-01-01; see viewDay), with the commitments' terms from the scenario's `record`;
 * a "missing" problem when the model has no status quo to start from.
 */
export function deadlineAnalysis(record: NegotiationRecord, a: Analysis, day: number): Result<DeadlineAnalysis> {
  const { space } = a;
  const model = space.model;
  const sq = space.statusQuo;
  if (sq === undefined) return fail([{ code: "missing", path: ["model", "statusQuo"], message: "the model has no status quo to start from" }]);

  // Group the tied options by commitment and date.
  const groups = new Map<string, { date: number; at: "notice" | "expiry"; commitment: { id: string; what: string }; approximate: boolean; options: number[] }>();
  const passed = new Map<string, { commitment: string; options: string[]; date?: string }>();
  for (const o of model.options) {
    if (!o.deadline) continue;
    const c = record.commitments.find((x) => x.id === o.deadline!.commitment);
    if (!c) continue;
    // A commitment that starts later is looked at from its start.
    const at = Math.max(day, c.from.first);
    const term = commitmentTerm(record, c, at);
    const useNotice = o.deadline.at === "notice" || (o.deadline.at === undefined && term.noticeDeadline !== undefined);
    const date = useNotice ? term.noticeDeadline : term.expiry ?? term.endsOn;
    const daysTo = useNotice ? term.daysToNoticeDeadline : term.daysToExpiry;
    const dateDay = daysTo === undefined ? undefined : at + daysTo;
    if (term.state === "expired" || term.state === "ended" || dateDay === undefined || dateDay < day) {
      const p = passed.get(c.id) ?? { commitment: c.id, options: [], ...(date !== undefined ? { date } : {}) };
      p.options.push(o.id);
      passed.set(c.id, p);
      continue;
    }
    const key = `${c.id}|${date}`;
    const g = groups.get(key) ?? { date: dateDay, at: useNotice ? "notice" : "expiry", commitment: { id: c.id, what: c.what }, approximate: term.approximate, options: [] };
    g.options.push(o.index);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((x, y) => x.date - y.date || x.commitment.id.localeCompare(y.commitment.id));

  const steps: DeadlineStep[] = [];
  const fixedValues = new Map<number, boolean>();
  let vector = space.vector(sq);
  for (const g of ordered) {
    // Feasible: the status quo, or the state an earlier deadline left (the walk stops at an infeasible one).
    const before = space.indexOf(vector)!;
    // Where the conflict can go before this deadline, with the earlier deadlines' options fixed.
    const pre = restricted(a, fixedValues);
    const preStart = pre?.space.indexOf(vector);
    const preReach = pre !== null && preStart !== undefined ? reachFrom(pre.index, pre.payoffs.map((p) => p.payoff), preStart, "improvements") : null;
    const settledHere: SettledOption[] = g.options.map((o) => {
      const info = model.options[o]!;
      const dm = model.decisionMakers[info.dm]!;
      const was = takenIn(vector, o);
      const rule = info.deadline!.ifNoAction;
      const after = rule === "keep" ? was : rule === "Y";
      const avoidable = after === was;
      let avoid: SettledOption["avoid"];
      const w = space.indexOf(flipped(vector, o));
      if (avoidable && w !== undefined) {
        const legal = legalMove(a.index, info.dm, before, w);
        const reachable = preReach !== null && Array.from(preReach.order).some((s) => takenIn(pre!.space.vector(asStateIndex(s)), o) !== was);
        avoid = {
          move: describeMove(space, info.dm, before, w),
          legal,
          improvement: a.payoffs[info.dm]!.payoff[w]! > a.payoffs[info.dm]!.payoff[before]!,
          decision: decide(space, info.dm, w, before, (s) => rankOf(a.payoffs[info.dm]!, s)),
          reachable,
        };
      }
      const value = (v: boolean): string => (v ? "taken" : "not taken");
      const words = !avoidable
        ? `"${info.label}" becomes ${value(after)} on ${isoDay(g.date)} whatever anyone does before (the model has no move that prevents it)`
        : `unless ${dm.name} ${was ? "drops" : "takes"} "${info.label}" by ${isoDay(g.date)}, it stays ${value(after)} from then on` +
          (avoid
            ? `; ${dm.name} ${avoid.improvement ? "prefers that move" : "does not prefer that move"}${avoid.decision.statement ? ` (its statement ${avoid.decision.statement.position}, "${avoid.decision.statement.text}")` : ""}, and the conflict ${avoid.reachable ? "can" : "cannot"} get there by unilateral improvements before the deadline${avoid.legal ? "" : "; the move is not possible (a one-way option)"}`
            : "; the other value is not a feasible state from here");
      return { option: info.id, label: info.label, dm: dm.id, ifNoAction: rule, before: was, after, avoidable, ...(avoid ? { avoid } : {}), words };
    });
    for (const s of settledHere) {
      const o = model.options.find((x) => x.id === s.option)!.index;
      fixedValues.set(o, s.after);
      if (s.after !== takenIn(vector, o)) vector = s.after ? vector + 2 ** o : vector - 2 ** o;
    }
    const afterState = space.indexOf(vector);
    const post = afterState !== undefined ? restricted(a, fixedValues) : null;
    let reachableEquilibria: DeadlineStep["reachableEquilibria"] = null;
    if (post !== null) {
      // The restricted model keeps the state (its options are the settled values), and its states are the model's.
      const start = post.space.indexOf(vector)!;
      const r = reachFrom(post.index, post.payoffs.map((p) => p.payoff), start, "improvements");
      const asWritten = (s: number): StateNumber => stateNumber(space.indexOf(post.space.vector(asStateIndex(s)))!);
      reachableEquilibria = Object.fromEntries(
        BASIC_CONCEPTS.map((c) => [c, post.equilibria[c]!.filter((s) => r.dist[s]! >= 0).map(asWritten).sort((x, y) => x - y)]),
      ) as Record<BasicConcept, StateNumber[]>;
    }
    const date = isoDay(g.date);
    steps.push({
      date,
      daysLeft: g.date - day,
      commitment: g.commitment,
      at: g.at,
      approximate: g.approximate,
      options: settledHere,
      before: stateWords(space, before),
      after: afterState !== undefined ? stateWords(space, afterState) : null,
      settled: [...fixedValues.keys()].map((o) => model.options[o]!.id),
      reachableEquilibria,
      words: `${date} (${g.at === "notice" ? "last day to give notice on" : "end of"} "${g.commitment.what}", in ${g.date - day} days${g.approximate ? ", approximate" : ""}): ${settledHere.map((s) => s.words).join("; ")}.` +
        (afterState === undefined ? " The default state is not feasible: a feasibility condition rules it out." : afterState === before ? ` The status quo stays state ${stateNumber(before)}.` : ` If nobody acts, the status quo becomes state ${stateNumber(afterState)}.`),
    });
    if (afterState === undefined) break;
  }
  return ok({ asOf: isoDay(day), deadlines: steps, passed: [...passed.values()] });
}

/** The model with some options fixed at values (removing the states where they differ), analysed; null when nothing is left. */
function restricted(a: Analysis, fixed: ReadonlyMap<number, boolean>): Analysis | null {
  if (fixed.size === 0) return a;
  const model = a.space.model;
  const extra: ConditionInfo[] = [...fixed].map(([o, value]) => fixOption(o, value, `${model.options[o]!.id} settled`));
  const conditions = [...model.conditions, ...extra];
  const variant: ConflictModel = { ...model, conditions, infeasible: conditions.flatMap((c) => c.removes) };
  const space = StateSpace.build(variant);
  if (!space.ok || space.value.size === 0) return null;
  return analyze(space.value, BASIC_CONCEPTS);
}
