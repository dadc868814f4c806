/**
 * Reliability: many clients editing one scenario at once (issue 13: 50 for 30 s).
 * Writers in several processes each read the head and save on top of it; then the
 * history is checked: every accepted save is there with its text, revisions run
 * 1..n without gaps, and every other save got a conflict. Zero lost updates is the target.
 *
 *   node --import tsx bench/storage-writers.ts [--seconds=30] [--writers=50] [--processes=5] [--engine=both]
 * Prints one line per engine and a JSON line per engine with the figures.
 */
import { parseArgs } from "node:util";
import { openStorage } from "@concord/storage";
import { startWriters } from "@concord/storage/testing";
import { emit } from "./figures.js";
import { enginesFrom, freshLocation, sha256Hex } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { seconds: { type: "string" }, writers: { type: "string" }, processes: { type: "string" }, engine: { type: "string" } } });
const seconds = Number(args.seconds ?? 30);
const writers = Number(args.writers ?? 50);
const processes = Math.min(Number(args.processes ?? 5), writers);
let failed = false;

for (const engine of enginesFrom(args.engine)) {
  const location = await freshLocation(engine);
  try {
    const storage = await openStorage(location.where);
    const ws = await storage.workspaces.create("Bench", { userId: null });
    if (!ws.ok) throw new Error(ws.error.message);
    const sc = await storage.scenarios.create(ws.value.id, { name: "Contested", text: "start\n", format: "yaml" }, { userId: null });
    if (!sc.ok) throw new Error(sc.error.message);
    const workspaceId = ws.value.id;
    const scenarioId = sc.value.scenario.id;

    const runs = Array.from({ length: processes }, (_, p) => {
      const share = Math.floor(writers / processes) + (p < writers % processes ? 1 : 0);
      return startWriters({ location: location.where, workspaceId, scenarioId, writers: share, durationMs: seconds * 1000, tag: `p${p}`, waitForGo: true });
    });
    await Promise.race([Promise.all(runs.map((r) => r.ready)), Promise.all(runs.map((r) => r.report))]);
    const t0 = Date.now();
    runs.forEach((r) => r.go());
    const reports = await Promise.all(runs.map((r) => r.report));
    const elapsed = (Date.now() - t0) / 1000;
    const crashed = reports.filter((r) => !r.done || r.exitCode !== 0);
    const acks = reports.flatMap((r) => r.acks);
    const conflicts = reports.reduce((n, r) => n + r.conflicts, 0);

    // Every acknowledged save must be in the history, at its number, with its text.
    let lost = 0;
    const byNumber = new Map<number, string>();
    for (let before: number | undefined; ; ) {
      const page = await storage.scenarios.history(workspaceId, scenarioId, { limit: 1000, before });
      if (!page.ok) throw new Error(page.error.message);
      if (page.value.length === 0) break;
      for (const r of page.value) byNumber.set(r.number, r.contentHash);
      before = page.value.at(-1)!.number;
    }
    for (const a of acks) if (byNumber.get(a.number) !== sha256Hex(a.text)) lost++;
    const head = await storage.scenarios.get(workspaceId, scenarioId);
    if (!head.ok) throw new Error(head.error.message);
    const gapless = byNumber.size === head.value.headRevision && [...byNumber.keys()].every((n) => n >= 1 && n <= head.value.headRevision);
    const unexplained = head.value.headRevision - 1 - acks.length; // revisions nobody acknowledged (must be 0: no writer was killed)
    await storage.close();

    const ok = crashed.length === 0 && lost === 0 && gapless && unexplained === 0;
    if (!ok) failed = true;
    console.log(
      `${engine}: ${writers} writers in ${processes} processes for ${elapsed.toFixed(1)} s — ${acks.length} saves accepted (${(acks.length / elapsed).toFixed(0)}/s), ` +
        `${conflicts} refused with a conflict, ${lost} lost, history ${gapless ? "gapless" : "HAS GAPS"}${unexplained ? `, ${unexplained} unexplained revisions` : ""}` +
        `${crashed.length ? `, ${crashed.length} writer processes FAILED: ${crashed.map((c) => c.stderr.trim().split("\n").pop()).join("; ")}` : ""} — ${ok ? "zero lost updates" : "FAILED"}`,
    );
    console.log(JSON.stringify({ name: `storage-writers-${engine}`, engine, writers, processes, seconds: elapsed, accepted: acks.length, conflicts, lost, gapless, ok }));
    emit({ issue: 13, name: `${engine}: ${writers} clients editing one scenario for ${seconds} s: lost updates`, unit: "count", value: lost, target: { atMost: 0 }, correct: ok });
    emit({ issue: 13, name: `${engine}: saves accepted while ${writers} clients edit`, unit: "per s", value: acks.length / elapsed });
  } finally {
    await location.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
