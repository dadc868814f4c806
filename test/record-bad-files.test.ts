// Bad negotiation records (test/bad-files/record/) and the exact problems Concord
// reports for them: file:line:column: path: message.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem, validate } from "@concord/app";

const DIR = "test/bad-files/record";

const EXPECTED: Record<string, string[]> = {
  "impossible-date.yaml": ['14:11: events[0].date: month 13 is not between 01 and 12 in "2023-13-40"'],
  "day-out-of-range.yaml": ['13:11: statements[0].date: day 30 is not between 01 and 28 in "2023-02-30"'],
  "statement-missing-source.yaml": ['16:15: statements[0].sources[0]: unknown source "jamnews-2023-12-08"; did you mean "jamnews-2023-12-07"?'],
  "statement-without-source.yaml": ['11:5: statements[0]: statement "s1" cites no source; expected "sources" with at least one source id'],
  "response-to-missing-document.yaml": ['23:14: documents[1].answers: unknown document or event "proposal-7"; did you mean "proposal-6"?'],
  "unknown-participant.yaml": ['15:29: events[0].participants[1]: unknown actor "azerbijan"; did you mean "azerbaijan"?'],
  "supersedes-itself.yaml": ['17:17: documents[0].supersedes: document "proposal-6" supersedes itself; expected the id of an earlier document'],
  "supersession-cycle.yaml": ['16:17: documents[0].supersedes: supersession goes round in a circle: "p5" → "p6" → "p5"; each document may only supersede an earlier one'],
  "end-before-start.yaml": ["15:12: events[0].until: the event ends (2023-09-01) before it starts (2023-09-06)"],
  "answer-before-proposal.yaml": ['24:14: events[0].answers: event "reply" (2023-11-20) answers "proposal-6", which is dated later (2023-11-21)'],
  "misspelt-key.yaml": ['15:5: events[0].partcipants: unknown key "partcipants"; did you mean "participants"?'],
  "claim-not-a-date.yaml": [
    '18:42: statements[0].claims[0].value: fact "mandate-end" is a date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD (optionally ~ for approximate), found "next year"',
  ],
  "claim-unknown-fact.yaml": ['18:22: statements[0].claims[0].fact: unknown fact "mandate-ends"; did you mean "mandate-end"?'],
  "unknown-cameo-code.yaml": [
    '15:12: events[0].cameo: "047" is not a CAMEO event code (codebook v1.1b3); expected a code such as "036", "044", "057" or "1661", or none',
  ],
  "duplicate-id.yaml": ['11:9: events[0].id: duplicate id "proposal-6" (already the id of document 1); ids must be unique across the record'],
  "bad-duration.yaml": ['15:11: commitments[0].term: expected a duration such as 5 years, 6 months, 2 weeks, 30 days, P5Y or P1Y6M, found text "five years"'],
  "notice-longer-than-term.yaml": ["16:41: commitments[0].renewal.notice: the notice period (1 year) is not shorter than the term (6 months)"],
  "bilateral-with-mediator.yaml": ['15:16: tracks[0].mediators: track "direct" is bilateral but has mediators; expected format "mediated" (or no mediators)'],
  "span-backwards.yaml": ['13:11: statements[0].date: the span ends (2020-11) before it starts (2022-04) in "2022-04/2020-11"'],
  "refers-to-unknown.yaml": ['23:16: statements[0].refersTo[0]: unknown record entry "sochi-2023-09-05"; did you mean "sochi-2023-09-04"?'],
  "evidence-unknown-statement.yaml": ['22:54: model.decisionMakers[0].preferences[0].evidence[0].statement: unknown statement "s3"; expected one of "s2"'],
};

describe("bad negotiation records are rejected with precise messages", () => {
  it("has an expectation for every file in the folder, and a file for every expectation", () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, lines] of Object.entries(EXPECTED)) {
    it(name, () => {
      const file = `${DIR}/${name}`;
      const r = validate({ text: readFileSync(file, "utf8"), file });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map(formatProblem)).toEqual(lines.map((l) => `${file}:${l}`));
    });
  }
});

describe("the small handmade record", () => {
  it("is valid", () => {
    const file = "test/fixtures/record-small.yaml";
    const r = validate({ text: readFileSync(file, "utf8"), file });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });
});
