/** A mediation answer as people read it: the sentences first; the statements it rests on, their evidence and sources in the detail. */
import type { PlainAnswer } from "@concord/app";

export function AnswerView({ answer, testId }: { answer: PlainAnswer; testId?: string }) {
  return (
    <div className="answer" data-testid={testId}>
      {answer.answer.map((p, k) => (
        <p key={k}>{p}</p>
      ))}
      {answer.grounds.length > 0 ? (
        <details>
          <summary>What this rests on ({answer.grounds.length} preference statements)</summary>
          <ul>
            {answer.grounds.map((g, k) => (
              <li key={k}>
                {g.decisionMaker}, priority {g.position}: {g.words} <code className="muted">{g.text}</code>
                {g.estimate ? <span className="estimate"> estimate</span> : null}
                {g.evidence.length > 0 ? (
                  <ul className="evidence">
                    {g.evidence.map((e, j) => (
                      <li key={j}>
                        {e.actors?.join(", ") ?? e.title ?? e.kind}
                        {e.date ? ` (${e.date})` : ""}
                        {e.quote ? `: “${e.quote}”` : ""}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {answer.sources.length > 0 ? (
            <ol className="sources">
              {answer.sources.map((s) => (
                <li key={s.id}>{s.citation}</li>
              ))}
            </ol>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
