/**
 * Finding actors by what a user types (an id, a name or an alias, in any case) and
 * naming them in output.
 */
import type { ActorInfo } from "../format/schema.js";
import { fail, ok, type Result } from "../problems.js";
import type { NegotiationRecord } from "./record.js";

/** The id of the actor a user means by `text`, or a "usage" problem listing what would have matched. */
export function findActor(record: NegotiationRecord, text: string): Result<string> {
  const actors = record.actors;
  const t = text.trim().toLowerCase();
  const match = (a: ActorInfo): boolean => a.id.toLowerCase() === t || a.name.toLowerCase() === t || (a.aliases ?? []).some((x) => x.toLowerCase() === t);
  const found = actors.filter(match);
  if (found.length === 1) return ok(found[0]!.id);
  const usage = (message: string): Result<string> => fail([{ code: "usage", path: [], message }]);
  if (found.length > 1) return usage(`"${text}" names several actors: ${found.map((a) => a.id).join(", ")}; use an id`);
  const shown = actors.slice(0, 10).map((a) => a.id).join(", ");
  return usage(actors.length === 0 ? `unknown actor "${text}": the scenario defines no actors` : `unknown actor "${text}"; expected an actor's id, name or alias, e.g. ${shown}${actors.length > 10 ? ", …" : ""}`);
}

/** The actor and every actor that belongs to it, directly or through others (`memberOf`). */
export function withMembers(record: NegotiationRecord, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of record.actors) {
      if (!out.has(a.id) && (a.memberOf ?? []).some((m) => out.has(m))) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The display name of an actor id (the id itself when unknown). */
export function actorName(record: NegotiationRecord, id: string): string {
  return record.actors.find((a) => a.id === id)?.name ?? id;
}
