/**
 * Which conclusions rest on which estimates (the `sensitivity` use case): for each
 * question a mediator asks, the estimates whose change alone would change the answer,
 * and those that change it only two at a time; then the statements with their evidence
 * and sources.
 */
import type { SensitivityUseCaseResult } from "@concord/app";
import { AnswerView } from "./Answer";

export function SensitivityView({ result }: { result: SensitivityUseCaseResult }) {
  const { questions, answer } = result;
  return (
    <div data-testid="sensitivity-answer">
      {questions.length > 0 ? (
        <table className="sensitivity">
          <caption>For each question, the estimates its answer rests on</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Changes if this one estimate is wrong</th>
              <th scope="col">Changes only if two are wrong together</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.question}>
                <th scope="row">{q.question.charAt(0).toUpperCase() + q.question.slice(1)}</th>
                <td>{q.alone.length ? <ul>{q.alone.map((w) => <li key={w}>{w}</li>)}</ul> : "none: it stands"}</td>
                <td>{q.inPairs.length ? <ul>{q.inPairs.map((w) => <li key={w}>{w}</li>)}</ul> : "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <AnswerView answer={answer} />
      <p className="muted">
        {result.detail.estimates.length} estimates, {result.detail.coverage.singles.toLocaleString("en")} variants tried alone and {result.detail.coverage.pairs.toLocaleString("en")} in pairs. Open the detail for the statements these answers rest on, with their evidence and sources.
      </p>
    </div>
  );
}
