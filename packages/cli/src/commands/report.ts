import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { CONCEPT_LABELS, numberList, report, type MoveDescription, type ReportData } from "@concord/app";
import { workerRunner, writeFiles } from "@concord/node";
import type { CliIo } from "../io.js";
import { unwrap } from "../output.js";
import { openFile } from "../scenario.js";

export interface ReportCliOptions {
  format: "html" | "md";
  output?: string;
  asOf?: string;
  since?: string;
  mediation?: boolean;
  together?: string;
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command("report")
    .description("write a report a non-specialist can read: the brief on top (the answer in plain words), then the process, the model and the analysis in detail, with pictures and sources")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .addOption(new Option("--format <format>", "html (one self-contained page) or md (Markdown, pictures as SVG files beside it)").choices(["html", "md"]).default("html"))
    .option("-o, --output <path>", "where to write the report (default: out/<scenario id>.html or .md)")
    .option("--as-of <date>", "the day for who is waiting and deadlines (default: the scenario's asOf, else the record's last date)")
    .option("--since <date>", "the brief on top also says what changed since this earlier day, and how the answer moved")
    .option("--mediation", "add what would make each named outcome hold, which answers rest on estimates, what parties could do together, and robustness (slower)")
    .option("--together <groups>", 'with --mediation: the groups asked "can they together move the status quo?", e.g. "Armenia+US+EU" (default: every pair, for up to four decision makers)')
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
      const { path, data } = await writeReport(io, file, opts);
      io.stdout.write(summary(data, path));
    });
}

/** Analyses a scenario and writes its report, whole or not at all; returns where, and the report's data. */
export async function writeReport(io: CliIo, file: string, opts: ReportCliOptions): Promise<{ path: string; data: ReportData }> {
  const loaded = openFile(io, file);
  const path = resolve(io.cwd, opts.output ?? join("out", `${loaded.scenario.id}.${opts.format}`));
  const baseName = basename(path).replace(/\.(html?|md|markdown)$/i, "");
  // Large models are analysed on worker threads, as by `concord analyze`.
  const built = unwrap(
    await report(
      loaded,
      {
        format: opts.format,
        baseName,
        ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
        ...(opts.since !== undefined ? { since: opts.since } : {}),
        ...(opts.mediation ? { mediation: opts.together !== undefined ? { together: opts.together } : true } : {}),
      },
      workerRunner(),
    ),
  );
  unwrap(writeFiles([{ file: path, text: built.text }, ...built.files.map((f) => ({ file: join(dirname(path), f.name), text: f.text }))]));
  return { path, data: built.data };
}

/** What the terminal shows after writing a report: the brief's bottom line, then the answer in a few precise lines. */
export function summary(d: ReportData, path: string): string {
  const out: string[] = [`Wrote ${path}`, "", d.title, "", wrap(d.question, 88), ""];
  // The report opens with the brief: its bottom line, in plain words, comes first here too.
  if (d.brief.bottomLine.length > 0) {
    out.push("In brief:");
    for (const c of d.brief.bottomLine) out.push(wrap(`- ${c.text}`, 88, "  ").trimEnd());
    out.push("");
  }
  const a = d.analysis;
  if (a) {
    const sq = a.statusQuo;
    if (sq) {
      out.push(wrap(`Today: ${sq.reading}`, 88), "");
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
      const nearest = [...seen.entries()].sort((x, y) => x[1].distance - y[1].distance || x[0] - y[0]).slice(0, 3);
      if (nearest.length > 0) {
        out.push("Where the conflict can go from here (each move improving the mover's position):");
        for (const [state, x] of nearest) out.push(wrap(`- state ${state} (equilibrium under ${x.concepts.join(", ")}), ${x.distance} move${x.distance === 1 ? "" : "s"}: ${x.path}`, 88, "  "));
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
        out.push(wrap(`- ${w.title}: awaiting ${w.awaiting.join(" and ")} for ${days}`, 88, "  "));
      }
      out.push("");
    }
    const running = d.record.commitments.filter((c) => c.expiry !== undefined && c.state === "running").slice(0, 3);
    if (running.length > 0) {
      out.push("Deadlines:");
      for (const c of running) {
        const notice = c.noticeDeadline ? `; notice by ${c.noticeDeadline}` : "";
        out.push(wrap(`- ${c.what}: term ends ${c.expiry}${notice}`, 88, "  "));
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
