/**
 * The negotiation record: an as-of slider (the record, the model and the analysis as
 * they stood on that day), the timeline, who waits on whom and deadlines, documents with
 * their version comparisons, statements with their sources, and contradictions. The
 * views come from the application layer, run in the record worker.
 */
import { useEffect, useMemo, useState } from "react";
import { AsOfSlider } from "../record/AsOfSlider";
import { AsOfSummary } from "../record/AsOfSummary";
import { Documents } from "../record/Documents";
import { SourceTable, sourceIndex } from "../record/Sources";
import { Contradictions, Statements } from "../record/Statements";
import { Timeline } from "../record/Timeline";
import { useRecordView } from "../record/useRecordView";
import { WaitingAndDeadlines } from "../record/Waiting";
import { useWorkbench } from "../workbench";

const SECTIONS = [
  ["record-day", "As of"],
  ["record-timeline", "Timeline"],
  ["record-waiting", "Waiting and deadlines"],
  ["record-documents", "Documents"],
  ["record-statements", "Statements"],
  ["record-contradictions", "Contradictions"],
  ["record-sources", "Sources"],
] as const;

export function Record() {
  const { revision } = useWorkbench();
  const [slider, setSlider] = useState<string | undefined>(undefined);
  const [day, setDay] = useState<string | undefined>(undefined);
  // The worker gets the day once the slider rests for a moment.
  useEffect(() => {
    const t = setTimeout(() => setDay(slider), 250);
    return () => clearTimeout(t);
  }, [slider]);
  const state = useRecordView(revision.text, revision.format, day);
  const view = state.record;
  const sources = useMemo(() => sourceIndex(view?.sources ?? []), [view?.sources]);
  const [speaker, setSpeaker] = useState("");

  return (
    <section aria-labelledby="record-title" className="record">
      <h1 id="record-title">Record</h1>
      {state.error && <p role="alert" className="error">{state.error}</p>}
      {!view ? (
        <p role="status">Opening the record…</p>
      ) : (
        <>
          <nav aria-label="Sections of the record" className="contents">
            {SECTIONS.map(([id, label]) => (
              <a key={id} href={`#${id}`}>
                {label}
              </a>
            ))}
          </nav>
          <h2 id="record-day">As of {view.day === view.scenarioDay ? "the scenario's day" : "an earlier day"}</h2>
          <AsOfSlider first={view.firstDay} last={view.scenarioDay} value={slider ?? view.scenarioDay} onChange={setSlider} />
          {state.busy === "record" && <p role="status" className="muted">Working out the record as of that day…</p>}
          <AsOfSummary view={view} analysis={state.analysis} busy={state.busy !== null} />
          <h2 id="record-timeline">Timeline</h2>
          <Timeline view={view} sources={sources} />
          <h2 id="record-waiting">Waiting and deadlines on {view.day}</h2>
          <WaitingAndDeadlines view={view} />
          <h2 id="record-documents">Documents</h2>
          <Documents view={view} sources={sources} />
          <h2 id="record-statements">Statements</h2>
          <label className="filters">
            Speaker{" "}
            <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
              <option value="">everyone</option>
              {[...new Set(view.statements.map((s) => s.speaker))].map((id) => (
                <option key={id} value={id}>
                  {view.actors[id] ?? id}
                </option>
              ))}
            </select>
          </label>
          <Statements view={view} sources={sources} speaker={speaker} />
          <h2 id="record-contradictions">Contradictions</h2>
          <Contradictions view={view} sources={sources} />
          <h2 id="record-sources">Sources</h2>
          <SourceTable sources={view.sources} />
        </>
      )}
    </section>
  );
}
