/**
 * Import and export: scenario files and gmcr-py `.gmcr` files by drag and drop; the
 * scenario as YAML, JSON or .gmcr and the report (as `concord report` writes it) to
 * download; and the revision history, with what changed between two revisions and
 * restoring an earlier one (the server's revisions API: a restore is a new revision).
 */
import { useEffect, useState } from "react";
import { api, ApiError, type Comparison, type RevisionSummary, type ScenarioFormat } from "../api";
import { download } from "../components/download";
import { FileImport } from "../components/FileImport";
import { useWorkbench } from "../workbench";

const MEDIA: Readonly<Record<ScenarioFormat, string>> = { yaml: "application/yaml", json: "application/json", gmcr: "application/json" };

export function ImportExport() {
  const { workspace, select } = useWorkbench();
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import and export</h1>
      <h2>Import</h2>
      <FileImport workspace={workspace} onImported={(id) => select(id)} />
      <Export />
      <History />
    </section>
  );
}

function Export() {
  const { workspace, scenario, revision } = useWorkbench();
  const [status, setStatus] = useState<{ kind: "ok" | "error" | "busy"; text: string } | null>(null);
  const base = scenario.name.replace(/[^\p{L}\p{N}-]+/gu, "-").replace(/^-+|-+$/g, "").toLowerCase() || scenario.id;
  const run = async (label: string, job: () => Promise<void>): Promise<void> => {
    setStatus({ kind: "busy", text: `Preparing ${label}…` });
    try {
      await job();
      setStatus({ kind: "ok", text: `Downloaded ${label}.` });
    } catch (e) {
      setStatus({ kind: "error", text: `${label} could not be made: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  const exportAs = (format: ScenarioFormat) =>
    run(`the scenario as ${format === "gmcr" ? ".gmcr" : format.toUpperCase()}`, async () => {
      download(`${base}.${format === "yaml" ? "yaml" : format}`, await api.exportText(workspace.id, scenario.id, { format, revision: revision.number }), MEDIA[format]);
    });
  return (
    <>
      <h2>Export</h2>
      <div className="buttons">
        <button type="button" onClick={() => void run("the report", async () => download(`${base}.html`, (await api.report(workspace.id, scenario.id, {}, revision.number)).result.text, "text/html"))}>
          Download the report (HTML)
        </button>
        <button type="button" onClick={() => void run("the brief", async () => download(`${base}-brief.html`, (await api.brief(workspace.id, scenario.id, {}, revision.number)).result.text, "text/html"))}>
          Download the brief (HTML)
        </button>
        <button type="button" onClick={() => void exportAs("yaml")}>
          Scenario as YAML
        </button>
        <button type="button" onClick={() => void exportAs("json")}>
          Scenario as JSON
        </button>
        <button type="button" onClick={() => void exportAs("gmcr")}>
          Model as gmcr-py .gmcr
        </button>
      </div>
      <p role="status" className={status?.kind === "error" ? "error" : "muted"}>
        {status?.text ?? ""}
      </p>
    </>
  );
}

function History() {
  const { workspace, scenario, revision, refresh } = useWorkbench();
  const [revisions, setRevisions] = useState<readonly RevisionSummary[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [message, setMessage] = useState<string>("");

  useEffect(() => {
    let live = true;
    api.history(workspace.id, scenario.id).then((r) => live && setRevisions(r), (e: unknown) => live && setMessage(String(e)));
    return () => {
      live = false;
    };
  }, [workspace.id, scenario.id, revision.number]);

  const compareWith = async (n: number): Promise<void> => {
    setFrom(n);
    setComparison(await api.compare(workspace.id, scenario.id, n, revision.number));
  };
  const restore = async (n: number): Promise<void> => {
    try {
      const r = await api.restore(workspace.id, scenario.id, n, revision.number, `Restored revision ${n}`);
      setMessage(`Revision ${n} restored as revision ${r.number}.`);
      setComparison(null);
      await refresh();
    } catch (e) {
      setMessage(e instanceof ApiError && e.problem.status === 412 ? "Someone saved a newer revision meanwhile: reload the page, then restore again." : String(e));
    }
  };

  return (
    <>
      <h2>Revision history</h2>
      <p role="status" className="muted">
        {message}
      </p>
      {!revisions ? (
        <p>Loading the history…</p>
      ) : (
        <table className="history">
          <caption className="sr-only">Revisions of {scenario.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Saved</th>
              <th scope="col">Message</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.number} aria-current={r.number === revision.number ? "true" : undefined}>
                <th scope="row">
                  {r.number}
                  {r.number === revision.number ? " (latest)" : ""}
                </th>
                <td>
                  <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td>
                  {r.message}
                  {r.restoredFrom !== null ? ` (restores revision ${r.restoredFrom})` : ""}
                </td>
                <td>{Math.round(r.size / 1024)} KB</td>
                <td className="actions">
                  {r.number !== revision.number && (
                    <>
                      <button type="button" onClick={() => void compareWith(r.number)} aria-label={`Compare revision ${r.number} with the latest`}>
                        Compare
                      </button>
                      <button type="button" onClick={() => void restore(r.number)} aria-label={`Restore revision ${r.number}`}>
                        Restore
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {comparison && from !== null && <Diff comparison={comparison} />}
    </>
  );
}

function Diff({ comparison }: { comparison: Comparison }) {
  const t = comparison.text;
  return (
    <section aria-labelledby="diff-title" className="diff">
      <h3 id="diff-title">
        From revision {comparison.from.number} to {comparison.to.number}: {t.identical ? "the same text" : `${t.added} ${t.added === 1 ? "line" : "lines"} added, ${t.removed} removed`}
      </h3>
      {!t.complete && <p>The texts differ too much to compare line by line.</p>}
      {t.hunks.map((h, i) => (
        <pre key={i} className="hunk">
          <span className="muted">{`lines ${h.oldStart} → ${h.newStart}\n`}</span>
          {h.lines.map((l, j) => (
            <span key={j} className={l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : undefined}>
              {l + "\n"}
            </span>
          ))}
        </pre>
      ))}
    </section>
  );
}
