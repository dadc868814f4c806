/**
 * Importing scenario files (YAML, JSON) and gmcr-py `.gmcr` files into a workspace, by
 * dropping them on the zone or choosing them: each becomes a new scenario, checked by
 * the server with the same validator as the CLI; an invalid file lists its problems.
 */
import { useState, type DragEvent } from "react";
import { api, ApiError, type Workspace } from "../api";

type Outcome = { kind: "ok" | "error"; text: string; details?: readonly string[] };

const formatOf = (name: string) => (/\.gmcr$/i.test(name) ? "gmcr" : /\.json$/i.test(name) ? "json" : /\.ya?ml$/i.test(name) ? "yaml" : undefined);

async function importFile(workspace: Workspace, file: File): Promise<string> {
  const text = await file.text();
  const format = formatOf(file.name);
  const r = await api.importScenario(workspace.id, { name: file.name.replace(/\.[^.]*$/, "") || file.name, text, ...(format ? { format } : {}), message: `Imported from ${file.name}` });
  return r.scenario.id;
}

/**
 * Choosing the imported scenario remounts the page (each page is keyed by its scenario), so
 * the outcome is handed over to the new page's FileImport, which shows it once.
 */
let handedOver: readonly Outcome[] = [];

export function FileImport({ workspace, onImported }: { workspace: Workspace; onImported: (scenarioId: string) => Promise<void> | void }) {
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>(() => {
    const shown = handedOver;
    handedOver = [];
    return shown;
  });
  const [over, setOver] = useState(false);
  const take = async (files: FileList | null): Promise<void> => {
    const list = [...(files ?? [])];
    const done: Outcome[] = [];
    let last: string | undefined;
    for (const file of list) {
      try {
        last = await importFile(workspace, file);
        done.push({ kind: "ok", text: `Imported ${file.name} as a new scenario.` });
      } catch (e) {
        const details = e instanceof ApiError ? (e.problem.problems ?? []).map((p) => p.text ?? p.message) : [];
        done.push({ kind: "error", text: `${file.name} was not imported: ${e instanceof Error ? e.message : String(e)}`, details });
      }
    }
    setOutcomes(done);
    if (last !== undefined) {
      handedOver = done;
      await onImported(last);
    }
  };
  const drop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };
  return (
    <div className="import">
      <div
        className={`drop${over ? " over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop scenario files (YAML, JSON) or gmcr-py <code>.gmcr</code> files here, or</p>
        <label className="file">
          <span>choose files to import</span>
          <input type="file" multiple accept=".yaml,.yml,.json,.gmcr" onChange={(e) => void take(e.target.files)} />
        </label>
      </div>
      <div aria-live="polite">
        {outcomes.map((o, i) => (
          <div key={i} role={o.kind === "error" ? "alert" : undefined} className={`outcome ${o.kind}`}>
            <p>{o.text}</p>
            {o.details && o.details.length > 0 && (
              <ul>
                {o.details.map((d, j) => (
                  <li key={j}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
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
