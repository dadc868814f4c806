/**
 * What changed since an earlier day: the entries recorded after it, the events whose
 * status changed, and how the analysis answer moved. The scenario as of that day comes
 * from core's asOf(), which keeps the model and drops later evidence and observations;
 * it is loaded and analysed again, and its answer — from the last state observed on or
 * before that day, else the model's status quo — is set beside today's. With the model
 * the same at both dates, the answer can move only when what was observed by then says
 * the situation was another one; the sentences say which it is.
 */
import { analyze, asOf, asStateIndex, evaluate, validateDocument, type AsOf, type Loaded, type NegotiationRecord, type StateIndex } from "@concord/core";
import { analysisFacts, explanationsAt, holdLevel, type Facts } from "../facts.js";
import { priorityRef } from "../priorities.js";
import type { Claim, PriorityRef, SinceSection, TimelineItem } from "../types.js";
import { capitalise, countWords, dayWords, joinWords, numberWords, ordinalWords } from "../words.js";
import { expectedMoves, todayClaim } from "./outlook.js";
import { claim } from "./steps.js";

/** The last state observed whole on or before `day`, if the model records one. */
export function observedState(f: Facts, day: number): StateIndex | undefined {
  const space = f.a.space;
  let best: { last: number; s: StateIndex } | undefined;
  for (const o of space.model.observed ?? []) {
    if (o.kind !== "state" || o.last > day || (best && o.last < best.last)) continue;
    for (let k = 0; k < space.size; k++) {
      const s = asStateIndex(k);
      if (evaluate(o.expr, (x) => space.taken(s, x))) { best = { last: o.last, s }; break; }
    }
  }
  return best?.s;
}

export function sinceSection(loaded: Loaded, f: Facts | undefined, sinceDay: number, timeline: readonly TimelineItem[], asOfText: string): SinceSection {
  const doc = loaded.scenario.document;
  const record = loaded.scenario.record;
  const then = asOf(loaded.scenario, sinceDay);
  const since = dayWords(sinceDay);
  const isNew = new Set([...then.dropped.events, ...then.dropped.documents, ...then.dropped.statements]);
  const entries = timeline.filter((t) => isNew.has(t.id)).map((t) => ({ id: t.id, type: t.type, date: t.date, title: t.title, cites: t.cites }));
  const statusChanges = (then.document.events ?? []).flatMap((e) => {
    const now = doc.events?.find((x) => x.id === e.id);
    const a = e.status ?? "happened";
    const b = now?.status ?? "happened";
    if (!now || a === b) return [];
    return [{ id: e.id, title: e.title, then: a, now: b, cites: timeline.find((t) => t.id === e.id)?.cites ?? [] }];
  });
  const answer: Claim[] = [];
  const count = (type: TimelineItem["type"], noun: string): string | undefined => {
    const n = entries.filter((e) => e.type === type).length;
    return n ? countWords(n, noun) : undefined;
  };
  const counts = [count("event", "event"), count("document", "document"), count("statement", "statement")].filter((x) => x !== undefined);
  answer.push(
    claim(
      counts.length ? `Since ${since} the record has ${joinWords(counts)} more${statusChanges.length ? `, and ${countWords(statusChanges.length, "event")} changed status` : ""}.` : `Nothing was recorded after ${since}.`,
      entries.flatMap((e) => e.cites),
      entries.map((e) => `rec-${e.id}`),
      "timeline",
    ),
  );
  if (f && f.sq !== undefined) answer.push(...answerMoved(record, f, f.sq, analysedThen(then, f), sinceDay, since, asOfText), ...evidenceMoved(record, f, then.dropped.evidence, new Set(then.dropped.sources), since));
  return { since: since, entries, statusChanges, answer };
}

