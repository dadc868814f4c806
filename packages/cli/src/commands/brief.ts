import { basename, dirname, extname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { brief, type BriefData } from "@concord/app";
import { printPdf, workerRunner } from "@concord/node";
import { width, type CliIo } from "../io.js";
import { CliFailure, printJson, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { openFile } from "../scenario.js";
import { DEFAULT_SCENARIO } from "./default-run.js";
import { writeAll, writeOutput } from "../write.js";

type BriefFormat = "text" | "md" | "html" | "pdf";

export interface BriefCliOptions {
  format?: BriefFormat;
  output?: string;
  since?: string;
  asOf?: string;
  json?: boolean;
}

/** Prose is hard to read in lines much longer than this, however wide the terminal. */
const MAX_TEXT_WIDTH = 100;

const EXTENSIONS: Readonly<Record<string, BriefFormat>> = { ".txt": "text", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf" };

export function registerBrief(program: Command, io: CliIo): void {
  program
    .command("brief")
    .description("the answer first: a brief a mediator reads in five minutes (at most two printed pages), in plain words, every sentence with its sources; printed here, or written as Markdown, HTML or PDF")
    .argument("[file]", "scenario file (YAML, JSON or .gmcr); default: the embedded seed scenario")
    .addOption(new Option("--format <format>", "text (for the terminal), md, html or pdf (PDF needs Chromium); default: text, or what the -o file's name says").choices(["text", "md", "html", "pdf"]))
    .option("-o, --output <path>", "where to write the brief (- for standard output); default with --format: out/<scenario id>-brief.<md|html|pdf>")
    .option("--since <date>", "also say what changed since this earlier day, and how the answer moved (YYYY-MM-DD; a month or year means its last day)")
    .option("--as-of <date>", "the record's day for who is waiting and deadlines (default: the scenario's asOf, else the record's last date)")
    .option("--json", "print the brief's data as JSON instead (nothing is written)")
    .addHelpText(
      "after",
      `
Without --format or -o the brief is printed here, wrapped to the terminal, the bottom
line first. The HTML brief is one self-contained page that prints on at most two A4
pages; its links to the full report point to <scenario id>.html in out/, where
\`concord report\` writes it. The Markdown brief links its picture, written beside it
as <name>-paths.svg. PDF is printed by Chromium (/usr/bin/chromium, or the path in
CONCORD_CHROMIUM). Files are written whole or not at all.

Examples:
  concord brief
  concord brief talks.yaml --since 2023-10
  concord brief talks.yaml --format pdf -o talks-brief.pdf`,
    )
    .action(async (file: string | undefined, opts: BriefCliOptions) => {
      await runBrief(io, file ?? DEFAULT_SCENARIO, opts);
    });
}

async function runBrief(io: CliIo, file: string, opts: BriefCliOptions): Promise<void> {
  if (opts.json && (opts.format !== undefined || opts.output !== undefined)) {
    throw usage("json", "prints the brief's data; leave out --format and --output");
  }
  const format = opts.format ?? formatOf(opts.output);
  const loaded = openFile(io, file);
  const days = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.since !== undefined ? { since: opts.since } : {}) };
  const runner = workerRunner();
  if (opts.json) return printJson(io, unwrap(await withProgress(io, "Writing the brief", () => brief(loaded, { ...days, format: "text" }, runner))).data);

  const toStdout = opts.output === "-" || (opts.output === undefined && format === "text");
  if (toStdout) {
    if (format === "pdf") throw usage("output", "a PDF cannot be written to standard output: give a file name");
    const columns = Math.min(width(io) ?? 80, MAX_TEXT_WIDTH);
    const built = unwrap(await withProgress(io, "Writing the brief", () => brief(loaded, { ...days, format, width: columns, pictures: false, reportHref: reportHint(io, file, loaded.scenario.id, format) }, runner)));
    // Through the one output writer, as `report -o -`: the scenario's own text is escaped on a terminal.
    writeOutput(io, "-", built.text.endsWith("\n") ? built.text : `${built.text}\n`);
    return;
  }

  const path = resolve(io.cwd, opts.output ?? join("out", `${loaded.scenario.id}-brief.${format === "text" ? "txt" : format}`));
  // The full report's default place, seen from the brief's folder.
  const reportHref = relative(dirname(path), resolve(io.cwd, "out", `${loaded.scenario.id}.html`)) || `${loaded.scenario.id}.html`;
  const baseName = basename(path).replace(/\.[^.]*$/, "");
  const built = unwrap(await withProgress(io, "Writing the brief", () => brief(loaded, { ...days, format: format === "pdf" ? "html" : format, baseName, reportHref, width: 80 }, runner)));
  const text = format === "pdf" ? unwrap(await printPdf(built.text, io.env.CONCORD_CHROMIUM !== undefined ? { chromium: io.env.CONCORD_CHROMIUM } : {})) : built.text;
  writeAll(io, [{ file: path, text }, ...built.files.map((f) => ({ file: join(dirname(path), f.name), text: f.text }))]);
  io.stdout.write(written(built.data, path));
}

function usage(option: string, message: string): CliFailure {
  return new CliFailure([{ code: "usage", path: [option], message }]);
}

/** The format a file name asks for; text without a name. */
function formatOf(output: string | undefined): BriefFormat {
  if (output === undefined || output === "-") return "text";
  const format = EXTENSIONS[extname(output).toLowerCase()];
  if (format === undefined) throw usage("output", `cannot tell the format from "${output}": end the name in .md, .html, .pdf or .txt, or give --format`);
  return format;
}

/** Where the terminal's reader finds the full report: the command that writes it. */
function reportHint(io: CliIo, file: string, id: string, format: BriefFormat): string | undefined {
  if (format !== "text") return `${id}.html`;
  const shown = file === DEFAULT_SCENARIO ? "" : ` ${relative(io.cwd, resolve(io.cwd, file)) || file}`;
  return `concord report${shown}`;
}

/** What the terminal shows after writing the brief: where, then its bottom line. */
function written(b: BriefData, path: string): string {
  const out = [`Wrote ${path}`, "", "In brief:"];
  for (const c of b.bottomLine) out.push(`- ${c.text}`);
  return `${out.join("\n")}\n`;
}
