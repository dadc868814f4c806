// The HTML report in a real browser (Debian's chromium through playwright-core): the
// main sections are visible, the pictures have a size, nothing is fetched and nothing
// logs an error. Skipped where /usr/bin/chromium is absent (`apt-get install -y chromium`).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "@concord/core";
import { buildReport } from "./index.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe.skipIf(!existsSync(CHROMIUM))("the HTML report in chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["test/fixtures/report-small.yaml", "docs/examples/record-armenia-azerbaijan.yaml"])("renders %s with its sections and pictures", async (file) => {
    const r = loadScenario(readFileSync(ROOT + file, "utf8"), { file });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { text, data } = await buildReport(r.value, "html");
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (q) => { if (!q.url().startsWith("data:") && q.url() !== "about:blank") requests.push(q.url()); });
    await page.setContent(text, { waitUntil: "load" });
    const sections = ["question", "actors", "timeline", "waiting", "model", "equilibria", "status-quo", "contradictions", "sources"];
    for (const id of sections) {
      const h2 = page.locator(`#${id} > h2`);
      if (id === "model" || id === "equilibria" || id === "status-quo") {
        if (!data.model) continue;
      }
      await h2.scrollIntoViewIfNeeded();
      expect(await h2.isVisible(), id).toBe(true);
    }
    for (const sel of ["svg.timeline-chart", ...(data.moveGraph ? ["svg.move-graph"] : [])]) {
      const box = await page.locator(sel).boundingBox();
      expect(box, sel).not.toBeNull();
      expect(box!.width, sel).toBeGreaterThan(200);
      expect(box!.height, sel).toBeGreaterThan(50);
    }
    // Every mark of the timeline is drawn with a size.
    const marks = await page.locator("svg.timeline-chart g.mark").evaluateAll((gs) => gs.map((g) => (g as unknown as { getBBox(): { width: number } }).getBBox().width));
    expect(marks).toHaveLength(data.timeline.length);
    for (const w of marks) expect(w).toBeGreaterThan(0);
    const shot = join(mkdtempSync(join(tmpdir(), "concord-report-shot-")), `${data.id}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
