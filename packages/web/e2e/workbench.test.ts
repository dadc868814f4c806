// The workbench in a real browser (Debian's chromium through playwright-core), served
// by the workbench server from the production build, on the seed scenario: the brief
// as the overview, the record and its as-of slider, importing a .gmcr file, exporting
// the report, and the revision history. Every page checked has no console error, loads
// nothing from elsewhere and passes axe-core. Screenshots go to test-artifacts/web/.
// Where /usr/bin/chromium is absent the browser tests are skipped, except in CI, where
// that fails.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { convert } from "@concord/app";
import type { RunningServer } from "@concord/server";
import { axe, chromiumPresent, CHROMIUM, launch, openPage, overflows, ROOT, screenshotPath, startWorkbench, type WatchedPage } from "./harness.js";

it("has a browser to test with in CI", () => {
  if (process.env.CI) expect(chromiumPresent, `${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`).toBe(true);
});

const timelineCount = async (page: Page): Promise<number> => page.locator("ol.timeline > li").count();

describe.skipIf(!chromiumPresent)("the workbench", () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: WatchedPage[] = [];
  const open = async (size?: { width: number; height: number }): Promise<WatchedPage> => {
    const p = await openPage(browser, server.url, size);
    pages.push(p);
    return p;
  };
  beforeAll(async () => {
    server = await startWorkbench();
    browser = await launch();
  });
  // A page left open keeps its workers busy: each test closes its own.
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the seed scenario with its brief, under a strict CSP, loading nothing from elsewhere", async () => {
    const { page, problems } = await open();
    const response = await page.goto(server.url + "/");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { level: 1, name: /Armenia–Azerbaijan peace treaty/ }).waitFor();
    await page.getByRole("heading", { name: "Bottom line" }).waitFor({ timeout: 60_000 });
    // The brief's words, as `concord brief` says them, each with links to its sources.
    expect(await page.locator(".bottom-line").innerText()).toMatch(/^Today \(7 December 2023\), Armenia offers the transit route to Nakhchivan/);
    const cite = page.locator(".bottom-line .cites a").first();
    expect(await cite.getAttribute("aria-label")).toMatch(/^source \d+: /);
    expect(await page.locator(`#source-${(await cite.getAttribute("href"))?.slice("#source-".length)}`).count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "Pages" }).getByRole("link").allTextContents()).toEqual(["Overview", "Record", "Model", "Analysis", "Mediation", "Settlement", "Import/export"]);
    await page.screenshot({ path: screenshotPath("overview"), fullPage: false });
    expect(await axe(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);
    // What changed since a chosen day: entries recorded after it.
    await page.getByLabel("What changed since").fill("2023-11-30");
    await page.getByRole("heading", { name: "Since 30 November 2023" }).waitFor({ timeout: 120_000 });
    expect(await page.locator(".since-entries li").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 240_000);

  it("shows the record as it stood on an earlier day when the as-of slider moves, cancelled events marked", async () => {
    const { page, problems } = await open();
    await page.goto(server.url + "/record");
    await page.locator("ol.timeline > li").first().waitFor({ timeout: 60_000 });
    const all = await timelineCount(page);
    expect(all).toBeGreaterThan(100);
    // A cancelled meeting stays in the timeline, marked as such.
    const cancelled = page.locator("ol.timeline > li.off", { hasText: "cancelled" });
    expect(await cancelled.count()).toBeGreaterThan(0);
    await page.getByText(/^Today's state \(state \d+ of 18432\)/).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: screenshotPath("record"), fullPage: false });
    expect(await axe(page)).toEqual([]);

    // Filters: one actor's entries only.
    await page.getByLabel("Actor").selectOption({ label: "Azerbaijan" });
    const azerbaijan = await timelineCount(page);
    expect(azerbaijan).toBeGreaterThan(0);
    expect(azerbaijan).toBeLessThan(all);
    await page.getByLabel("Actor").selectOption("");

    // The slider, by keyboard: back to 1 October 2023.
    const slider = page.getByRole("slider", { name: "As of" });
    await slider.focus();
    await slider.fill(String(Math.round(Date.parse("2023-10-01T00:00:00Z") / 86_400_000)));
    await page.locator("output", { hasText: "1 October 2023" }).waitFor();
    await page.getByText(/not yet known then: \d+ events/).waitFor({ timeout: 60_000 });
    const earlier = await timelineCount(page);
    expect(earlier).toBeLessThan(all);
    expect(await page.locator("ol.timeline time").evaluateAll((ts) => ts.every((t) => (t.getAttribute("datetime") ?? "") <= "2023-10-01"))).toBe(true);
    expect(await page.getByText(/pieces of evidence known/).innerText()).toMatch(/^(\d+) of (\d+) pieces/);
    await page.getByText(/^Today's state \(state \d+ of \d+\)/).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: screenshotPath("record-as-of"), fullPage: false });
    expect(problems).toEqual([]);
  }, 300_000);

  it("imports a .gmcr file by choosing it, and lists the problems of a bad one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-web-import-"));
    const gmcr = convert({ text: readFileSync(join(ROOT, "scenarios/examples/ceasefire.yaml"), "utf8"), format: "yaml", file: "ceasefire.yaml" }, { to: "gmcr" });
    if (!gmcr.ok) throw new Error(JSON.stringify(gmcr.problems));
    writeFileSync(join(dir, "valley.gmcr"), gmcr.value.text);
    const { page, problems } = await open();
    await page.goto(server.url + "/import-export");
    await page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();
    await page.getByLabel("choose files to import").setInputFiles(join(dir, "valley.gmcr"));
    await page.getByText("Imported valley.gmcr as a new scenario.").waitFor();
    await page.locator(".picker select option:checked", { hasText: "valley" }).waitFor({ state: "attached" });
    expect(new URL(page.url()).searchParams.get("scenario")).not.toBeNull();

    await page.getByLabel("choose files to import").setInputFiles(join(ROOT, "test/bad-files/gmcr/option-without-owner.gmcr"));
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/option-without-owner\.gmcr was not imported/);
    expect(await alert.locator("li").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("import-export"), fullPage: false });
    expect(await axe(page)).toEqual([]);
    // The server answered the bad file with 422: that is the expected answer, not a fault of the page.
    expect(problems.filter((p) => !p.includes("422"))).toEqual([]);
  });

  it("downloads the report, and compares and restores revisions", async () => {
    const { page, problems } = await open();
    await page.goto(server.url + "/import-export");
    await page.getByLabel("Scenario").selectOption({ label: "valley" });
    await page.getByRole("row", { name: /^1 \(latest\)/ }).waitFor();
    const [report] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Download the report (HTML)" }).click()]);
    expect(report.suggestedFilename()).toBe("valley.html");
    const html = readFileSync((await report.path()) ?? "", "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Valley Front");

    // A second revision, saved through the API as an editor would; then compare and restore revision 1 from the page.
    const ws = (await (await fetch(`${server.url}/api/workspaces`)).json()) as { workspaces: { id: string }[] };
    const wsId = ws.workspaces[0]?.id ?? "";
    const list = (await (await fetch(`${server.url}/api/workspaces/${wsId}/scenarios`)).json()) as { scenarios: { id: string; name: string }[] };
    const valley = list.scenarios.find((s) => s.name === "valley");
    // The revision as stored (the .gmcr text), changed in one line.
    const text = await (await fetch(`${server.url}/api/workspaces/${wsId}/scenarios/${valley?.id}/export`)).text();
    expect(text).toContain("Withdraw the troops from the valley");
    const saved = await fetch(`${server.url}/api/workspaces/${wsId}/scenarios/${valley?.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify({ text: text.replace("Withdraw the troops from the valley", "Withdraw all troops from the valley"), message: "Reworded an option" }),
    });
    expect(saved.status).toBe(200);
    await page.reload();
    await page.getByRole("row", { name: /^2 \(latest\)/ }).waitFor();
    await page.getByRole("button", { name: "Compare revision 1 with the latest" }).click();
    await page.getByRole("heading", { name: /From revision 1 to 2: 1 line added, 1 removed/ }).waitFor();
    expect(await page.locator(".hunk .add").allTextContents()).toEqual([expect.stringContaining("Withdraw all troops")]);
    await page.getByRole("button", { name: "Restore revision 1" }).click();
    await page.getByText("Revision 1 restored as revision 3.").waitFor();
    await page.getByRole("row", { name: /^3 \(latest\).*restores revision 1/ }).waitFor();
    expect(problems).toEqual([]);
  }, 180_000);

  it("reads at tablet width without a horizontal scroll bar", async () => {
    const { page, problems } = await open({ width: 820, height: 1180 });
    await page.goto(server.url + "/record");
    await page.getByLabel("Scenario").selectOption({ label: "Armenia–Azerbaijan peace treaty" });
    await page.locator("ol.timeline > li").first().waitFor({ timeout: 60_000 });
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: screenshotPath("record-tablet"), fullPage: false });
    await page.getByRole("link", { name: "Overview" }).click();
    await page.getByRole("heading", { name: "Bottom line" }).waitFor({ timeout: 60_000 });
    expect(await overflows(page)).toBe(false);
    expect(problems).toEqual([]);
  }, 180_000);
});
