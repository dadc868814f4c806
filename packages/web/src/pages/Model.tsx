/**
 * The model editor: decision makers, their options (and alternatives), their preference
 * statements in order of priority (each with its evidence), and the feasibility
 * conditions, edited in forms. Every change is checked by the same validator as the CLI
 * (messages beside the field) and analysed in the worker as you type; the equilibria
 * panel shows what changed against the saved revision. Saving makes a new revision.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CONCEPT_LABELS, type DecisionMakerEvidence, type Problem, type ResolvedEvidence } from "@concord/app";
import { api, ApiError } from "../api";
import { useWorkbench } from "../workbench";
import { useScenarioText } from "../model/draft";
import { addItem, moveItem, readModel, removeItem, setValue, type DmData, type ModelPath, type PreferenceData } from "../model/edit";
import { problemsAt, TextField } from "../model/fields";
import { latest, useAnalysis } from "../worker/client";
import type { Equilibria } from "../worker/protocol";
import { cell } from "../analysis/words";
import "../analysis/pages.css";

export function Model() {
  const { workspace, scenario, revision, refresh } = useWorkbench();
  const { text, draft, setDraft } = useScenarioText();
  const latestText = useRef(text);
  latestText.current = text;
  const edit = useCallback((f: (t: string) => string) => setDraft(f(latestText.current)), [setDraft]);

  // A JSON or .gmcr revision is edited as YAML (converted by the server) and saved as YAML.
  useEffect(() => {
    if (revision.format !== "yaml" && !draft) void api.exportText(workspace.id, scenario.id, { format: "yaml" }).then((t) => setDraft(t));
  }, [revision.format, draft, workspace.id, scenario.id, setDraft]);

  const section = useMemo(() => readModel(text), [text]);
  const check = latest(useAnalysis("check", text, {}, 60));
  const problems: readonly Problem[] = check?.ok ? check.value.problems : [];
  const warnings: readonly Problem[] = check?.ok ? check.value.warnings : [];
  const eq = useAnalysis("equilibria", text, {});
  // How many answers have arrived: lets a test or the bench wait for the one after an edit.
  const answers = useRef({ last: eq, count: 0 });
  if (answers.current.last !== eq) answers.current = { last: eq, count: answers.current.count + (eq.state === "done" ? 1 : 0) };
  const saved = latest(useAnalysis("equilibria", revision.text, {}));
  const model = section.model;

  return (
    <section aria-labelledby="model-title">
      <h1 id="model-title">Model</h1>
      <SaveBar
        draft={draft}
        invalid={problems.length > 0}
        onDiscard={() => setDraft(null)}
        onSave={async (message) => {
          await api.save(workspace.id, scenario.id, revision.number, { text, format: "yaml", message });
          setDraft(null);
          await refresh();
        }}
      />
      {revision.format !== "yaml" ? <p className="hint">This scenario is stored as {revision.format === "gmcr" ? ".gmcr" : "JSON"}; the editor works on its YAML form and saves it as YAML.</p> : null}
      {section.error ? (
        <p role="alert" className="error">
          The model section is not valid YAML: {section.error}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="problems">
          <p>
            <strong>{problems.length === 1 ? "One problem" : `${problems.length} problems`}</strong> keep this model from being analysed (the same check as <code>concord validate</code>):
          </p>
          <ul>
            {problems.map((p, k) => (
              <li key={k}>
                {p.message} <span className="muted">({p.path.join(".")}{p.line !== undefined ? `, line ${p.line}` : ""})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!model ? (
        <p>This scenario has no model yet: it records the process only.</p>
      ) : (
        <div className="editor-grid">
          <div>
            <p className="hint">
              Statements are in order of priority: the first matters most to its decision maker. Write them in the preference language, e.g. <code>-withdraw</code>, <code>talks IF disarm</code>, <code>a | b</code>. Changes are analysed as you type; save to keep them.
            </p>
            {(model.decisionMakers ?? []).map((dm, d) => (
              <DecisionMaker key={`${d}:${dm.id ?? ""}`} dm={dm} d={d} problems={problems} edit={edit} text={revision.text} />
            ))}
            <Feasibility conditions={model.feasibility ?? []} problems={problems} edit={edit} />
            {warnings.length > 0 ? (
              <details>
                <summary>{warnings.length} warnings (valid, but maybe not what you meant)</summary>
                <ul>
                  {warnings.map((w, k) => (
                    <li key={k}>{w.message}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
          <LivePanel answer={latest(eq)} answers={answers.current.count} working={eq.state === "working"} saved={saved?.ok ? saved.value : undefined} options={model} />
        </div>
      )}
    </section>
  );
}

function SaveBar({ draft, invalid, onSave, onDiscard }: { draft: boolean; invalid: boolean; onSave: (message: string) => Promise<void>; onDiscard: () => void }) {
  const [message, setMessage] = useState("");
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "failed"; text?: string }>({ kind: "idle" });
  return (
    <div className="editor-bar" role="region" aria-label="Save">
      <span role="status">{status.kind === "saving" ? "Saving…" : status.kind === "saved" ? "Saved as a new revision." : draft ? "Unsaved changes." : "No changes."}</span>
      <label className="inline">
        What changed
        <input value={message} onChange={(e) => setMessage(e.target.value)} placeholder="e.g. Baku ranks the maps higher" size={28} />
      </label>
      <button
        type="button"
        disabled={!draft || status.kind === "saving"}
        onClick={() => {
          setStatus({ kind: "saving" });
          onSave(message || "Edited in the model editor").then(
            () => (setStatus({ kind: "saved" }), setMessage("")),
            (e: unknown) => setStatus({ kind: "failed", text: e instanceof ApiError ? e.message : String(e) }),
          );
        }}
      >
        Save{invalid ? " (with problems)" : ""}
      </button>
      <button type="button" disabled={!draft} onClick={onDiscard}>
        Discard changes
      </button>
      {status.kind === "failed" ? (
        <span role="alert" className="error">
          Not saved: {status.text}
        </span>
      ) : null}
    </div>
  );
}

type Edit = (f: (t: string) => string) => void;

function DecisionMaker({ dm, d, problems, edit, text }: { dm: DmData; d: number; problems: readonly Problem[]; edit: Edit; text: string }) {
  const base: ModelPath = ["decisionMakers", d];
  const at = (...p: (string | number)[]) => problemsAt(problems, ["model", ...base, ...p]);
  const title = dm.name ?? dm.id ?? `Decision maker ${d + 1}`;
  const evidence = latest(useAnalysis("evidence", text, dm.id ? { dm: dm.id } : null));
  const [newOption, setNewOption] = useState({ id: "", label: "" });
  return (
    <article className="dm-card" aria-labelledby={`dm-${d}`}>
      <h2 id={`dm-${d}`}>{title}</h2>
      {dm.name !== undefined ? <TextField label="Name" value={dm.name} problems={at("name")} onCommit={(v) => edit((t) => setValue(t, [...base, "name"], v))} /> : null}
      <h3>Options</h3>
      <ul className="statements">
        {(dm.options ?? []).map((o, k) => (
          <li key={`${k}:${o.id ?? ""}`} className="statement">
            <span className="pos" aria-hidden="true">
              ·
            </span>
            <div>
              <TextField label={`Option ${o.id ?? k + 1}${o.oneWay ? ` (one way: ${o.oneWay})` : ""}`} value={o.label ?? ""} problems={at("options", k)} onCommit={(v) => edit((t) => setValue(t, [...base, "options", k, "label"], v))} wide />
              {o.alternatives ? (
                <fieldset>
                  <legend>Alternatives (the first is the default)</legend>
                  {o.alternatives.map((a, j) => (
                    <TextField key={j} label={`Alternative ${a.id ?? j + 1}`} value={a.label ?? ""} problems={at("options", k, "alternatives", j)} onCommit={(v) => edit((t) => setValue(t, [...base, "options", k, "alternatives", j, "label"], v))} />
                  ))}
                </fieldset>
              ) : null}
            </div>
            <div className="tools">
              <button type="button" onClick={() => edit((t) => removeItem(t, [...base, "options"], k))} aria-label={`Remove option ${o.id ?? k + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="inline"
        aria-label={`Add an option for ${title}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!newOption.id) return;
          edit((t) => addItem(t, [...base, "options"], `{ id: ${JSON.stringify(newOption.id)}, label: ${JSON.stringify(newOption.label || newOption.id)} }`));
          setNewOption({ id: "", label: "" });
        }}
      >
        <label className="inline">
          New option id <input value={newOption.id} onChange={(e) => setNewOption({ ...newOption, id: e.target.value })} size={14} />
        </label>
        <label className="inline">
          label <input value={newOption.label} onChange={(e) => setNewOption({ ...newOption, label: e.target.value })} size={24} />
        </label>
        <button type="submit">Add option</button>
      </form>
      <h3>Preferences</h3>
      {dm.preferences ? (
        <Statements list={dm.preferences} base={[...base, "preferences"]} problems={problems} edit={edit} dmName={title} evidence={evidence?.ok ? evidence.value : undefined} />
      ) : dm.ranking ? (
        <p className="muted">
          {title} ranks the states explicitly ({dm.ranking.length} entries, best first), not by statements; edit the ranking in the scenario file.
        </p>
      ) : (
        <p className="muted">No preferences given.</p>
      )}
    </article>
  );
}

function Statements({ list, base, problems, edit, dmName, evidence }: { list: readonly (string | PreferenceData)[]; base: ModelPath; problems: readonly Problem[]; edit: Edit; dmName: string; evidence: DecisionMakerEvidence | undefined }) {
  const [added, setAdded] = useState("");
  return (
    <>
      <ol className="statements" aria-label={`${dmName}'s preference statements, most important first`}>
        {list.map((item, k) => {
          const st = typeof item === "string" ? item : (item.statement ?? "");
          const path = typeof item === "string" ? [...base, k] : [...base, k, "statement"];
          const estimate = typeof item === "object" && item.estimate === true;
          const resolved = evidence?.preferences.find((p) => p.statement === st);
          return (
            <li key={`${k}:${list.length}`} className="statement">
              <span className="pos">{k + 1}</span>
              <div>
                <TextField label={`Statement ${k + 1}`} value={st} problems={problemsAt(problems, ["model", ...base, k])} onCommit={(v) => edit((t) => setValue(t, path, v))} wide />
                <label className="inline">
                  <input type="checkbox" checked={estimate} onChange={(e) => edit((t) => setValue(t, [...base, k, "estimate"], e.target.checked))} /> the modeller's estimate
                </label>
                {typeof item === "object" && item.note ? <p className="muted">{item.note}</p> : null}
                <Evidence resolved={resolved?.evidence} raw={typeof item === "object" ? (item.evidence as readonly Record<string, unknown>[] | undefined) : undefined} />
              </div>
              <div className="tools">
                <button type="button" disabled={k === 0} onClick={() => edit((t) => moveItem(t, base, k, -1))} aria-label={`Move statement ${k + 1} up`}>
                  ↑
                </button>
                <button type="button" disabled={k === list.length - 1} onClick={() => edit((t) => moveItem(t, base, k, 1))} aria-label={`Move statement ${k + 1} down`}>
                  ↓
                </button>
                <button type="button" onClick={() => edit((t) => removeItem(t, base, k))} aria-label={`Remove statement ${k + 1}`}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <form
        className="inline"
        aria-label={`Add a statement for ${dmName}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!added.trim()) return;
          edit((t) => addItem(t, base, `{ statement: ${JSON.stringify(added.trim())} }`));
          setAdded("");
        }}
      >
        <label className="inline">
          New statement (least important) <input value={added} onChange={(e) => setAdded(e.target.value)} size={28} />
        </label>
        <button type="submit">Add statement</button>
      </form>
    </>
  );
}

function Evidence({ resolved, raw }: { resolved: readonly ResolvedEvidence[] | undefined; raw: readonly Record<string, unknown>[] | undefined }) {
  if (resolved && resolved.length > 0)
    return (
      <ul className="evidence" aria-label="Evidence">
        {resolved.map((e, k) => (
          <li key={k}>
            {e.actors?.length ? `${e.actors.join(", ")}` : e.title ?? e.kind}
            {e.date ? ` (${e.date})` : ""}
            {e.quote ? `: “${e.quote}”` : ""}
            {e.note ? ` — ${e.note}` : ""}
            {e.sources[0] ? <span className="muted"> [{e.sources[0].title ?? e.sources[0].id}]</span> : null}
          </li>
        ))}
      </ul>
    );
  if (raw && raw.length > 0)
    return (
      <ul className="evidence" aria-label="Evidence">
        {raw.map((e, k) => (
          <li key={k}>{Object.entries(e).map(([key, v]) => `${key}: ${String(v)}`).join("; ")}</li>
        ))}
      </ul>
    );
  return <p className="evidence">No evidence cited.</p>;
}

function Feasibility({ conditions, problems, edit }: { conditions: readonly Record<string, unknown>[]; problems: readonly Problem[]; edit: Edit }) {
  const [added, setAdded] = useState("");
  return (
    <article className="dm-card" aria-labelledby="feasibility-title">
      <h2 id="feasibility-title">Feasibility conditions</h2>
      <ul className="statements">
        {conditions.map((c, k) => (
          <li key={`${k}:${conditions.length}`} className="statement">
            <span className="pos">{k + 1}</span>
            <div>
              {typeof c.infeasible === "string" ? (
                <TextField label="Infeasible when" value={c.infeasible} problems={problemsAt(problems, ["model", "feasibility", k])} onCommit={(v) => edit((t) => setValue(t, ["feasibility", k, "infeasible"], v))} wide />
              ) : Array.isArray(c.mutuallyExclusive) ? (
                <p>At most one of: {c.mutuallyExclusive.map(String).join(", ")}</p>
              ) : (
                <p>{JSON.stringify(c)}</p>
              )}
              {c.estimate === true ? <span className="estimate">estimate</span> : null}
              {typeof c.note === "string" ? <p className="muted">{c.note}</p> : null}
            </div>
            <div className="tools">
              <button type="button" onClick={() => edit((t) => removeItem(t, ["feasibility"], k))} aria-label={`Remove condition ${k + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      {conditions.length > 0 ? (
        <form
          className="inline"
          aria-label="Add a feasibility condition"
          onSubmit={(e) => {
            e.preventDefault();
            if (!added.trim()) return;
            edit((t) => addItem(t, ["feasibility"], `{ infeasible: ${JSON.stringify(added.trim())} }`));
            setAdded("");
          }}
        >
          <label className="inline">
            New condition: infeasible when <input value={added} onChange={(e) => setAdded(e.target.value)} size={28} />
          </label>
          <button type="submit">Add condition</button>
        </form>
      ) : (
        <p className="muted">Every combination of options is feasible.</p>
      )}
    </article>
  );
}

function LivePanel({ answer, answers, working, saved, options }: { answer: ReturnType<typeof latest<Equilibria>>; answers: number; working: boolean; saved: Equilibria | undefined; options: { decisionMakers?: readonly DmData[] } }) {
  const optionIds = (options.decisionMakers ?? []).flatMap((d) => (d.options ?? []).map((o) => o.id ?? "")).filter(Boolean);
  const before = new Set(saved?.states.map((s) => s.id) ?? []);
  return (
    <aside className="live" aria-labelledby="live-title" data-answers={answers}>
      <h2 id="live-title">Equilibria as you edit</h2>
      {!answer ? <p role="status">Analysing…</p> : null}
      {answer && !answer.ok ? <p className="error">Not analysed until the problems are fixed.</p> : null}
      {answer?.ok ? (
        <div aria-live="polite" aria-busy={working}>
          <p data-testid="live-summary">
            {answer.value.states.length === 0 ? "No outcome holds" : answer.value.states.length === 1 ? "One outcome holds" : `${answer.value.states.length} outcomes hold`} among {answer.value.size} states
            <span className="muted"> (analysed in {answer.ms.toFixed(0)} ms{working ? ", updating…" : ""})</span>.
          </p>
          <ul className="eq-list" data-testid="live-equilibria">
            {answer.value.states.slice(0, 40).map((s) => (
              <li key={s.id} className={saved && !before.has(s.id) ? "changed" : undefined}>
                State {s.id}
                {s.id === answer.value.statusQuo ? " (today)" : ""}: {s.concepts.map((c) => CONCEPT_LABELS[c]).join(", ")}
                {saved && !before.has(s.id) ? <strong> — new</strong> : null}
                <br />
                <code className="muted">{optionIds.map((o) => cell(s.values[o])).join("")}</code>
              </li>
            ))}
          </ul>
          {answer.value.states.length > 40 ? <p className="muted">The first 40 are listed; the Analysis page has them all.</p> : null}
          {saved ? (
            <p>
              {(() => {
                const now = new Set(answer.value.states.map((s) => s.id));
                const gone = saved.states.filter((s) => !now.has(s.id)).map((s) => s.id);
                return gone.length ? `No longer an equilibrium: state${gone.length > 1 ? "s" : ""} ${gone.join(", ")}.` : "";
              })()}
            </p>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}
