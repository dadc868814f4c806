// Team mode in a real browser: the pages load, the API answers 401 until someone logs in,
// so the workbench shows its login form; a wrong password is refused with a message, the
// right one opens the workspace's scenario, and a change (a save) carries the CSRF token.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlineRunner } from "@concord/app";
import { resolveSettings, startServer, type RunningServer } from "@concord/server";
import { openStorage, type Storage } from "@concord/storage";
import { TEST_PASSWORD_COST } from "../../storage/src/testing/engines.js";
import { axe, chromiumPresent, launch, openPage, ROOT } from "./harness.js";

const EXAMPLE = readFileSync(join(ROOT, "scenarios", "examples", "getting-started.yaml"), "utf8");
const PASSWORD = "correct horse battery staple";

describe.skipIf(!chromiumPresent && !process.env.CI)("the login page in team mode", () => {
  let server: RunningServer;
  let storage: Storage;
  let browser: Browser;
  beforeAll(async () => {
    const db = join(mkdtempSync(join(tmpdir(), "concord-web-team-")), "concord.db");
    const settings = resolveSettings({ port: 0, team: true, db, log: "off", jobs: "0" }, {});
    if (!settings.ok) throw new Error(settings.message);
    // What `concord user add --workspace` does, with a cheap password hash for the test.
    storage = await openStorage({ file: db, passwordCost: TEST_PASSWORD_COST });
    const ana = await storage.users.create({ email: "ana@example.org", displayName: "Ana", password: PASSWORD }, { userId: null, via: "cli" });
    if (!ana.ok) throw new Error(ana.error.message);
    const ws = await storage.workspaces.create("Talks", { userId: ana.value.id, via: "cli" });
    if (!ws.ok) throw new Error(ws.error.message);
    const sc = await storage.scenarios.create(ws.value.id, { name: "Green Valley (fictional)", text: EXAMPLE, format: "yaml" }, { userId: ana.value.id, via: "cli" });
    if (!sc.ok) throw new Error(sc.error.message);
    server = await startServer({ settings: settings.value, storage, runner: inlineRunner, web: join(ROOT, "packages", "web", "dist") });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("asks for a login, refuses a wrong password, then opens the workspace", async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Log in to Concord" }).waitFor({ timeout: 30_000 });
    expect(await axe(page)).toEqual([]);
    await page.getByLabel("E-mail address").fill("ana@example.org");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong e-mail address or password." }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    // The workspace's scenario opens on the overview, with the page navigation.
    await page.getByRole("navigation", { name: "Pages" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("combobox", { name: "Scenario" }).inputValue()).not.toBe("");
    expect(await page.getByRole("option", { name: "Green Valley (fictional)" }).count()).toBe(1);
    // A change carries the CSRF token: the brief is an analysis the server runs on a POST.
    await page.getByRole("heading", { name: "Bottom line" }).waitFor({ timeout: 60_000 });
    // The expected 401s: the first look before the login, and the wrong password.
    const expected = (p: string): boolean => /^HTTP 401: (GET .*\/api\/workspaces|POST .*\/api\/auth\/login)$/.test(p) || /^console: Failed to load resource: .* 401/.test(p);
    expect(problems.filter((p) => !expected(p))).toEqual([]);
    expect(problems.some((p) => p.includes("HTTP 401: GET"))).toBe(true);
  }, 120_000);

  it("changes the password on the account page: a wrong current one is refused, other sessions end, this one stays", async () => {
    // Another session of Ana's, elsewhere (a script with the session cookie).
    const login = async (password: string) => fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "ana@example.org", password }) });
    const other = (await login(PASSWORD)).headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(server.url);
    await page.getByLabel("E-mail address").fill("ana@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByRole("heading", { name: "Change your password" }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("Logged in as Ana (ana@example.org).").count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    const NEW = "a new password for Ana";
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password", { exact: true }).fill(NEW);
    await page.getByLabel("New password again").fill(NEW);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").filter({ hasText: "That is not your current password." }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: /^Your password is changed\. You were logged out everywhere else/ }).waitFor({ timeout: 30_000 });
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(401);
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login(NEW)).status).toBe(200);
    // This browser is still logged in: the reload asks for nothing it is refused.
    const before = problems.length;
    await page.reload();
    await page.getByRole("heading", { name: "Change your password" }).waitFor({ timeout: 30_000 });
    expect(problems.slice(before)).toEqual([]);
    // The expected refusals: the first look before the login, and the wrong current password.
    const expected = (p: string): boolean => /^HTTP (401: GET .*\/api\/workspaces|403: POST .*\/api\/auth\/password)$/.test(p) || /^console: Failed to load resource: .* 40[13]/.test(p);
    expect(problems.filter((p) => !expected(p))).toEqual([]);
  }, 120_000);
});
