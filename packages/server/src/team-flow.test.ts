// Issue 13's "done when", as a team of three tries it: a team-mode server on
// PostgreSQL over real HTTP, an owner who invites the two others with different
// roles, two people saving the seed scenario at the same time, one robustness analysis
// shared by two `concord worker` processes, and who did what in the audit log.
import { spawn, type ChildProcess } from "node:child_process";
import { robustness } from "@concord/app";
import { openStorage, type Job, type Storage } from "@concord/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_PASSWORD_COST } from "../../storage/src/testing/engines.js";
import { startServer, type RunningServer } from "./node-server.js";
import { resolveSettings, type Settings } from "./settings.js";
import { describeEngines, scenarioText } from "./testing/harness.js";

const SEED = scenarioText("armenia-azerbaijan-2023.yaml");
const PASSWORD = "correct horse battery";
const CLI = new URL("../../cli/bin/concord.js", import.meta.url).pathname;

interface WorkerProcess {
  readonly id: string;
  readonly child: ChildProcess;
}

/** A `concord worker` process (the built CLI) on `databaseUrl`; resolves with its id once it takes jobs. */
function spawnWorker(databaseUrl: string, args: readonly string[]): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, "worker", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, CONCORD_LOG: "off" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => void (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Concord worker (\S+) taking jobs/.exec(out);
      if (m) resolve({ id: m[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`concord worker ended (${code}) before taking jobs: ${err.trim()}`)));
  });
}

async function stopWorker(w: WorkerProcess): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  await new Promise((resolve) => {
    w.child.once("exit", resolve);
    w.child.kill("SIGTERM");
  });
}

/** One person's browser: the session cookie and the CSRF token of their login. */
class Browser {
  #cookie = "";
  #csrf = "";
  constructor(private readonly url: string) {}

