/** A claim of the brief in its own words, followed by links to the sources it cites (numbered as in the report). */
import type { BriefData } from "@concord/app";

type Claim = BriefData["bottomLine"][number];
type Source = BriefData["sources"][number];

export function SourceLinks({ cites, sources }: { cites: Claim["cites"]; sources: readonly Source[] }) {
  const seen = new Set<string>();
  const refs = cites.filter((c) => !seen.has(c.source) && seen.add(c.source));
  if (refs.length === 0) return null;
  return (
    <span className="cites">
      {refs.map((c) => {
        const s = sources.find((x) => x.id === c.source);
        const label = s ? `source ${s.n}: ${s.title}${s.publisher ? `, ${s.publisher}` : ""}${s.date ? `, ${s.date}` : ""}` : `source ${c.source}`;
        return (
          <a key={c.source} href={`#source-${c.source}`} aria-label={label} title={c.quote ? `“${c.quote}”` : label}>
            [{s?.n ?? c.source}]
          </a>
        );
      })}
    </span>
  );
}

export function ClaimText({ claim, sources }: { claim: Claim; sources: readonly Source[] }) {
  return (
    <>
      {claim.text} <SourceLinks cites={claim.cites} sources={sources} />
    </>
  );
}

export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ol className="sources">
      {sources.map((s) => (
        <li key={s.id} id={`source-${s.id}`} value={s.n}>
          <Citation source={s} />
        </li>
      ))}
    </ol>
  );
}

/** One source as the pages cite it: its title (a link when it has a web address), publisher, author, date. */
export function Citation({ source: s }: { source: { title: string; url?: string; publisher?: string; author?: string; date?: string; address?: string } }) {
  return (
    <>
      {s.url ? (
        <a href={s.url} rel="noreferrer noopener" target="_blank">
          {s.title}
        </a>
      ) : (
        s.title
      )}
      {s.publisher ? `, ${s.publisher}` : ""}
      {s.author ? ` (${s.author})` : ""}
      {s.date ? `, ${s.date}` : ""}
      {!s.url && s.address ? `, ${s.address}` : ""}
    </>
  );
}
