/**
 * The stability table: one row per state (numbered from 1), filtered by option values and
 * by concept, sorted by state or by any decision maker's rank, a page of rows at a time.
 * Choosing a row's state number asks for its explanation.
 */
import { useMemo, useState } from "react";
import { CONCEPT_LABELS, CONCEPT_NAMES, type BasicConcept } from "@concord/app";
import type { Table, TableRow } from "../worker/protocol";
import { cell } from "./words";
import { OptionValuePick } from "../components/OptionValuePick";

const PAGE = 50;

/** What a row must be under a concept: any, an equilibrium, or stable for one decision maker. */
type ConceptFilter = { kind: "any" } | { kind: "equilibrium"; concept: BasicConcept } | { kind: "stable"; concept: BasicConcept; dm: string } | { kind: "unstable"; concept: BasicConcept; dm: string };

export function StabilityTable({ table, selected, onSelect }: { table: Table; selected: number | null; onSelect: (state: number) => void }) {
  const [values, setValues] = useState<Readonly<Record<string, string>>>({});
  const [concept, setConcept] = useState<BasicConcept>(table.concepts[0] ?? "nash");
  const [which, setWhich] = useState<string>("any");
  const [sort, setSort] = useState<string>("state");
  const [page, setPage] = useState(0);

  const filter = useMemo((): ConceptFilter => {
    const [kind, dm] = which.split(":") as [string, string | undefined];
    if (kind === "equilibrium") return { kind, concept };
    if ((kind === "stable" || kind === "unstable") && dm) return { kind, concept, dm };
    return { kind: "any" };
  }, [concept, which]);

  const rows = useMemo(() => {
    const wanted = Object.entries(values).filter(([, v]) => v !== "");
    const keep = (r: TableRow): boolean => {
      for (const [o, v] of wanted) if (cell(r.values[o]) !== v) return false;
      switch (filter.kind) {
        case "any":
          return true;
        case "equilibrium":
          return r.equilibrium.includes(filter.concept);
        case "stable":
          return r.stableFor[filter.concept]?.includes(filter.dm) ?? false;
        case "unstable":
          return !(r.stableFor[filter.concept]?.includes(filter.dm) ?? false);
      }
    };
    const out = table.rows.filter(keep);
    if (sort !== "state") out.sort((x, y) => (x.rank[sort] ?? 0) - (y.rank[sort] ?? 0) || x.id - y.id);
    return out;
  }, [table, values, filter, sort]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const at = Math.min(page, pages - 1);
  const shown = rows.slice(at * PAGE, at * PAGE + PAGE);
  const dmName = new Map(table.decisionMakers.map((d) => [d.id, d.name]));
  const setValue = (o: string, v: string): void => {
    setValues((x) => ({ ...x, [o]: v }));
    setPage(0);
  };

  return (
    <div className="stability">
      <fieldset className="table-filters">
        <legend>Show</legend>
        <label>
          Concept
          <select value={concept} onChange={(e) => (setConcept(e.target.value as BasicConcept), setPage(0))}>
            {table.concepts.map((c) => (
              <option key={c} value={c}>
                {CONCEPT_NAMES[c]} ({CONCEPT_LABELS[c]})
              </option>
            ))}
          </select>
        </label>
        <label>
          States
          <select value={which} onChange={(e) => (setWhich(e.target.value), setPage(0))}>
            <option value="any">all</option>
            <option value="equilibrium">equilibria (stable for everyone)</option>
            {table.decisionMakers.flatMap((d) => [
              <option key={`s${d.id}`} value={`stable:${d.id}`}>
                stable for {d.name}
              </option>,
              <option key={`u${d.id}`} value={`unstable:${d.id}`}>
                not stable for {d.name}
              </option>,
            ])}
          </select>
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="state">state number</option>
            {table.decisionMakers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}'s preference (best first)
              </option>
            ))}
          </select>
        </label>
        <details className="option-filters">
          <summary>Filter by options{Object.values(values).some((v) => v) ? ` (${Object.values(values).filter((v) => v).length} set)` : ""}</summary>
          <div className="option-grid">
            {table.options.map((o) => (
              <OptionValuePick key={o.id} option={o} owner={dmName.get(o.dm) ?? o.dm} value={values[o.id] ?? ""} onChange={(v) => setValue(o.id, v)} words={{ yes: "taken (Y)", no: "not taken (N)" }} described />
            ))}
          </div>
          <button type="button" onClick={() => (setValues({}), setPage(0))}>
            Clear the option filters
          </button>
        </details>
      </fieldset>
      <p role="status" className="count">
        {rows.length === table.rows.length ? `${rows.length} states` : `${rows.length} of ${table.rows.length} states`}
        {pages > 1 ? `, page ${at + 1} of ${pages}` : ""}
      </p>
      <div className="scroll" role="region" aria-label="Stability table" tabIndex={0}>
        <table className="states">
          <caption className="sr-only">States with their option values, each decision maker's rank and the concepts under which they are equilibria</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                State
              </th>
              <th scope="colgroup" colSpan={table.options.length}>
                Options (Y taken, N not)
              </th>
              <th scope="colgroup" colSpan={table.decisionMakers.length}>
                Rank (1 = best)
              </th>
              <th scope="col" rowSpan={2}>
                Equilibrium under
              </th>
            </tr>
            <tr>
              {table.options.map((o) => (
                <th scope="col" key={o.id} title={`${dmName.get(o.dm)}: ${o.label}`} className="opt">
                  <abbr title={`${dmName.get(o.dm)}: ${o.label}`}>{o.id}</abbr>
                </th>
              ))}
              {table.decisionMakers.map((d) => (
                <th scope="col" key={d.id} className="rank">
                  {d.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} aria-selected={r.id === selected} className={[r.id === table.statusQuo ? "sq" : "", r.equilibrium.length ? "eq" : "", r.id === selected ? "selected" : ""].join(" ")}>
                <th scope="row">
                  <button type="button" className="state-link" onClick={() => onSelect(r.id)} aria-label={`State ${r.id}${r.id === table.statusQuo ? ", today's state" : ""}: explain`}>
                    {r.id}
                  </button>
                  {r.id === table.statusQuo ? <span className="tag">today</span> : null}
                </th>
                {table.options.map((o) => (
                  <td key={o.id} className="opt">
                    {cell(r.values[o.id])}
                  </td>
                ))}
                {table.decisionMakers.map((d) => (
                  <td key={d.id} className="rank">
                    {r.rank[d.id]}
                  </td>
                ))}
                <td>{r.equilibrium.length ? r.equilibrium.map((c) => CONCEPT_LABELS[c]).join(", ") : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of the table">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>
            Previous {PAGE}
          </button>
          <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            Next {PAGE}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
