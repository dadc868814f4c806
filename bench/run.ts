/**
 * `npm run bench`: the speed and memory figures the issues set targets for. Each
 * case runs in a fresh process (bench/case.ts) so its peak memory is its own.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus } from "node:os";

interface Row {
  [key: string]: unknown;
}

function run(...args: string[]): Row {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/case.ts", ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Row;
}

const fmt = (ms: unknown): string => (typeof ms === "number" ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`) : "—");
const verdict = (ok: boolean): string => (ok ? "meets target" : "MISSES target");
let missed = 0;
const check = (ok: boolean): string => {
  if (!ok) missed++;
  return verdict(ok);
};

console.log(`Concord benchmarks — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})\n`);

// Issue "Foundation": enumerate and rank a 24-option model.
const e = run("enumerate");
console.log(`Enumerate + rank: ${e.name}`);
console.log(`  ${e.states} feasible states; enumerate ${fmt(e.enumerateMs)}, rank ${fmt(e.rankMs)}, total ${fmt(e.totalMs)}; peak memory ${Number(e.peakMiB).toFixed(0)} MiB`);
console.log(`  target ≤ 3 s and ≤ 1 GiB: ${check((e.totalMs as number) <= 3000 && (e.peakMiB as number) <= 1024)}\n`);

// Issue "Stability engine": full analysis (Nash, GMR, SMR, SEQ; every DM).
const targets: Record<number, { ms: number; mib?: number }> = { 12: { ms: 50 }, 16: { ms: 500 }, 20: { ms: 10_000, mib: 2048 } };
for (const bits of [12, 14, 16, 18, 20]) {
  const r = run("stability", String(bits));
  const t = targets[bits];
  const measured = (r.warmMs ?? r.coldMs) as number;
  console.log(`Stability: ${r.name} — ${r.states} states, ${r.moves} moves`);
  console.log(
    `  analysis ${r.warmMs !== undefined ? `${fmt(r.warmMs)} (median of 6 warm runs; first, cold run ${fmt(r.coldMs)})` : fmt(r.coldMs)}; peak memory ${Number(r.peakMiB).toFixed(0)} MiB; equilibria ${JSON.stringify(r.equilibria)}`,
  );
  if (t) {
    const ok = measured <= t.ms && (t.mib === undefined || (r.peakMiB as number) <= t.mib);
    console.log(`  target ≤ ${fmt(t.ms)}${t.mib ? ` and ≤ ${t.mib / 1024} GiB` : ""}: ${check(ok)}`);
  }
  console.log();
}

// Growth, on one thread so only the algorithm shows: time per state × DM should stay
// about flat from 2^12 to 2^20 (it falls at first, as fixed costs fade), while the
// number of moves grows faster than the states.
console.log("Growth on one thread:");
for (const bits of [12, 14, 16, 18, 20]) {
  const r = run("stability", String(bits), "1");
  const ms = (r.warmMs ?? r.coldMs) as number;
  const perState = (ms * 1e6) / ((r.states as number) * 4);
  const perMove = (ms * 1e6) / (r.moves as number);
  console.log(
    `  2^${bits}: ${String(r.states).padStart(8)} states, ${String(r.moves).padStart(10)} moves, ${fmt(ms).padStart(9)} → ${perState.toFixed(0).padStart(4)} ns per state × DM, ${perMove.toFixed(1).padStart(5)} ns per move`,
  );
}
console.log(missed === 0 ? "\nAll targets met." : `\n${missed} target(s) missed.`);
