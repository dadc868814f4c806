/**
 * Settlement: packages both sides could accept, and which would hold (the `settle` use
 * case, in the analysis worker, without its slow search for changes). Plain words first:
 * the summary, the Nash and Kalai–Smorodinsky packages explained; then the Pareto
 * frontier as a chart of each party's gain over no agreement, and every frontier package
 * with whether its state would hold (per concept) and whether the conflict gets there
 * from today; the numbers' explanations in the detail.
 */
import { useMemo } from "react";
import { CONCEPT_LABELS, CONCEPT_NAMES, type BasicConcept, type SettlePackage, type SettleResult } from "@concord/app";
import { useScenarioText } from "../model/draft";
import { readModel } from "../model/edit";
import { latest, useAnalysis } from "../worker/client";
import { FrontierChart } from "../settlement/FrontierChart";
import "../analysis/pages.css";

const fmt = (n: number): string => n.toLocaleString("en", { maximumFractionDigits: 2 });

export function Settlement() {
  const { text, draft } = useScenarioText();
  const answer = useAnalysis("settle", text, {});
  const r = latest(answer);
  const dmNames = useMemo(() => new Map(((readModel(text).model?.decisionMakers ?? []) as readonly { id?: string; name?: string }[]).map((d) => [d.id ?? "", d.name ?? d.id ?? ""])), [text]);
  return (
    <section aria-labelledby="settlement-title" aria-busy={answer.state === "working"}>
      <h1 id="settlement-title">Settlement</h1>
      {draft ? <p className="as-of">With your unsaved changes from the Model page.</p> : null}
      {!r ? <p role="status">Working out the packages both sides could accept and which would hold…</p> : null}
      {r && !r.ok ? (
        <p role="alert" className="error">
          {r.problems.map((p) => p.message).join("; ")}
        </p>
      ) : null}
      {r?.ok ? <SettlementView s={r.value} dmNames={dmNames} ms={r.ms} /> : null}
    </section>
  );
}

