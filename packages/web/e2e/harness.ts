/**
 * What the web tests share: the workbench server on a free loopback port with a fresh
 * SQLite file, seeded like `concord serve` (the seed scenario in a first workspace) and
 * serving the Vite build; Chromium through playwright-core with a fresh profile; a page
 * that records console errors, failed requests and requests that leave the server.
 * Analyses run inline (a .ts file cannot be a worker thread under vitest), unless a test
 * asks for server jobs on threads: then the server runs them as `concord serve` does, on
 * the compiled job thread (packages/server/dist, built by `tsc -b`) with the Node runner.
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

export async function startWorkbench(options: { jobsOnThreads?: boolean } = {}): Promise<RunningServer> {
  const threads = options.jobsOnThreads === true;
  const settings = resolveSettings({ port: 0, db: join(mkdtempSync(join(tmpdir(), "concord-web-")), "concord.db"), log: "off", jobs: threads ? "1" : "0" }, {});
  if (!settings.ok) throw new Error(settings.message);
  const text = readFileSync(SEED_FILE, "utf8");
  return startServer({ settings: settings.value, ...(threads ? {} : { runner: inlineRunner }), web: join(ROOT, "packages", "web", "dist"), seed: { name: "Armenia–Azerbaijan peace treaty", text } });
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

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core's violations on the page as it is now (evaluated through the DevTools protocol, which the page's CSP does not govern). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })))`,
  );
}

/** Whether anything on the page is wider than the viewport (a horizontal scroll bar). */
export const overflows = (page: Page): Promise<boolean> => page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
