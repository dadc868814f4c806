import type { Command } from "commander";
import { actorNames, citeSource, evidence, type ResolvedEvidence } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { openFile } from "../scenario.js";
import { names } from "../text.js";

export function registerEvidence(program: Command, io: CliIo): void {
  program
    .command("evidence")
    .description("a decision maker's options and preferences with the evidence they rest on, resolved to quotes and sources")
    .argument("<file>", "scenario file")
    .requiredOption("--dm <name>", "the decision maker: its id or name, its actor's id, name or alias, or the start of one")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      `
Evidence items cite a source with a quote, or a statement, event or document of the
record (evidence: [{statement: s-obrien-2023-11-15}]). Items without any evidence are
counted at the end, so gaps in the model's support are visible.

Example:
  concord evidence talks.yaml --dm Azerbaijan`,
    )
    .action((file: string, opts: { dm: string; json?: boolean }) => {
      const loaded = openFile(io, file);
      const r = unwrap(evidence(loaded, { dm: opts.dm }));
      if (opts.json) return printJson(io, r);
      const actors = actorNames(loaded);
      const out: string[] = [`${r.decisionMaker.name} (decision maker ${r.decisionMaker.id}${r.decisionMaker.actor !== undefined ? `, actor ${r.decisionMaker.actor}` : ""})`];
      if (r.evidence.length > 0) out.push(...r.evidence.flatMap((e) => item(actors, e, "  ")));
      out.push("", "Options");
      for (const o of r.options) {
        out.push(`  ${o.id}: ${o.label}${o.note !== undefined ? ` (${o.note})` : ""}`);
        out.push(...(o.evidence.length ? o.evidence.flatMap((e) => item(actors, e, "    ")) : ["    (no evidence)"]));
      }
      out.push("", r.ranking ? "Preferences: an explicit ranking of states (no statement-level evidence)" : "Preferences, most important first");
      for (const p of r.preferences) {
        out.push(`  ${p.rank}. ${p.statement}${p.note !== undefined ? ` (${p.note})` : ""}`);
        out.push(...(p.evidence.length ? p.evidence.flatMap((e) => item(actors, e, "     ")) : ["     (no evidence)"]));
      }
      out.push("", `${r.unsupported} option${r.unsupported === 1 ? "" : "s"} or preference statement${r.unsupported === 1 ? "" : "s"} without evidence`);
      say(io, out.join("\n") + "\n");
    });
}

function item(actors: Readonly<Record<string, string>>, e: ResolvedEvidence, indent: string): string[] {
  const head = [
    e.kind === "note" ? "note" : `${e.kind} ${e.id}`,
    e.actors !== undefined && e.actors.length > 0 ? names(actors, e.actors) : undefined,
    e.date,
  ].filter((x) => x !== undefined).join(", ");
  const body = [
    e.kind !== "statement" && e.title !== undefined ? e.title : undefined,
    e.quote !== undefined ? `“${e.quote}”` : undefined,
    e.note !== undefined ? `(${e.note})` : undefined,
  ].filter((x) => x !== undefined).join(" ");
  return [`${indent}- ${head}${body !== "" ? `: ${body}` : ""}`, ...e.sources.map((s) => `${indent}  source: ${citeSource(s)}${s.address !== undefined ? ` ${s.address}` : ""}`)];
}
