/** The model editor (decision makers, options, feasibility, preference statements). Placeholder: owned by the model-editor work. */
import { useWorkbench } from "../workbench";

export function Model() {
  const { scenario } = useWorkbench();
  return (
    <section aria-labelledby="model-title">
      <h1 id="model-title">Model</h1>
      <p>The model editor for {scenario.name} is not built yet.</p>
    </section>
  );
}
