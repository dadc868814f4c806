/** Who said what, when, and where it was said (the sources); and the statements that contradict each other. */
import { Cites } from "./Sources";
import type { RecordView, SourceRow } from "./protocol";

type Index = ReadonlyMap<string, { row: SourceRow; n: number }>;

export function Statements({ view, sources, speaker }: { view: RecordView; sources: Index; speaker: string }) {
  const name = (id: string): string => view.actors[id] ?? id;
  const shown = view.statements.filter((s) => speaker === "" || s.speaker === speaker || s.reportedBy === speaker);
  if (shown.length === 0) return <p>No statements recorded{speaker ? ` from ${name(speaker)}` : ""}.</p>;
  return (
    <ul className="statements">
      {shown.map((s) => (
        <li key={s.id} id={`statement-${s.id}`}>
          <blockquote>{s.paraphrase ? s.quote : `“${s.quote}”`}</blockquote>
          <div className="muted">
            {name(s.speaker)}
            {s.reportedBy ? `, as reported by ${name(s.reportedBy)}` : ""}, {s.date} · {s.kinds.join(", ")}
            {s.paraphrase ? " · paraphrased" : ""} <Cites cites={s.sources} sources={sources} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Contradictions({ view, sources }: { view: RecordView; sources: Index }) {
  const name = (id: string): string => view.actors[id] ?? id;
  if (view.contradictions.length === 0) return <p>No two statements contradict each other.</p>;
  return (
    <ul className="contradictions">
      {view.contradictions.map((c, i) => (
        <li key={i}>
          <strong>{c.fact ? c.fact.label : "Statements that disagree"}</strong>
          {c.approximate ? <span className="muted"> (a date on one side is approximate)</span> : null}
          <div className="sides">
            {c.sides.map((s) => (
              <div key={s.statement} className="side">
                <blockquote>“{s.quote}”</blockquote>
                <div className="muted">
                  {name(s.speaker)}
                  {s.reportedBy ? `, as reported by ${name(s.reportedBy)}` : ""}, {s.date}
                  {s.value !== undefined ? ` · claims ${String(s.value)}` : ""}
                  {s.claimNote ? ` (${s.claimNote})` : ""} <Cites cites={s.sources.map((x) => x.id)} sources={sources} />
                </div>
              </div>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
