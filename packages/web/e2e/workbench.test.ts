// The workbench in a real browser (Debian's chromium through playwright-core), served
// by the workbench server from the production build, on the seed scenario. Where
// /usr/bin/chromium is absent the browser tests are skipped, except in CI, where that fails.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@concord/server";
import { chromiumPresent, CHROMIUM, launch, openPage, screenshotPath, startWorkbench } from "./harness.js";

it("has a browser to test with in CI", () => {
  if (process.env.CI) expect(chromiumPresent, `${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`).toBe(true);
});

describe.skipIf(!chromiumPresent)("the workbench", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWorkbench();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the seed scenario with its brief, under a strict CSP, loading nothing from elsewhere", async () => {
    const { page, problems } = await openPage(browser, server.url);
    const response = await page.goto(server.url + "/");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { level: 1, name: /Armenia–Azerbaijan peace treaty/ }).waitFor();
    await page.getByRole("heading", { name: "Bottom line" }).waitFor({ timeout: 30_000 });
    expect(await page.locator(".bottom-line p").count()).toBeGreaterThan(0);
    expect(await page.getByRole("navigation", { name: "Pages" }).getByRole("link").allTextContents()).toEqual(["Overview", "Record", "Model", "Analysis", "Mediation", "Import/export"]);
    await page.screenshot({ path: screenshotPath("overview"), fullPage: false });
    expect(problems).toEqual([]);
  });
});
