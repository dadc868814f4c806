/** The stability table and the graph of states and moves. Placeholder: owned by the analysis work. */
import { useWorkbench } from "../workbench";

export function Analysis() {
  const { scenario } = useWorkbench();
  return (
    <section aria-labelledby="analysis-title">
      <h1 id="analysis-title">Analysis</h1>
      <p>The stability analysis of {scenario.name} is not built yet.</p>
    </section>
  );
}
