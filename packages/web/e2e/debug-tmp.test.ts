import { it } from "vitest";
import { launch, openPage, startWorkbench } from "./harness.js";
it("debug", async () => {
  const server = await startWorkbench();
  const browser = await launch();
  const { page, problems } = await openPage(browser, server.url);
  page.on("console", (m) => console.log("CONSOLE", m.type(), m.text()));
  await page.goto(`${server.url}/analysis${process.env.Q ?? ""}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 20000));
  for (const sel of [".graph figcaption", ".explain", ".path"]) console.log(sel, await page.locator(sel).first().innerText({ timeout: 1000 }).catch(() => "none").then((t) => t.slice(0, 1500)));
  console.log(problems);
  await page.screenshot({ path: "/tmp/debug.png" });
  await browser.close(); await server.close();
}, 120000);
