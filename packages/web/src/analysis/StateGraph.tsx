/**
 * The graph of states and moves: each decision maker's unilateral improvements, with the
 * equilibria, today's state and an improvement path from today highlighted. A small model
 * is drawn whole; a large one (the seed has 18,432 states) as the neighbourhood of the
 * chosen state. The drawing libraries load on first use. The moves are also listed as
 * text, for keyboards and screen readers.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { MoveDescription } from "@concord/app";
import { latest, useAnalysis } from "../worker/client";
import type { Table } from "../worker/protocol";
import type { Drawn, GraphData } from "./graph-render";
import { MOVER_COLOURS, moveWords } from "./words";

let drawing: Promise<unknown> = Promise.resolve();

/** Models up to this many states are drawn whole. */
export const WHOLE_UP_TO = 512;

export function StateGraph({ text, table, selected, onSelect, path }: { text: string; table: Table; selected: number | null; onSelect: (state: number) => void; path: readonly MoveDescription[] }) {
  const whole = table.rows.length <= WHOLE_UP_TO;
  const [depth, setDepth] = useState(2);
  const centre = selected ?? table.statusQuo ?? 1;
  const args = useMemo(() => (whole ? { limit: WHOLE_UP_TO } : { state: centre, depth, limit: 400 }), [whole, centre, depth]);
  const g = latest(useAnalysis("graph", text, args, 50));
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ ms: number; nodes: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const data = useMemo((): GraphData | null => {
    if (!g?.ok) return null;
    const dms = table.decisionMakers.map((d) => d.id);
    const eq = new Set(table.rows.filter((r) => r.equilibrium.length > 0).map((r) => r.id));
    const onPath = new Set(path.map((m) => `${m.from}>${m.to}`));
    const layer = whole ? optionsTaken(table) : distances(centre, g.value.moves);
    return {
      nodes: g.value.states.map((s) => ({ id: s, label: String(s), equilibrium: eq.has(s), statusQuo: s === table.statusQuo, layer: layer.get(s) ?? 0 })),
      edges: g.value.moves.map((m) => ({ from: m.from, to: m.to, mover: Math.max(0, dms.indexOf(m.dm)), path: onPath.has(`${m.from}>${m.to}`) })),
    };
  }, [g, table, path, whole, centre]);

  const handle = useRef<Drawn | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !data) return;
    let gone = false;
    // One drawing at a time in the box: the next waits for the last to finish and removes it.
    drawing = drawing.then(async () => {
      if (gone) return;
      try {
        const { draw } = await import("./graph-render");
        const d = await draw(el, data, onSelect);
        if (gone) return d.destroy();
        handle.current = d;
        d.select(selectedRef.current);
        setDrawn({ ms: d.ms, nodes: data.nodes.length });
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    });
    return () => {
      gone = true;
      setDrawn(null);
      drawing = drawing.then(() => {
        handle.current?.destroy();
        handle.current = null;
      });
    };
  }, [data, onSelect]);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useEffect(() => handle.current?.select(selected), [selected]);

  return (
    <section aria-labelledby="graph-title" className="graph">
      <h2 id="graph-title">{whole ? "Every state and the moves that improve their mover" : `The moves around state ${centre}`}</h2>
      {!whole ? (
        <label className="inline">
          Moves away from state {centre}:{" "}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            <option value={1}>one</option>
            <option value={2}>up to two</option>
            <option value={3}>up to three</option>
          </select>
        </label>
      ) : null}
      <ul className="legend" aria-label="Legend">
        <li><span className="key key-sq" aria-hidden="true" /> today's state (diamond)</li>
        <li><span className="key key-eq" aria-hidden="true" /> an equilibrium (square)</li>
        <li><span className="key key-sel" aria-hidden="true" /> the chosen state</li>
        <li><span className="key key-path" aria-hidden="true" /> the improvement path from today</li>
        {table.decisionMakers.map((d, k) => (
          <li key={d.id}>
            <span className="key key-edge" style={{ backgroundColor: MOVER_COLOURS[k % MOVER_COLOURS.length] }} aria-hidden="true" /> a move by {d.name}
          </li>
        ))}
      </ul>
      {failed ? <p className="error">The graph could not be drawn: {failed}</p> : null}
      <figure className="graph-figure" data-ms={drawn ? drawn.ms.toFixed(0) : undefined} data-nodes={drawn?.nodes}>
        <div ref={box} className="graph-canvas" role="img" aria-label={`Graph of ${data?.nodes.length ?? 0} states and ${data?.edges.length ?? 0} moves; the same moves are listed below the graph. Select a state in the table or in the list to explain it.`} />
        <figcaption>
          {g && !g.ok ? g.problems.map((p) => p.message).join("; ") : null}
          {g?.ok ? `${g.value.states.length} states, ${g.value.moves.length} moves${g.value.partial ? " (moves leading further out are left off)" : ""}.` : "Working out the moves…"}
          {drawn ? ` Laid out and drawn in ${drawn.ms.toFixed(0)} ms.` : ""} Click a state to explain it.
        </figcaption>
      </figure>
      {g?.ok ? (
        <details>
          <summary>The moves as a list</summary>
          <ul className="moves">
            {g.value.moves.slice(0, 400).map((m, k) => (
              <li key={k}>
                <button type="button" className="state-link" onClick={() => onSelect(m.from)}>
                  {m.from}
                </button>{" "}
                → <button type="button" className="state-link" onClick={() => onSelect(m.to)}>{m.to}</button>: {moveWords(m)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** Per state, how many options are taken (an alternative other than the first counts as one). */
function optionsTaken(table: Table): Map<number, number> {
  const first = new Map(table.options.map((o) => [o.id, o.alternatives?.[0]?.id]));
  return new Map(table.rows.map((r) => [r.id, Object.entries(r.values).filter(([o, v]) => (typeof v === "string" ? v !== first.get(o) : v)).length]));
}

/** Per state, the fewest moves from `from` (either way along a move). */
function distances(from: number, moves: readonly MoveDescription[]): Map<number, number> {
  const next = new Map<number, number[]>();
  for (const m of moves) {
    next.set(m.from, [...(next.get(m.from) ?? []), m.to]);
    next.set(m.to, [...(next.get(m.to) ?? []), m.from]);
  }
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const t of next.get(s) ?? []) {
      if (dist.has(t)) continue;
      dist.set(t, dist.get(s)! + 1);
      queue.push(t);
    }
  }
  return dist;
}
