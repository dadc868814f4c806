// Issue 13's "done when", as a team of three tries it: a team-mode server on
// PostgreSQL over real HTTP, an owner who invites the two others with different
// roles, two people saving the seed scenario at the same time, a robustness analysis
// on two `concord worker`s, and who did what in the audit log.
import { openStorage, type Job } from "@concord/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_PASSWORD_COST } from "../../storage/src/testing/engines.js";
import { startServer, startWorker, type RunningServer, type RunningWorker } from "./node-server.js";
import { resolveSettings, type Settings } from "./settings.js";
import { describeEngines, scenarioText } from "./testing/harness.js";

const SEED = scenarioText("armenia-azerbaijan-2023.yaml");
const PASSWORD = "correct horse battery";

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
  let close = async (): Promise<void> => {};
  const workers: RunningWorker[] = [];
  let settings: Settings;

  beforeAll(async () => {
    const where = await engine.fresh();
    const resolved = resolveSettings({ port: "0", team: true, databaseUrl: where.databaseUrl, log: "off" }, {});
    if (!resolved.ok) throw new Error(resolved.message);
    settings = resolved.value;
    // What `concord user add --workspace "Talks"` does, with a cheap password hash for the test.
    const storage = await openStorage({ ...where, passwordCost: TEST_PASSWORD_COST });
    const ana = await storage.users.create({ email: "ana@example.org", displayName: "Ana", password: PASSWORD }, { userId: null, via: "cli" });
    if (!ana.ok) throw new Error(ana.error.message);
    await storage.workspaces.create("Talks", { userId: ana.value.id, via: "cli" });
    server = await startServer({ settings, storage });
    close = () => storage.close();
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await server?.close();
    await close();
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

    // Two `concord worker`s share the robustness analyses Ben queues.
    for (let i = 0; i < 2; i++) workers.push(await startWorker({ settings, concurrency: 1, write: () => {} }));
    const queued: string[] = [];
    for (const seed of [1, 2]) {
      const r = await people.ben!.call<{ job: Job }>("POST", `${path}/jobs`, { kind: "robustness", options: { variants: 4, seed } });
      expect(r.status).toBe(202);
      queued.push(r.body.job.id);
    }
    let done: Job[] = [];
    for (const started = Date.now(); Date.now() - started < 240_000; await new Promise((r) => setTimeout(r, 250))) {
      done = await Promise.all(queued.map(async (id) => (await ana.call<{ job: Job }>("GET", `/api/workspaces/${ws}/jobs/${id}`)).body.job));
      if (done.every((j) => j.state === "succeeded" || j.state === "failed")) break;
    }
    expect(done.map((j) => j.state)).toEqual(["succeeded", "succeeded"]);
    expect(new Set(done.map((j) => j.worker))).toEqual(new Set(workers.map((w) => w.id)));
    const result = await people.cy!.call<{ result: { detail: { variants: number } } }>("GET", `${path}/analyses/robustness/latest`);
    expect(result.body.result.detail.variants).toBe(4);

    // Ana sees who did what.
    const audit = (await ana.call<{ entries: { action: string; actorId: string | null }[] }>("GET", `/api/workspaces/${ws}/audit?limit=1000`)).body.entries;
    const ids = Object.fromEntries(members.map((m) => [m.email.split("@")[0], m.userId]));
    const did = (action: string): Set<string | null> => new Set(audit.filter((e) => e.action === action).map((e) => e.actorId));
    expect(did("invitation.create")).toEqual(new Set([ids.ana]));
    expect(did("invitation.accept")).toEqual(new Set([ids.ben, ids.cy]));
    expect(did("revision.save")).toEqual(new Set([ids.ana, ids.ben]));
    expect(did("job.create")).toEqual(new Set([ids.ben]));
  });
}, ["postgres"]); // two `concord worker`s share jobs only through the PostgreSQL queue
