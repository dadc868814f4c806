/**
 * Mediation: pick a target outcome by its option values (or one of the model's named
 * targets); read whether today's situation is one, how the conflict gets there from today
 * and where it is blocked, and the smallest changes that would make it hold; which
 * conclusions rest on estimates (switch one off and watch the answer change); what groups
 * acting together could do; and how robust each outcome is to the estimates. Plain words
 * first, state numbers and concepts in the detail. On large models (the seed has 18,432
 * states) the slow searches start on request: the smallest changes and the estimates'
 * sensitivity as jobs on the server (progress and Cancel; an unsaved draft in the
 * background worker instead), coalitions and robustness in the background worker.
 */
import { useMemo, useState } from "react";
import { CONCEPT_LABELS, type BasicConcept, type SensitivityUseCaseResult, type StabilizeUseCaseResult } from "@concord/app";
import { useScenarioText } from "../model/draft";
import { readModel } from "../model/edit";
import { latest, useAnalysis, type Answer } from "../worker/client";
import { AnswerView } from "../mediation/Answer";
import { Estimates } from "../mediation/Estimates";
import { JobView } from "../mediation/JobView";
import { SensitivityView } from "../mediation/Sensitivity";
import { useServerJob } from "../mediation/server-job";
import "../analysis/pages.css";
import { OptionValuePick } from "../components/OptionValuePick";

/** Above this many states the slow searches wait for a click. */
const AUTO_UP_TO = 4096;

/** A pattern of the preference language from the chosen option values: `a & -b & transit = sovereign`. */
export function patternOf(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== "")
    .map(([o, v]) => (v === "Y" ? o : v === "N" ? `-${o}` : `${o} = ${v}`))
    .join(" & ");
}

