/** Citations as links to the page's list of sources, and that list. */
import { Citation } from "../components/Claims";
import type { CitationRow, SourceRow } from "./protocol";

export function Cites({ cites, sources }: { cites: readonly (CitationRow | string)[]; sources: ReadonlyMap<string, { row: SourceRow; n: number }> }) {
  if (cites.length === 0) return <span className="cites muted">(no source)</span>;
  return (
    <span className="cites">
      {cites.map((c, i) => {
        const id = typeof c === "string" ? c : c.source;
        const s = sources.get(id);
        const label = s ? `source ${s.n}: ${s.row.title}${s.row.publisher ? `, ${s.row.publisher}` : ""}${s.row.date ? `, ${s.row.date}` : ""}` : `source ${id}`;
        const quote = typeof c === "string" ? undefined : c.quote;
        return (
          <a key={`${id}-${i}`} href={`#rsource-${id}`} aria-label={label} title={quote ? `“${quote}”` : label}>
            [{s?.n ?? id}]
          </a>
        );
      })}
    </span>
  );
}

export function SourceTable({ sources }: { sources: readonly SourceRow[] }) {
  return (
    <ol className="sources">
      {sources.map((s) => (
        <li key={s.id} id={`rsource-${s.id}`}>
          <Citation source={s} />
        </li>
      ))}
    </ol>
  );
}

export const sourceIndex = (sources: readonly SourceRow[]): ReadonlyMap<string, { row: SourceRow; n: number }> => new Map(sources.map((row, i) => [row.id, { row, n: i + 1 }]));
