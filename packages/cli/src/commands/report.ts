import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { CONCEPT_LABELS, numberList, report, type MoveDescription, type ReportData } from "@concord/app";
import { workerRunner } from "@concord/node";
import { width, type CliIo } from "../io.js";
import type { ReportWritten } from "../json-output.js";
import { CliFailure, printJson, say, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { openFile } from "../scenario.js";
import { writeAll, writeOutput } from "../write.js";

export interface ReportCliOptions {
  format: "html" | "md";
  output?: string;
  asOf?: string;
  since?: string;
  json?: boolean;
  mediation?: boolean;
  together?: string;
  robustness?: string;
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command("report")
    .description("write a report a non-specialist can read: the brief on top (the answer in plain words), then the process, the model and the analysis in detail, with pictures and sources")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .addOption(new Option("--format <format>", "html (one self-contained page) or md (Markdown, pictures as SVG files beside it)").choices(["html", "md"]).default("html"))
    .option("-o, --output <path>", "where to write the report (default: out/<scenario id>.html or .md; - for standard output, HTML only)")
    .option("--as-of <date>", "the day for who is waiting and deadlines (default: the scenario's asOf, else the record's last date)")
    .option("--since <date>", "the brief on top also says what changed since this earlier day, and how the answer moved")
    .option("--mediation", "add what would make each named outcome hold, which answers rest on estimates, what parties could do together, and robustness (slower)")
    .option("--together <groups>", 'with --mediation: the groups asked "can they together move the status quo?", e.g. "Armenia+US+EU" (default: every pair, for up to four decision makers)')
    .option("--robustness <variants>", "with --mediation: robustness variants to draw (default 200 on small models, fewer on large ones: 1,000,000 ÷ the number of states, at least 20; 0 leaves robustness out)")
    .option("--json", "print JSON: what was written (the report's path, every file, format, title)")
    .addHelpText(
      "after",
      `
The HTML report is one file with its pictures inline: it opens offline and prints.
The Markdown report links the pictures written beside it: <name>-paths.svg,
<name>-timeline.svg and <name>-moves.svg. Files are written whole or not at all.

Examples:
  concord report scenarios/elmira.yaml
  concord report talks.yaml --format md -o report/talks.md`,
    )
    .action(async (file: string, opts: ReportCliOptions) => {
      const { path, data, files } = await writeReport(io, file, opts);
      if (opts.json) return printJson(io, { report: path, files, format: opts.format, title: data.title } satisfies ReportWritten);
      if (path !== "-") say(io, summary(data, path, width(io) ?? 88));
    });
}

/** Analyses a scenario and writes its report, whole or not at all; returns where, and the report's data. */
export async function writeReport(io: CliIo, file: string, opts: ReportCliOptions): Promise<{ path: string; data: ReportData; files: string[] }> {
  if (opts.output === "-" && opts.format === "md") {
    throw new CliFailure([{ code: "usage", path: ["output"], message: "the Markdown report links pictures written beside it, so it needs a file; -o - works with --format html" }]);
  }
  const loaded = openFile(io, file);
  if (opts.output === "-") {
    const built = unwrap(await report(loaded, { format: "html", baseName: loaded.scenario.id, ...reportOptions(opts) }, workerRunner()));
    writeOutput(io, "-", built.text);
    return { path: "-", data: built.data, files: [] };
  }
  const path = resolve(io.cwd, opts.output ?? join("out", `${loaded.scenario.id}.${opts.format}`));
  const baseName = basename(path).replace(/\.(html?|md|markdown)$/i, "");
  // Large models are analysed on worker threads, as by `concord analyze`.
  const built = unwrap(await withProgress(io, "Writing the report", () => report(loaded, { format: opts.format, baseName, ...reportOptions(opts) }, workerRunner())));
  const files = [{ file: path, text: built.text }, ...built.files.map((f) => ({ file: join(dirname(path), f.name), text: f.text }))];
  writeAll(io, files);
  return { path, data: built.data, files: files.map((f) => f.file) };
}

/** The report's options from the command line's, for a file or for standard output alike. */
function reportOptions(opts: ReportCliOptions) {
  return {
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    ...(opts.since !== undefined ? { since: opts.since } : {}),
    ...(opts.mediation
      ? { mediation: opts.together !== undefined || opts.robustness !== undefined ? { ...(opts.together !== undefined ? { together: opts.together } : {}), ...(opts.robustness !== undefined ? { robustness: opts.robustness } : {}) } : true }
      : {}),
  };
}

/** How many equilibria within reach the terminal lists. */
const REACH_LIMIT = 5;

/** What the terminal shows after writing a report: the brief's bottom line, then the answer in a few precise lines. */
export function summary(d: ReportData, path: string, cols = 88): string {
  const out: string[] = [`Wrote ${path}`, "", wrap(d.title, cols), "", wrap(d.question, cols), ""];
  // The report opens with the brief: its bottom line, in plain words, comes first here too.
  if (d.brief.bottomLine.length > 0) {
    out.push("In brief:");
    for (const c of d.brief.bottomLine) out.push(wrap(`- ${c.text}`, cols, "  ").trimEnd());
    out.push("");
  }
  const a = d.analysis;
  if (a) {
    const sq = a.statusQuo;
    if (sq) {
      out.push(wrap(`Today: ${sq.reading}`, cols), "");
      // Where unilateral improvements lead: the nearest equilibria, under any concept.
      const seen = new Map<number, { distance: number; concepts: string[]; path: string }>();
      for (const r of sq.reachable) {
        for (const e of r.equilibria) {
          if (e.distance === 0) continue;
          const hit = seen.get(e.state) ?? { distance: e.distance, concepts: [], path: e.path.map(moveWords).join(", then ") };
          hit.concepts.push(CONCEPT_LABELS[r.concept]);
          seen.set(e.state, hit);
        }
      }
      // Honest and ranked: say how many equilibria are within reach, list those held under the most concepts first.
      const ranked = [...seen.entries()].sort((x, y) => y[1].concepts.length - x[1].concepts.length || x[1].distance - y[1].distance || x[0] - y[0]);
      const shown = ranked.slice(0, REACH_LIMIT);
      if (ranked.length > 0) {
        const n = ranked.length === 1 ? "1 equilibrium" : `${ranked.length} equilibria`;
        out.push(wrap(`Where the conflict can go from here: ${n} within reach, by moves that each improve the mover's position${shown.length < ranked.length ? ` (the ${shown.length} held under the most concepts)` : ""}:`, cols));
        for (const [state, x] of shown) out.push(wrap(`- state ${state} (equilibrium under ${x.concepts.join(", ")}), ${x.distance} move${x.distance === 1 ? "" : "s"}: ${x.path}`, cols, "  "));
        if (shown.length < ranked.length) out.push(`- … and ${ranked.length - shown.length} more`);
        out.push("");
      }
    } else out.push("The model gives no status quo.", "");
    out.push("Equilibria (states stable for everyone):");
    for (const c of a.concepts) out.push(`  ${c.label}: ${c.equilibria.length} — ${numberList(c.equilibria, 8)}`);
    out.push("");
  } else out.push("No model: the report covers the record only.", "");
  if (d.record) {
    const waits = d.record.waiting.slice(0, 3);
    if (waits.length > 0) {
      out.push(`Waiting, as of ${d.record.asOf}:`);
      for (const w of waits) {
        const days = w.minDays === w.maxDays ? `${w.minDays} days` : `${w.minDays}–${w.maxDays} days`;
        out.push(wrap(`- ${w.title}: awaiting ${w.awaiting.join(" and ")} for ${days}`, cols, "  "));
      }
      out.push("");
    }
    const running = d.record.commitments.filter((c) => c.expiry !== undefined && c.state === "running").slice(0, 3);
    if (running.length > 0) {
      out.push("Deadlines:");
      for (const c of running) {
        const notice = c.noticeDeadline ? `; notice by ${c.noticeDeadline}` : "";
        out.push(wrap(`- ${c.what}: term ends ${c.expiry}${notice}`, cols, "  "));
      }
      out.push("");
    }
  }
  const counts = [d.timeline.length ? `${d.timeline.length} record entries` : "no record entries", `${d.sources.length} sources`, ...(d.contradictions.length ? [d.contradictions.length === 1 ? "1 contradiction" : `${d.contradictions.length} contradictions`] : [])];
  out.push(counts.join(", ") + ".", "");
  return out.join("\n");
}

function moveWords(m: MoveDescription): string {
  return m.changes.map((c) => (c.taken ? c.label : `${m.by} stops: ${c.label}`)).join(" and ");
}

function wrap(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = indent + word; }
      else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
