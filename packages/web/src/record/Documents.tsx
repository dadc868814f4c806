/** The record's documents, and for each later version what changed from the one it supersedes, article by article. */
import { Cites } from "./Sources";
import type { DocumentRow, RecordView, SourceRow } from "./protocol";

const CHANGE_WORDS = { unchanged: "unchanged", changed: "changed", new: "new", dropped: "dropped" } as const;

export function Documents({ view, sources }: { view: RecordView; sources: ReadonlyMap<string, { row: SourceRow; n: number }> }) {
  const name = (id: string): string => view.actors[id] ?? id;
  if (view.documents.length === 0) return <p>No documents recorded.</p>;
  return (
    <ul className="documents">
      {view.documents.map((d) => (
        <li key={d.id} id={`doc-${d.id}`}>
          <strong>{d.title}</strong> <span className="muted">({d.kind}, {d.date}{d.status ? `, ${d.status}` : ""})</span>
          <div>
            {d.author.length > 0 && <>from {d.author.map(name).join(", ")}</>}
            {d.to.length > 0 && <> to {d.to.map(name).join(", ")}</>} <Cites cites={d.sources} sources={sources} />
          </div>
          {d.comparison && <Comparison doc={d} earlier={view.documents.find((x) => x.id === d.supersedes)?.title ?? d.supersedes ?? ""} />}
        </li>
      ))}
    </ul>
  );
}

function Comparison({ doc, earlier }: { doc: DocumentRow; earlier: string }) {
  const c = doc.comparison;
  if (!c) return null;
  const { counts } = c;
  return (
    <details className="comparison">
      <summary>
        Compare with the earlier version, {earlier}: {counts.changed} changed, {counts.new} new, {counts.dropped} dropped, {counts.unchanged} unchanged
        {counts.bracketed > 0 ? `, ${counts.bracketed} with [bracketed] wording` : ""}
      </summary>
      {c.articles.length === 0 ? (
        <p>Neither version records its articles.</p>
      ) : (
        <table>
          <caption className="sr-only">Articles of {doc.title} compared with {earlier}</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Change</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {c.articles.map((a) => (
              <tr key={a.article} className={`change-${a.change}`}>
                <th scope="row">
                  {a.article}
                  {a.title ? ` ${a.title}` : ""}
                </th>
                <td>
                  {CHANGE_WORDS[a.change]}
                  {a.marked ? ` (marked ${a.marked})` : ""}
                  {a.bracketed ? ", bracketed" : ""}
                </td>
                <td>{a.before ?? "—"}</td>
                <td>{a.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