export function Mediation() {
  const { text, draft } = useScenarioText();
  const table = latest(useAnalysis("table", text, {}));
  const named = useMemo(() => ((readModel(text).model?.targets ?? []) as readonly { id?: string; label?: string; pattern?: string }[]).filter((t) => t.id), [text]);
  const [values, setValues] = useState<Readonly<Record<string, string>>>({});
  const [typed, setTyped] = useState<string | null>(null);
  const pattern = typed ?? patternOf(values);
  const size = table?.ok ? table.value.rows.length : 0;
  const [asked, setAsked] = useState<ReadonlySet<string>>(new Set());
  const auto = size > 0 && size <= AUTO_UP_TO;
  const want = (what: string): boolean => auto || asked.has(`${what}:${pattern}`) || (what !== "stabilize" && asked.has(what));

  const target = latest(useAnalysis("target", text, pattern ? { target: pattern, limit: 100_000 } : null, 150));
  const sq = latest(useAnalysis("statusQuo", text, {}));
  // Large saved models: the two slowest searches run as server jobs (an unsaved draft exists only here, so it stays in the worker).
  const onServer = size > AUTO_UP_TO && !draft;
  const stab = useAnalysis("stabilize", text, !onServer && pattern && target?.ok && want("stabilize") ? { target: pattern } : null, 300);
  const stabJob = useServerJob<StabilizeUseCaseResult>("stabilize", { target: pattern }, pattern);
  const sens = useAnalysis("sensitivity", text, !onServer && want("sensitivity") ? {} : null);
  const sensJob = useServerJob<SensitivityUseCaseResult>("sensitivity", {}, "");
  const coal = useAnalysis("coalitions", text, want("coalitions") ? {} : null);
  const rob = useAnalysis("robustness", text, want("robustness") ? {} : null);

  const options = table?.ok ? table.value.options : [];
  const dmName = new Map(table?.ok ? table.value.decisionMakers.map((d) => [d.id, d.name]) : []);
  const ask = (what: string) => setAsked((s) => new Set(s).add(what));

  return (
    <section aria-labelledby="mediation-title">
      <h1 id="mediation-title">Mediation</h1>
      {draft ? <p className="as-of">With your unsaved changes from the Model page.</p> : null}
      <h2>The outcome you are working towards</h2>
      {named.length > 0 ? (
        <fieldset className="table-filters">
          <legend>The model's named targets</legend>
          {named.map((t) => (
            <button key={t.id} type="button" aria-pressed={typed === t.id} onClick={() => setTyped(t.id!)}>
              {t.label ?? t.id}
            </button>
          ))}
        </fieldset>
      ) : null}
      <details open={named.length === 0}>
        <summary>Or pick option values</summary>
        <div className="target-pick">
          {options.map((o) => (
            <OptionValuePick key={o.id} option={o} owner={dmName.get(o.dm) ?? o.dm} value={values[o.id] ?? ""} onChange={(v) => (setTyped(null), setValues((x) => ({ ...x, [o.id]: v })))} words={{ yes: "yes", no: "no" }} />
          ))}
        </div>
      </details>
      <p>
        <label className="inline">
          Target as a pattern <input value={pattern} onChange={(e) => setTyped(e.target.value)} size={40} spellCheck={false} />
        </label>
      </p>
      {!pattern ? <p className="hint">Choose a named target or at least one option value.</p> : null}
      {target && !target.ok ? <p role="alert" className="error">{target.problems.map((p) => p.message).join("; ")}</p> : null}
      {target?.ok ? (
        <div className="answer" data-testid="target-answer">
          <p>{target.value.answer}</p>
          {target.value.count > 0 ? (
            <details>
              <summary>The matching outcomes ({target.value.count})</summary>
              <ul>
                {target.value.states.slice(0, 50).map((s) => (
                  <li key={s.state}>
                    State {s.state} <code>{s.yn}</code>: {s.words}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}

      {pattern && target?.ok && target.value.count > 0 ? (
        <>
          <h2>From today to the target, and what would make it hold</h2>
          {sq?.ok ? <Reach reachable={sq.value.reachable} inTarget={new Set<number>(target.value.states.map((s) => s.state))} /> : sq ? null : <p role="status">Following the moves from today…</p>}
          {onServer ? (
            <JobView control={stabJob} size={size} what="the search for the smallest changes">
              {(v) => <AnswerView answer={v.answer} testId="stabilize-answer" />}
            </JobView>
          ) : (
            <Slow answer={stab} start={() => ask(`stabilize:${pattern}`)} auto={auto} size={size} what="the search for the smallest changes">
              {(v) => <AnswerView answer={v.answer} testId="stabilize-answer" />}
            </Slow>
          )}
          <h2>Switch an estimate off</h2>
          <Estimates text={text} target={pattern} />
        </>
      ) : null}

      <h2>Which conclusions rest on which estimates</h2>
      {/* Where it runs depends on the model's size: wait for it rather than offer the wrong start. */}
      {!table ? (
        <p role="status">Counting the model's outcomes…</p>
      ) : onServer ? (
        <JobView control={sensJob} size={size} what="the estimates' check">
          {(v) => <SensitivityView result={v} />}
        </JobView>
      ) : (
        <Slow answer={sens} start={() => ask("sensitivity")} auto={auto} size={size} what="the estimates' check">
          {(v) => <SensitivityView result={v} />}
        </Slow>
      )}

      <h2>Coalitions</h2>
      <Slow answer={coal} start={() => ask("coalitions")} auto={auto} size={size} what="the coalition analysis">
        {(v) => (
          <>
            {v.answers.map((a, k) => (
              <AnswerView key={k} answer={a} />
            ))}
          </>
        )}
      </Slow>

      <h2>How robust each outcome is</h2>
      <Slow answer={rob} start={() => ask("robustness")} auto={auto} size={size} what="the robustness count">
        {(v) => (
          <>
            <AnswerView answer={v.answer} />
            <RobustnessChart states={v.detail.states} variants={v.detail.variants} target={new Set(target?.ok ? target.value.states.map((s) => s.state) : [])} />
          </>
        )}
      </Slow>
    </section>
  );
}

/** Which of the target's outcomes the conflict can reach from today by moves that each leave their mover better off (a quick search; the smallest changes come below). */
function Reach({ reachable, inTarget }: { reachable: readonly { state: number; distance: number }[]; inTarget: ReadonlySet<number> }) {
  const hits = reachable.filter((r) => inTarget.has(r.state));
  if (hits.length === 0)
    return (
      <p data-testid="reach">
        <strong>Blocked:</strong> from today, no sequence of moves that each leave their mover better off reaches any outcome of the target ({reachable.length.toLocaleString("en")} outcomes are reachable, none of them in it).
      </p>
    );
  const nearest = hits[0]!;
  return (
    <p data-testid="reach">
      From today, moves that each leave their mover better off can reach {hits.length === 1 ? "one outcome" : `${hits.length.toLocaleString("en")} outcomes`} of the target; the nearest, state {nearest.state}, is {nearest.distance === 0 ? "today's" : `${nearest.distance} ${nearest.distance === 1 ? "move" : "moves"} away`}. Whether it would hold there is another question (below).
    </p>
  );
}

/** A slow answer: started at once on small models, on request on large ones; shows that it is working. */
function Slow<T>({ answer, start, auto, size, what, children }: { answer: Answer<T>; start: () => void; auto: boolean; size: number; what: string; children: (v: T) => React.ReactNode }) {
  const a = latest(answer);
  if (answer.state === "idle")
    return auto ? null : (
      <p>
        On a model of {size.toLocaleString("en")} states {what} can take minutes; it runs in the background and the page stays usable.{" "}
        <button type="button" onClick={start}>
          Start {what}
        </button>
      </p>
    );
  return (
    <div aria-busy={answer.state === "working"}>
      {answer.state === "working" ? <p role="status">Working on {what}…</p> : null}
      {a && !a.ok ? <p className="error">{a.problems.map((p) => p.message).join("; ")}</p> : null}
      {a?.ok ? (
        <>
          {children(a.value)}
          <p className="muted">Worked out in {(a.ms / 1000).toFixed(1)} s.</p>
        </>
      ) : null}
    </div>
  );
}

interface StateShare {
  readonly state: number;
  readonly words: string;
  readonly share: Readonly<Partial<Record<BasicConcept, number>>>;
}

const CHART_CONCEPTS: readonly BasicConcept[] = ["nash", "gmr", "seq"];

/** Bars: for the most robust outcomes, the share of the estimates' variants in which each holds, per concept. */
function RobustnessChart({ states, variants, target }: { states: readonly StateShare[]; variants: number; target: ReadonlySet<number> }) {
  const top = [...states].sort((a, b) => (b.share.gmr ?? 0) - (a.share.gmr ?? 0) || a.state - b.state).slice(0, 12);
  if (top.length === 0) return null;
  return (
    <figure>
      <figcaption>
        In how many of the {variants} variants of the estimates each outcome holds (the {top.length} most robust; ★ = in the target).
      </figcaption>
      {CHART_CONCEPTS.map((c) => (
        <div key={c}>
          <h3>{CONCEPT_LABELS[c]}</h3>
          <ul className="bars">
            {top.map((s) => {
              const share = s.share[c] ?? 0;
              return (
                <li key={s.state} title={s.words}>
                  <span>
                    State {s.state}
                    {target.has(s.state) ? " ★" : ""}
                  </span>
                  <span className="bar" role="img" aria-label={`State ${s.state}: holds in ${Math.round(share * 100)}% of variants under ${CONCEPT_LABELS[c]}`}>
                    <span style={{ width: `${Math.round(share * 100)}%` }} />
                  </span>
                  <span>{Math.round(share * 100)}%</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
