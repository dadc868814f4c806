// The Settlement page on the seed in a real browser: the packages both sides could accept,
// the Nash and Kalai–Smorodinsky packages in words, the frontier chart, and whether each
// package would hold, checked against the application layer's `settle` run here in Node.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle, type SettleResult } from "@concord/app";
import type { RunningServer } from "@concord/server";
import { axe, chromiumPresent, launch, openPage, overflows, SEED_FILE, screenshotPath, startWorkbench } from "./harness.js";

describe.skipIf(!chromiumPresent && !process.env.CI)("the settlement page", () => {
  let server: RunningServer;
  let browser: Browser;
  let expected: SettleResult;
  beforeAll(async () => {
    server = await startWorkbench();
    browser = await launch();
    const r = await settle({ text: readFileSync(SEED_FILE, "utf8"), file: "seed.yaml" }, { searchChanges: false });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
    expected = r.value;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the seed's acceptable packages, the fairest ones in words, the frontier and which would hold", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Settlement" }).click();
    await page.getByRole("heading", { name: "Settlement", level: 1 }).waitFor();
    const summary = page.getByTestId("settlement-summary");
    await summary.waitFor({ timeout: 120_000 });
    expect(await summary.innerText()).toBe(expected.summary);
    // The Nash and Kalai–Smorodinsky explanations, with their numbers, as the application layer words them.
    const bargaining = await page.getByTestId("bargaining").innerText();
    expect(bargaining).toContain(expected.nash!.explanation);
    expect(bargaining).toContain(expected.kalaiSmorodinsky!.explanation);
    // One row per frontier package, in the same order, with each side's gain and the state's stability.
    const rows = page.getByTestId("packages").locator("tbody tr");
    expect(await rows.count()).toBe(expected.packages.length);
    for (const [k, p] of expected.packages.entries()) {
      const cells = await rows.nth(k).locator("td").allInnerTexts();
      expect(cells[0]).toBe(p.words);
      expect(cells.slice(1, 1 + expected.parties.length).map(Number)).toEqual(expected.parties.map((q) => p.gains[q.id]));
      expect(cells.at(-2)).toMatch(p.stableUnder.length ? new RegExp(`^yes under .*\\(state ${p.state}\\)`) : /^no/);
      expect(cells.at(-1)).toBe(p.reachable === undefined ? "—" : p.reachable ? "yes" : "no");
    }
    // The chart: a point per package, squares for those that hold.
    const chart = page.getByTestId("frontier-chart");
    expect(await chart.locator("svg g").count()).toBe(expected.packages.length);
    expect(await chart.locator("svg rect.holds").count()).toBe(expected.packages.filter((p) => p.stableUnder.length > 0).length);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: screenshotPath("settlement"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
