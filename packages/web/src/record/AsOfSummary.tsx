/** What was known on the day shown: how much of the record and of the model's evidence, and what the analysis said with only that. */
import { BASIC_CONCEPTS, CONCEPT_LABELS, moveText } from "@concord/app";
import type { AnalysisView, RecordView } from "./protocol";

const COLLECTIONS: readonly [string, string][] = [
  ["events", "events"],
  ["documents", "documents"],
  ["statements", "statements"],
  ["commitments", "commitments"],
  ["sources", "sources"],
];

export function AsOfSummary({ view, analysis, busy }: { view: RecordView; analysis: AnalysisView | undefined; busy: boolean }) {
  const later = view.dropped ? COLLECTIONS.filter(([k]) => (view.dropped?.[k] ?? 0) > 0).map(([k, label]) => `${view.dropped?.[k]} ${label}`) : [];
  const current = analysis && analysis.day === view.day ? analysis : undefined;
  return (
    <div className="as-of-summary" aria-live="polite">
      <div>
        <h3>The record</h3>
        <p>
          {view.timeline.length} entries known
          {view.day === view.scenarioDay ? " on the scenario's day" : later.length > 0 ? `; not yet known then: ${later.join(", ")}` : "; everything was known by then"}.
        </p>
      </div>
      {view.model && (
        <div>
          <h3>The model</h3>
          <p>
            {view.model.evidence} of {view.model.evidenceAll} pieces of evidence known.
            {view.model.unsupported.length > 0 && ` ${view.model.unsupported.length} preference statements had no evidence yet:`}
          </p>
          {view.model.unsupported.length > 0 && (
            <ul className="compact">
              {view.model.unsupported.slice(0, 6).map((u, i) => (
                <li key={i}>
                  {u.dm}: {u.statement}
                </li>
              ))}
              {view.model.unsupported.length > 6 && <li>and {view.model.unsupported.length - 6} more</li>}
            </ul>
          )}
        </div>
      )}
      {view.model && (
        <div>
          <h3>The analysis</h3>
          {!current ? (
            <p role="status">{busy ? "Analysing the model as it stood then…" : "No analysis."}</p>
          ) : (
            <Analysis view={current} />
          )}
        </div>
      )}
    </div>
  );
}

function Analysis({ view }: { view: AnalysisView }) {
  const r = view.result;
  const stableUnder = BASIC_CONCEPTS.filter((c) => r.equilibria[c]?.some((e) => e.state === r.statusQuo && e.distance === 0));
  const notUnder = BASIC_CONCEPTS.filter((c) => r.equilibria[c] !== undefined && !stableUnder.includes(c));
  const nearest = BASIC_CONCEPTS.flatMap((c) => (r.equilibria[c] ?? []).filter((e) => e.distance > 0).map((e) => ({ ...e, concept: c }))).sort((a, b) => a.distance - b.distance)[0];
  return (
    <>
      <p>
        Today's state (state {r.statusQuo} of {view.states}){" "}
        {stableUnder.length > 0 ? `is stable under ${stableUnder.map((c) => CONCEPT_LABELS[c]).join(", ")}` : "is not stable under any concept"}
        {stableUnder.length > 0 && notUnder.length > 0 ? ` but not under ${notUnder.map((c) => CONCEPT_LABELS[c]).join(", ")}` : ""}.{" "}
        {r.reachable.length - 1} other states can be reached by moves that each improve the mover's position.
      </p>
      {nearest && (
        <p>
          The nearest equilibrium ({CONCEPT_LABELS[nearest.concept]}) is state {nearest.state}, {nearest.distance} {nearest.distance === 1 ? "move" : "moves"} away:{" "}
          {nearest.path.map((m) => moveText(m)).join("; then ")}.
        </p>
      )}
    </>
  );
}
