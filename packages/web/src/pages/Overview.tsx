/**
 * The overview is the brief, in the same words as `concord brief` (the server runs the
 * application layer's brief use case): the bottom line, what to expect next, who waits
 * on whom, deadlines, and what changed since a chosen day — each claim with its sources.
 */
import { useEffect, useState } from "react";
import type { BriefData } from "@concord/app";
import { api, ApiError } from "../api";
import { ClaimText, SourceLinks, SourceList } from "../components/Claims";
import { useWorkbench } from "../workbench";

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; data: BriefData };

export function Overview() {
  const { workspace, scenario, revision } = useWorkbench();
  const [since, setSince] = useState("");
  const [brief, setBrief] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    let live = true;
    setBrief({ state: "loading" });
    api
      .brief(workspace.id, scenario.id, since ? { since } : {}, revision.number)
      .then((r) => live && setBrief({ state: "ready", data: r.result.data }))
      .catch((e: unknown) => live && setBrief({ state: "failed", message: e instanceof ApiError ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [workspace.id, scenario.id, revision.number, since]);

  return (
    <section aria-labelledby="overview-title" className="overview">
      <h1 id="overview-title">{brief.state === "ready" ? brief.data.title : scenario.name}</h1>
      {brief.state === "ready" && brief.data.asOfWords && <p className="as-of">As of {brief.data.asOfWords}</p>}
      <form className="since" onSubmit={(e) => e.preventDefault()}>
        <label>
          What changed since <input type="date" value={since} max={brief.state === "ready" ? brief.data.asOf : undefined} onChange={(e) => setSince(e.target.value)} />
        </label>
        {since && (
          <button type="button" onClick={() => setSince("")}>
            Clear
          </button>
        )}
      </form>
      {brief.state === "loading" && <p role="status">Working out the brief…</p>}
      {brief.state === "failed" && <p role="alert">{brief.message}</p>}
      {brief.state === "ready" && <Brief data={brief.data} />}
    </section>
  );
}

function Brief({ data }: { data: BriefData }) {
  const { sources } = data;
  return (
    <>
      <h2>Bottom line</h2>
      <div className="bottom-line">
        {data.bottomLine.map((c, i) => (
          <p key={i}>
            <ClaimText claim={c} sources={sources} />
          </p>
        ))}
      </div>
      {data.since && (
        <>
          <h2>Since {data.since.since}</h2>
          {data.since.answer.map((c, i) => (
            <p key={i}>
              <ClaimText claim={c} sources={sources} />
            </p>
          ))}
          {data.since.entries.length + data.since.statusChanges.length === 0 ? (
            <p>Nothing was recorded since then.</p>
          ) : (
            <ul className="since-entries">
              {data.since.entries.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.date}>{e.date}</time> — {e.title} <SourceLinks cites={e.cites} sources={sources} />
                </li>
              ))}
              {data.since.statusChanges.map((s) => (
                <li key={`status-${s.id}`}>
                  {s.title}: {s.then} → {s.now} <SourceLinks cites={s.cites} sources={sources} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>What to expect next</h2>
      {data.nextNone && (
        <p>
          <ClaimText claim={data.nextNone} sources={sources} />
        </p>
      )}
      <ol className="next">
        {data.next.map((m) => (
          <li key={m.rank}>
            {m.claims.map((c, i) => (
              <p key={i}>
                <ClaimText claim={c} sources={sources} />
              </p>
            ))}
          </li>
        ))}
      </ol>
      {data.targets.length > 0 && (
        <>
          <h2>The outcomes people want</h2>
          <ul>
            {data.targets.map((t) => (
              <li key={t.id}>
                <strong>{t.label}.</strong> <ClaimText claim={t.claim} sources={sources} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Who waits on whom</h2>
      {data.waiting.length === 0 ? (
        <p>Nobody is waiting for an answer.</p>
      ) : (
        <ul>
          {data.waiting.map((c, i) => (
            <li key={i}>
              <ClaimText claim={c} sources={sources} />
            </li>
          ))}
          {data.waitingMore > 0 && <li>and {data.waitingMore} more (see the Record page)</li>}
        </ul>
      )}
      <h2>Deadlines</h2>
      {data.deadlines.length === 0 ? (
        <p>No deadline runs.</p>
      ) : (
        <ul>
          {data.deadlines.map((c, i) => (
            <li key={i}>
              <ClaimText claim={c} sources={sources} />
            </li>
          ))}
        </ul>
      )}
      <h2>How this was worked out</h2>
      <p>
        <ClaimText claim={data.method} sources={sources} />
      </p>
      <h2>Sources</h2>
      <SourceList sources={sources} />
    </>
  );
}
