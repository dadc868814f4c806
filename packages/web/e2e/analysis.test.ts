// The model editor, the analysis and the mediation pages in a real browser (Debian's
// chromium through playwright-core), on a small fictional scenario imported for the test
// and on the seed. Answers are checked against the application layer run here in Node.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, statusQuo, target } from "@concord/app";
import type { RunningServer } from "@concord/server";
import { axe, chromiumPresent, launch, openPage, ROOT, screenshotPath, startWorkbench } from "./harness.js";

const EXAMPLE = readFileSync(join(ROOT, "scenarios", "examples", "getting-started.yaml"), "utf8");
// The Front's third statement marked as the modeller's estimate: without it, disarming outcomes hold.
const ESTIMATED = EXAMPLE.replace("        - -disarm IF -withdraw", "        - { statement: -disarm IF -withdraw, estimate: true }");

/** The equilibria (under any concept) of a scenario text, by the application layer. */
async function equilibria(text: string): Promise<number[]> {
  const r = await analyze({ text, file: "x.yaml" });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return [...new Set(Object.values(r.value.equilibria).flat())].sort((a, b) => a - b);
}

/** axe-core's violations on the page, one line each (by the harness's axe). */
const axeViolations = async (page: Page): Promise<string[]> => (await axe(page)).map((v) => `${v.id}: ${v.nodes.slice(0, 3).join(", ")}`);

const shownEquilibria = async (page: Page): Promise<number[]> =>
  (await page.getByTestId("live-equilibria").locator("li").allTextContents()).map((t) => Number(/State (\d+)/.exec(t)![1])).sort((a, b) => a - b);

