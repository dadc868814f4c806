/**
 * Which conclusions rest on estimates: every judgement the model marks as the modeller's
 * estimate, each with a switch. Switching one off drops it from the model (in a copy; the
 * scenario is not changed) and the answer — does the target hold, and where — is worked
 * out again, beside the answer with every estimate as written.
 */
import { useMemo, useState } from "react";
import { CONCEPT_NAMES, type BasicConcept } from "@concord/app";
import { readModel, removeItem, type ModelPath } from "../model/edit";
import { latest, useAnalysis } from "../worker/client";

interface EstimateRef {
  readonly key: string;
  readonly seq: ModelPath;
  readonly index: number;
  readonly words: string;
}

function estimatesOf(text: string): EstimateRef[] {
  const m = readModel(text).model;
  const out: EstimateRef[] = [];
  (m?.decisionMakers ?? []).forEach((dm, d) =>
    (dm.preferences ?? []).forEach((p, k) => {
      if (typeof p === "object" && p.estimate === true) out.push({ key: `p${d}.${k}`, seq: ["decisionMakers", d, "preferences"], index: k, words: `${dm.name ?? dm.id}'s priority ${k + 1}: ${p.statement ?? ""}` });
    }),
  );
  (m?.feasibility ?? []).forEach((c, k) => {
    if (c.estimate === true) out.push({ key: `f${k}`, seq: ["feasibility"], index: k, words: `Feasibility condition ${k + 1}: ${typeof c.infeasible === "string" ? `infeasible when ${c.infeasible}` : JSON.stringify(c)}` });
  });
  return out;
}

/** The text without the estimates switched off (removed from the last, so earlier places stay put). */
function without(text: string, off: readonly EstimateRef[]): string {
  return [...off].sort((a, b) => b.key.localeCompare(a.key, undefined, { numeric: true })).reduce((t, e) => removeItem(t, e.seq, e.index), text);
}

export function Estimates({ text, target }: { text: string; target: string }) {
  const estimates = useMemo(() => estimatesOf(text), [text]);
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const variant = useMemo(() => (off.size ? without(text, estimates.filter((e) => off.has(e.key))) : text), [text, estimates, off]);
  if (estimates.length === 0) return <p>The model marks none of its judgements as the modeller's estimate: every answer here rests on sourced statements only.</p>;
  return (
    <>
      <p>
        {estimates.length === 1 ? "One judgement is" : `${estimates.length} judgements are`} marked as the modeller's estimate. Switch one off to see whether the answer for the target still stands without it.
      </p>
      <ul className="toggles">
        {estimates.map((e) => (
          <li key={e.key}>
            <label>
              <input type="checkbox" checked={!off.has(e.key)} onChange={(ev) => setOff((s) => { const n = new Set(s); if (ev.target.checked) n.delete(e.key); else n.add(e.key); return n; })} /> {e.words}
            </label>
          </li>
        ))}
      </ul>
      <div className="answer" aria-live="polite">
        <Holds label="With every estimate as written" text={text} target={target} testId="holds-written" />
        {off.size > 0 ? <Holds label={`Without the ${off.size === 1 ? "estimate" : `${off.size} estimates`} you switched off`} text={variant} target={target} testId="holds-variant" /> : null}
      </div>
    </>
  );
}

function Holds({ label, text, target, testId }: { label: string; text: string; target: string; testId: string }) {
  const eq = latest(useAnalysis("equilibria", text, {}));
  const t = latest(useAnalysis("target", text, target ? { target, limit: 100_000 } : null));
  if (!eq || !t) return <p role="status">{label}: working…</p>;
  if (!eq.ok || !t.ok) return <p className="error">{label}: {(!eq.ok ? eq.problems : !t.ok ? t.problems : []).map((p) => p.message).join("; ")}</p>;
  const inTarget = new Set<number>(t.value.states.map((s) => s.state));
  const holding = eq.value.states.filter((s) => inTarget.has(s.id));
  const concepts = [...new Set(holding.flatMap((s) => s.concepts))] as BasicConcept[];
  return (
    <p data-testid={testId}>
      <strong>{label}:</strong>{" "}
      {holding.length === 0
        ? "no outcome of the target would hold."
        : `${holding.length === 1 ? "one outcome" : `${holding.length} outcomes`} of the target would hold (under ${concepts.map((c) => CONCEPT_NAMES[c]).join(", ")}): state${holding.length > 1 ? "s" : ""} ${holding.map((s) => s.id).join(", ")}.`}
    </p>
  );
}
