/**
 * Statements that disagree: two claims on the same fact that cannot both be true,
 * and statements linked by `contradicts:`. Each contradiction lists both sides with
 * who said what, when, and the sources that report it.
 *
 * Date claims agree when the days they can mean overlap ("2025" and "2025-11" agree;
 * "2024-12" and "2025" do not); a span A/B can mean any day in it. Write vagueness
 * as precision (a month, a year, a span): "~" marks a value as approximate but does
 * not widen it, and a contradiction involving one is flagged `approximate`, so a
 * reader can weigh it. Numbers, text (ignoring case and surrounding spaces) and
 * true/false agree when equal.
 */
import type { DateSpan } from "../dates.js";
import type { NegotiationRecord, RecordClaim, RecordStatement } from "./record.js";
import { resolveSources, type ResolvedSource } from "./sources.js";

export interface ContradictionSide {
  readonly statement: string;
  readonly speaker: string;
  readonly reportedBy?: string;
  readonly date: string;
  readonly quote: string;
  /** The value claimed for the fact (claims only). */
  readonly value?: string | number | boolean;
  readonly claimNote?: string;
  readonly sources: readonly ResolvedSource[];
}

export interface Contradiction {
  /** The fact both sides make claims about; absent for a link between statements with no common fact. */
  readonly fact?: { readonly id: string; readonly label: string };
  /** claims: found from the values claimed; linked: a statement says `contradicts:` the other. */
  readonly found: readonly ("claims" | "linked")[];
  /** True when a claimed date on either side is marked approximate (~). */
  readonly approximate: boolean;
  readonly sides: readonly [ContradictionSide, ContradictionSide];
}

/** Every pair of statements that disagree, by fact (in the order facts are defined), then by statement order. */
export function contradictions(record: NegotiationRecord): Contradiction[] {
  const statements = record.statements;
  const order = new Map(statements.map((s, i) => [s.id, i]));
  const facts = record.facts;
  const out: { c: Contradiction; key: string; factOrder: number; a: number; b: number }[] = [];
  const byPair = new Map<string, number>();
  const side = (s: RecordStatement, claim?: RecordClaim): ContradictionSide => ({
    statement: s.id,
    speaker: s.speaker,
    ...(s.reportedBy !== undefined ? { reportedBy: s.reportedBy } : {}),
    date: s.date.text,
    quote: s.quote,
    ...(claim ? { value: claim.value } : {}),
    ...(claim?.note !== undefined ? { claimNote: claim.note } : {}),
    sources: resolveSources(record, s.sources),
  });

  facts.forEach((f, fi) => {
    const claims = statements.flatMap((s) => s.claims.filter((c) => c.fact === f.id).map((c) => ({ s, c })));
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const x = claims[i]!, y = claims[j]!;
        if (x.s.id === y.s.id || agree(f.type, x.c, y.c)) continue;
        const key = pairKey(x.s.id, y.s.id);
        if (!byPair.has(key)) byPair.set(key, out.length);
        const approximate = f.type === "date" && (x.c.span?.approximate === true || y.c.span?.approximate === true);
        out.push({ c: { fact: { id: f.id, label: f.label }, found: ["claims"], approximate, sides: [side(x.s, x.c), side(y.s, y.c)] }, key, factOrder: fi, a: order.get(x.s.id)!, b: order.get(y.s.id)! });
      }
    }
  });

  statements.forEach((s) => {
    for (const other of s.contradicts ?? []) {
      const t = statements.find((x) => x.id === other);
      if (!t || t.id === s.id) continue;
      const key = pairKey(s.id, t.id);
      const known = byPair.get(key);
      if (known !== undefined) {
        const entry = out[known]!;
        if (!entry.c.found.includes("linked")) entry.c = { ...entry.c, found: [...entry.c.found, "linked"] };
        continue;
      }
      const [a, b] = order.get(s.id)! < order.get(t.id)! ? [s, t] : [t, s];
      byPair.set(key, out.length);
      out.push({ c: { found: ["linked"], approximate: false, sides: [side(a), side(b)] }, key, factOrder: facts.length, a: order.get(a.id)!, b: order.get(b.id)! });
    }
  });

  return out.sort((p, q) => p.factOrder - q.factOrder || p.a - q.a || p.b - q.b).map((p) => p.c);
}

/** Whether two claims on a fact of this type can both be true; date claims carry their parsed span. */
export function agree(
  type: "date" | "number" | "text" | "boolean",
  a: { readonly value: string | number | boolean; readonly span?: DateSpan },
  b: { readonly value: string | number | boolean; readonly span?: DateSpan },
): boolean {
  if (type === "date" && a.span && b.span) return a.span.first <= b.span.last && b.span.first <= a.span.last;
  if (type === "text") return String(a.value).trim().toLowerCase() === String(b.value).trim().toLowerCase();
  return a.value === b.value;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