function SettlementView({ s, dmNames, ms }: { s: SettleResult; dmNames: ReadonlyMap<string, string>; ms: number }) {
  const parties = s.parties;
  const numbered = s.packages.map((p, k) => ({ p, n: k + 1 }));
  const solution = numbered.find((x) => x.p.nash || x.p.kalaiSmorodinsky);
  return (
    <>
      <p className="lead" data-testid="settlement-summary">
        {s.summary}
      </p>
      <p className="muted">
        {s.packageCount.toLocaleString("en")} possible packages (one alternative for each of {s.issues.length} issues); without an agreement{" "}
        {parties.map((p) => `${p.label} has ${fmt(s.disagreement.utilities[p.id] ?? 0)}`).join(" and ")} points. Worked out in {(ms / 1000).toFixed(1)} s.
      </p>

      <h2>The fairest packages</h2>
      <div className="answer" data-testid="bargaining">
        <Solution title="Nash bargaining package" why="the largest product of the gains over no agreement" sol={s.nash} pkg={numbered.find((x) => x.p.nash)} />
        <Solution title="Kalai–Smorodinsky package" why="each side as equal a share as possible of the most it could gain" sol={s.kalaiSmorodinsky} pkg={numbered.find((x) => x.p.kalaiSmorodinsky)} />
      </div>

      <h2>The frontier: each side's gain</h2>
      <FrontierChart s={s} numbered={numbered} />

      <h2>Every package on the frontier</h2>
      <p>{s.stabilityNote}</p>
      <div className="wide" tabIndex={0} role="region" aria-label="The frontier packages">
        <table className="packages" data-testid="packages">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">What it says</th>
              {parties.map((p) => (
                <th scope="col" key={p.id}>
                  {p.label}'s gain
                </th>
              ))}
              <th scope="col">Both sides better off</th>
              <th scope="col">Would hold</th>
              <th scope="col">Reached from today</th>
            </tr>
          </thead>
          <tbody>
            {numbered.map(({ p, n }) => (
              <tr key={n} className={p.acceptable ? "acceptable" : undefined}>
                <th scope="row">
                  {n}
                  {p.nash ? <span className="tag">Nash</span> : null}
                  {p.kalaiSmorodinsky ? <span className="tag">K–S</span> : null}
                </th>
                <td>{p.words}</td>
                {parties.map((q) => (
                  <td key={q.id} className="num">
                    {fmt(p.gains[q.id] ?? 0)}
                  </td>
                ))}
                <td>{p.acceptable ? "yes" : "no"}</td>
                <td>{holdsWords(p, s.concepts, dmNames)}</td>
                <td>{p.reachable === undefined ? "—" : p.reachable ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {solution ? <Needs p={solution.p} n={solution.n} /> : null}
      {s.excluded.length > 0 ? (
        <>
          <h3>Packages the model rules out</h3>
          <p>These would be on the frontier, but the conflict model says they cannot happen, so they are left out of it and of the fairest packages.</p>
          <ul data-testid="excluded">
            {s.excluded.map((x, k) => (
              <li key={k}>
                {x.words} ({s.parties.map((q) => `${q.label} gains ${fmt(x.gains[q.id] ?? 0)}`).join(", ")}). {x.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Sharing the issues out</h2>
      <p>{s.adjustedWinner ? s.adjustedWinner.explanation : s.adjustedWinnerNote}</p>
      {s.sensitivity ? (
        <>
          <h2>If the estimated values are off</h2>
          <p>{s.sensitivity.explanation}</p>
        </>
      ) : null}
      <details>
        <summary>The numbers, explained</summary>
        {s.details.map((d, k) => (
          <p key={k}>{d}</p>
        ))}
        <h3>The issues</h3>
        <ul>
          {s.issues.map((i) => (
            <li key={i.id}>
              {i.label}: {i.alternatives.map((a) => a.label).join("; ")}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function holdsWords(p: SettlePackage, concepts: readonly BasicConcept[], dmNames: ReadonlyMap<string, string>): string {
  if (concepts.length === 0) return "not mapped to the model";
  if (p.state === null) return "no: not a possible outcome of the model";
  const under = p.stableUnder.length ? `yes under ${p.stableUnder.map((c) => CONCEPT_LABELS[c]).join(", ")}` : "no";
  const away = concepts
    .filter((c) => p.unstableFor[c])
    .map((c) => `${CONCEPT_LABELS[c]}: ${p.unstableFor[c]!.map((d) => dmNames.get(d) || d).join(", ")} would move away`);
  return `${under} (state ${p.state})${away.length ? `; ${away.join("; ")}` : ""}`;
}

function Solution({ title, why, sol, pkg }: { title: string; why: string; sol: SettleResult["nash"]; pkg: { p: SettlePackage; n: number } | undefined }) {
  if (!sol) return <p><strong>{title}:</strong> no package leaves every side better off than no agreement, so there is none.</p>;
  const p = pkg?.p;
  const hold = p ? (p.state === null ? "It is not a possible outcome of the model." : p.stableUnder.length ? `It would hold (under ${p.stableUnder.map((c) => CONCEPT_NAMES[c]).join(", ")}).` : "It would not hold: someone would move away from it.") : "";
  const reach = p?.reachable === undefined ? "" : p.reachable ? " The conflict can get there from today by moves that each improve the mover's position." : " But the conflict does not get there from today by moves that each improve the mover's position.";
  return (
    <div>
      <h3>
        {title}
        {pkg ? ` (package ${pkg.n})` : ""}: {why}
      </h3>
      <p>{sol.explanation}</p>
      <p>
        {hold}
        {reach}
        {p && p.state !== null ? <span className="muted"> (State {p.state}.)</span> : null}
      </p>
    </div>
  );
}

/** What the stabilization analysis says the fairest package needs, per concept under which it does not hold. */
function Needs({ p, n }: { p: SettlePackage; n: number }) {
  const needs = Object.entries(p.needs ?? {}) as [BasicConcept, NonNullable<SettlePackage["needs"]>[BasicConcept]][];
  if (needs.length === 0) return null;
  return (
    <details>
      <summary>Who would move away from package {n}, and where to</summary>
      {needs.map(([c, x]) => (
        <div key={c}>
          <h3>Under {CONCEPT_NAMES[c]}</h3>
          <ul>
            {x!.pulls.map((w, k) => (
              <li key={k}>{w}</li>
            ))}
          </ul>
          {x!.changes.length ? <p>What would make it hold: {x!.changes.join("; ")}</p> : <p className="muted">The search for changes that would make it hold is not run on this page (it is slow on large models); `concord settle` runs it.</p>}
        </div>
      ))}
    </details>
  );
}
