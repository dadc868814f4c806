/**
 * Use cases: the report a non-specialist can read — its data, and the whole report
 * as HTML or Markdown with its pictures. @concord/report (with ELK, for the move
 * graph) is loaded only here, when a report is made, so that other use cases start fast.
 */
import { BASIC_CONCEPTS, ok, type Analysis, type Loaded, type Result, type ViewDay } from "@concord/core";
import type { ReportData } from "@concord/report";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf } from "./view-day.js";

export interface ReportDataOptions {
  /** The day for who is waiting and deadlines; default: the scenario's asOf, else the record's last date (never today: the same input gives the same report). */
  readonly asOf?: string;
}

export interface ReportOptions extends ReportDataOptions {
  /** html: one self-contained page; md: Markdown with the pictures as separate SVG files. Default html. */
  readonly format?: "html" | "md";
  /** Markdown: the pictures are named `<baseName>-timeline.svg` and `<baseName>-moves.svg`; default: the scenario's id. */
  readonly baseName?: string;
}

export interface ReportResult {
  readonly data: ReportData;
  /** The HTML page or the Markdown text. */
  readonly text: string;
  /** Files to write beside a Markdown report (none for HTML, which inlines its pictures). */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

export async function reportData(input: ScenarioInput, options: ReportDataOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<ReportData>> {
  const r = await prepare(input, options, runner);
  if (!r.ok) return r;
  const { reportData: build } = await import("@concord/report");
  return ok(build(r.value.loaded, r.value.options));
}

export async function report(input: ScenarioInput, options: ReportOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<ReportResult>> {
  const r = await prepare(input, options, runner);
  if (!r.ok) return r;
  const { buildReport } = await import("@concord/report");
  const built = await buildReport(r.value.loaded, options.format ?? "html", { ...r.value.options, ...(options.baseName !== undefined ? { baseName: options.baseName } : {}) });
  return ok({ data: built.data, text: built.text, files: built.files });
}

/** The opened scenario, its analysis and the view day the report is made with. */
async function prepare(
  input: ScenarioInput,
  options: ReportDataOptions,
  runner: AnalysisRunner,
): Promise<Result<{ loaded: Loaded; options: { day?: ViewDay; analysis?: Analysis } }>> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  let day: ViewDay | undefined;
  if (options.asOf !== undefined) {
    const d = dayOf(opened.value, { asOf: options.asOf });
    if (!d.ok) return d;
    day = d.value;
  }
  const { space } = opened.value;
  const analysis = space ? await runner.analyze(space, BASIC_CONCEPTS) : undefined;
  return ok({ loaded: opened.value, options: { ...(day ? { day } : {}), ...(analysis ? { analysis } : {}) } });
}
