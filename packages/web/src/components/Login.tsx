/** Team mode: the login form (the server's session route). A wrong e-mail or password, or too many tries, is said beside the form. */
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api";

export function Login({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      await onLoggedIn();
    } catch (err) {
      const status = err instanceof ApiError ? err.problem.status : 0;
      setError(status === 401 ? "Wrong e-mail address or password." : status === 429 ? "Too many failed logins: wait a few minutes and try again." : err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <h1>Log in to Concord</h1>
      <p>This workbench is shared by a team: log in with the e-mail address and password your administrator set up.</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? "login-error" : undefined}>
        <p>
          <label>
            E-mail address <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
        </p>
        <p>
          <label>
            Password <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
        </p>
        {error ? (
          <p id="login-error" role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