describe.skipIf(!chromiumPresent && !process.env.CI)("the model editor, analysis and mediation pages", () => {
  let server: RunningServer;
  let browser: Browser;
  let example: string;
  let estimated: string;
  beforeAll(async () => {
    server = await startWorkbench();
    browser = await launch();
    const ws = ((await (await fetch(`${server.url}/api/workspaces`)).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
    const created = await fetch(`${server.url}/api/workspaces/${ws}/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Green Valley (fictional)", text: EXAMPLE }) });
    example = ((await created.json()) as { scenario: { id: string } }).scenario.id;
    const withEstimate = await fetch(`${server.url}/api/workspaces/${ws}/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Green Valley with an estimate (fictional)", text: ESTIMATED }) });
    estimated = ((await withEstimate.json()) as { scenario: { id: string } }).scenario.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("changing a preference statement in the editor changes the equilibria, as the application layer says", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/model?scenario=${example}`);
    await page.getByTestId("live-summary").waitFor({ timeout: 30_000 });
    expect(await shownEquilibria(page)).toEqual(await equilibria(EXAMPLE));

    // The Government's first statement, "-withdraw", becomes "withdraw".
    const changed = EXAMPLE.replace("        - statement: -withdraw", "        - statement: withdraw");
    const expected = await equilibria(changed);
    expect(expected).not.toEqual(await equilibria(EXAMPLE));
    const field = page.getByRole("article", { name: "Government" }).getByLabel("Statement 1", { exact: true });
    await field.fill("withdraw");
    const shown = async (): Promise<number[]> =>
      (await page.locator('[data-testid="live-equilibria"] li').allTextContents()).map((t) => Number(/State (\d+)/.exec(t)?.[1])).sort((a, b) => a - b);
    await expect.poll(shown, { timeout: 15_000 }).toEqual(expected);
    expect(await page.getByText("Unsaved changes.").count()).toBe(1);

    // A statement the validator rejects: its message shows beside the field.
    await field.fill("withdraw & nonsense");
    await page.getByRole("article", { name: "Government" }).getByRole("alert").filter({ hasText: "unknown option" }).first().waitFor({ timeout: 15_000 });
    await field.fill("withdraw");
    await page.getByRole("alert").filter({ hasText: "keep this model from being analysed" }).waitFor({ state: "detached", timeout: 15_000 });
    await page.screenshot({ path: screenshotPath("model"), fullPage: false });

    // Saving makes revision 2, whose text has the change and nothing else.
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved as a new revision.").waitFor({ timeout: 15_000 });
    const saved = (await (await fetch(`${server.url}/api/workspaces/${new URL(page.url()).searchParams.get("ws") ?? (await firstWs(server.url))}/scenarios/${example}`)).json()) as { scenario: { headRevision: number }; revision: { text: string } };
    expect(saved.scenario.headRevision).toBe(2);
    expect(saved.revision.text).toBe(changed);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("clicking a state explains it for each decision maker, and the graph is drawn", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/analysis?scenario=${example}`);
    await page.getByTestId("analysis-summary").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: /^State 1: explain/ }).click();
    const explain = page.getByRole("region", { name: /Why state 1 / });
    await explain.waitFor();
    for (const dm of ["Government", "Front", "Neighbour"]) await explain.getByRole("article", { name: `For ${dm}` }).getByRole("heading").waitFor({ timeout: 15_000 });
    await page.locator(".graph-figure[data-ms]").waitFor({ timeout: 30_000 });

    // Filters and sorting: the Nash equilibria, as the application layer counts them; then sorted by the Front's preference.
    // (The first test saved a revision: the page shows the scenario as it is now.)
    const now = ((await (await fetch(`${server.url}/api/workspaces/${await firstWs(server.url)}/scenarios/${example}`)).json()) as { revision: { text: string } }).revision.text;
    const a = await analyze({ text: now, file: "x.yaml" });
    if (!a.ok) throw new Error("the example does not analyse");
    const nash = a.value.equilibria.nash!;
    await page.getByLabel("Concept").selectOption("nash");
    await page.getByRole("combobox", { name: /^States/ }).selectOption("equilibrium");
    await page.getByText(`${nash.length} of 24 states`).waitFor();
    expect((await page.locator("table.states tbody th button").allTextContents()).map(Number)).toEqual([...nash]);
    await page.getByRole("combobox", { name: /^States/ }).selectOption("any");
    await page.getByLabel("Sort by").selectOption("front");
    const frontRank = page.locator("table.states tbody tr").first().locator("td.rank").nth(1);
    expect(await frontRank.innerText()).toBe("1");
    await page.screenshot({ path: screenshotPath("analysis"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("picks a target by option values and shows what would make it hold, and how an estimate changes the answer", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/mediation?scenario=${estimated}`);
    await page.getByLabel("Front: Hand in heavy weapons").selectOption("Y");
    await page.getByTestId("target-answer").filter({ hasText: "8 possible outcomes match “disarm”; today's situation is not one of them." }).waitFor({ timeout: 30_000 });
    // Blocked or not from today, as the application layer's status quo analysis says.
    const sq = await statusQuo({ text: ESTIMATED, file: "x.yaml" });
    const disarming = target({ text: ESTIMATED, file: "x.yaml" }, { target: "disarm", limit: 100 });
    if (!sq.ok || !disarming.ok) throw new Error("the example does not analyse");
    const reached = sq.value.reachable.filter((r) => disarming.value.states.some((s) => s.state === r.state));
    await page.getByTestId("reach").filter({ hasText: reached.length === 0 ? /^Blocked/ : `state ${reached[0]!.state}` }).waitFor({ timeout: 30_000 });
    await page.getByTestId("stabilize-answer").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("stabilize-answer").innerText()).toMatch(/Front/);
    // As written, no disarming outcome holds; without the estimate, four do (the application layer agrees: see below).
    await page.getByTestId("holds-written").filter({ hasText: "no outcome of the target would hold" }).waitFor({ timeout: 30_000 });
    const variant = ESTIMATED.replace("        - { statement: -disarm IF -withdraw, estimate: true }\n", "");
    const matching = target({ text: variant, file: "x.yaml" }, { target: "disarm" });
    if (!matching.ok) throw new Error("the target does not parse");
    const inTarget = new Set<number>(matching.value.states.map((s) => s.state));
    const disarmed = (await equilibria(variant)).filter((s) => inTarget.has(s));
    expect(disarmed.length).toBeGreaterThan(0);
    await page.getByRole("checkbox", { name: /Front's priority 3/ }).uncheck();
    await page.getByTestId("holds-variant").filter({ hasText: `states ${disarmed.join(", ")}.` }).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "How robust each outcome is" }).scrollIntoViewIfNeeded();
    await page.locator(".bars").first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath("mediation"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows the seed's 18,432 states and the moves around today's state, readable at tablet width", async () => {
    const { page, problems } = await openPage(browser, server.url, { width: 820, height: 1180 });
    const ws = await firstWs(server.url);
    const list = ((await (await fetch(`${server.url}/api/workspaces/${ws}/scenarios`)).json()) as { scenarios: { id: string; name: string }[] }).scenarios;
    await page.goto(`${server.url}/analysis?scenario=${list.find((s) => s.name.startsWith("Armenia"))!.id}`);
    await page.getByTestId("analysis-summary").waitFor({ timeout: 90_000 });
    expect(await page.getByText("18432 states, page 1 of 369").count()).toBe(1);
    await page.locator(".graph-figure[data-ms]").waitFor({ timeout: 60_000 });
    expect(await page.locator(".graph figcaption").innerText()).toMatch(/^\d+ states, \d+ moves/);
    // Keyboard: the table's first state button is reachable and explains on Enter.
    await page.getByRole("button", { name: /^State 1: explain/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: /Why state 1 / }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath("analysis-seed-tablet"), fullPage: false });
    expect(problems).toEqual([]);
  });

  it("answers a named target on the seed at once and leaves the slow search to a click", async () => {
    const { page, problems } = await openPage(browser, server.url, { width: 820, height: 1180 });
    const list = ((await (await fetch(`${server.url}/api/workspaces/${await firstWs(server.url)}/scenarios`)).json()) as { scenarios: { id: string; name: string }[] }).scenarios;
    await page.goto(`${server.url}/mediation?scenario=${list.find((s) => s.name.startsWith("Armenia"))!.id}`);
    await page.getByRole("button", { name: "A peace treaty signed directly, without mediators" }).click();
    await page.getByTestId("target-answer").filter({ hasText: /possible outcomes match a peace treaty signed directly/i }).waitFor({ timeout: 60_000 });
    await page.getByTestId("reach").waitFor({ timeout: 90_000 });
    expect(await page.getByRole("button", { name: "Start the search for the smallest changes" }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath("mediation-seed-tablet"), fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});

async function firstWs(base: string): Promise<string> {
  return ((await (await fetch(`${base}/api/workspaces`)).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
}
