/** The negotiation record: timeline, documents, statements, contradictions, as of a chosen day. */
import { useWorkbench } from "../workbench";

export function Record() {
  const { scenario } = useWorkbench();
  return (
    <section aria-labelledby="record-title">
      <h1 id="record-title">Record</h1>
      <p>The record of {scenario.name}.</p>
    </section>
  );
}
