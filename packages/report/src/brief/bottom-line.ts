/**
 * The bottom line: three to five sentences — does today's situation hold, who is best
 * placed to move next, can the named outcomes be reached and would they hold, what
 * would have to change, and which estimates all that rests on.
 */
import type { Claim, ExpectedMove, MediationHooks, PriorityRef, TargetOutlook } from "../types.js";
import { capitalise, countWords, joinWords, numberWords, ordinalWords, shortLabel } from "../words.js";
import { priorityWords } from "./outlook.js";
import { claim, names, stepsWords } from "./steps.js";

const quoted = (labels: readonly string[]): string => joinWords(labels.map((l) => `“${shortLabel(l)}”`));

/** Who is best placed to move next, and who gains nothing by moving alone. */
export function nextSentence(moves: readonly ExpectedMove[], decisionMakers: readonly string[], fallback: Claim): Claim {
  const top = moves[0];
  if (!top) return claim("No party can improve its position by changing only its own choices, so none is expected to move first.", fallback.cites, fallback.refs);
  const movers = new Set(moves.map((m) => m.step.by));
  const idle = decisionMakers.filter((d) => !movers.has(d));
  const rest = idle.length ? ` ${names(idle)} cannot improve ${idle.length === 1 ? "its" : "their"} position by moving alone.` : "";
  const follow = top.then.length ? `, after which ${stepsWords(top.then)}` : "";
  const end = top.settles ? `; that outcome would hold` : "";
  const cites = [top.step, ...top.then].flatMap((s) => s.why?.cites ?? []);
  const refs = [top.step, ...top.then].flatMap((s) => (s.why ? [s.why.anchor] : []));
  if (top.deterrence === "credible") {
    return claim(`No party is likely to move first: ${top.step.by} could gain (${top.step.words}), but the others' answers would leave it no better off.${rest}`, cites, refs, "status-quo");
  }
  return claim(`${top.step.by} is best placed to move next: ${top.step.words}${follow}${end}.${rest}`, cites, refs, "status-quo");
}

/**
 * Targets by their place in the list the bottom line gives once: "it" (the only
 * one), "each", "the first two", "the first and third".
 */
function which(indices: readonly number[], total: number): string {
  if (total === 1) return "it";
  if (indices.length === total) return total === 2 ? "both" : "each";
  const contiguous = indices.every((k, i) => k === i);
  if (contiguous && indices.length > 1) return `the first ${numberWords(indices.length)}`;
  return `the ${joinWords(indices.map((k) => ordinalWords(k + 1)))}`;
}

/** Whether the named outcomes can be reached and would hold. */
export function targetsSentence(targets: readonly TargetOutlook[]): Claim | undefined {
  if (targets.length === 0) return undefined;
  const n = targets.length;
  const list = quoted(targets.map((t) => t.label));
  const blocked = targets.map((t, k) => (t.reachable ? -1 : k)).filter((k) => k >= 0);
  const reach = targets.map((t, k) => (t.reachable ? k : -1)).filter((k) => k >= 0);
  const subject = n === 1 ? `The named outcome, ${list},` : `${blocked.length === n ? "None of the" : reach.length === n ? "All" : "Of the"} ${numberWords(n)} named outcomes (${list})${reach.length === n || blocked.length === n ? "" : ","}`;
  let head: string;
  if (blocked.length === n) head = `${subject} ${n === 1 ? "cannot" : "can"} be reached from today by moves that each improve the mover's position`;
  else if (reach.length === n) head = `${subject} can be reached from today by moves that each improve the mover's position`;
  else head = `${subject} ${which(reach, n)} can be reached from today by moves that each improve the mover's position, ${which(blocked, n)} cannot`;
  // Who would have to take a step it would rather not take, grouped.
  const groups = new Map<string, { who: string[]; idx: number[] }>();
  for (const k of blocked) {
    const who = [...new Set(targets[k]!.path.filter((s) => s.blocked).map((s) => s.by))];
    if (who.length === 0) continue;
    const key = names(who);
    const g = groups.get(key) ?? { who, idx: [] };
    g.idx.push(k);
    groups.set(key, g);
  }
  const needs = [...groups.values()].map((g) => {
    const subj = which(g.idx, n);
    const verb = g.idx.length === 1 || subj === "each" ? "needs" : "need";
    return `${subj} ${verb} ${names(g.who)} to take a step ${g.who.length === 1 ? "it" : "they"} would rather not take`;
  });
  const first = `${head}${needs.length ? `: ${needs.join("; ")}` : ""}.`;
  const hold = targets.map((t, k) => (t.end.inTarget && (t.end.holds === "firm" || t.end.holds === "deterred") ? k : -1)).filter((k) => k >= 0);
  const notHold = targets.map((_, k) => k).filter((k) => !hold.includes(k));
  const holdText =
    hold.length === n ? ` Once reached, ${which(hold, n)} would hold.` : hold.length === 0 ? ` Once reached, ${n === 1 ? "it would not" : "none would"} hold.` : ` Once reached, ${which(hold, n)} would hold; ${which(notHold, n)} would not.`;
  const steps = targets.flatMap((t) => [...t.path, ...t.settle]);
  return claim(capitalise(first) + holdText, [...targets.flatMap((t) => t.claim.cites.slice(0, 2)), ...steps.flatMap((s) => s.why?.cites ?? [])], steps.flatMap((s) => (s.why ? [s.why.anchor] : [])), "targets");
}

