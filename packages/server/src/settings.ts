/**
 * Every setting of `concord serve`, with its flag, its environment variable and
 * its default: one table that the CLI's --help, the parser and docs/server.md
 * follow. A flag beats the environment variable, which beats the default.
 */
export interface Settings {
  readonly host: string;
  readonly port: number;
  /** The SQLite file, when no PostgreSQL URL is given. */
  readonly db: string;
  readonly databaseUrl: string | undefined;
  readonly team: boolean;
  readonly maxBodyBytes: number;
  readonly sessionHours: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMinutes: number;
  readonly secureCookies: boolean;
  readonly log: "json" | "off";
  /** Analysis jobs this process runs at once; "auto": 1 on SQLite, 0 on PostgreSQL (where `concord worker` runs them). */
  readonly jobs: number | "auto";
}

export interface SettingSpec {
  readonly key: keyof Settings;
  /** The long flag, without `--`. */
  readonly flag: string;
  readonly env: string;
  readonly kind: "string" | "port" | "count" | "boolean" | "log" | "jobs";
  readonly fallback: string | undefined;
  readonly description: string;
}

export const SETTINGS: readonly SettingSpec[] = [
  { key: "host", flag: "host", env: "CONCORD_HOST", kind: "string", fallback: "127.0.0.1", description: "address to listen on; local mode accepts only a loopback address (it has no login)" },
  { key: "port", flag: "port", env: "CONCORD_PORT", kind: "port", fallback: "4317", description: "TCP port (0: any free port)" },
  { key: "db", flag: "db", env: "CONCORD_DB", kind: "string", fallback: "concord.db", description: "the SQLite file (created if missing) when no PostgreSQL URL is given" },
  { key: "databaseUrl", flag: "database-url", env: "DATABASE_URL", kind: "string", fallback: undefined, description: "PostgreSQL instead of SQLite: postgres://user:password@host:5432/db" },
  { key: "team", flag: "team", env: "CONCORD_TEAM", kind: "boolean", fallback: "false", description: "team mode: users log in, roles per workspace, API tokens" },
  { key: "maxBodyBytes", flag: "max-body", env: "CONCORD_MAX_BODY", kind: "count", fallback: String(17 * 1024 * 1024), description: "largest request body in bytes" },
  { key: "sessionHours", flag: "session-hours", env: "CONCORD_SESSION_HOURS", kind: "count", fallback: "168", description: "team mode: how long a login lasts, in hours" },
  { key: "loginMaxFailures", flag: "login-max-failures", env: "CONCORD_LOGIN_MAX_FAILURES", kind: "count", fallback: "10", description: "team mode: failed logins allowed per client address and per e-mail within the window" },
  { key: "loginWindowMinutes", flag: "login-window-minutes", env: "CONCORD_LOGIN_WINDOW_MINUTES", kind: "count", fallback: "15", description: "team mode: the window of the login limit, in minutes" },
  { key: "secureCookies", flag: "secure-cookies", env: "CONCORD_SECURE_COOKIES", kind: "boolean", fallback: "false", description: "mark cookies Secure although requests arrive over HTTP (behind a TLS proxy); they are whenever the request is HTTPS" },
  { key: "jobs", flag: "jobs", env: "CONCORD_JOBS", kind: "jobs", fallback: "auto", description: "analysis jobs this server runs at once, on worker threads; auto: 1 on SQLite, 0 on PostgreSQL (run concord worker)" },
  { key: "log", flag: "log", env: "CONCORD_LOG", kind: "log", fallback: "json", description: "request log on standard error: json (one line per request) or off" },
];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * The settings from flags (by key; commander's values) and the environment, or
 * the one-line reason they are wrong.
 */
export function resolveSettings(flags: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>): { ok: true; value: Settings } | { ok: false; message: string } {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const flag = flags[s.key];
    const raw = flag !== undefined ? flag : (env[s.env] ?? s.fallback);
    const where = flag !== undefined ? `--${s.flag}` : env[s.env] !== undefined ? s.env : `--${s.flag}`;
    if (raw === undefined || raw === "") {
      out[s.key] = undefined;
      continue;
    }
    if (typeof raw === "boolean") {
      out[s.key] = raw;
      continue;
    }
    const text = String(raw);
    switch (s.kind) {
      case "string":
        out[s.key] = text;
        break;
      case "boolean":
        if (!/^(true|false|1|0|yes|no)$/i.test(text)) return { ok: false, message: `${where}: expected true or false, found ${JSON.stringify(text)}` };
        out[s.key] = /^(true|1|yes)$/i.test(text);
        break;
      case "log":
        if (text !== "json" && text !== "off") return { ok: false, message: `${where}: expected json or off, found ${JSON.stringify(text)}` };
        out[s.key] = text;
        break;
      case "jobs":
        if (text !== "auto" && !/^\d+$/.test(text)) return { ok: false, message: `${where}: expected auto or a whole number, found ${JSON.stringify(text)}` };
        out[s.key] = text === "auto" ? "auto" : Number(text);
        break;
      case "port":
      case "count": {
        const n = Number(text);
        const max = s.kind === "port" ? 65535 : Number.MAX_SAFE_INTEGER;
        const min = s.kind === "port" ? 0 : 1;
        if (!/^\d+$/.test(text) || n < min || n > max) return { ok: false, message: `${where}: expected ${s.kind === "port" ? "a port number from 0 to 65535" : "a whole number from 1"}, found ${JSON.stringify(text)}` };
        out[s.key] = n;
        break;
      }
    }
  }
  const settings = out as unknown as Settings;
  if (!settings.team && !LOOPBACK.test(settings.host)) {
    return { ok: false, message: `--host: local mode has no login, so it listens only on this machine (127.0.0.1); use --team to serve ${settings.host}` };
  }
  return { ok: true, value: settings };
}

/** The settings from the environment alone (for embedding). */
export const settingsFromEnv = (env: Readonly<Record<string, string | undefined>>) => resolveSettings({}, env);
