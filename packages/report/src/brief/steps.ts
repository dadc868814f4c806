/** Moves and outcomes in the brief's words: who does what, never a state number. */
import { asDmIndex, asStateIndex, describeMove, optionValues, valueChanges, valueWords, type NegotiationRecord, type StateSpace } from "@concord/core";
import { decidingPriority, uniqueCites } from "../priorities.js";
import type { BriefStep, Cite, Claim } from "../types.js";
import { joinWords, optionPhrase, shortLabel } from "../words.js";

const CONNECTORS = new Set(["and", "of", "the"]);

/**
 * An option dropped, as a phrase: a label that opens with who acts and a verb
 * ("Azerbaijan keeps up …", "The US and EU keep …") gets "no longer" after the actor;
 * any other label reads "no longer: …".
 */
export function negatePhrase(phrase: string): string {
  const words = phrase.split(" ");
  let i = 0;
  while (i < words.length && (/^\p{Lu}/u.test(words[i]!) || ((i > 0 || words[i] === "the") && CONNECTORS.has(words[i]!)))) i++;
  const verb = words[i];
  if (i === 0 || i >= words.length - 1 || verb === undefined || !/^\p{Ll}+$/u.test(verb) || CONNECTORS.has(words[i - 1]!)) return `no longer: ${phrase}`;
  return [...words.slice(0, i), "no longer", ...words.slice(i)].join(" ");
}

/** One option change as a phrase: "Azerbaijan asks the Russian peacekeepers to leave", "Azerbaijan no longer keeps up …". */
function changePhrase(dmName: string, label: string, taken: boolean): string {
  const phrase = optionPhrase(dmName, shortLabel(label));
  return taken ? phrase : negatePhrase(phrase);
}

/** What decision maker `dm` does moving from `from` to `to` (0-based), in words. */
export function moveWordsBrief(space: StateSpace, dm: number, from: number, to: number): string {
  const m = describeMove(space, asDmIndex(dm), asStateIndex(from), asStateIndex(to));
  return joinWords(m.changes.map((c) => changePhrase(m.by, c.label, c.taken)));
}

/** How state `to` differs from state `from`, option by option, in words ("nothing changes" when equal). */
export function diffWords(space: StateSpace, from: number, to: number): string[] {
  const m = space.model;
  // An option with alternatives reads as the alternative taken up (or, back to the first, the one dropped).
  return m.decisionMakers.flatMap((dm) =>
    valueChanges(m, (o) => space.taken(asStateIndex(from), o), (o) => space.taken(asStateIndex(to), o), dm.index).map((c) =>
      changePhrase(dm.name, valueWords(c.to.taken ? c.to : c.from), c.to.taken),
    ),
  );
}

/** What each decision maker does in state `s`: the options taken, as phrases. */
export function stateWords(space: StateSpace, s: number): string[] {
  const m = space.model;
  return m.decisionMakers.flatMap((dm) =>
    optionValues(m, (o) => space.taken(asStateIndex(s), o), dm.index)
      .filter((v) => v.taken)
      .map((v) => optionPhrase(dm.name, shortLabel(valueWords(v)))),
  );
}

/** A step of a path, with the statement that decides it for the mover. */
export function briefStep(record: NegotiationRecord, space: StateSpace, payoffs: readonly Int32Array[], dm: number, from: number, to: number): BriefStep {
  const blocked = payoffs[dm]![to]! <= payoffs[dm]![from]!;
  const why = blocked ? decidingPriority(record, space, dm, from, to) : decidingPriority(record, space, dm, to, from);
  return {
    from: from + 1,
    to: to + 1,
    dm,
    by: space.model.decisionMakers[dm]!.name,
    words: moveWordsBrief(space, dm, from, to),
    blocked,
    ...(why ? { why } : {}),
  };
}

/** Steps one after the other: "A, then B, then C". */
export function stepsWords(steps: readonly BriefStep[]): string {
  return steps.map((s) => s.words).join(", then ");
}

/**
 * A sentence with its sources and the anchors it draws on, without repeated citations;
 * `section` is the report's section that shows the reasoning, for a sentence that draws
 * on no entry (a model without evidence).
 */
export function claim(text: string, cites: readonly Cite[], refs: readonly string[] = [], section?: string): Claim {
  const anchors = [...new Set(refs)];
  return { text, cites: uniqueCites(cites), refs: anchors.length || section === undefined ? anchors : [section] };
}

/** "Armenia, Russia and the US and EU". */
export function names(list: readonly string[]): string {
  return joinWords([...list]);
}
