/**
 * Use case: what decision makers can do together. With a partition (`am+west,az,ru`;
 * decision makers left out act alone): each block's stability, and for each block of
 * two or more "can they together move the status quo?" (jointMoveReport) with the
 * status quo paths that add their joint moves. Without one: every coalition of two or
 * more (models of at most six decision makers) and which equilibria fall to one.
 * The answer comes first in plain words, with the priorities it rests on and their sources.
 */
import {
  BASIC_CONCEPTS,
  coalitionAnalysisJson,
  coalitionName,
  coalitionStatusQuo,
  coalitionsOf,
  decide,
  fail,
  findDecisionMaker,
  jointMoveReport,
  ok,
  partitionAnalysisJson,
  analyzeCoalitions,
  analyzePartition,
  asDmIndex,
  asStateIndex,
  reachable,
  stateIndexOf,
  type Analysis,
  type Coalition,
  type CoalitionAnalysisJson,
  type CoalitionStatusQuo,
  type DmIndex,
  type JointMoveReport,
  type Loaded,
  type PartitionAnalysisJson,
  type Problem,
  type Result,
  type StatementRef,
} from "@concord/core";
import { groundWords, groundsOf, moveWords, plainAnswer, type PlainAnswer } from "./grounds.js";
import { conceptsOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface CoalitionsOptions {
  /** Groups of decision makers joined by "+", groups separated by ",": `am+west,az` (a name, id or unique start of one each); absent: every coalition. */
  readonly partition?: string;
  /** Concepts as a list or comma-separated; default all four. */
  readonly concepts?: string | readonly string[];
}

export interface CoalitionsResult {
  /** One plain answer per block of two or more ("can they together move the status quo?"), or for all coalitions which outcomes a group could break. */
  readonly answers: readonly PlainAnswer[];
  /** The partition's analysis, when one was given. */
  readonly partition?: PartitionAnalysisJson;
  /** "Can they together move it?" for each block of two or more, from the status quo. */
  readonly together?: readonly JointMoveReport[];
  /** Every coalition of two or more, when no partition was given. */
  readonly all?: CoalitionAnalysisJson;
  /** Status quo paths with the coalitions' joint moves (absent without a status quo). */
  readonly statusQuo?: CoalitionStatusQuo;
}

export async function coalitions(input: ScenarioInput, options: CoalitionsOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<CoalitionsResult>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const blocks = options.partition === undefined ? undefined : partitionOption(loaded, options.partition);
  if (blocks && !blocks.ok) return blocks;
  const a = await runner.analyze(space, concepts.value);
  const hasSq = space.statusQuo !== undefined;
  if (blocks) {
    const joint = blocks.value.filter((b) => b.length > 1);
    const together: JointMoveReport[] = [];
    for (const H of hasSq ? joint : []) {
      const r = jointMoveReport(a, H);
      if (!r.ok) return r;
      together.push(r.value);
    }
    const sq = hasSq && joint.length > 0 ? coalitionStatusQuo(a, joint) : undefined;
    if (sq && !sq.ok) return sq;
    return ok({
      answers: joint.map((H, k) => (together[k] ? togetherAnswer(loaded, a, H, together[k]!) : plainAnswer(loaded, togetherQuestion(a, H), ["The model names no situation today, so what they could move it to is not asked."], []))),
      partition: partitionAnalysisJson(analyzePartition(a, blocks.value)),
      ...(together.length > 0 ? { together } : {}),
      ...(sq ? { statusQuo: sq.value } : {}),
    });
  }
  const all = analyzeCoalitions(a);
  if (!all.ok) return fail(all.problems.map((p): Problem => ({ ...p, path: ["partition"] })));
  const sq = hasSq ? coalitionStatusQuo(a, coalitionsOf(a.index.dmCount)) : undefined;
  if (sq && !sq.ok) return sq;
  const json = coalitionAnalysisJson(all.value);
  return ok({ answers: [fallenAnswer(loaded, json, sq?.value)], all: json, ...(sq ? { statusQuo: sq.value } : {}) });
}

/** `am+west,az` → blocks; decision makers left out act alone; problems at the `partition` option. */
function partitionOption(loaded: Loaded, text: string): Result<Coalition[]> {
  const groups = groupsOption(loaded, text, "partition");
  if (!groups.ok) return groups;
  const seen = new Set(groups.value.flat());
  const blocks = [...groups.value];
  const D = loaded.space!.model.decisionMakers.length;
  for (let d = 0; d < D; d++) if (!seen.has(asDmIndex(d))) blocks.push([asDmIndex(d)]);
  return ok(blocks.sort((x, y) => x[0]! - y[0]!));
}

/**
 * Groups of decision makers as typed: members joined by "+", groups separated by ","
 * (`am+west,az`); each member by id, name or the start of one, in one group at most.
 * Problems are "usage" problems at `option`.
 */
export function groupsOption(loaded: Loaded, text: string, option: string): Result<Coalition[]> {
  const problems: Problem[] = [];
  const blocks: DmIndex[][] = [];
  const seen = new Set<number>();
  for (const group of text.split(",").map((g) => g.trim()).filter((g) => g !== "")) {
    const block: DmIndex[] = [];
    for (const ref of group.split("+").map((r) => r.trim())) {
      const d = findDecisionMaker(loaded.scenario, ref);
      if (!d.ok) problems.push(...d.problems.map((p): Problem => ({ ...p, code: "usage", path: [option], message: `"${ref}": ${p.message}` })));
      else if (seen.has(d.value)) problems.push({ code: "usage", path: [option], message: `decision maker "${ref}" is in two groups; each belongs to one (groups are separated by ",", members joined by "+")` });
      else {
        seen.add(d.value);
        block.push(d.value);
      }
    }
    if (block.length > 0) blocks.push(block.sort((x, y) => x - y));
  }
  if (problems.length > 0) return fail(problems);
  if (blocks.length === 0) return fail([{ code: "usage", path: [option], message: `expected groups of decision makers like "a+b,c", found "${text}"` }]);
  return ok(blocks);
}

function togetherQuestion(a: Analysis, H: Coalition): string {
  const names = H.map((d) => a.space.model.decisionMakers[d]!.name);
  return `Can ${names.slice(0, -1).join(", ")} and ${names.at(-1)} together move the status quo?`;
}

/** "Can they together move the status quo?" in plain words, with the priorities that decide each member's view. */
export function togetherAnswer(loaded: Loaded, a: Analysis, H: Coalition, r: JointMoveReport): PlainAnswer {
  const m = a.space.model;
  const start = stateIndexOf(r.from);
  const P = a.payoffs.map((p) => p.payoff);
  const refs: StatementRef[] = [];
  const sentences: string[] = [];
  const name = coalitionName(m, H);
  if (r.jointImprovements.length === 0) {
    sentences.push(`No. By their own moves ${name} can reach ${r.reachable} other outcome${r.reachable === 1 ? "" : "s"}, but none that all of them prefer to today's.`);
    // Why: for each member, the best outcome it can reach with the others, and the priority that makes today better for someone.
    const reach = reachable(a.index, H, start).filter((t) => t !== start);
    for (const d of H) {
      const p = r.preferredBy.find((x) => x.id === m.decisionMakers[d]!.id)!;
      if (p.states > 0) {
        sentences.push(`${p.decisionMaker} would gain in ${p.states} of them.`);
        continue;
      }
      // Its best outcome among those worse than today (ties gain it nothing and need no reason).
      const worse = reach.filter((t) => P[d]![t]! < P[d]![start]!);
      const ties = reach.length - worse.length;
      const best = worse.reduce((b, t) => (P[d]![t]! > P[d]![b]! ? t : b), worse[0] ?? start);
      const why = worse.length > 0 ? decide(a.space, d, start, asStateIndex(best)).statement : undefined;
      if (why) refs.push(why);
      const tie = ties > 0 ? ` (${ties === reach.length ? "all" : ties} of them leave it no better and no worse off)` : "";
      sentences.push(`${p.decisionMaker} gains in none of them${tie}${why ? `; it would rather keep today's situation because of ${groundWords(groundsOf(loaded, [why])[0]!)}` : ""}.`);
    }
  } else {
    const nash = r.stability.nash ?? r.stability[a.concepts[0]!]!;
    const first = nash.improvements[0];
    sentences.push(`Yes. Together ${name} can reach ${r.jointImprovements.length} outcome${r.jointImprovements.length === 1 ? "" : "s"} that all of them prefer to today's${first ? `; the nearest: ${first.steps.map(moveWords).join(", then ")}` : ""}.`);
    if (first) {
      for (const d of H) {
        const why = decide(a.space, d, stateIndexOf(first.to), start).statement;
        if (why) refs.push(why);
      }
    }
    const seq = r.stability.seq;
    const gmr = r.stability.gmr;
    if (seq) sentences.push(seq.stable ? "The others could answer every such move in a way that suits them and leaves one of the partners no better off, so the move would not pay." : "The others have no answer that suits them and stops it.");
    else if (gmr) sentences.push(gmr.stable ? "The others could stop every such move, if only at a cost to themselves." : "The others cannot stop it.");
  }
  const only = Object.values(r.statusQuo.onlyWithCoalitions).flat();
  sentences.push(only.length > 0 ? "With such joint moves the conflict could settle in outcomes it cannot reach by each side acting alone." : "Joint moves open no outcome where the conflict could settle that each side acting alone does not reach.");
  return plainAnswer(loaded, togetherQuestion(a, H), sentences, refs);
}

/** Every coalition: which outcomes that hold against each side alone a group could break. */
function fallenAnswer(loaded: Loaded, j: CoalitionAnalysisJson, sq: CoalitionStatusQuo | undefined): PlainAnswer {
  const question = "Could some group of the parties, acting together, break an outcome that holds against each of them alone?";
  const c = BASIC_CONCEPTS.find((x) => (j.equilibria.individual[x]?.length ?? 0) > 0 && j.concepts.includes(x));
  if (c === undefined) return plainAnswer(loaded, question, ["No outcome holds against each party acting alone, so there is nothing for a group to break."], []);
  const total = j.equilibria.individual[c]!.length;
  const fell = j.fallen[c] ?? [];
  const groups = [...new Set(fell.flatMap((f) => f.coalitions.filter((g) => g.members.length === Math.min(...f.coalitions.map((x) => x.members.length))).map((g) => g.name)))];
  const sentences: string[] = fell.length === 0
    ? [`No. No group of the parties can leave any of the ${total} outcome${total === 1 ? "" : "s"} that hold against each of them alone in a way that all its members prefer.`]
    : [
        `Yes. Of the ${total} outcome${total === 1 ? "" : "s"} that hold against each party alone, ${fell.length} can be left by a group whose members all gain: ${groups.slice(0, 4).join("; ")}${groups.length > 4 ? ` and ${groups.length - 4} more groups` : ""}.`,
        `${j.equilibria.coalition[c]!.length} hold${j.equilibria.coalition[c]!.length === 1 ? "s" : ""} against every group as well.`,
      ];
  if (sq) {
    const only = new Set(Object.values(sq.onlyWithCoalitions).flat());
    sentences.push(only.size > 0 ? `From today, joint moves would let the conflict settle in ${only.size === 1 ? "an outcome" : `${only.size} outcomes`} it cannot reach with each side acting alone.` : "From today, joint moves open no outcome where the conflict could settle that each side acting alone does not reach.");
  }
  return plainAnswer(loaded, question, sentences, []);
}
