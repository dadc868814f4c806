/**
 * Reliability: a writer process killed with SIGKILL in the middle of writes, again
 * and again (issue 13: 20 times). After each kill the database is reopened and
 * checked: SQLite's integrity check (on SQLite), revisions 1..head without gaps,
 * every revision's hash matching its text, one audit entry per save, and every save
 * the killed process had acknowledged present with its text.
 *
 *   node --import tsx bench/storage-kill.ts [--rounds=20] [--writers=10] [--engine=both]
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openStorage } from "@concord/storage";
import { startWriters } from "@concord/storage/testing";
import { emit } from "./figures.js";
import { enginesFrom, freshLocation, sha256Hex } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { rounds: { type: "string" }, writers: { type: "string" }, engine: { type: "string" } } });
const rounds = Number(args.rounds ?? 20);
const writers = Number(args.writers ?? 10);
let failed = false;

for (const engine of enginesFrom(args.engine)) {
  const location = await freshLocation(engine);
  try {
    const setup = await openStorage(location.where);
    const ws = await setup.workspaces.create("Bench", { userId: null });
    if (!ws.ok) throw new Error(ws.error.message);
    const sc = await setup.scenarios.create(ws.value.id, { name: "Killed mid-write", text: "start\n", format: "yaml" }, { userId: null });
    if (!sc.ok) throw new Error(sc.error.message);
    await setup.close();
    const workspaceId = ws.value.id;
    const scenarioId = sc.value.scenario.id;

    const acked = new Map<number, string>();
    const problems: string[] = [];
    let killedAfter = 0;
    for (let round = 1; round <= rounds; round++) {
      // Kill after a random number of acknowledged saves (5–60), i.e. at a random point in the write stream.
      const killAt = 5 + Math.floor(Math.random() * 56);
      const run = startWriters({ location: location.where, workspaceId, scenarioId, writers, durationMs: 120_000, tag: `r${round}` }, (n) => {
        if (n === killAt) run.child.kill("SIGKILL");
      });
      const report = await run.report;
      if (report.signal !== "SIGKILL") problems.push(`round ${round}: the writer ended without being killed (${report.exitCode}): ${report.stderr.trim().split("\n").pop()}`);
      killedAfter += report.acks.length;
      for (const a of report.acks) acked.set(a.number, a.text);

      const s = await openStorage(location.where);
      try {
        if (engine === "sqlite") {
          const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(s.db);
          if (rows[0]?.integrity_check !== "ok") problems.push(`round ${round}: integrity_check says ${JSON.stringify(rows)}`);
        }
        const head = await s.scenarios.get(workspaceId, scenarioId);
        if (!head.ok) throw new Error(head.error.message);
        const revs = await s.db.selectFrom("revisions").select(["number", "text", "content_hash"]).where("scenario_id", "=", scenarioId).orderBy("number").execute();
        if (revs.length !== head.value.headRevision || revs.some((r, i) => r.number !== i + 1)) problems.push(`round ${round}: revisions are not 1..${head.value.headRevision}`);
        for (const r of revs) if (sha256Hex(r.text) !== r.content_hash) problems.push(`round ${round}: revision ${r.number}'s hash does not match its text`);
        const audited = await s.db.selectFrom("audit_log").select("seq").where("object_id", "=", scenarioId).where("action", "=", "revision.save").execute();
        if (audited.length !== revs.length - 1) problems.push(`round ${round}: ${audited.length} audit entries for ${revs.length - 1} saves`);
        const texts = new Map(revs.map((r) => [r.number, r.text]));
        for (const [n, text] of acked) if (texts.get(n) !== text) problems.push(`round ${round}: acknowledged revision ${n} is missing`);
      } finally {
        await s.close();
      }
    }
    const ok = problems.length === 0;
    if (!ok) failed = true;
    console.log(
      `${engine}: ${rounds} writers (${writers} concurrent saves each) killed with SIGKILL mid-writes; ${killedAfter} acknowledged saves in all — ` +
        `${ok ? "after every kill the database was consistent and every acknowledged save was there" : `FAILED:\n  ${problems.slice(0, 10).join("\n  ")}`}`,
    );
    console.log(JSON.stringify({ name: `storage-kill-${engine}`, engine, rounds, acknowledged: killedAfter, problems: problems.length, ok }));
    emit({ issue: 13, name: `${engine}: writer killed mid-write ${rounds} times: problems after restart`, unit: "count", value: problems.length, target: { atMost: 0 }, correct: ok });
  } finally {
    await location.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
