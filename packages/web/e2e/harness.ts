/**
 * What the web tests share: the workbench server on a free loopback port with a fresh
 * SQLite file, seeded like `concord serve` (the seed scenario in a first workspace) and
 * serving the Vite build; Chromium through playwright-core with a fresh profile; a page
 * that records console errors, failed requests and requests that leave the server.
 * Analyses run inline (a .ts file cannot be a worker thread under vitest).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { inlineRunner } from "@concord/app";
import { resolveSettings, startServer, type RunningServer } from "@concord/server";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const ARTIFACTS = join(ROOT, "test-artifacts", "web");
export const CHROMIUM = "/usr/bin/chromium";
export const chromiumPresent = existsSync(CHROMIUM);
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const SEED_FILE = join(ROOT, "scenarios", "armenia-azerbaijan-2023.yaml");

export async function startWorkbench(): Promise<RunningServer> {
  const settings = resolveSettings({ port: 0, db: join(mkdtempSync(join(tmpdir(), "concord-web-")), "concord.db"), log: "off", jobs: "0" }, {});
  if (!settings.ok) throw new Error(settings.message);
  const text = readFileSync(SEED_FILE, "utf8");
  return startServer({ settings: settings.value, runner: inlineRunner, web: join(ROOT, "packages", "web", "dist"), seed: { name: "Armenia–Azerbaijan peace treaty", text } });
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions, failed requests and requests to any other host. */
  readonly problems: string[];
}

export async function openPage(browser: Browser, base: string, size = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: size, colorScheme: "light" });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(base).origin;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.push(`left the server: ${url}`);
  });
  return { page, problems };
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
