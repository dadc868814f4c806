/** The model in option form, with every choice's note and evidence. */
import { actorName, optionValues, stateNumber, valueWords, type ConditionInfo, type NegotiationRecord, type OptionInfo, type StateIndex, type StateSpace } from "@concord/core";
import { evidenceOf } from "./cites.js";
import { patternMask } from "./facts.js";
import { isEstimate } from "./priorities.js";
import type { ModelSection, StateChoices } from "./types.js";
import { exprWords } from "./words.js";

/** What each decision maker does in state `s` (0-based). */
export function choicesIn(space: StateSpace, s: StateIndex): StateChoices[] {
  const m = space.model;
  // An option with alternatives is "taken" with its alternative when one other than the first is chosen, else "not" with the first.
  return m.decisionMakers.map((dm) => {
    const values = optionValues(m, (o) => space.taken(s, o), dm.index);
    return { dm: dm.name, takes: values.filter((v) => v.taken).map(valueWords), doesNot: values.filter((v) => !v.taken).map((v) => (v.choice ? valueWords(v) : v.label)) };
  });
}

export function modelSection(record: NegotiationRecord, space: StateSpace): ModelSection {
  const m = space.model;
  const name = (id: string): string => actorName(record, id);
  const ev = (list: Parameters<typeof evidenceOf>[1]) => evidenceOf(record, list, name);
  const sq = space.statusQuo;
  return {
    ...(m.note !== undefined ? { note: m.note } : {}),
    optionCount: m.options.length,
    stateCount: space.size,
    decisionMakers: m.decisionMakers.map((dm) => ({
      index: dm.index,
      id: dm.id,
      name: dm.name,
      ...(dm.actor !== undefined ? { actor: actorName(record, dm.actor) } : {}),
      ...(dm.note !== undefined ? { note: dm.note } : {}),
      evidence: ev(dm.evidence),
      options: dm.options.map((o) => {
        const opt = m.options[o]!;
        return {
          id: opt.id,
          label: opt.label,
          ...(opt.oneWay !== undefined ? { oneWay: opt.oneWay } : {}),
          estimate: isEstimate(opt),
          ...(opt.note !== undefined ? { note: opt.note } : {}),
          evidence: ev(opt.evidence),
        };
      }),
      preferences:
        dm.preference.kind === "priorities"
          ? {
              kind: "priorities" as const,
              statements: dm.preference.statements.map((p, k) => ({
                rank: k + 1,
                text: p.text,
                words: exprWords(p.expr, m.options),
                estimate: isEstimate(p),
                ...(p.note !== undefined ? { note: p.note } : {}),
                evidence: ev(p.evidence),
              })),
            }
          : {
              kind: "ranking" as const,
              levels: dm.preference.levels.map((level) =>
                level.flatMap((v) => {
                  const s = space.indexOf(v);
                  return s === undefined ? [] : [stateNumber(s)];
                }).sort((a, b) => a - b),
              ),
            },
    })),
    conditions: m.conditions.map((c) => ({ text: c.text, words: conditionWords(c, m.options), estimate: isEstimate(c), ...(c.note !== undefined ? { note: c.note } : {}), evidence: ev(c.evidence) })),
    targets: (m.targets ?? []).map((t) => {
      const matching = patternMask(space, t.expr).reduce((n, x) => n + x, 0);
      return { id: t.id, label: t.label, pattern: t.text, matching, ...(t.note !== undefined ? { note: t.note } : {}), evidence: ev(t.evidence) };
    }),
    ...(sq !== undefined
      ? {
          statusQuo: {
            state: stateNumber(sq),
            yn: space.yn(sq),
            choices: choicesIn(space, sq),
            ...(m.statusQuo?.note !== undefined ? { note: m.statusQuo.note } : {}),
            evidence: ev(m.statusQuo?.evidence ?? []),
          },
        }
      : {}),
  };
}

/** A feasibility condition in words: `at most one of “A”, “B”`; `ruled out: “A” and not “B”`. */
export function conditionWords(c: ConditionInfo, options: readonly OptionInfo[]): string {
  const byId = new Map(options.map((o) => [o.id, o]));
  if (c.kind === "infeasible") return `ruled out: ${c.expr ? exprWords(c.expr, options) : c.text}`;
  // "at most one of a, b": the ids follow the first " of ".
  const at = c.text.indexOf(" of ") + 4;
  const ids = c.text.slice(at).split(", ");
  return `${c.text.slice(0, at)}${ids.map((id) => (byId.has(id) ? `“${byId.get(id)!.label}”` : id)).join(", ")}`;
}
