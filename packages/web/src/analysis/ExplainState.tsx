/**
 * Why a state is or is not stable, for each decision maker: the explain use case, in its
 * own words first (who can improve by leaving, and what deters them), the concepts in
 * the detail.
 */
import { CONCEPT_LABELS, CONCEPT_NAMES, type DecisionMakerSummary, type Explanation } from "@concord/app";
import { latest, useAnalysis } from "../worker/client";
import type { TableRow } from "../worker/protocol";
import { moveWords } from "./words";

export function ExplainState({ text, state, row, decisionMakers, statusQuo }: { text: string; state: number; row: TableRow | undefined; decisionMakers: readonly DecisionMakerSummary[]; statusQuo?: number | undefined }) {
  const eq = row?.equilibrium ?? [];
  return (
    <section aria-labelledby="explain-title" className="explain" aria-live="polite">
      <h2 id="explain-title">
        Why state {state} {eq.length ? "holds" : "does not hold"}
        {state === statusQuo ? " (today's state)" : ""}
      </h2>
      <p className="lead">
        {eq.length
          ? `State ${state} is an equilibrium under ${eq.map((c) => CONCEPT_NAMES[c]).join(", ")}: no decision maker would leave it, or any who would is deterred.`
          : `State ${state} is not an equilibrium under any concept computed: at least one decision maker gains by leaving it and is not deterred.`}
      </p>
      {decisionMakers.map((d) => (
        <ForDm key={d.id} text={text} state={state} dm={d} />
      ))}
    </section>
  );
}

function ForDm({ text, state, dm }: { text: string; state: number; dm: DecisionMakerSummary }) {
  const a = useAnalysis("explain", text, { state, dm: dm.id });
  const r = latest(a);
  if (!r) return <p role="status">Explaining for {dm.name}…</p>;
  if (!r.ok) return <p className="error">{r.problems.map((p) => p.message).join("; ")}</p>;
  const byConcept = r.value;
  const nash = byConcept.find((e) => e.concept === "nash");
  return (
    <article className="explain-dm" aria-label={`For ${dm.name}`}>
      <h3>
        {dm.name}: {summary(byConcept)}
      </h3>
      {nash && nash.improvements.length === 0 ? (
        <p>{dm.name} has no move from here that it prefers (its rank here: {nash.rank}).</p>
      ) : (
        <ul className="improvements">
          {(nash ?? byConcept[0])?.improvements.map((imp, k) => {
            // The same improvement under each concept (explanations list them in the same order).
            const deterredBy = byConcept.filter((e) => e.improvements[k]?.deterred);
            const sanction = deterredBy.map((e) => e.improvements[k]!).find((x) => x.sanction);
            return (
              <li key={k}>
                {moveWords(imp.move)} (to state {imp.move.to}, which it ranks {imp.rank}){" — "}
                {deterredBy.length === 0 ? (
                  "nothing deters it."
                ) : (
                  <>
                    deterred under {deterredBy.map((e) => CONCEPT_LABELS[e.concept]).join(", ")}
                    {sanction ? <>: {sanction.sanction!.map(moveWords).join(", then ")}, which leaves it at state {sanction.endsAt} (rank {sanction.endRank}).</> : "."}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <details>
        <summary>By concept</summary>
        <ul>
          {byConcept.map((e) => (
            <li key={e.concept}>
              <strong>
                {CONCEPT_LABELS[e.concept]} ({e.stable ? "stable" : "not stable"}):
              </strong>{" "}
              {e.text}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}

function summary(es: readonly Explanation[]): string {
  const stable = es.filter((e) => e.stable).map((e) => CONCEPT_LABELS[e.concept]);
  if (stable.length === es.length) return "stays (stable under every concept)";
  if (stable.length === 0) return "would leave (stable under no concept)";
  return `stable under ${stable.join(", ")} only`;
}
