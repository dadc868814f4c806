import type { Command } from "commander";
import { CONCEPT_LABELS, settle, type BasicConcept, type SettlePackage, type SettleResult } from "@concord/app";
import { workerRunner } from "@concord/node";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";

export function registerSettle(program: Command, io: CliIo): void {
  program
    .command("settle")
    .description("packages both sides could accept, and which would hold: the frontier, Nash and Kalai–Smorodinsky packages, Adjusted Winner, stability of each")
    .argument("<file>", "scenario file with a settlement section")
    .option("--concepts <list>", "comma-separated concepts to check stability under: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--mediation", "also search for the smallest changes that would make the Nash and Kalai–Smorodinsky packages hold (slower: it re-analyses the model per candidate change)")
    .option("--json", "print JSON: packages with gains per party id, states from 1, stability per concept, Adjusted Winner, sensitivity")
    .addHelpText(
      "after",
      `
A package settles every issue of the settlement section one way. Those listed are on
the Pareto frontier (no other package is better for one side without being worse for
the other); "both gain" marks those better than no agreement for every side. "holds
under" lists the stability concepts under which the package's state is an equilibrium.
See docs/settlement.md.

Example:
  concord settle scenarios/examples/settlement.yaml`,
    )
    .action(async (file: string, opts: { concepts: string; json?: boolean; mediation?: boolean }) => {
      const source = readSource(io, file);
      const r = unwrap(await withProgress(io, "Weighing the packages", () => settle(source, { concepts: opts.concepts, searchChanges: opts.mediation === true }, workerRunner())));
      if (opts.json) return printJson(io, r);
      io.stdout.write(settleText(r));
    });
}

function settleText(r: SettleResult): string {
  const out: string[] = ["Packages both sides could accept, and which would hold", "", r.summary, ""];
  const ids = r.parties.map((p) => p.id);
  const mark = (p: SettlePackage): string => [p.nash ? "N" : "", p.kalaiSmorodinsky ? "K" : ""].join("");
  const holds = (p: SettlePackage): string => (p.state === null ? (r.concepts.length ? "not a state" : "-") : p.stableUnder.length ? p.stableUnder.map((c) => CONCEPT_LABELS[c]).join(" ") : "none");
  out.push(`Frontier packages (${r.packages.length} listed; gains over no agreement; N = Nash bargaining, K = Kalai–Smorodinsky)`);
  out.push(
    renderTable(
      [["", ...r.parties.map((p) => p.label), "both gain", "state", "holds under", "package"]],
      r.packages.map((p) => [mark(p), ...ids.map((id) => num(p.gains[id]!)), p.acceptable ? "yes" : "no", p.state === null ? "-" : String(p.state), holds(p), p.words]),
      ["left", ...ids.map(() => "right" as const), "left", "right"],
    ),
  );
  if (r.excluded.length) {
    out.push("Ruled out by the model (not candidates: they are not outcomes the model allows)");
    for (const x of r.excluded) out.push(`  ${ids.map((id, i) => `${r.parties[i]!.label} ${num(x.gains[id]!)}`).join(", ")}${x.acceptable ? " (both would gain)" : ""}: ${x.words}. ${x.reason}`);
    out.push("");
  }
  const needing = r.packages.filter((p) => p.acceptable && p.needs);
  let searchable = false;
  if (needing.length) {
    out.push("What the acceptable packages that would not hold need");
    for (const p of needing) {
      out.push(`  state ${p.state}: ${p.words}`);
      for (const [c, n] of Object.entries(p.needs!) as [BasicConcept, NonNullable<SettlePackage["needs"]>[BasicConcept]][]) {
        if (!n) continue;
        const fix = n.changes.length ? `; it would hold if ${n.changes[0]}` : n.searched && !n.found ? "; no single change found makes it hold" : "";
        if (!n.searched && (p.nash || p.kalaiSmorodinsky)) searchable = true;
        out.push(`    ${CONCEPT_LABELS[c]}: ${n.pulls.join("; ")}${fix}`);
      }
    }
    if (searchable) out.push("  (with --mediation: the smallest changes that would make the Nash and Kalai–Smorodinsky packages hold)");
    out.push("");
  }
  for (const p of r.proposals) out.push(p.explanation);
  if (r.proposals.length) out.push("");
  out.push("Adjusted Winner (sharing out the divisible issues)");
  if (r.adjustedWinner) {
    const aw = r.adjustedWinner;
    out.push(`  ${r.adjustedWinnerNote}`);
    out.push(
      renderTable(
        [["issue", ...aw.parties.map((p) => `${p.label} points`), "goes to"]],
        aw.allocation.map((a) => [a.label, num(a.points[0]), num(a.points[1]), a.to === "split" ? `split ${pct(a.share[0])} / ${pct(a.share[1])}` : (aw.parties.find((p) => p.id === a.to)?.label ?? a.to)]),
        ["left", "right", "right"],
      ),
    );
    out.push(`  ${aw.explanation}`);
  } else out.push(`  ${r.adjustedWinnerNote}`);
  out.push("");
  if (r.sensitivity) {
    out.push("If the estimates are off");
    out.push(`  ${r.sensitivity.explanation}`);
    for (const p of r.sensitivity.parameters) out.push(`  - ${p.explanation}`);
    out.push("");
  }
  out.push("The numbers");
  for (const d of r.details) out.push(`  ${d}`);
  return `${out.join("\n")}\n`;
}

const num = (x: number): string => String(+x.toFixed(2));
const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;
