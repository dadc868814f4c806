/**
 * The record's timeline: a strip of marks over time (pointer: click a mark to jump to
 * its entry) and the accessible list of entries, filtered by actor, track and kind.
 * Cancelled, declined and postponed events stay in the list, marked as such.
 */
import { useMemo, useState } from "react";
import type { TimelineEntry } from "@concord/app";
import { Cites } from "./Sources";
import type { RecordView, SourceRow } from "./protocol";

/** Statuses of things that did not happen (as planned). */
const OFF = new Set(["cancelled", "declined", "postponed", "withdrawn", "rejected", "failed", "suspended"]);

export const isOff = (e: TimelineEntry): boolean => e.status !== undefined && OFF.has(e.status);

export function Timeline({ view, sources }: { view: RecordView; sources: ReadonlyMap<string, { row: SourceRow; n: number }> }) {
  const [actor, setActor] = useState("");
  const [track, setTrack] = useState("");
  const [kind, setKind] = useState("");
  const kinds = useMemo(() => [...new Set(view.timeline.flatMap((e) => [e.type, ...e.kind.split("/")]))].sort(), [view.timeline]);
  const actorsInRecord = useMemo(() => [...new Set(view.timeline.flatMap((e) => e.actors))].sort((a, b) => (view.actors[a] ?? a).localeCompare(view.actors[b] ?? b)), [view]);
  const entries = view.timeline.filter(
    (e) => (actor === "" || e.actors.includes(actor)) && (track === "" || e.track === track) && (kind === "" || e.type === kind || e.kind.split("/").includes(kind)),
  );
  const name = (id: string): string => view.actors[id] ?? id;
  const offCount = entries.filter(isOff).length;

  return (
    <>
      <div className="filters" role="group" aria-label="Filter the timeline">
        <label>
          Actor{" "}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">everyone</option>
            {actorsInRecord.map((a) => (
              <option key={a} value={a}>
                {name(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Track{" "}
          <select value={track} onChange={(e) => setTrack(e.target.value)}>
            <option value="">all tracks</option>
            {view.tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{" "}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">all kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <span role="status" className="muted">
          {entries.length} of {view.timeline.length} entries{offCount > 0 ? `, ${offCount} cancelled, declined or postponed` : ""}
        </span>
      </div>
      <Strip entries={entries} first={view.firstDay} last={view.day} />
      <ol className="timeline">
        {entries.map((e) => (
          <li key={`${e.type}-${e.id}`} id={`entry-${e.type}-${e.id}`} tabIndex={-1} className={`entry ${e.type}${isOff(e) ? " off" : ""}`}>
            <time dateTime={e.day}>{e.date}</time>
            <span className="type">{e.type === "statement" ? "said" : e.kind}</span>
            {isOff(e) && <span className="badge">{e.status}</span>}
            <span className="title">{e.type === "statement" ? `“${e.title}”` : e.title}</span>
            <span className="who">
              {e.actors.map(name).join(", ")}
              {e.place ? ` · ${e.place}` : ""}
              {e.track ? ` · ${view.tracks.find((t) => t.id === e.track)?.name ?? e.track}` : ""}
              {!isOff(e) && e.status && e.status !== "happened" ? ` · ${e.status}` : ""}
            </span>{" "}
            <Cites cites={e.sources} sources={sources} />
          </li>
        ))}
      </ol>
    </>
  );
}

const DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The entries as marks on a time axis; a picture for pointer users (the list says the same). */
function Strip({ entries, first, last }: { entries: readonly TimelineEntry[]; first: string; last: string }) {
  const a = dayNumber(first);
  const b = Math.max(a + 1, dayNumber(last));
  const x = (iso: string): number => 10 + (980 * (dayNumber(iso) - a)) / (b - a);
  const years: number[] = [];
  for (let y = Number(first.slice(0, 4)) + 1; y <= Number(last.slice(0, 4)); y++) years.push(y);
  const jump = (e: TimelineEntry): void => {
    const el = document.getElementById(`entry-${e.type}-${e.id}`);
    el?.scrollIntoView({ block: "center" });
    el?.focus();
  };
  return (
    <svg className="strip" viewBox="0 0 1000 56" aria-hidden="true" preserveAspectRatio="none">
      <line x1="10" x2="990" y1="30" y2="30" className="axis" />
      {years.map((y) => (
        <g key={y}>
          <line x1={x(`${y}-01-01`)} x2={x(`${y}-01-01`)} y1="22" y2="38" className="tick" />
          <text x={x(`${y}-01-01`)} y="52" className="year">
            {y}
          </text>
        </g>
      ))}
      {entries.map((e, i) => (
        <circle key={`${e.type}-${e.id}`} cx={x(e.day)} cy={e.type === "event" ? 14 : e.type === "document" ? 24 : 38 + (i % 2) * 4} r="4" className={`mark ${e.type}${isOff(e) ? " off" : ""}`} onClick={() => jump(e)}>
          <title>{`${e.date}: ${e.title}`}</title>
        </circle>
      ))}
    </svg>
  );
}
