/**
 * Team mode: the account page — who is logged in, and changing the password. The
 * server wants the current password, ends every other session of the user and keeps
 * this one; a wrong current password or too many tries is said beside the form.
 */
import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "../api";

export function Account() {
  const [who, setWho] = useState<{ displayName: string; email: string } | null>(null);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.me().then(
      (r) => setWho(r.user),
      () => setWho(null),
    );
  }, []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (next !== again) return setOutcome({ ok: false, text: "The two new passwords differ: type the same one twice." });
    setBusy(true);
    setOutcome(null);
    try {
      const { sessionsEnded } = await api.changePassword(current, next);
      setCurrent("");
      setNext("");
      setAgain("");
      const others = sessionsEnded === 0 ? "You were not logged in anywhere else." : `You were logged out everywhere else (${sessionsEnded} ${sessionsEnded === 1 ? "session" : "sessions"}).`;
      setOutcome({ ok: true, text: `Your password is changed. ${others}` });
    } catch (err) {
      const status = err instanceof ApiError ? err.problem.status : 0;
      const text =
        status === 403
          ? "That is not your current password."
          : status === 429
            ? "Too many wrong passwords: wait a few minutes and try again."
            : status === 400
              ? "The new password needs at least 8 characters."
              : err instanceof Error
                ? err.message
                : String(err);
      setOutcome({ ok: false, text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      {who ? (
        <p>
          Logged in as {who.displayName} ({who.email}).
        </p>
      ) : null}
      <h2>Change your password</h2>
      <p>Changing it logs you out everywhere else; this browser stays logged in, and your API tokens keep working.</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={outcome ? "password-outcome" : undefined}>
        <p>
          <label>
            Current password <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
          </label>
        </p>
        <p>
          <label>
            New password <input type="password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} />
          </label>
        </p>
        <p>
          <label>
            New password again <input type="password" autoComplete="new-password" required minLength={8} value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
        </p>
        {outcome ? (
          <p id="password-outcome" role={outcome.ok ? "status" : "alert"} className={outcome.ok ? undefined : "error"}>
            {outcome.text}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
