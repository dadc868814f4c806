import { it } from "vitest";
import { launch, openPage, startWorkbench } from "./harness.js";
it("debug", async () => {
  const server = await startWorkbench();
  const browser = await launch();
  const { page, problems } = await openPage(browser, server.url);
  page.on("console", (m) => console.log("CONSOLE", m.type(), m.text()));
  const ws = ((await (await fetch(`${server.url}/api/workspaces`)).json()) as any).workspaces[0].id;
  const created = process.env.SEED ? null : await fetch(`${server.url}/api/workspaces/${ws}/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Green Valley (fictional)", text: (await import("node:fs")).readFileSync("scenarios/examples/getting-started.yaml", "utf8") }) });
  const id = created ? ((await created.json()) as any).scenario.id : "";
  await page.goto(`${server.url}/${process.env.P ?? "analysis"}${process.env.SEED ? "" : `?scenario=${id}`}${process.env.Q ?? ""}`);
  if (process.env.NAMED) { await page.getByRole("button", { name: "A peace treaty signed directly, without mediators" }).click(); }
  if (process.env.P === "mediation" && !process.env.SEED) { await page.waitForTimeout(3000); await page.getByLabel("Front: Hand in heavy weapons").selectOption("Y"); }
  if (process.env.FILTER) { await page.waitForTimeout(4000); await page.getByLabel("Concept").selectOption("nash"); await page.getByRole("combobox", { name: /^States/ }).selectOption("equilibrium"); }
  if (process.env.CLICK) { await page.getByRole("button", { name: /^State 1: explain/ }).click(); }
  await page.waitForTimeout(Number(process.env.WAIT ?? 20000));
  for (const sel of (process.env.SEL ?? ".graph figcaption,.explain,.path,main").split(",")) console.log(sel, await page.locator(sel).first().innerText({ timeout: 1000 }).catch(() => "none").then((t) => t.slice(0, 1500)));
  console.log(problems);
  await page.screenshot({ path: "/tmp/debug.png" });
  await browser.close(); await server.close();
}, 120000);
