/**
 * Today's situation and the likely next moves, in plain words: whether the status quo
 * holds, who can improve its position by moving alone, whether the others could stop
 * it, what would follow and where it would settle, and which estimates that rests on.
 */
import { actorName, type NegotiationRecord } from "@concord/core";
import { evidenceOf } from "../cites.js";
import { holdLevel, holds, type Facts } from "../facts.js";
import type { BriefStep, Claim, ExpectedMove, HoldLevel, PriorityRef } from "../types.js";
import { capitalise, countWords, joinWords, ordinalWords } from "../words.js";
import { settle } from "./paths.js";
import { briefStep, claim, diffWords, names, stateWords, stepsWords } from "./steps.js";

/** "Azerbaijan's eighth priority, “A” or “B” (a modeller's estimate)" — a statement as the brief names it. */
export function priorityWords(p: PriorityRef): string {
  return `${p.dm}'s ${ordinalWords(p.position)} priority, ${p.words}${p.estimate ? " (a modeller's estimate)" : ""}`;
}

/** "hold", "hold only if …", "not hold": after "it would …", without the reasons. */
export function holdShort(level: HoldLevel): string {
  return level === "firm" || level === "deterred" ? "hold" : level === "threat" ? "hold only if the others were ready to answer a move at a cost to themselves" : "not hold";
}

/** What an outcome holding this firmly means, after "it would …". */
export function holdWords(level: HoldLevel): string {
  switch (level) {
    case "firm":
      return "hold: no party could then improve its position by changing only its own choices";
    case "deterred":
      return "hold: a party that could gain by moving would be answered, in ways that suit the others, and left no better off";
    case "threat":
      return "hold only if the others were ready to answer a move at a cost to themselves";
    default:
      return "not hold: a party could improve its position and nothing would stop it";
  }
}

/** The status quo's evidence as citations and anchors. */
function statusQuoSources(record: NegotiationRecord, f: Facts): { cites: Claim["cites"]; refs: string[] } {
  const ev = evidenceOf(record, f.a.space.model.statusQuo?.evidence ?? [], (id) => actorName(record, id));
  return { cites: ev.flatMap((e) => e.cites), refs: ev.flatMap((e) => (e.id !== undefined && e.kind !== "source" ? [`rec-${e.id}`] : [])) };
}

/**
 * The likely next moves from today (or from state `at` with its explanations), most
 * likely first, at most `max`.
 */
export function expectedMoves(record: NegotiationRecord, f: Facts, max = 4, at: number | undefined = f.sq, explanations = f.explanations): ExpectedMove[] {
  if (at === undefined || !explanations) return [];
  const { a } = f;
  const space = a.space;
  const P = a.payoffs.map((p) => p.payoff);
  const conceptAt = (c: string): number => a.concepts.indexOf(c as never);
  const found: { dm: number; to: number; deterrence: ExpectedMove["deterrence"]; order: number }[] = [];
  explanations.forEach((perConcept, dm) => {
    const imps = perConcept[0]?.improvements ?? [];
    // The mover's best improvement first.
    const sorted = [...imps].sort((x, y) => x.rank - y.rank || x.move.to - y.move.to);
    sorted.forEach((imp, order) => {
      const deterredUnder = (c: string): boolean => {
        const k = conceptAt(c);
        return k >= 0 && perConcept[k]!.improvements.some((x) => x.move.to === imp.move.to && x.deterred);
      };
      const deterrence = deterredUnder("seq") ? "credible" : deterredUnder("gmr") || deterredUnder("smr") ? "costly" : "none";
      found.push({ dm, to: imp.move.to - 1, deterrence, order });
    });
  });
  const weight = { none: 0, costly: 1, credible: 2 } as const;
  found.sort((x, y) => weight[x.deterrence] - weight[y.deterrence] || x.order - y.order || x.dm - y.dm || x.to - y.to);
  return found.slice(0, max).map((m, i) => {
    const step = briefStep(record, space, P, m.dm, at, m.to);
    const s = settle(f, m.to);
    const then = s.steps.map((r) => briefStep(record, space, P, r.mover, r.from, r.to));
    const settles = holds(s.holds) ? { state: s.end + 1, holds: s.holds, words: diffWords(space, at, s.end).join("; ") } : undefined;
    const whys = [step, ...then].flatMap((x) => (x.why ? [x.why] : []));
    const estimates = uniqueRefs(whys.filter((w) => w.estimate));
    return { rank: i + 1, step, deterrence: m.deterrence, then, ...(settles ? { settles } : {}), estimates, claims: moveClaims(step, m.deterrence, then, settles, estimates) };
  });
}

