import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day, recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import { dayNumber, isoDay } from "../dates.js";
import { addMonths } from "./duration.js";
import { commitmentTerm, deadlines } from "./deadlines.js";
import type { CommitmentEntry } from "../format/record-schema.js";

const doc = recordSmall();
const record = recordOf(doc);
const monitors = doc.commitments![0]!;
/** A commitment as the record holds it once loaded. */
const parsed = (c: CommitmentEntry) => recordOf({ ...doc, commitments: [c] }).commitments[0]!;
const term = (c: CommitmentEntry, date: string) => commitmentTerm(record, parsed(c), day(date));

describe("commitments: terms, expiry and notice", () => {
  it("six-month terms from 31 August: the first ends on 29 February (leap year), the second on 31 August", () => {
    expect(term(monitors, "2024-03-31")).toEqual({
      id: "monitors",
      what: "Eastern monitors stay along the line of contact",
      bound: ["east"],
      document: "ceasefire",
      article: "4",
      from: "2023-08-31",
      renewal: "automatic",
      notices: [],
      approximate: false,
      state: "running",
      term: 2,
      termStart: "2024-02-29",
      expiry: "2024-08-31",
      daysToExpiry: 153,
      renewsAtExpiry: true,
      noticeDeadline: "2024-07-31",
      daysToNoticeDeadline: 122,
      noticeWindowOpen: true,
      noticeBy: ["north", "south", "east"],
    });
  });

  it("the notice window of the first term closes a month before 29 February", () => {
    expect(term(monitors, "2024-01-15")).toMatchObject({ term: 1, expiry: "2024-02-29", daysToExpiry: 45, noticeDeadline: "2024-01-29", daysToNoticeDeadline: 14, noticeWindowOpen: true, renewsAtExpiry: true });
    expect(term(monitors, "2024-02-10")).toMatchObject({ term: 1, noticeDeadline: "2024-01-29", daysToNoticeDeadline: -12, noticeWindowOpen: false, renewsAtExpiry: true });
    // The expiry day is the first day of the next term.
    expect(term(monitors, "2024-02-29")).toMatchObject({ term: 2, termStart: "2024-02-29" });
    expect(term(monitors, "2023-08-30")).toMatchObject({ state: "not-started" });
  });

  it("a notice given in time stops the renewal; a late one takes effect a term later", () => {
    const inTime = { ...monitors, notices: [{ by: "south", date: "2024-01-20", sources: ["s-jan"] }] };
    expect(term(inTime, "2024-01-19")).toMatchObject({ renewsAtExpiry: true, notices: [] });
    expect(term(inTime, "2024-02-10")).toMatchObject({ state: "running", term: 1, renewsAtExpiry: false, noticeWindowOpen: false, endsOn: "2024-02-29", notices: [{ by: "south", date: "2024-01-20" }] });
    expect(term(inTime, "2024-03-01")).toMatchObject({ state: "expired", term: 1, expiry: "2024-02-29", endsOn: "2024-02-29" });
    const late = { ...monitors, notices: [{ by: "south", date: "2024-02-10", sources: ["s-feb"] }] };
    expect(term(late, "2024-02-20")).toMatchObject({ term: 1, renewsAtExpiry: true });
    expect(term(late, "2024-03-31")).toMatchObject({ term: 2, renewsAtExpiry: false, endsOn: "2024-08-31" });
    expect(term(late, "2024-09-01")).toMatchObject({ state: "expired", term: 2 });
  });

  it("five years from 10 November 2020, renewed unless notice six months before: as of 7 December 2023", () => {
    const c: CommitmentEntry = { id: "pk", what: "peacekeepers stay", bound: ["east"], from: "2020-11-10", term: "5 years", renewal: { kind: "automatic", notice: "6 months" }, sources: ["s-jan"] };
    expect(term(c, "2023-12-07")).toMatchObject({ term: 1, expiry: "2025-11-10", daysToExpiry: 704, noticeDeadline: "2025-05-10", daysToNoticeDeadline: 520, renewsAtExpiry: true });
    // Renewal is checked on an invented commitment in the 2030s, so no test looks at the real
    // one after the seed's cut-off (7 December 2023). 2032 is a leap year like 2020.
    const invented: CommitmentEntry = { ...c, id: "guards", what: "an invented guard force stays", from: "2032-11-10" };
    expect(term(invented, "2035-12-07")).toMatchObject({ term: 1, expiry: "2037-11-10", daysToExpiry: 704, noticeDeadline: "2037-05-10", daysToNoticeDeadline: 520 });
    expect(term(invented, "2038-01-01")).toMatchObject({ term: 2, termStart: "2037-11-10", expiry: "2042-11-10", noticeDeadline: "2042-05-10" });
    // The first term given as a date, renewals by term.
    const byDate: CommitmentEntry = { ...invented, term: undefined, to: "2037-11-10", renewal: { kind: "automatic", term: "5 years", notice: "6 months" } };
    expect(term(byDate, "2038-01-01")).toMatchObject({ term: 2, expiry: "2042-11-10" });
  });

  it("renewal by agreement, a limit on renewals, an early end, no term at all", () => {
    // An invented commitment in the 2030s: the dates are made up and describe nothing real.
    const base: CommitmentEntry = { id: "c", what: "x", bound: ["east"], from: "2031-01-01", term: "1 year", sources: ["s-jan"] };
    expect(term({ ...base, renewal: { kind: "by-agreement" } }, "2032-06-01")).toMatchObject({ state: "expired", expiry: "2032-01-01", renewsAtExpiry: false });
    const capped = { ...base, renewal: { kind: "automatic" as const, notice: "1 month", maxRenewals: 1 } };
    expect(term(capped, "2032-06-01")).toMatchObject({ state: "running", term: 2, renewsAtExpiry: false, endsOn: "2033-01-01" });
    expect(term(capped, "2033-01-01")).toMatchObject({ state: "expired", term: 2 });
    expect(term({ ...base, ended: { date: "2031-03-09", reason: "withdrawn" } }, "2031-05-01")).toMatchObject({ state: "ended", endsOn: "2031-03-09", ended: { date: "2031-03-09", reason: "withdrawn" } });
    expect(term({ ...base, ended: { date: "2031-03-09" } }, "2031-03-08")).toMatchObject({ state: "running", term: 1 });
    expect(term({ ...base, term: undefined }, "2040-01-01")).toMatchObject({ state: "running" });
    expect(term({ ...base, term: undefined }, "2040-01-01").expiry).toBeUndefined();
    expect(term({ ...base, from: "~2031-01" }, "2031-06-01")).toMatchObject({ approximate: true, expiry: "2032-01-01" });
    expect(term({ ...base, alleged: true }, "2031-06-01")).toMatchObject({ alleged: true, state: "running" });
    expect(term(base, "2031-06-01").alleged).toBeUndefined();
  });

  it("lists deadline events with the days left", () => {
    const d = deadlines(record, day("2024-03-31"));
    expect(d.asOf).toBe("2024-03-31");
    expect(d.commitments.map((c) => c.id)).toEqual(["monitors"]);
    expect(d.deadlines).toEqual([{ id: "signing-deadline", title: "Union's deadline for a signed text", date: "2024-04-30", status: "planned", participants: ["north", "south"], daysLeft: 30 }]);
    expect(deadlines(record, day("2024-05-02")).deadlines[0]!.daysLeft).toBe(-2);
  });

  it("for any start, term and notice: the day falls in the term reported, terms follow each other on anniversaries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2040, 12, 31) }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 7300 }),
        fc.integer({ min: 0, max: 59 }),
        (start, months, offset, noticeMonths) => {
          const notice = Math.min(noticeMonths, months - 1);
          const c: CommitmentEntry = {
            id: "c", what: "x", bound: ["east"], from: isoDay(start), term: `${months} months`,
            renewal: { kind: "automatic", ...(notice > 0 ? { notice: `${notice} months` } : { notice: "1 day" }) }, sources: ["s-jan"],
          };
          const t = commitmentTerm(record, parsed(c), start + offset);
          const k = t.term!;
          expect(t.state).toBe("running");
          expect(t.termStart).toBe(isoDay(k === 1 ? start : addMonths(start, (k - 1) * months)));
          expect(t.expiry).toBe(isoDay(addMonths(start, k * months)));
          expect(t.termStart! <= isoDay(start + offset) && isoDay(start + offset) < t.expiry!).toBe(true);
          if (notice > 0) expect(t.noticeDeadline).toBe(isoDay(addMonths(addMonths(start, k * months), -notice)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
