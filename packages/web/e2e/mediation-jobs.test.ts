// The Mediation page on the seed (18,432 states): the estimates' check runs as a job on
// the server (on a job thread, as `concord serve` runs it), its progress arrives as
// server-sent events, and Cancel stops it through the server's cancel route.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("starts the estimates' check as a server job, shows its progress, and cancels it", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/mediation?scenario=${seed}`);
    const start = page.getByRole("button", { name: "Start the estimates' check" });
    await start.waitFor({ timeout: 120_000 });
    expect(await jobs()).toEqual([]);
    await start.click();
    // The progress line follows the job's events: the variants done, as the server counts them.
    const progress = page.getByTestId("job-progress");
    await progress.filter({ hasText: /\d+ of \d+ variants analysed/ }).waitFor({ timeout: 120_000 });
    const [running] = await jobs();
    expect(running).toMatchObject({ kind: "sensitivity", state: "running" });
    expect(running!.progress).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("mediation-seed-job"), fullPage: false });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("job-stopped").waitFor({ timeout: 30_000 });
    expect((await jobs())[0]).toMatchObject({ id: running!.id, state: "cancelled" });
    // Nothing was stored: the server has no sensitivity analysis of the seed.
    const stored = await fetch(`${server.url}/api/workspaces/${ws}/scenarios/${seed}/analyses/sensitivity/latest`);
    expect(stored.status).toBe(404);
    expect(await page.getByRole("button", { name: "Start the estimates' check again" }).count()).toBe(1);
    expect(problems).toEqual([]);
  }, 300_000);
});
