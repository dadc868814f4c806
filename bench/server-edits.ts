/**
 * Reliability: 50 clients edit the same scenario over HTTP at once (issue 13: for
 * 30 s). Each reads the scenario, then saves with If-Match; a stale save must get
 * 412. Afterwards every accepted save must be in the history with its text, the
 * history must have no gap and nothing but those saves: zero lost updates.
 *
 *   node --import tsx bench/server-edits.ts [--clients=50] [--seconds=30] [--engine=both]
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { emit } from "./figures.js";
import { call, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { clients: { type: "string" }, seconds: { type: "string" }, engine: { type: "string" } } });
const clients = Number(args.clients ?? 50);
const seconds = Number(args.seconds ?? 30);
const base = scenario("chicken.yaml");
const sha = (t: string): string => createHash("sha256").update(t, "utf8").digest("hex");
let failed = false;

for (const engine of enginesFrom(args.engine)) {
  const location = await freshLocation(engine);
  const server = await spawnServer(location.where);
  try {
    const path = await seed(server.url, base);
    const accepted = new Map<number, string>();
    let stale = 0;
    const other: string[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; Date.now() < until; i++) {
          const read = await call<{ revision: { number: number } }>(server.url, "GET", path);
          const text = `${base}# client ${c}, edit ${i}\n`;
          const saved = await call<{ revision: { number: number } }>(server.url, "PUT", path, { text }, { "if-match": read.etag ?? "" });
          if (saved.status === 200) accepted.set(saved.body.revision.number, text);
          else if (saved.status === 412) stale++;
          else other.push(`${saved.status}`);
        }
      }),
    );
    const history: { number: number; contentHash: string }[] = [];
    for (let before: number | undefined; ; ) {
      const page = await call<{ revisions: { number: number; contentHash: string }[] }>(server.url, "GET", `${path}/revisions?limit=1000${before ? `&before=${before}` : ""}`);
      history.push(...page.body.revisions);
      if (page.body.revisions.length < 1000) break;
      before = page.body.revisions.at(-1)!.number;
    }
    const byNumber = new Map(history.map((r) => [r.number, r.contentHash]));
    const lost = [...accepted].filter(([n, text]) => byNumber.get(n) !== sha(text)).length;
    const extra = history.length - 1 - accepted.size;
    const gaps = history.some((r, i) => r.number !== history.length - i);
    const ok = lost === 0 && extra === 0 && !gaps && other.length === 0;
    if (!ok) failed = true;
    console.log(`Concurrent edits over HTTP [${engine}]: ${clients} clients × ${seconds} s — ${accepted.size} saves accepted (${(accepted.size / seconds).toFixed(0)}/s), ${stale} stale saves refused with 412, ${other.length} other answers${other.length ? ` (${[...new Set(other)].join(", ")})` : ""}`);
    console.log(`  history: ${history.length} revisions, ${lost} accepted saves missing, ${extra} revisions nobody was told of, gaps: ${gaps ? "yes" : "none"}`);
    console.log(`  target: zero lost updates — ${ok ? "meets target" : "MISSES target"}`);
    emit({ issue: 13, name: `${engine}: ${clients} clients saving one scenario over HTTP for ${seconds} s: lost updates`, unit: "count", value: lost + extra + (gaps ? 1 : 0) + other.length, target: { atMost: 0 }, correct: ok, note: `${accepted.size} saves accepted, ${stale} refused with 412` });
  } finally {
    await server.stop();
    await location.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
