/**
 * What the mediation use cases say first: the answer to a mediator's question in
 * plain sentences (no state numbers, no solution-concept names), with the preference
 * statements it rests on, their evidence, and the sources that evidence cites. The
 * detail for specialists follows in each use case's own result.
 */
import { citeSource, exprWords, resolveEvidence, type Loaded, type MoveDescription, type ResolvedEvidence, type StatementRef } from "@concord/core";

/** A preference statement an answer rests on, with its evidence looked up in the record. */
export interface Ground {
  /** Decision maker id. */
  readonly dm: string;
  readonly decisionMaker: string;
  /** 1 = the decision maker's most important statement. */
  readonly position: number;
  /** As written, e.g. `-(venue = direct) IF transit = none`. */
  readonly text: string;
  /** In words, with the options' labels. */
  readonly words: string;
  /** Marked as a modeller's estimate. */
  readonly estimate: boolean;
  readonly note?: string;
  readonly evidence: readonly ResolvedEvidence[];
}

/** A source an answer cites, once. */
export interface CitedSource {
  readonly id: string;
  /** "Title (Publisher, 2023-12-07)". */
  readonly citation: string;
  readonly address?: string;
}

export interface PlainAnswer {
  /** The question answered, in a mediator's words. */
  readonly question: string;
  /** The answer: plain sentences a non-specialist can read. */
  readonly answer: readonly string[];
  /** The preference statements the answer rests on. */
  readonly grounds: readonly Ground[];
  /** Every source the grounds' evidence cites, in first-cited order. */
  readonly sources: readonly CitedSource[];
}

/** The statements with their evidence, each once (by decision maker and place), in the order given. */
export function groundsOf(loaded: Loaded, refs: readonly StatementRef[]): Ground[] {
  const model = loaded.space!.model;
  const names = new Map(loaded.scenario.actors.map((a) => [a.id, a.name]));
  const seen = new Set<string>();
  const out: Ground[] = [];
  for (const r of refs) {
    const key = `${r.dm}\u0000${r.position}\u0000${r.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dm = model.decisionMakers.find((d) => d.id === r.dm);
    const st = dm?.preference.kind === "priorities" ? dm.preference.statements.find((s) => s.text === r.text) : undefined;
    out.push({
      dm: r.dm,
      decisionMaker: dm?.name ?? r.dm,
      position: r.position,
      text: r.text,
      words: st ? exprWords(st.expr, model.options) : r.text,
      estimate: r.estimate,
      ...(r.note !== undefined ? { note: r.note } : {}),
      evidence: r.evidence.map((e) => {
        const x = resolveEvidence(loaded.scenario.record, e);
        // Speakers and participants by name, as people read them.
        return x.actors ? { ...x, actors: x.actors.map((id) => names.get(id) ?? id) } : x;
      }),
    });
  }
  return out;
}

/** The sources the grounds cite, each once. */
export function sourcesOf(grounds: readonly Ground[]): CitedSource[] {
  const out = new Map<string, CitedSource>();
  for (const g of grounds) {
    for (const e of g.evidence) {
      for (const s of e.sources) {
        if (!out.has(s.id)) out.set(s.id, { id: s.id, citation: citeSource(s), ...(s.address !== undefined ? { address: s.address } : {}) });
      }
    }
  }
  return [...out.values()];
}

export function plainAnswer(loaded: Loaded, question: string, answer: readonly string[], refs: readonly StatementRef[]): PlainAnswer {
  const grounds = groundsOf(loaded, refs);
  return { question, answer, grounds, sources: sourcesOf(grounds) };
}

/** "its 3rd priority, “X” and not “Y” (a modeller's estimate)". */
export function groundWords(g: Ground): string {
  return `its priority ${g.position}, ${g.words}${g.estimate ? " (a modeller's estimate)" : ""}`;
}

/** `take “X” and drop “Y”`: what a move does, for "would rather not …". */
export function moveChangeWords(m: MoveDescription): string {
  return m.changes.map((c) => `${c.taken ? "take" : "drop"} “${c.label}”`).join(" and ");
}

/** `Azerbaijan takes “X” and drops “Y”`: a move in words, without state numbers. */
export function moveWords(m: MoveDescription): string {
  return `${m.by} ${m.changes.map((c) => `${c.taken ? "takes" : "drops"} “${c.label}”`).join(" and ")}`;
}

/** A target's name inside a sentence: its label with a leading article in lower case ("a peace treaty …"), else the pattern in quotes. */
export function targetName(t: { readonly label?: string; readonly pattern: string }): string {
  if (t.label === undefined) return `“${t.pattern}”`;
  return t.label.replace(/^(A|An|The) /, (w) => w.toLowerCase());
}
