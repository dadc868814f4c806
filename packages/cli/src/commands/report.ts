import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { BASIC_CONCEPTS, CONCEPT_LABELS } from "@concord/core";
import { buildReport, numberList, type ReportData } from "@concord/report";
import { readScenario, UserError } from "../io.js";
import { analyzeParallel } from "../parallel/pool.js";

interface ReportCliOptions {
  format: "html" | "md";
  output?: string;
  asOf?: string;
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write a report a non-specialist can read: the question, actors, timeline, waiting and deadlines, the model, the equilibria and the status quo in plain words, with pictures and sources")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .addOption(new Option("--format <format>", "html (one self-contained page) or md (Markdown, pictures as SVG files beside it)").choices(["html", "md"]).default("html"))
    .option("-o, --output <path>", "where to write the report (default: out/<scenario id>.html or .md)")
    .option("--as-of <date>", "the day for who is waiting and deadlines (default: the scenario's asOf, else the record's last date)")
    .addHelpText(
      "after",
      `
The HTML report is one file with its pictures inline: it opens offline and prints.
The Markdown report links two pictures written beside it: <name>-timeline.svg and
<name>-moves.svg. Files are written whole or not at all.

Examples:
  concord report scenarios/elmira.yaml
  concord report talks.yaml --format md -o report/talks.md`,
    )
    .action(async (file: string, opts: ReportCliOptions) => {
      const loaded = readScenario(file);
      const path = resolve(opts.output ?? join("out", `${loaded.scenario.id}.${opts.format}`));
      const name = basename(path).replace(/\.(html?|md|markdown)$/i, "");
      let built;
      try {
        // Large models are analysed on worker threads, as by `concord analyze`.
        const analysis = loaded.space ? await analyzeParallel(loaded.space, BASIC_CONCEPTS) : undefined;
        built = await buildReport(loaded, opts.format, { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(analysis ? { analysis } : {}), baseName: name });
      } catch (e) {
        if (e instanceof RangeError) throw new UserError(`--as-of: ${e.message.replace(/^as-of date: /, "")}`);
        throw e;
      }
      writeAll(path, built.text, built.files.map((f) => ({ path: join(dirname(path), f.name), text: f.text })));
      process.stdout.write(summary(built.data, path));
    });
}

/** Writes every file to a temporary name first, then renames them all: a failure leaves nothing half-written. */
function writeAll(main: string, text: string, extra: readonly { path: string; text: string }[]): void {
  const files = [{ path: main, text }, ...extra];
  try {
    mkdirSync(dirname(main), { recursive: true });
  } catch (e) {
    throw new UserError(`${dirname(main)}: cannot create the folder: ${(e as Error).message}`);
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(tmp, f.text);
      temps.push(tmp);
    }
    files.forEach((f, i) => renameSync(temps[i]!, f.path));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new UserError(`${main}: cannot write the report: ${(e as Error).message}`);
  }
}

function summary(d: ReportData, path: string): string {
  const out: string[] = [`Wrote ${path}`, "", d.title, "", wrap(d.question, 88), ""];
  const a = d.analysis;
  if (a) {
    out.push("Equilibria:");
    for (const c of a.concepts) out.push(`  ${c.label}: ${numberList(c.equilibria, 12)}`);
    const sq = a.statusQuo;
    if (sq) {
      const not = a.concepts.filter((c) => !sq.equilibriumUnder.includes(c.concept)).map((c) => c.label);
      out.push(
        "",
        sq.equilibriumUnder.length === 0
          ? `Status quo (state ${sq.state}): not an equilibrium under any concept.`
          : `Status quo (state ${sq.state}): an equilibrium under ${sq.equilibriumUnder.map((c) => CONCEPT_LABELS[c]).join(", ")}${not.length ? `; not under ${not.join(", ")}` : ""}.`,
      );
    } else out.push("", "The model gives no status quo.");
  } else out.push("No model: the report covers the record only.");
  const counts = [d.timeline.length ? `${d.timeline.length} record entries` : "no record entries", `${d.sources.length} sources`, ...(d.contradictions.length ? [d.contradictions.length === 1 ? "1 contradiction" : `${d.contradictions.length} contradictions`] : [])];
  out.push(counts.join(", ") + ".", "");
  return out.join("\n");
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
      else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
