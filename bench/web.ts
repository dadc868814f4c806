/**
 * The web workbench (issue 14): how soon the seed is on screen after a cold start, and
 * how big the production bundle is. Each run starts `concord serve` (the built CLI) on a
 * fresh SQLite file — it imports the seed and works out its brief before it listens —
 * opens a fresh Chromium page (fresh cache) on loopback and times, from the navigation's
 * start: the first contentful paint (the shell with the seed's title), and the brief's
 * bottom line painted (the overview's meaningful content). Also timed: from starting
 * `concord serve` to that paint, which includes the first start's work. The bundle is
 * packages/web/dist as `npm run build` leaves it: what the first page load fetches, and
 * everything, gzipped.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { emit } from "./figures.js";
import { spawnServer } from "./server-process.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const DIST = new URL("../packages/web/dist/", import.meta.url).pathname;
const RUNS = 3;

if (!existsSync(join(DIST, "index.html"))) throw new Error("packages/web/dist is missing: run npm run build first (npm run bench does)");

// The bundle: the files index.html loads, then every asset.
const gz = (file: string): number => gzipSync(readFileSync(file)).length;
const html = readFileSync(join(DIST, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(DIST, m[1]!));
const assets = readdirSync(join(DIST, "assets")).map((f) => join(DIST, "assets", f));
const first = initial.reduce((n, f) => n + gz(f), 0);
const all = assets.filter((f) => /\.(js|css)$/.test(f)).reduce((n, f) => n + gz(f), 0);
const largest = assets.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size)[0];
console.log(`  first load: ${initial.length} files, ${(first / 1024).toFixed(1)} KB gzipped; all ${assets.length} assets: ${(all / 1024).toFixed(1)} KB gzipped; largest: ${largest ? `${largest.f.split("/").pop()} ${(largest.size / 1024).toFixed(0)} KB` : "—"}`);
emit({ issue: 14, name: "web: production bundle, first page load (JS + CSS, gzipped)", unit: "MB", value: Math.round(first / 1000) / 1000, target: { atMost: 0.2 }, note: "the target is ours: the issue asks for the size to be printed and kept lean" });
emit({ issue: 14, name: "web: production bundle, every chunk and worker (gzipped)", unit: "MB", value: Math.round(all / 1000) / 1000 });

if (!existsSync(CHROMIUM)) {
  console.log(`  ${CHROMIUM} is missing: the paint figures are not measured`);
  emit({ issue: 14, name: "web: first contentful paint of the seed, cold server", unit: "ms", value: null, target: { atMost: 1500 }, note: "no Chromium" });
} else {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const fcp: number[] = [];
  const meaningful: number[] = [];
  const fromStart: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), "concord-bench-web-"));
      const t0 = performance.now();
      const server = await spawnServer({ file: join(dir, "concord.db") });
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/`);
        await page.locator(".bottom-line p").first().waitFor({ timeout: 120_000 });
        const t = (await page.evaluate(`({ now: performance.now(), fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null })`)) as { now: number; fcp: number | null };
        // The title is painted with the shell; the bottom line once the brief is in.
        if (t.fcp !== null) fcp.push(t.fcp);
        meaningful.push(t.now);
        fromStart.push(performance.now() - t0);
      } finally {
        await context.close();
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]): number | null => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1]! : null);
  const timing = (xs: number[]) => (xs.length ? { min: Math.min(...xs), median: median(xs)!, max: Math.max(...xs), runs: xs.length, warmup: 0 } : undefined);
  const fcpTiming = timing(fcp);
  const meaningfulTiming = timing(meaningful);
  emit({ issue: 14, name: "web: first contentful paint of the seed (shell and title), cold server", unit: "ms", value: median(fcp), ...(fcpTiming ? { timing: fcpTiming } : {}), target: { atMost: 1500 } });
  emit({
    issue: 14,
    name: "web: first meaningful paint of the seed (the brief's bottom line), cold server",
    unit: "ms",
    value: median(meaningful),
    ...(meaningfulTiming ? { timing: meaningfulTiming } : {}),
    target: { atMost: 1500 },
  });
  const startTiming = timing(fromStart);
  emit({
    issue: 14,
    name: "web: from starting concord serve on a fresh database to the seed's bottom line painted",
    unit: "ms",
    value: median(fromStart),
    ...(startTiming ? { timing: startTiming } : {}),
    note: "includes importing the seed and working out its brief, done once per database",
  });
}
