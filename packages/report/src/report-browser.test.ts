// The brief and the report in a real browser (Debian's chromium through playwright-core),
// as readers see them: at 1280×800 and 375×812, in light and dark mode. Screenshots are
// kept in test-artifacts/ (gitignored) for people to look at. Checked: nothing is
// fetched and nothing logs an error; no element is wider than the screen (tables and
// pictures scroll inside their own box); the bottom line starts on the first screen;
// the seed's report is shorter than 15,000 pixels before any detail is opened; no two
// labels of the timeline overlap; the text of every picture stands out from what is
// behind it in both colour schemes; the brief prints on at most two A4 pages.
// Where /usr/bin/chromium is absent the test is skipped, except in CI (process.env.CI),
// where a missing browser fails the run: .ci/run installs it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario, type Loaded } from "@concord/core";
import { buildBrief, buildReport } from "./index.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ARTIFACTS = join(ROOT, "test-artifacts");
const SEED = "scenarios/armenia-azerbaijan-2023.yaml";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const present = existsSync(CHROMIUM);

function load(file: string): Loaded {
  const r = loadScenario(readFileSync(ROOT + file, "utf8"), { file });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const VIEWS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "375", width: 375, height: 812 },
] as const;
const SCHEMES = ["light", "dark"] as const;

it("has a browser to test with in CI", () => {
  // Outside CI a machine without chromium skips the browser tests below; in CI that would hide them.
  if (process.env.CI) expect(present, `${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`).toBe(true);
});

describe.skipIf(!present)("the brief and the report in chromium", () => {
  let browser: Browser;
  const seedReport = (async () => (await buildReport(load(SEED), "html")).text)();
  const seedBrief = (async () => (await buildBrief(load(SEED), "html", { reportHref: "armenia-azerbaijan-2023.html" })).text)();

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `html` and records errors and requests. */
  async function open(html: string, view: (typeof VIEWS)[number], scheme: (typeof SCHEMES)[number]): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: view.width, height: view.height }, colorScheme: scheme });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (q) => { if (!q.url().startsWith("data:") && q.url() !== "about:blank") requests.push(q.url()); });
    await page.setContent(html, { waitUntil: "load" });
    return { page, errors, requests };
  }

  // The checks run in the page: written as JavaScript source, since the package is type-checked without DOM types.

  /** Elements reaching past the screen's edges, other than those inside a box that scrolls or clips. */
  const TOO_WIDE = `(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > w + 1) out.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + w);
    const clipped = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > w + 1 || r.left < -1) && !clipped(el)) out.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") || "") + " spans " + Math.round(r.left) + "–" + Math.round(r.right));
    }
    return out.slice(0, 10);
  })()`;

  /** Pairs of timeline labels whose boxes overlap. */
  const OVERLAPPING_LABELS = `(() => {
    const boxes = [...document.querySelectorAll("svg.timeline-chart text")].map((t) => ({ text: t.textContent || "", r: t.getBoundingClientRect() }));
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) out.push("“" + boxes[i].text + "” / “" + boxes[j].text + "”");
      }
    }
    return out.slice(0, 10);
  })()`;

  /**
   * Text in the pictures whose colour stands out too little from what is behind it
   * (WCAG contrast below 4.5): the box it sits in, else the page.
   */
  const FAINT_TEXT = `(() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || ["0", "0", "0"]).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => { const x = lum(rgb(a)), y = lum(rgb(b)); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const page = getComputedStyle(document.body).backgroundColor;
    const out = [];
    for (const t of document.querySelectorAll("svg text")) {
      if ((t.textContent || "").trim() === "" || t.closest("marker")) continue;
      const box = t.parentElement && t.parentElement.querySelector(":scope > rect");
      const fill = box ? getComputedStyle(box).fill : "none";
      const behind = fill !== "none" && !fill.startsWith("url") && getComputedStyle(box).fillOpacity === "1" ? fill : page;
      const c = contrast(getComputedStyle(t).fill, behind);
      if (c < 4.5) out.push("“" + t.textContent + "” " + getComputedStyle(t).fill + " on " + behind + ": " + c.toFixed(2));
    }
    return out.slice(0, 10);
  })()`;

  const tooWide = (page: Page): Promise<string[]> => page.evaluate(TOO_WIDE) as Promise<string[]>;
  const overlappingLabels = (page: Page): Promise<string[]> => page.evaluate(OVERLAPPING_LABELS) as Promise<string[]>;
  const faintText = (page: Page): Promise<string[]> => page.evaluate(FAINT_TEXT) as Promise<string[]>;

  for (const view of VIEWS) {
    for (const scheme of SCHEMES) {
      it(`shows the seed's report at ${view.width}×${view.height}, ${scheme}: the bottom line first, nothing too wide, readable pictures`, async () => {
        const { page, errors, requests } = await open(await seedReport, view, scheme);
        await page.screenshot({ path: join(ARTIFACTS, `seed-report-${view.name}-${scheme}.png`) });
        const bottom = await page.locator("#bottom-line p").first().boundingBox();
        expect(bottom, "the bottom line is drawn").not.toBeNull();
        expect(bottom!.y, "the bottom line starts on the first screen").toBeLessThan(800);
        expect(await tooWide(page)).toEqual([]);
        expect(await faintText(page)).toEqual([]);
        if (view.width === 1280) {
          const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
          expect(height, "the seed's page before any detail is opened").toBeLessThan(15_000);
          expect(await overlappingLabels(page)).toEqual([]);
          for (const sel of ["svg.paths-graph", "svg.timeline-chart", "svg.move-graph"]) {
            const box = await page.locator(sel).boundingBox();
            expect(box, sel).not.toBeNull();
            expect(box!.width, sel).toBeGreaterThan(300);
          }
        }
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
      });

      it(`shows the seed's brief at ${view.width}×${view.height}, ${scheme}`, async () => {
        const { page, errors, requests } = await open(await seedBrief, view, scheme);
        await page.screenshot({ path: join(ARTIFACTS, `seed-brief-${view.name}-${scheme}.png`) });
        const bottom = await page.locator("#bottom-line p").first().boundingBox();
        expect(bottom!.y).toBeLessThan(view.height);
        expect(await tooWide(page)).toEqual([]);
        expect(await faintText(page)).toEqual([]);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
      });
    }
  }

  it("prints the seed's brief on at most two A4 pages", async () => {
    const { page } = await open(await seedBrief, VIEWS[0], "light");
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(ARTIFACTS, "seed-brief.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  });

  it.each(["test/fixtures/report-small.yaml", "docs/examples/record-armenia-azerbaijan.yaml"])("renders %s with its sections and pictures", async (file) => {
    const { text, data } = await buildReport(load(file), "html");
    const { page, errors, requests } = await open(text, VIEWS[0], "light");
    for (const id of ["brief", "process", "timeline", "sources", ...(data.model ? ["model", "analysis"] : [])]) {
      const h = page.locator(`#${id} > h2, #${id} > h3`).first();
      await h.scrollIntoViewIfNeeded();
      expect(await h.isVisible(), id).toBe(true);
    }
    // Every entry of the record has a mark on the timeline, drawn with a size.
    const marks = await page.locator("svg.timeline-chart g.mark").evaluateAll((gs) => gs.map((g) => (g as unknown as { getBBox(): { width: number } }).getBBox().width));
    expect(marks).toHaveLength(data.timeline.length);
    for (const w of marks) expect(w).toBeGreaterThan(0);
    expect(await overlappingLabels(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${data.id}-report-1280.png`), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
