import type { Command } from "commander";
import { CONCEPT_LABELS, moveText, stabilize, type StabilizeUseCaseResult } from "@concord/app";
import { workerRunner } from "@concord/node";
import { answerText } from "../answer.js";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";

interface StabilizeCliOptions {
  target: string;
  concepts?: string;
  focus?: string;
  maxSize: string;
  thirdParty: boolean;
  limit: string;
  json?: boolean;
}

export function registerStabilize(program: Command, io: CliIo): void {
  program
    .command("stabilize")
    .description("what would make a target stable and reachable from the status quo, and who would have to change what")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .requiredOption("--target <pattern>", "an option pattern (`venue = direct & -(transit = extraterritorial)`) or a named target's id")
    .option("--concepts <list>", "the goal: an equilibrium under each of these (default: all four)")
    .option("--focus <n>", "the target state whose pulls are explained (default: chosen)")
    .option("--max-size <n>", "largest change searched: 1 or 2", "2")
    .option("--no-third-party", "do not try new options for third parties (offers, threats)")
    .option("--limit <n>", "most changes listed", "20")
    .option("--json", "print JSON: answer (plain words, grounds, sources) and detail (pulls, reach, changes, coverage)")
    .action(async (file: string, opts: StabilizeCliOptions) => {
      const source = readSource(io, file);
      const r = unwrap(
        await withProgress(io, "Searching", () =>
          stabilize(
            source,
            {
              target: opts.target,
              ...(opts.concepts !== undefined ? { concepts: opts.concepts } : {}),
              ...(opts.focus !== undefined ? { focus: opts.focus } : {}),
              maxSize: opts.maxSize,
              thirdParty: opts.thirdParty,
              limit: opts.limit,
            },
            workerRunner(),
          ),
        ),
      );
      if (opts.json) return printJson(io, r);
      io.stdout.write(`${answerText(r.answer)}\n${detailText(r)}`);
    });
}

/** For specialists: states, concepts, the blocked path, the changes and what the search covered. */
function detailText({ detail: d }: StabilizeUseCaseResult): string {
  const lines: string[] = ["Detail", ""];
  lines.push(`Target "${d.target.target.pattern}": ${d.target.count} state(s); equilibria among them: ${Object.entries(d.equilibria).map(([c, s]) => `${CONCEPT_LABELS[c as keyof typeof CONCEPT_LABELS]} ${s.length ? s.join(", ") : "none"}`).join("; ")}.`);
  if (d.reach) {
    lines.push(`From the status quo (state ${d.reach.start.state}): ${d.reach.reachable ? `reachable, nearest state ${d.reach.nearest!.state.state}` : "not reachable by unilateral improvements"}.`);
    if (d.reach.blocked) {
      lines.push(`Path with the fewest blocked steps (${d.reach.blocked.blockedSteps} blocked) to state ${d.reach.blocked.state.state}:`);
      for (const s of d.reach.blocked.steps) lines.push(`  ${s.improvement ? "  " : "✗ "}${s.words}`);
    }
  }
  if (d.focus) {
    lines.push(`Pulls at state ${d.focus.state} (${d.focus.why}):`);
    for (const p of d.pulls) {
      if (p.improvements.length === 0) continue;
      for (const imp of p.improvements.slice(0, 3)) {
        const sanctions = (["gmr", "smr", "seq"] as const).map((c) => `${CONCEPT_LABELS[c]} ${imp.sanctions[c]?.sanctioned ? "sanctioned" : "not sanctioned"}`).join(", ");
        lines.push(`  ${moveText(imp.move)}${imp.why ? `: statement ${imp.why.position}, "${imp.why.text}"` : ""} — ${sanctions}`);
      }
      if (p.improvements.length > 3) lines.push(`  … and ${p.improvements.length - 3} more improvements of ${p.name}`);
    }
  }
  const ch = d.changes;
  lines.push(`Changes (${ch.goalMet ? `reaching the goal: ${ch.goal.map((c) => CONCEPT_LABELS[c]).join(", ")}` : `strongest reached: ${ch.strongest.map((c) => CONCEPT_LABELS[c]).join(", ") || "none"}`}; ${ch.total} in all):`);
  ch.changes.forEach((c, k) => {
    lines.push(`  ${k + 1}. ${c.words} → state ${c.state.state}, ${c.concepts.map((x) => CONCEPT_LABELS[x]).join(", ")}${c.revisesEstimate ? " (revises an estimate)" : ""}`);
  });
  const cov = ch.coverage;
  lines.push(`Searched: ${cov.candidates}.`);
  lines.push(`Size 1: ${cov.single.preferenceChanges} preference changes (${cov.single.distinct} distinct, ${cov.single.ruledOut} ruled out exactly, ${cov.single.analysed} analysed); ${cov.single.thirdPartyOptions} third-party options (${cov.single.thirdPartyRuledOut} ruled out, ${cov.single.thirdPartyAnalysed} analysed).`);
  lines.push(cov.pairs.searched ? `Size 2: ${cov.pairs.pairs} pairs, ${cov.pairs.evaluations} of ${cov.pairs.budget} evaluations, ${cov.pairs.exhaustive ? "exhaustive" : "not exhaustive"}.` : `Size 2: not searched (${cov.pairs.why}).`);
  if (cov.notCovered.length) lines.push(`Not covered: ${cov.notCovered.join("; ")}.`);
  return `${lines.join("\n")}\n`;
}