  async login(email: string): Promise<void> {
    const res = await fetch(`${this.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.status).toBe(200);
    const pairs = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
    this.#cookie = pairs.join("; ");
    this.#csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; etag: string | null }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { cookie: this.#cookie, "x-csrf-token": this.#csrf, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T, etag: res.headers.get("etag") };
  }
}

describeEngines("a team of three on a team-mode server", (engine) => {
  let server: RunningServer | undefined;
  let storage: Storage;
  const workers: WorkerProcess[] = [];
  let settings: Settings;

  beforeAll(async () => {
    const where = await engine.fresh();
    const resolved = resolveSettings({ port: "0", team: true, databaseUrl: where.databaseUrl, log: "off" }, {});
    if (!resolved.ok) throw new Error(resolved.message);
    settings = resolved.value;
    // What `concord user add --workspace "Talks"` does, with a cheap password hash for the test.
    storage = await openStorage({ ...where, passwordCost: TEST_PASSWORD_COST });
    const ana = await storage.users.create({ email: "ana@example.org", displayName: "Ana", password: PASSWORD }, { userId: null, via: "cli" });
    if (!ana.ok) throw new Error(ana.error.message);
    await storage.workspaces.create("Talks", { userId: ana.value.id, via: "cli" });
    server = await startServer({ settings, storage });
  });
  afterAll(async () => {
    for (const w of workers) await stopWorker(w);
    await server?.close();
    await storage?.close();
  });

  it("invite each other, edit the seed scenario at once without losing a change, run robustness on two workers, read the audit log", async () => {
    const url = server!.url;
    const ana = new Browser(url);
    await ana.login("ana@example.org");
    const ws = (await ana.call<{ workspaces: { id: string }[] }>("GET", "/api/workspaces")).body.workspaces[0]!.id;
    const imported = await ana.call<{ scenario: { id: string } }>("POST", `/api/workspaces/${ws}/scenarios`, { name: "Armenia–Azerbaijan", text: SEED });
    expect(imported.status).toBe(201);
    const path = `/api/workspaces/${ws}/scenarios/${imported.body.scenario.id}`;

    // Ana invites Ben as an editor and Cy as a viewer; they join with a name and password.
    const people: Record<string, Browser> = {};
    for (const [name, role] of [["ben", "editor"], ["cy", "viewer"]] as const) {
      const invited = await ana.call<{ token: string }>("POST", `/api/workspaces/${ws}/invitations`, { email: `${name}@example.org`, role });
      expect(invited.status).toBe(201);
      const joined = await fetch(`${url}/api/invitations/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: invited.body.token, displayName: name, password: PASSWORD }) });
      expect(joined.status).toBe(200);
      people[name] = new Browser(url);
      await people[name].login(`${name}@example.org`);
    }
    const members = (await people.cy!.call<{ members: { email: string; role: string; userId: string }[] }>("GET", `/api/workspaces/${ws}/members`)).body.members;
    expect(members.map((m) => `${m.email} ${m.role}`)).toEqual(["ana@example.org owner", "ben@example.org editor", "cy@example.org viewer"]);

    // Ana and Ben both open revision 1 and save at the same time: one save wins, the other gets 412 and saves again on top.
    const base = await ana.call<unknown>("GET", path);
    const edits = { ana: `${SEED}# Ana: a note on the corridor\n`, ben: `${SEED}# Ben: a note on the maps\n` };
    const [a, b] = await Promise.all([ana.call<unknown>("PUT", path, { text: edits.ana }, { "if-match": base.etag! }), people.ben!.call<unknown>("PUT", path, { text: edits.ben }, { "if-match": base.etag! })]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const [loser, text] = a.status === 412 ? [ana, edits.ana] : [people.ben!, edits.ben];
    const current = await loser.call<{ revision: { text: string } }>("GET", `${path}/revisions/2`);
    const merged = current.body.revision.text + text.slice(SEED.length);
    const latest = await loser.call<unknown>("GET", path);
    expect((await loser.call<unknown>("PUT", path, { text: merged }, { "if-match": latest.etag! })).status).toBe(200);
    const head = await ana.call<{ revision: { text: string } }>("GET", `${path}/revisions/3`);
    expect(head.body.revision.text).toContain("# Ana: a note on the corridor");
    expect(head.body.revision.text).toContain("# Ben: a note on the maps");
    // Cy may read but not save.
    expect((await people.cy!.call<unknown>("PUT", path, { text: SEED }, { "if-match": '"3"' })).status).toBe(403);

    // Two `concord worker` processes share the robustness analysis Ben queues: 12 variants in parts of at least 4, so 3 parts.
    for (let i = 0; i < 2; i++) workers.push(await spawnWorker(settings.databaseUrl!, ["--part-variants", "4", "--threads", "1"]));
    const options = { variants: 12, seed: 1 };
    const queued = await people.ben!.call<{ job: Job }>("POST", `${path}/jobs`, { kind: "robustness", options });
    expect(queued.status).toBe(202);
    let job = queued.body.job;
    for (const started = Date.now(); Date.now() - started < 240_000 && job.state !== "succeeded" && job.state !== "failed"; await new Promise((r) => setTimeout(r, 250))) {
      job = (await ana.call<{ job: Job }>("GET", `/api/workspaces/${ws}/jobs/${job.id}`)).body.job;
    }
    expect(job).toMatchObject({ state: "succeeded", parts: 3 });
    const parts = await storage.jobs.parts.list(job.id);
    expect(parts.map((p) => p.state)).toEqual(["done", "done", "done"]);
    expect(new Set(parts.map((p) => p.worker))).toEqual(new Set(workers.map((w) => w.id)));
    const result = await people.cy!.call<{ result: unknown }>("GET", `${path}/analyses/robustness/latest`);
    const unsplit = await robustness({ text: head.body.revision.text, format: "yaml", file: "revision 3" }, options);
    expect(unsplit.ok && result.body.result).toEqual(unsplit.ok ? JSON.parse(JSON.stringify(unsplit.value)) : null);

    // Ana sees who did what.
    const audit = (await ana.call<{ entries: { action: string; actorId: string | null }[] }>("GET", `/api/workspaces/${ws}/audit?limit=1000`)).body.entries;
    const ids = Object.fromEntries(members.map((m) => [m.email.split("@")[0], m.userId]));
    const did = (action: string): Set<string | null> => new Set(audit.filter((e) => e.action === action).map((e) => e.actorId));
    expect(did("invitation.create")).toEqual(new Set([ids.ana]));
    expect(did("invitation.accept")).toEqual(new Set([ids.ben, ids.cy]));
    expect(did("revision.save")).toEqual(new Set([ids.ana, ids.ben]));
    expect(did("job.create")).toEqual(new Set([ids.ben]));
  }, 300_000); // the seed's robustness on a loaded 2-core machine takes minutes
}, ["postgres"]); // two `concord worker`s share jobs only through the PostgreSQL queue
