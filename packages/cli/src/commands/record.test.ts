// The record's commands, run as a user runs them, in this process: main(argv, io).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { concord as run, concordJson, type Run } from "../../../../test/fixtures/concord.js";

const FILE = fileURLToPath(new URL("../../../../test/fixtures/record-small.yaml", import.meta.url));

const concord = (...args: string[]): Promise<Run> => run(args);

const json = <T>(...args: string[]): Promise<T> => concordJson<T>(args);

const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-record-"));

describe("concord timeline", () => {
  it("filters by actor (by alias) and kind", async () => {
    const entries = await json<{ id: string }[]>("timeline", FILE, "--actor", "Sudland", "--kind", "proposal,meeting");
    expect(entries.map((e) => e.id)).toEqual(["opening", "draft-1", "draft-2", "direct-offer", "march-round"]);
    expect((await json<{ id: string }[]>("timeline", FILE, "--from", "2024-05", "--to", "2024")).map((e) => e.id)).toEqual(["incident", "south-late"]);
  });
  it("rejects an unknown kind, actor or date with exit code 2", async () => {
    expect(await concord("timeline", FILE, "--kind", "meating")).toMatchObject({ code: 2, out: "" });
    expect((await concord("timeline", FILE, "--kind", "meating")).err).toMatch(/^--kind: unknown kind "meating"; expected one of event, document, statement, meeting,/);
    expect((await concord("timeline", FILE, "--actor", "Westland")).err).toMatch(/^--actor: unknown actor "Westland"; expected an actor's id, name or alias, e\.g\. north, south/);
    expect(await concord("timeline", FILE, "--from", "2023-13-40")).toEqual({ code: 2, out: "", err: '--from: month 13 is not between 01 and 12 in "2023-13-40"\n' });
  });
});

describe("concord waiting", () => {
  it("prints who awaits whose answer and who holds the pen, as of the scenario's date", async () => {
    const r = await concord("waiting", FILE);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "As of 2024-03-31 (the scenario's date)",
        "",
        "Waiting for an answer",
        "since            days  from       awaiting              what",
        "----------  ---------  ---------  --------------------  --------------------------------------------------------------",
        "2024-02-29    31 days  Northland  Southland             Northland's second draft (draft-2)",
        "2024-03     0–30 days  Southland  Northland, The Union  Southland's letter on prisoners (pledge)",
        "2024-03-05    26 days  Southland  Northland             Southland offers direct talks without mediators (direct-offer)",
        "",
        "Pen holders",
        "track                           pen with   why",
        "------------------------------  ---------  ----------------------------------------------------",
        "Union-mediated talks            Southland  must answer draft-2 (handed 2024-02-29, 31 days ago)",
        "Eastern format                  -          ceasefire is agreed (2023-08-31)",
        "Direct talks without mediators  -          no text on this track yet",
        "",
      ].join("\n"),
    );
  });
  it("counts from --as-of, and rejects a date that is not a date", async () => {
    expect((await json<{ waiting: { id: string; minDays: number }[] }>("waiting", FILE, "--as-of", "2024-01-20")).waiting).toMatchObject([{ id: "draft-1", minDays: 10 }]);
    expect(await concord("waiting", FILE, "--as-of", "2023-13-40")).toEqual({ code: 2, out: "", err: '--as-of: month 13 is not between 01 and 12 in "2023-13-40"\n' });
  });
});

describe("concord deadlines and contradictions", () => {
  it("gives the term, expiry and notice window", async () => {
    const d = await json<{ commitments: { term: number; expiry: string; noticeDeadline: string }[] }>("deadlines", FILE, "--as-of", "2024-01-15");
    expect(d.commitments[0]).toMatchObject({ term: 1, expiry: "2024-02-29", noticeDeadline: "2024-01-29" });
    const text = (await concord("deadlines", FILE)).out;
    expect(text).toContain("2024-08-31 (in 153 days)  2024-07-31 (122 days left)  renews automatically");
    expect(text).toContain("2024-04-30         30  Union's deadline for a signed text (signing-deadline)  Northland, Southland");
  });
  it("lists both sides of each contradiction with their sources", async () => {
    const r = await concord("contradictions", FILE);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 5)).toEqual([
      "1. when the monitors' mandate ends (mandate-end): claims disagree (a value is approximate)",
      "   A. Eastern Power, 2024-02-01 [east-mandate]: “The monitors stay until August 2024.” → 2024-08",
      "      source: Southland answers; hearing in the Union (Test Wire, 2024-02-01)",
      "   B. A. Pundit, 2024-03-05 [pundit-mandate]: “The monitors' mandate expires in a year.” → ~2025-03 ('in a year', said on 2024-03-05)",
      "      source: Northland's second draft (Test Gazette, 2024-03-05)",
    ]);
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("2 contradictions");
  });
});

describe("concord evidence", () => {
  it("shows a decision maker's preferences with quotes and sources", async () => {
    const r = await concord("evidence", FILE, "--dm", "north");
    expect(r.code).toBe(0);
    expect(r.out).toContain("  1. sign\n     - statement north-ready, Northland, 2024-01-10: “We are ready to sign within weeks.”\n       source: Talks open under Union auspices (Test Wire, 2024-01-10)\n");
  });
  it("names the decision makers when none matches", async () => {
    expect(await concord("evidence", FILE, "--dm", "West")).toEqual({
      code: 2,
      out: "",
      err: '--dm: no decision maker matches "West"; expected the name or id of one, or its start: Northland (North), Southland (South)\n',
    });
  });
});