function uniqueRefs(list: readonly PriorityRef[]): PriorityRef[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.anchor) ? false : (seen.add(p.anchor), true)));
}

const DETERRENCE_WORDS: Record<ExpectedMove["deterrence"], string> = {
  none: "nothing the others could do would leave it worse off",
  costly: "the others could stop it only by answers that would cost them too",
  credible: "the others would answer in ways that suit them and leave it no better off, so it is unlikely",
};

function moveClaims(step: BriefStep, deterrence: ExpectedMove["deterrence"], then: readonly BriefStep[], settles: ExpectedMove["settles"], estimates: readonly PriorityRef[]): Claim[] {
  const out: Claim[] = [];
  const why = step.why;
  out.push(claim(`${capitalise(step.words)}: it would improve ${step.by}'s position, and ${DETERRENCE_WORDS[deterrence]}.`, why?.cites ?? [], why ? [why.anchor] : [], "status-quo"));
  if (why) out.push(claim(`Why: ${priorityWords(why)}.`, why.cites, [why.anchor]));
  if (then.length > 0 || settles) {
    const follow = then.length > 0 ? `Then ${stepsWords(then)}` : "Nothing would follow";
    const end = settles ? `; the outcome would ${holdWords(settles.holds)}` : "";
    const cites = then.flatMap((t) => t.why?.cites ?? []);
    out.push(claim(`${follow}${end}.`, cites.length ? cites : (why?.cites ?? []), then.flatMap((t) => (t.why ? [t.why.anchor] : [])), "status-quo"));
  }
  if (estimates.length > 0) {
    out.push(claim(`How sure: this rests on ${countWords(estimates.length, "estimate")} of the modeller: ${joinWords(estimates.map(priorityWords))}.`, estimates.flatMap((e) => e.cites), estimates.map((e) => e.anchor)));
  } else if (why) {
    out.push(claim("How sure: every priority it rests on is backed by recorded evidence, none is a modeller's estimate.", why.cites, [why.anchor]));
  }
  return out;
}

/** The situation in state `at` (default: today's) and whether it holds, in one or two sentences; `when` opens it ("Today (7 December 2023)"). */
export function todayClaim(record: NegotiationRecord, f: Facts, moves: readonly ExpectedMove[], when: string, at: number | undefined = f.sq): { holds: HoldLevel; claim: Claim } | undefined {
  if (at === undefined) return undefined;
  const space = f.a.space;
  const level = holdLevel(f, at);
  const doing = stateWords(space, at);
  const situation = doing.length > 0 ? `${when}, ${joinWords(doing)}` : `${when}, none of the options in the model is taken`;
  const src = statusQuoSources(record, f);
  const movers = [...new Set(moves.map((m) => m.step.by))];
  const top = moves[0];
  let verdict: string;
  if (level === "firm") verdict = "This is likely to hold: no party can improve its position by changing only its own choices.";
  else if (level === "deterred") verdict = `This is likely to hold: ${names(movers)} could improve ${movers.length === 1 ? "its" : "their"} position alone, but the others would answer in ways that suit them and leave ${movers.length === 1 ? "it" : "them"} no better off.`;
  else if (top) verdict = `This is not likely to hold: ${top.step.by} can improve its position by moving alone, and ${DETERRENCE_WORDS[top.deterrence].replace(/, so it is unlikely$/, "")}.`;
  else verdict = "This is not likely to hold.";
  const cites = [...src.cites, ...(top?.step.why?.cites ?? [])];
  return { holds: level, claim: claim(`${situation}. ${verdict}`, cites, [...src.refs, ...(top?.step.why ? [top.step.why.anchor] : [])], "today") };
}
