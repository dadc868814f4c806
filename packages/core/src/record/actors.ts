/**
 * Finding actors by what a user types (an id, a name or an alias, in any case) and
 * naming them in output.
 */
import type { ScenarioDocument } from "../format/schema.js";

type Actor = NonNullable<ScenarioDocument["actors"]>[number];

/** The actor a user means by `text`, or a message listing what would have matched. */
export function findActor(doc: ScenarioDocument, text: string): { id: string } | { error: string } {
  const actors = doc.actors ?? [];
  const t = text.trim().toLowerCase();
  const match = (a: Actor): boolean => a.id.toLowerCase() === t || a.name.toLowerCase() === t || (a.aliases ?? []).some((x) => x.toLowerCase() === t);
  const found = actors.filter(match);
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length > 1) return { error: `"${text}" names several actors: ${found.map((a) => a.id).join(", ")}; use an id` };
  const shown = actors.slice(0, 10).map((a) => a.id).join(", ");
  return { error: actors.length === 0 ? `unknown actor "${text}": the scenario defines no actors` : `unknown actor "${text}"; expected an actor's id, name or alias, e.g. ${shown}${actors.length > 10 ? ", …" : ""}` };
}

/** The actor and every actor that belongs to it, directly or through others (`memberOf`). */
export function withMembers(doc: ScenarioDocument, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of doc.actors ?? []) {
      if (!out.has(a.id) && (a.memberOf ?? []).some((m) => out.has(m))) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The display name of an actor id (the id itself when unknown). */
export function actorName(doc: ScenarioDocument, id: string): string {
  return doc.actors?.find((a) => a.id === id)?.name ?? id;
}
