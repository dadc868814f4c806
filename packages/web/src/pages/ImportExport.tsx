/** Import scenario files and `.gmcr` files, export texts and the report, and the revision history. */
import { FileImport } from "../components/FileImport";
import { useWorkbench } from "../workbench";

export function ImportExport() {
  const { workspace, select } = useWorkbench();
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import and export</h1>
      <FileImport
        workspace={workspace}
        onImported={(id) => select(id)}
      />
    </section>
  );
}