describe("concord as-of", () => {
  it("writes a valid scenario restricted to the day and says what it dropped", async () => {
    const out = join(tmp(), "early.yaml");
    const r = await concord("as-of", FILE, "2024-01-20", "-o", out);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      "as of 2024-01-20: dropped 5 sources (s-feb, s-mar, s-mar20, s-month, s-late); 1 track (t-direct); 3 documents (answer-1, draft-2, pledge); " +
        "5 events (hearing, direct-offer, march-round, signing-deadline, incident); 4 statements (east-mandate, pundit-mandate, union-mandate, south-late); " +
        "6 evidence items (model.decisionMakers[0].preferences[0].evidence[1], model.decisionMakers[0].preferences[0].evidence[2], model.decisionMakers[1].options[0].evidence[0], " +
        "model.decisionMakers[1].preferences[0].evidence[0], model.decisionMakers[1].preferences[0].evidence[1], model.statusQuo.evidence[0])\n",
    );
    expect(await concord("validate", out)).toMatchObject({ code: 0 });
    expect((await json<{ waiting: { id: string }[] }>("waiting", out)).waiting.map((w) => w.id)).toEqual(["draft-1"]);
  });
  it("writes nothing for a bad date", async () => {
    const out = join(tmp(), "x.yaml");
    expect(await concord("as-of", FILE, "2023-13-40", "-o", out)).toEqual({ code: 2, out: "", err: '<date>: month 13 is not between 01 and 12 in "2023-13-40"\n' });
    expect(existsSync(out)).toBe(false);
  });
});

describe("concord export and import-events", () => {
  it("round trip: importing the exported CSV leaves the scenario byte for byte unchanged", async () => {
    const dir = tmp();
    const file = join(dir, "s.yaml");
    copyFileSync(FILE, file);
    expect(await concord("export", file, "--to", "cameo", "-o", join(dir, "e.csv"))).toEqual({ code: 0, out: "", err: "" });
    expect(readFileSync(join(dir, "e.csv"), "utf8").split("\n")[0]).toBe(
      "id,date,until,event_code,code_source,code_note,event_name,actor1_codes,actor2_codes,kind,status,status_date,announced,title,by,to,participants,declined_by,place,track,documents,answers,sources,note",
    );
    expect(await concord("import-events", join(dir, "e.csv"), "--into", file)).toEqual({ code: 0, out: "added 0, updated 0, unchanged 7 events\n", err: "" });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(FILE, "utf8"));
  });
  it("adds an edited row, keeps the file's comments, and leaves the file alone when a row is bad", async () => {
    const dir = tmp();
    const file = join(dir, "s.yaml");
    copyFileSync(FILE, file);
    const csv = join(dir, "e.csv");
    writeFileSync(csv, "id,date,kind,title,by,to,sources,event_code\nvisit,2024-03-12,meeting,Mediator visits Southland,union,south,s-mar,44\n");
    expect((await concord("import-events", csv, "--into", file)).out).toBe("added 1, updated 0, unchanged 0 events\n  added: visit\n");
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("# A small, invented negotiation record")).toBe(true);
    // The letter dated only to March 2024 overlaps the day too.
    expect((await json<{ id: string; kind: string }[]>("timeline", file, "--from", "2024-03-12", "--to", "2024-03-12")).map((e) => e.id)).toEqual(["pledge", "visit"]);
    writeFileSync(csv, "id,date,kind,title,sources\nbad,2023-13-40,meeting,Talks,s-mar\n");
    expect(await concord("import-events", csv, "--into", file)).toEqual({
      code: 2,
      out: "",
      err: `${csv}:2: column "date": month 13 is not between 01 and 12 in "2023-13-40"\n${csv}: 1 problem; nothing was imported\n`,
    });
    expect(readFileSync(file, "utf8")).toBe(text);
  });
  it("exports documents shaped like PA-X", async () => {
    const r = await concord("export", FILE, "--to", "pax", "--all");
    expect(r.out.split("\n")[0]).toBe("Con,PP,PPName,AgtId,Agt,Dat,Status,Stage,StageSub,Part,ThrdPart,OthAgr,concord_id,concord_kind,concord_status,sources");
    expect(r.out).toContain(",Northland's second draft,2024-02-29,Not agreed (submitted),");
    const rows = await json<Record<string, string>[]>("export", FILE, "--to", "pax");
    expect(rows.map((x) => [x.AgtId, x.Agt, x.Dat, x.Status, x.Stage])).toEqual([["", "Ceasefire statement", "2023-08-31", "Multiparty signed/agreed", "Cea"]]);
  });
});

describe("bad records on the command line", () => {
  it("validate reports a record problem at line:column with exit code 2", async () => {
    const bad = fileURLToPath(new URL("../../../../test/bad-files/record/impossible-date.yaml", import.meta.url));
    const r = await concord("validate", bad);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${bad}:14:11: events[0].date: month 13 is not between 01 and 12 in "2023-13-40"\n${bad}: 1 problem\n`);
  });
  it("every record command explains itself in --help", async () => {
    for (const cmd of ["timeline", "waiting", "as-of", "deadlines", "contradictions", "evidence", "compare", "export", "import-events"]) {
      const r = await concord(cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: concord ${cmd} `));
      expect(r.out).toContain("--json");
    }
  });
});
