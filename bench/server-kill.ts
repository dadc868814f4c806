/**
 * Reliability: the server killed with SIGKILL in the middle of writes, again and
 * again (issue 13: 20 times). Ten clients save over HTTP; after a random number of
 * acknowledged saves the server process is killed; it is started again on the same
 * database and the history is checked over HTTP: revisions 1..head without gaps and
 * every acknowledged save there with its text. (bench/storage-kill.ts does the same
 * one level down, with the integrity check of the database itself.)
 *
 *   node --import tsx bench/server-kill.ts [--rounds=20] [--clients=10] [--engine=both]
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { emit } from "./figures.js";
import { call, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { rounds: { type: "string" }, clients: { type: "string" }, engine: { type: "string" } } });
const rounds = Number(args.rounds ?? 20);
const clients = Number(args.clients ?? 10);
const base = scenario("chicken.yaml");
const sha = (t: string): string => createHash("sha256").update(t, "utf8").digest("hex");
let failed = false;

for (const engine of enginesFrom(args.engine)) {
  const location = await freshLocation(engine);
  let server = await spawnServer(location.where);
  const path = await seed(server.url, base);
  const acked = new Map<number, string>();
  const problems: string[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const killAt = 5 + Math.floor(Math.random() * 56);
      let count = 0;
      const url = server.url;
      const child = server.child;
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let i = 0; child.exitCode === null && child.signalCode === null; i++) {
            try {
              const read = await call(url, "GET", path);
              const text = `${base}# round ${round}, client ${c}, edit ${i}\n`;
              const saved = await call<{ revision: { number: number } }>(url, "PUT", path, { text }, { "if-match": read.etag ?? "" });
              if (saved.status === 200) {
                acked.set(saved.body.revision.number, text);
                if (++count === killAt) child.kill("SIGKILL");
              }
            } catch {
              // The connection died with the server: this save was never acknowledged.
            }
          }
        }),
      );
      server = await spawnServer(location.where);
      const history = (await call<{ revisions: { number: number; contentHash: string }[] }>(server.url, "GET", `${path}/revisions?limit=1000`)).body.revisions;
      const head = history[0]?.number ?? 0;
      if (history.some((r, i) => r.number !== head - i) || history.length !== Math.min(head, 1000)) problems.push(`round ${round}: the history has gaps`);
      const byNumber = new Map(history.map((r) => [r.number, r.contentHash]));
      for (const [n, text] of acked) if (n > head - 1000 && byNumber.get(n) !== sha(text)) problems.push(`round ${round}: acknowledged revision ${n} is missing or changed`);
    }
    const ok = problems.length === 0;
    if (!ok) failed = true;
    console.log(`Server killed mid-write [${engine}]: ${rounds} SIGKILLs, ${clients} clients, ${acked.size} acknowledged saves`);
    for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
    console.log(`  target: consistent after every kill, no acknowledged save lost — ${ok ? "meets target" : "MISSES target"}`);
    emit({ issue: 13, name: `${engine}: server killed with SIGKILL mid-write ${rounds} times: problems after restart`, unit: "count", value: problems.length, target: { atMost: 0 }, correct: ok, note: `${acked.size} acknowledged saves, ${clients} clients` });
  } finally {
    await server.stop();
    await location.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
