/**
 * HTML printed to PDF in Chromium (Debian's /usr/bin/chromium through playwright-core;
 * npm cannot download a browser here). Each run starts a browser with a fresh profile
 * of its own and closes it. Without Chromium the result is a "usage" problem at the
 * format option, saying how to install it.
 */
import { existsSync } from "node:fs";
import type { Browser, BrowserType } from "playwright-core";
import { fail, ok, type Result } from "@concord/core";

/** Where Chromium is looked for unless told otherwise. */
export const CHROMIUM = "/usr/bin/chromium";

/** Flags that work headless in a container (see STACK.md): no sandbox, GPU, network chatter or first-run screens. */
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface PdfOptions {
  /** The Chromium executable; default /usr/bin/chromium. */
  readonly chromium?: string;
}

/**
 * The page printed on A4 (the page's own @page size wins), in the light colour scheme,
 * backgrounds included. The page must be self-contained: nothing is fetched.
 */
export async function printPdf(html: string, options: PdfOptions = {}): Promise<Result<Uint8Array>> {
  const executablePath = options.chromium ?? CHROMIUM;
  if (!existsSync(executablePath)) {
    return fail([{ code: "usage", path: ["format"], message: `pdf needs Chromium, which is not at ${executablePath}: install it (apt-get install chromium) or set CONCORD_CHROMIUM to its path` }]);
  }
  let chromium: BrowserType;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    return fail([{ code: "usage", path: ["format"], message: "pdf needs the playwright-core package: npm install playwright-core@1.65" }]);
  }
  let browser: Browser | undefined;
  try {
    // launch() gives the browser a fresh temporary profile, removed when it closes.
    browser = await chromium.launch({ executablePath, args: ARGS });
    const page = await browser.newPage({ colorScheme: "light" });
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    return ok(new Uint8Array(pdf));
  } catch (e) {
    return fail([{ code: "io", path: [], message: `Chromium could not print the PDF: ${((e as Error).message ?? String(e)).split("\n")[0]}` }]);
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** The number of pages of a PDF, from its page objects (/Type /Page, not /Pages). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