/** What would have to change for the named outcomes: the mediation results when given, else the priorities that block the way. */
export function changeSentence(targets: readonly TargetOutlook[], hooks: MediationHooks | undefined, priorities: (dm: string, position: number) => PriorityRef | undefined): Claim | undefined {
  const n = targets.length;
  const name = (id: string): string => {
    const k = targets.findIndex((t) => t.id === id);
    return k < 0 ? `“${id}”` : n === 1 ? "it" : `the ${ordinalWords(k + 1)}`;
  };
  if (hooks?.changes?.length) {
    const refs = hooks.changes.flatMap((c) => c.statements.flatMap((s) => priorities(s.dm, s.position) ?? []));
    const text = hooks.changes.map((c) => `for ${name(c.target)}, ${c.words}`).join("; ");
    return claim(`What would have to change: ${text}.`, refs.flatMap((r) => r.cites), refs.map((r) => r.anchor));
  }
  const byPriority = new Map<string, { ref: PriorityRef; idx: number[] }>();
  targets.forEach((t, k) => {
    if (t.reachable) return;
    for (const s of t.path) {
      if (!s.blocked || !s.why) continue;
      const hit = byPriority.get(s.why.anchor) ?? { ref: s.why, idx: [] };
      if (!hit.idx.includes(k)) hit.idx.push(k);
      byPriority.set(s.why.anchor, hit);
    }
  });
  if (byPriority.size === 0) return undefined;
  const list = [...byPriority.values()];
  const text = list.map((x) => `for ${which(x.idx, n)}, ${priorityWords(x.ref)}`).join("; ");
  // Without the search, the blocking priorities are what stands in the way; changing one may not be enough, so the sentence does not promise it.
  return claim(`What stands in the way: ${text}. Changing these alone may not be enough: they are read from the blocked steps, and the search for the smallest changes that would do it (concord stabilize, or the report with --mediation) has not been run.`, list.flatMap((x) => x.ref.cites), list.map((x) => x.ref.anchor));
}

/** Which of the model's estimates the sentences above rest on. */
export function estimatesSentence(used: readonly PriorityRef[], total: number, fallback: Claim, tested: boolean): Claim {
  if (total === 0) return claim("None of the model's priorities is marked as a modeller's estimate: each rests on recorded evidence.", fallback.cites, fallback.refs);
  if (used.length === 0) return claim(`None of the priorities these conclusions rest on is one of the model's ${countWords(total, "estimate")}.`, fallback.cites, fallback.refs);
  const shown = used.slice(0, 3).map((p) => `${p.dm}'s ${ordinalWords(p.position)} priority`);
  const more = used.length > 3 ? ` and ${numberWords(used.length - 3)} more` : "";
  return claim(
    `How sure: these conclusions rest on ${tested ? "" : "at least "}${countWords(used.length, "estimate")} of the modeller (of ${numberWords(total)} in the model) — ${joinWords(shown)}${more} — rather than on stated positions; if ${used.length === 1 ? "it is" : "they are"} wrong, the answer may change${tested ? "" : " (which others matter too has not been tested)"}.`,
    used.flatMap((p) => p.cites),
    used.map((p) => p.anchor),
  );
}
