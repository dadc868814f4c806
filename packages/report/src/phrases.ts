/** Sentences shared by the HTML and Markdown renderings (plain text, not yet escaped). */
import type { CommitmentEntry, HoldLevel, PenEntry, ReportData, SourceEntry, TimelineItem } from "./types.js";
import { dateWords, daysWords, joinWords } from "./words.js";

const when = (date: string | undefined): string => (date === undefined ? "" : dateWords(date));

export function penWords(p: PenEntry): string {
  const ago = p.minDays !== undefined ? `, ${daysWords(p.minDays, p.maxDays!)} ago` : "";
  const who = joinWords([...p.holders]);
  switch (p.state) {
    case "awaiting-answer":
      return `${who} must answer “${p.document}” (handed over ${when(p.since)}${ago}).`;
    case "answered-without-text":
      return `“${p.document}” (${when(p.since)}) was answered without a new text, so the pen is back with ${who}.`;
    case "agreed":
      return `“${p.document}” is agreed (${when(p.since)}).`;
    case "not-handed":
      return `“${p.document}” (${when(p.since)}) was handed to no one; its authors, ${who}, hold the pen.`;
    default:
      return "No text has been handed over on this track yet.";
  }
}

export function commitmentWords(c: CommitmentEntry): string {
  const parts: string[] = [];
  if (c.state === "not-started") parts.push(`Starts ${when(c.from)}.`);
  else if (c.state === "ended") parts.push(`Ended early${c.ended?.date !== undefined ? ` on ${when(c.ended.date)}` : ""}${c.ended?.reason !== undefined ? `: ${c.ended.reason}` : ""}.`);
  else if (c.state === "expired") parts.push(`Expired${c.endsOn !== undefined ? ` on ${when(c.endsOn)}` : ""}.`);
  else if (c.expiry === undefined) parts.push(`In force since ${when(c.from)}, with no end date.`);
  else {
    const left = c.daysToExpiry!;
    parts.push(`In force${c.term !== undefined ? ` (term ${c.term}, from ${when(c.termStart)})` : ""}; the term ends on ${when(c.expiry)} (${left >= 0 ? `in ${daysWords(left)}` : `${daysWords(-left)} ago`}).`);
    if (c.renewsAtExpiry) {
      parts.push("It renews automatically unless notice is given");
      if (c.noticeDeadline !== undefined) {
        const n = c.daysToNoticeDeadline!;
        parts[parts.length - 1] += ` by ${when(c.noticeDeadline)} (${n >= 0 ? `${daysWords(n)} left` : "that date has passed"})`;
      }
      parts[parts.length - 1] += ".";
    } else if (c.notices.length > 0) parts.push(`It ends: notice was given by ${c.notices.map((n) => `${n.by} (${when(n.date)})`).join(", ")}.`);
    else parts.push(c.renewal === "by-agreement" ? "It ends unless renewed by agreement." : "It ends then.");
  }
  if (c.approximate) parts.push("Some of these dates rest on a date that is approximate or not known to the day.");
  return parts.join(" ");
}

/** "21 November 2023", "5 October 2023 to 6 October 2023". */
export function whenText(it: TimelineItem): string {
  return it.until !== undefined ? `${dateWords(it.date)} to ${dateWords(it.until)}` : dateWords(it.date);
}

/** What the timeline's "what" column says besides the title. */
export function kindText(it: TimelineItem): string {
  const status = it.status !== undefined && it.status !== "happened" ? `, ${it.status}` : "";
  return it.type === "event" ? `${it.kind}${status}` : `${it.kind} (${it.type}${status})`;
}

/** "Armine Martirosyan, JAMnews, 7 December 2023". */
export function sourceMeta(s: SourceEntry): string {
  return [s.author, s.publisher, s.date !== undefined ? dateWords(s.date) : undefined].filter((x) => x !== undefined).join(", ");
}

export function asOfWords(r: NonNullable<ReportData["record"]>): string {
  const from = r.asOfFrom === "scenario" ? " (the scenario's date)" : r.asOfFrom === "record" ? " (the last date in the record)" : r.asOfFrom === "today" ? " (today)" : "";
  return `As of ${dateWords(r.asOf)}${from}.`;
}

export const ROLE_WORDS: Record<string, string> = {
  party: "party to the conflict",
  mediator: "mediator",
  facilitator: "facilitator",
  guarantor: "guarantor",
  observer: "observer",
  spoiler: "spoiler",
  affected: "affected",
  commentator: "commentator",
};

export const ONE_WAY_WORDS = { toY: "once taken, cannot be undone", toN: "once dropped, cannot be taken up again" } as const;

export const INTRO_MODEL =
  "The model follows the Graph Model for Conflict Resolution. Each decision maker controls options it either takes or does not; " +
  "a state of the conflict says which options are taken. Some combinations are impossible (the feasibility conditions). " +
  "Each decision maker's preferences are a list of statements, most important first: it prefers a state where a more important " +
  "statement is true, whatever the less important ones say.";

export const INTRO_EQUILIBRIA =
  "A state is stable for a decision maker when it would not leave it by changing its own choices; an equilibrium is a state " +
  "stable for every decision maker. The four concepts differ in how far ahead decision makers are assumed to look.";

export const INTRO_GRAPH =
  "Each box is a state of the conflict (what each decision maker does in it); each arrow is a move by one decision maker, " +
  "changing only its own options, to a state it prefers (a unilateral improvement). The arrow's colour says who moves.";

/** How firmly an outcome holds, as a tag under a picture's box or a table's column. */
export const HOLD_WORDS: Record<HoldLevel, string> = {
  firm: "would hold",
  deterred: "would hold (answers deter)",
  threat: "holds only under costly threats",
  none: "would not hold",
};
