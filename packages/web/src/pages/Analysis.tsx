/**
 * Analysis: the stability table (filters by option values and concept, sorting by any
 * decision maker's rank), the graph of states and moves, and why a chosen state is or is
 * not stable for each decision maker. Everything runs through the application layer in
 * the analysis worker, on the model as edited (an unsaved draft included).
 */
import { useCallback, useMemo, useState } from "react";
import { CONCEPT_NAMES, type BasicConcept, type MoveDescription } from "@concord/app";
import { useWorkbench } from "../workbench";
import { useScenarioText } from "../model/draft";
import { latest, useAnalysis } from "../worker/client";
import { StabilityTable } from "../analysis/StabilityTable";
import { ExplainState } from "../analysis/ExplainState";
import { StateGraph } from "../analysis/StateGraph";
import { moveWords } from "../analysis/words";
import "../analysis/pages.css";

const PREFERRED: readonly BasicConcept[] = ["seq", "gmr", "smr", "nash"];

export function Analysis() {
  const { scenario } = useWorkbench();
  const { text, draft } = useScenarioText();
  const table = latest(useAnalysis("table", text, {}));
  const sq = latest(useAnalysis("statusQuo", text, {}));
  const [selected, setSelected] = useState<number | null>(() => {
    const n = Number(new URLSearchParams(location.search).get("state"));
    return Number.isInteger(n) && n > 0 ? n : null;
  });
  const select = useCallback((s: number) => setSelected(s), []);

  // The improvement path from today: to the chosen state if it is a reachable equilibrium, else to the nearest one.
  const path = useMemo((): { to: number; concept: BasicConcept; moves: readonly MoveDescription[] } | null => {
    if (!sq?.ok) return null;
    for (const c of PREFERRED) {
      const eqs = sq.value.equilibria[c] ?? [];
      const hit = eqs.find((e) => e.state === selected) ?? eqs[0];
      if (hit) return { to: hit.state, concept: c, moves: hit.path };
    }
    return null;
  }, [sq, selected]);

  const row = table?.ok ? table.value.rows.find((r) => r.id === selected) : undefined;
  return (
    <section aria-labelledby="analysis-title" className="analysis-page">
      <h1 id="analysis-title">Analysis</h1>
      <p className="as-of">
        {scenario.name}
        {draft ? " — with your unsaved changes from the Model page" : ""}
      </p>
      {!table ? <p role="status">Analysing the model…</p> : null}
      {table && !table.ok ? (
        <div role="alert" className="error">
          <p>The model cannot be analysed:</p>
          <ul>
            {table.problems.map((p, k) => (
              <li key={k}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {table?.ok ? (
        <>
          <Summary equilibria={table.value.rows.filter((r) => r.equilibrium.length > 0).length} size={table.value.rows.length} statusQuo={table.value.statusQuo} sqStable={table.value.rows.find((r) => r.id === table.value.statusQuo)?.equilibrium ?? []} ms={table.ms} />
          {path ? (
            <div className="path">
              <h2>From today</h2>
              {path.moves.length === 0 ? (
                <p>Today's state (state {path.to}) already holds under {CONCEPT_NAMES[path.concept]}.</p>
              ) : (
                <>
                  <p>
                    By moves that each leave their mover better off, the conflict can go from today's state (state {table.value.statusQuo}) to state {path.to}, which holds under {CONCEPT_NAMES[path.concept]}, in {path.moves.length} {path.moves.length === 1 ? "step" : "steps"}:
                  </p>
                  <ol>
                    {path.moves.map((m, k) => (
                      <li key={k}>
                        {moveWords(m)} (state {m.from} → {m.to})
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </div>
          ) : null}
          <div className="analysis-grid">
            <div>
              <h2>States</h2>
              <StabilityTable table={table.value} selected={selected} onSelect={select} />
            </div>
            {selected !== null && selected <= table.value.rows.length ? (
              <ExplainState text={text} state={selected} row={row} decisionMakers={table.value.decisionMakers} statusQuo={table.value.statusQuo} />
            ) : (
              <p className="hint">Choose a state number in the table or in the graph to read why it holds or not for each decision maker.</p>
            )}
          </div>
          <StateGraph text={text} table={table.value} selected={selected} onSelect={select} path={path?.moves ?? []} />
        </>
      ) : null}
    </section>
  );
}

function Summary({ equilibria, size, statusQuo, sqStable, ms }: { equilibria: number; size: number; statusQuo: number | undefined; sqStable: readonly BasicConcept[]; ms: number }) {
  return (
    <p className="lead" data-testid="analysis-summary">
      {equilibria === 0 ? "No outcome holds" : equilibria === 1 ? "One outcome holds" : `${equilibria} outcomes hold`} under at least one concept, out of {size} possible.{" "}
      {statusQuo !== undefined ? (sqStable.length ? `Today's situation (state ${statusQuo}) holds under ${sqStable.map((c) => CONCEPT_NAMES[c]).join(", ")}.` : `Today's situation (state ${statusQuo}) does not hold: someone gains by leaving it.`) : "The model names no status quo."}{" "}
      <span className="muted">(Analysed in {ms.toFixed(0)} ms.)</span>
    </p>
  );
}