/** The scenario as known on the day, loaded and analysed with the concepts of today's analysis. */
function analysedThen(then: AsOf, now: Facts): { record: NegotiationRecord; f: Facts } | undefined {
  const loaded = validateDocument(then.document);
  // asOf promises a valid document (the app's as-of use case checks it too); if it is not, the answer then cannot be told.
  if (!loaded.ok || !loaded.value.space) return undefined;
  return { record: loaded.value.scenario.record, f: analysisFacts(analyze(loaded.value.space, now.a.concepts)) };
}

/** How the answer of the analysis as of the day compares with today's. */
function answerMoved(record: NegotiationRecord, f: Facts, sq: StateIndex, then: { record: NegotiationRecord; f: Facts } | undefined, sinceDay: number, since: string, asOfText: string): Claim[] {
  const nowMoves = expectedMoves(record, f, 1);
  const now = todayClaim(record, f, nowMoves, `Now (${asOfText})`)!;
  if (!then || then.f.sq === undefined) return [claim(`The analysis could not be run on the scenario as recorded on ${since}.`, [], [])];
  const tf = then.f;
  // Both analyses enumerate the same model, so their state numbers agree.
  const thenState = observedState(tf, sinceDay) ?? tf.sq!;
  const thenMoves = expectedMoves(then.record, tf, 1, thenState, explanationsAt(tf.a, thenState));
  const changed = holdLevel(tf, thenState) !== holdLevel(f, sq) || thenMoves[0]?.step.words !== nowMoves[0]?.step.words;
  if (thenState === sq && !changed) {
    const observed = (tf.a.space.model.observed ?? []).some((o) => o.kind === "state");
    return [
      claim(
        `The analysis answer has not moved: run on the scenario as recorded on ${since} and as recorded now, it reaches the same conclusions. The model is the same at both dates, and ${observed ? `the situation observed on or before ${since} is today's` : `the model records no observed situation known by ${since}, so the analysis starts from today's situation at both dates`}.`,
        now.claim.cites,
        now.claim.refs,
      ),
    ];
  }
  const was = todayClaim(then.record, tf, thenMoves, `On ${since}`, thenState)!;
  return [
    claim(`${changed ? "The analysis answer has moved." : "The situation has changed, but the analysis answer reads the same."} ${was.claim.text}`, was.claim.cites, was.claim.refs),
    now.claim,
  ];
}

/** The preference statements whose evidence is partly or wholly new since the day. */
function evidenceMoved(record: NegotiationRecord, f: Facts, dropped: readonly string[], newSources: ReadonlySet<string>, since: string): Claim[] {
  const space = f.a.space;
  const newCount = new Map<string, { ref: PriorityRef; count: number; total: number }>();
  for (const path of dropped) {
    const m = /^model\.decisionMakers\[(\d+)\]\.preferences\[(\d+)\]\.evidence\[\d+\]$/.exec(path);
    if (!m) continue;
    const dm = Number(m[1]);
    const k = Number(m[2]);
    const ref = priorityRef(record, space, dm, k);
    const d = space.model.decisionMakers[dm]!;
    if (!ref || d.preference.kind !== "priorities") continue;
    const hit = newCount.get(ref.anchor) ?? { ref, count: 0, total: d.preference.statements[k]!.evidence.length };
    hit.count++;
    newCount.set(ref.anchor, hit);
  }
  if (newCount.size === 0) return [];
  const list = [...newCount.values()];
  const bare = list.filter((x) => x.count === x.total);
  const text =
    `${capitalise(countWords(list.length, "priority", "priorities"))} of the model rest${list.length === 1 ? "s" : ""} partly on evidence recorded after ${since}` +
    (bare.length ? `, and ${countWords(bare.length, "of them", "of them")} on nothing recorded before: ${joinWords([...bare.slice(0, 4).map((x) => `${x.ref.dm}'s ${ordinalWords(x.ref.position)} priority`), ...(bare.length > 4 ? [`${numberWords(bare.length - 4)} more`] : [])])}` : "") +
    ".";
  // It cites the evidence that is new, not all the evidence of those priorities.
  return [claim(text, list.flatMap((x) => x.ref.cites.filter((c) => newSources.has(c.source))), list.map((x) => x.ref.anchor))];
}
