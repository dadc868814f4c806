/** Who waits on whom, and the deadlines and commitments that run, on the day shown. */
import type { RecordView } from "./protocol";

const days = (min: number, max: number): string => (min === max ? `${min} days` : `${min}–${max} days`);

export function WaitingAndDeadlines({ view }: { view: RecordView }) {
  const name = (id: string): string => view.actors[id] ?? id;
  const waits = view.waiting?.waiting ?? [];
  const terms = view.deadlines;
  return (
    <div className="two-columns">
      <div>
        <h3>Who waits on whom</h3>
        {waits.length === 0 ? (
          <p>Nobody is waiting for an answer.</p>
        ) : (
          <ul>
            {waits.map((w) => (
              <li key={`${w.type}-${w.id}`}>
                <strong>{w.title}</strong>: {w.from.map(name).join(", ")} {w.from.length > 1 ? "wait" : "waits"} for {w.awaiting.map(name).join(", ")}, for {days(w.minDays, w.maxDays)} (since {w.since})
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3>Deadlines and commitments</h3>
        {!terms || terms.deadlines.length + terms.commitments.length === 0 ? (
          <p>No deadline or commitment runs.</p>
        ) : (
          <ul>
            {terms.deadlines.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong>: {d.date} ({d.daysLeft >= 0 ? `in ${d.daysLeft} days` : `${-d.daysLeft} days ago`}, {d.status})
              </li>
            ))}
            {terms.commitments.map((c) => (
              <li key={c.id}>
                <strong>{c.what}</strong>: {c.state.replace("-", " ")}
                {c.alleged ? " (alleged)" : ""}, since {c.from}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
