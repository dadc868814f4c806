/** Targets, the smallest changes that make one hold, estimates, coalitions, robustness. Placeholder: owned by the mediation work. */
import { useWorkbench } from "../workbench";

export function Mediation() {
  const { scenario } = useWorkbench();
  return (
    <section aria-labelledby="mediation-title">
      <h1 id="mediation-title">Mediation</h1>
      <p>The mediation views for {scenario.name} are not built yet.</p>
    </section>
  );
}
