/** Importing a scenario file (YAML, JSON or gmcr-py `.gmcr`) into a workspace; also what an empty workspace shows. */
import { useState } from "react";
import { api, ApiError, type Workspace } from "../api";

/** Reads a dropped or chosen file and imports it into the workspace as a new scenario. */
async function importFile(workspace: Workspace, file: File): Promise<string> {
  const text = await file.text();
  const format = /\.gmcr$/i.test(file.name) ? "gmcr" : /\.json$/i.test(file.name) ? "json" : /\.ya?ml$/i.test(file.name) ? "yaml" : undefined;
  const r = await api.importScenario(workspace.id, { name: file.name.replace(/\.[^.]*$/, "") || file.name, text, ...(format ? { format } : {}), message: `Imported from ${file.name}` });
  return r.scenario.id;
}

export function FileImport({ workspace, onImported }: { workspace: Workspace; onImported: (scenarioId: string) => Promise<void> | void }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string; details?: readonly string[] } | null>(null);
  const take = async (files: FileList | null): Promise<void> => {
    const file = files?.[0];
    if (!file) return;
    try {
      const id = await importFile(workspace, file);
      setMessage({ kind: "ok", text: `Imported ${file.name}.` });
      await onImported(id);
    } catch (e) {
      const details = e instanceof ApiError ? (e.problem.problems ?? []).map((p) => p.message) : [];
      setMessage({ kind: "error", text: `${file.name} was not imported: ${e instanceof Error ? e.message : String(e)}`, details });
    }
  };
  return (
    <div className="import">
      <label className="file">
        Import a scenario (YAML, JSON) or a gmcr-py <code>.gmcr</code> file{" "}
        <input type="file" accept=".yaml,.yml,.json,.gmcr" onChange={(e) => void take(e.target.files)} />
      </label>
      {message && (
        <div role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** What an empty workspace shows: how to bring a first scenario in. */
export function ImportFirst({ workspace, onImported }: { workspace: Workspace; onImported: () => Promise<void> }) {
  return (
    <main id="main" className="empty">
      <h1>Concord</h1>
      <p>This workspace has no scenario yet. Import one to begin.</p>
      <FileImport workspace={workspace} onImported={() => onImported()} />
    </main>
  );
}
