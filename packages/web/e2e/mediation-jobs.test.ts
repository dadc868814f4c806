// The Mediation page on the seed (18,432 states): the estimates' check runs as a job on
// the server (on a job thread, as `concord serve` runs it), its progress arrives as
// server-sent events and its answer is the analysis the job stored; a search for the
// smallest changes waiting for a worker is cancelled through the server's cancel route.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SensitivityUseCaseResult } from "@concord/app";
import type { RunningServer } from "@concord/server";
import { axe, chromiumPresent, launch, openPage, screenshotPath, startWorkbench } from "./harness.js";

interface JobRow {
  readonly id: string;
  readonly kind: string;
  readonly state: string;
  readonly progress: number;
}

describe.skipIf(!chromiumPresent && !process.env.CI)("the mediation page's server jobs on the seed", () => {
  let server: RunningServer;
  let browser: Browser;
  let ws: string;
  let seed: string;
  beforeAll(async () => {
    server = await startWorkbench({ jobsOnThreads: true });
    browser = await launch();
    ws = ((await (await fetch(`${server.url}/api/workspaces`)).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
    seed = ((await (await fetch(`${server.url}/api/workspaces/${ws}/scenarios`)).json()) as { scenarios: { id: string }[] }).scenarios[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const jobs = async (): Promise<JobRow[]> => ((await (await fetch(`${server.url}/api/workspaces/${ws}/jobs`)).json()) as { jobs: JobRow[] }).jobs;

  it("runs the estimates' check as a server job, shows its progress from the job's events, then the answer", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/mediation?scenario=${seed}`);
    const start = page.getByRole("button", { name: "Start the estimates' check" });
    await start.waitFor({ timeout: 120_000 });
    expect(await jobs()).toEqual([]);
    // Every progress line the page shows, recorded as it changes (the job takes seconds on an idle machine).
    // Page-side code as a string (the test program has no DOM types).
    await page.evaluate(`(() => {
      const seen = (window.seen = []);
      new MutationObserver(() => {
        const t = document.querySelector("[data-testid=job-progress]")?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await start.click();
    const answer = page.getByTestId("sensitivity-answer");
    const seenNow = (): Promise<string[]> => page.evaluate<string[]>("window.seen");
    await answer.waitFor({ timeout: 240_000 }).catch(async (e: unknown) => {
      throw new Error(`no answer; progress lines: ${(await seenNow()).join(" | ")}; jobs: ${JSON.stringify(await jobs())}; page: ${problems.join("; ")}`, { cause: e });
    });
    const seen = await seenNow();
    expect(seen.some((t) => /\d+ of \d+ variants analysed \(\d+%\)/.test(t)), seen.join(" | ")).toBe(true);
    const [done] = await jobs();
    expect(done).toMatchObject({ kind: "sensitivity", state: "succeeded" });
    // The answer is the stored analysis the job left (asking again returns it: 200, not computed anew).
    const stored = await fetch(`${server.url}/api/workspaces/${ws}/scenarios/${seed}/analyses`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "sensitivity", options: {} }) });
    expect(stored.status).toBe(200);
    const result = ((await stored.json()) as { result: SensitivityUseCaseResult }).result;
    const shown = await answer.innerText();
    for (const q of result.questions) for (const w of q.alone) expect(shown).toContain(w);
    for (const sentence of result.answer.answer) expect(shown).toContain(sentence);
    await page.getByText(/^What this rests on/).click();
    expect(await answer.locator(".sources li").count()).toBe(result.answer.sources.length);
    expect(await answer.locator(".sources li").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "Which conclusions rest on which estimates" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("mediation-seed-sensitivity"), fullPage: false });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 400_000);

  it("cancels the search for the smallest changes on the server while it waits for a free worker", async () => {
    // The server runs one job at a time here: a long robustness count keeps it busy, so the
    // page's job waits in the queue and Cancel deterministically stops it before it starts
    // (the search itself takes seconds on the seed now, faster than a click).
    const post = (path: string, body?: unknown): Promise<Response> =>
      fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const blocker = ((await (await post(`/api/workspaces/${ws}/scenarios/${seed}/jobs`, { kind: "robustness", options: { variants: 1_000_000 } })).json()) as { job: JobRow }).job;
    try {
      const { page, problems } = await openPage(browser, server.url);
      await page.goto(`${server.url}/mediation?scenario=${seed}`);
      await page.getByRole("button", { name: "A peace treaty signed directly, without mediators" }).click();
      const start = page.getByRole("button", { name: "Start the search for the smallest changes" });
      await start.waitFor({ timeout: 120_000 });
      await start.click();
      await page.getByTestId("job-progress").filter({ hasText: "Waiting for the server to start the search for the smallest changes" }).waitFor({ timeout: 60_000 });
      const waiting = (await jobs()).find((j) => j.kind === "stabilize")!;
      expect(waiting.state).toBe("queued");
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByTestId("job-stopped").waitFor({ timeout: 60_000 });
      expect((await jobs()).find((j) => j.id === waiting.id)).toMatchObject({ state: "cancelled" });
      // Nothing was stored: the server has no smallest-changes answer for the seed.
      const stored = await fetch(`${server.url}/api/workspaces/${ws}/scenarios/${seed}/analyses/stabilize/latest`);
      expect(stored.status).toBe(404);
      expect(await page.getByRole("button", { name: "Start the search for the smallest changes again" }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await post(`/api/workspaces/${ws}/jobs/${blocker.id}/cancel`);
    }
  }, 300_000);
});
