/**
 * Use cases: the report a non-specialist can read — its data, and the whole report
 * as HTML or Markdown with its pictures — and the brief alone (the answer first, two
 * printed pages). @concord/report (with ELK, for the pictures) is loaded only here,
 * when a report is made, so that other use cases start fast.
 */
import type { SettleResult } from "./settle.js";
import { BASIC_CONCEPTS, fail, ok, viewDay, type Analysis, type Loaded, type Result, type ViewDay } from "@concord/core";
import type { BriefData, MediationHooks, ReportData } from "@concord/report";
import { mediationHooks, type MediationReportOptions } from "./mediation-hooks.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { settle } from "./settle.js";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf } from "./view-day.js";

export interface ReportDataOptions {
  /** The day for who is waiting and deadlines; default: the scenario's asOf, else the record's last date (never today: the same input gives the same report). */
  readonly asOf?: string;
  /** An earlier day (YYYY, YYYY-MM or YYYY-MM-DD; a month or year means its last day), before the record's day: the brief says what changed since then and how the answer moved. */
  readonly since?: string;
  /**
   * Also run the mediation analyses (for each named outcome what would make it hold,
   * which answers rest on estimates, what pairs of parties could do together, robustness):
   * the brief uses them and the report gains a section. Off by default: they take seconds on large models.
   */
  readonly mediation?: boolean | MediationReportOptions;
}

export interface ReportOptions extends ReportDataOptions {
  /** html: one self-contained page; md: Markdown with the pictures as separate SVG files. Default html. */
  readonly format?: "html" | "md";
  /** Markdown: the pictures are named `<baseName>-paths.svg`, `<baseName>-timeline.svg` and `<baseName>-moves.svg`; default: the scenario's id. */
  readonly baseName?: string;
}

export interface BriefOptions extends ReportDataOptions {
  /** html: one page that prints on two A4 pages; md: Markdown with its picture as a separate SVG file; text: plain text for a terminal. Default html. */
  readonly format?: "html" | "md" | "text";
  /** text: the columns to wrap to (default 80). */
  readonly width?: number;
  /** false: no picture (Markdown sent where no file can sit beside it). Default true. */
  readonly pictures?: boolean;
  /** Markdown: the picture is named `<baseName>-paths.svg`; default: `<scenario id>-brief`. */
  readonly baseName?: string;
  /** Where the full report is, for the brief's links to its sections. */
  readonly reportHref?: string;
}

/** A report or a brief, written out. */
export interface Built<T> {
  readonly data: T;
  /** The HTML page or the Markdown text. */
  readonly text: string;
  /** Files to write beside a Markdown text (none for HTML, which inlines its pictures). */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

export type ReportResult = Built<ReportData>;
export type BriefResult = Built<BriefData>;

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

export async function brief(input: ScenarioInput, options: BriefOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<BriefResult>> {
  const r = await prepare(input, options, runner);
  if (!r.ok) return r;
  const { buildBrief } = await import("@concord/report");
  const built = await buildBrief(r.value.loaded, options.format ?? "html", {
    ...r.value.options,
    ...(options.baseName !== undefined ? { baseName: options.baseName } : {}),
    ...(options.reportHref !== undefined ? { reportHref: options.reportHref } : {}),
    ...(options.width !== undefined ? { width: options.width } : {}),
    ...(options.pictures !== undefined ? { pictures: options.pictures } : {}),
  });
  return ok({ data: built.data, text: built.text, files: built.files });
}

/**
 * The opened scenario, its analysis, and the days the report is made with: the
 * record's day (asked for, else the scenario's own) and the earlier day of `since`,
 * which must come before it. A bad date is a "usage" problem at its option.
 */
async function prepare(
  input: ScenarioInput,
  options: ReportDataOptions,
  runner: AnalysisRunner,
): Promise<Result<{ loaded: Loaded; options: { day?: ViewDay; sinceDay?: number; analysis?: Analysis; mediation?: MediationHooks; settlement?: SettleResult } }>> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  let day: ViewDay | undefined;
  if (options.asOf !== undefined) {
    const d = dayOf(loaded, { asOf: options.asOf });
    if (!d.ok) return d;
    day = d.value;
  } else {
    // The scenario's own dates were checked when it was loaded.
    const d = viewDay(loaded.scenario);
    day = d.ok ? d.value : undefined;
  }
  let sinceDay: number | undefined;
  if (options.since !== undefined) {
    const d = dayOf(loaded, { asOf: options.since }, "since");
    if (!d.ok) return d;
    sinceDay = d.value.day;
    if (day !== undefined && sinceDay >= day.day) {
      return fail([{ code: "usage", path: ["since"], message: `expected a day before the record's day (${day.text}), found "${options.since}"` }]);
    }
  }
  const { space } = loaded;
  const analysis = space ? await runner.analyze(space, BASIC_CONCEPTS) : undefined;
  const m = options.mediation;
  const hooks = analysis && m ? await mediationHooks(loaded, analysis, runner, m === true ? {} : m, "text" in input ? input : undefined) : undefined;
  if (hooks && !hooks.ok) return hooks;
  const mediation = hooks?.value;
  // Treaty packages, when the scenario has a settlement section: the brief's and the report's section.
  // The search for changes that would make a package hold re-analyses the model per change: with --mediation only.
  // It reuses the analysis above rather than running it again.
  const reuse: AnalysisRunner = { ...runner, analyze: (sp, concepts) => (sp === space && analysis ? Promise.resolve(analysis) : runner.analyze(sp, concepts)) };
  const settled = loaded.scenario.settlement ? await settle(loaded, { searchChanges: m !== undefined && m !== false }, reuse) : undefined;
  if (settled && !settled.ok) return settled;
  return ok({
    loaded,
    options: {
      ...(day ? { day } : {}),
      ...(sinceDay !== undefined ? { sinceDay } : {}),
      ...(analysis ? { analysis } : {}),
      ...(mediation ? { mediation } : {}),
      ...(settled ? { settlement: settled.value } : {}),
    },
  });
}
