/**
 * Who is waiting on whom and which deadlines run, as of the record's day, in sentences.
 * `today` is the day number the views were computed for (their `asOf`); the other days
 * come as days from it, so no date is read again.
 */
import type { Claim, CommitmentEntry, RecordViews } from "../types.js";
import { dateWords, dayWords, durationWords, joinWords, relativeWords } from "../words.js";
import { claim } from "./steps.js";

/** The waiting items in sentences, longest wait first; at most `max` (the rest are counted). */
export function waitingClaims(r: RecordViews, today: number, max = 4): { claims: Claim[]; more: number } {
  const list = [...r.waiting].sort((x, y) => y.maxDays - x.maxDays || x.id.localeCompare(y.id));
  const claims = list.slice(0, max).map((w) => {
    const lo = durationWords(today - w.minDays, today);
    const hi = durationWords(today - w.maxDays, today);
    const wait = lo === hi ? lo : `${lo} to ${hi}`;
    const has = w.awaiting.length === 1 ? "has" : "have";
    return claim(`${joinWords([...w.awaiting])} ${has} not answered “${w.title}” (from ${joinWords([...w.from])}, ${dateWords(w.since)}): ${wait} so far.`, w.cites, [`rec-${w.id}`]);
  });
  return { claims, more: Math.max(0, list.length - max) };
}

/** The deadlines still ahead: commitments' term ends and notice dates, and deadline events; soonest first. */
export function deadlineClaims(r: RecordViews, today: number): Claim[] {
  const out: { day: number; claim: Claim }[] = [];
  for (const c of r.commitments) {
    if (c.state !== "running" || c.daysToExpiry === undefined) continue;
    const expiry = today + c.daysToExpiry;
    if (expiry < today) continue;
    const notice = noticeDay(c, today);
    const next = c.renewsAtExpiry && notice !== undefined && notice >= today ? notice : expiry;
    out.push({ day: next, claim: claim(commitmentSentence(c, today), c.cites, [`rec-${c.id}`]) });
  }
  for (const d of r.deadlines) {
    if (d.daysLeft < 0) continue;
    const day = today + d.daysLeft;
    out.push({ day, claim: claim(`${d.title}: ${dayWords(day)} (${relativeWords(today, day)}).`, d.cites, [`rec-${d.id}`]) });
  }
  return out.sort((x, y) => x.day - y.day).map((x) => x.claim);
}

/** The last day to give notice against renewal, when there is one. */
function noticeDay(c: CommitmentEntry, today: number): number | undefined {
  return c.daysToNoticeDeadline !== undefined ? today + c.daysToNoticeDeadline : undefined;
}

function commitmentSentence(c: CommitmentEntry, today: number): string {
  const expiry = today + c.daysToExpiry!;
  const parts = [`${c.what}${c.alleged ? " (alleged)" : ""}: the term ends on ${dayWords(expiry)} (${relativeWords(today, expiry)})`];
  if (c.renewsAtExpiry) {
    const notice = noticeDay(c, today);
    const who = c.noticeBy?.length ? `${joinWords([...c.noticeBy], "or")} gives notice` : "notice is given";
    parts.push(notice !== undefined && notice >= today ? `it renews unless ${who} by ${dayWords(notice)} (${relativeWords(today, notice)})` : "it renews automatically");
  } else if (c.notices.length > 0) parts.push(`notice was given by ${joinWords(c.notices.map((n) => n.by))}, so it ends then`);
  else parts.push(c.renewal === "by-agreement" ? "it ends unless renewed by agreement" : "it ends then");
  return `${parts.join("; ")}${c.approximate ? " (some of these dates are approximate)" : ""}.`;
}
