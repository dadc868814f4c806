import type { Role } from "@concord/storage";
import { beforeAll, expect, it } from "vitest";
import { describeEngines, openTestServer, problemOf, scenarioText, type TestServer } from "./testing/harness.js";

const CHICKEN = scenarioText("chicken.yaml");
const PASSWORD = "correct horse battery";

interface Person {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

/** The cookies a login set, as a Cookie header, and the CSRF token. */
function cookiesOf(res: Response): { cookie: string; csrf: string; raw: string[] } {
  const raw = res.headers.getSetCookie();
  const pairs = raw.map((c) => c.split(";")[0]!);
  const csrf = pairs.find((p) => p.startsWith("concord_csrf="))!.split("=")[1]!;
  return { cookie: pairs.join("; "), csrf, raw };
}

describeEngines("the workbench server in team mode", (engine) => {
  let s: TestServer;
  // Filled in by beforeAll.
  const people = {} as Record<"owner" | "editor" | "viewer" | "outsider" | "spare" | "admin", Person>;
  let wsA: string;
  let wsB: string;
  const scenarioIn: Record<string, string> = {};
  const invitationIn: Record<string, string> = {};

  async function person(name: keyof typeof people): Promise<void> {
    const user = await s.storage.users.create({ email: `${name}@example.org`, displayName: name, password: PASSWORD, admin: name === "admin" }, { userId: null });
    if (!user.ok) throw new Error(user.error.message);
    const token = await s.storage.apiTokens.create(user.value.id, "tests", { userId: user.value.id });
    if (!token.ok) throw new Error(token.error.message);
    people[name] = { id: user.value.id, email: user.value.email, token: token.value.token };
  }

  const as = (p: Person) => ({ authorization: `Bearer ${p.token}` });

  beforeAll(async () => {
    s = await openTestServer(engine, "team");
    for (const name of ["owner", "editor", "viewer", "outsider", "spare", "admin"] as const) await person(name);
    const a = await s.storage.workspaces.create("A", { userId: people.owner.id });
    const b = await s.storage.workspaces.create("B", { userId: people.outsider.id });
    if (!a.ok || !b.ok) throw new Error("workspaces");
    [wsA, wsB] = [a.value.id, b.value.id];
    await s.storage.memberships.grant(wsA, people.editor.id, "editor", { userId: people.owner.id });
    await s.storage.memberships.grant(wsA, people.viewer.id, "viewer", { userId: people.owner.id });
    for (const [ws, by] of [[wsA, people.owner], [wsB, people.outsider]] as const) {
      const sc = await s.storage.scenarios.create(ws, { name: "Chicken", text: CHICKEN, format: "yaml" }, { userId: by.id });
      if (!sc.ok) throw new Error(sc.error.message);
      scenarioIn[ws] = sc.value.scenario.id;
      await s.storage.analyses.store(ws, sc.value.scenario.id, 1, { kind: "analyze", options: { seeded: true } }, "{}");
      const inv = await s.storage.invitations.create(ws, { email: "someone@example.org", role: "viewer" }, { userId: by.id });
      if (!inv.ok) throw new Error(inv.error.message);
      invitationIn[ws] = inv.value.invitation.id;
    }
  });

  it("lets nobody in without a login, except to log in and to check health", async () => {
    expect((await s.call("GET", "/api/workspaces")).status).toBe(401);
    expect((await s.call("GET", "/api/health")).status).toBe(200);
    expect((await s.call("GET", "/api/workspaces", { headers: { authorization: "Bearer ct_not-a-token" } })).status).toBe(401);
  });

  it("logs in with an HttpOnly SameSite session cookie, wants the CSRF header on writes, and logs out", async () => {
    const wrong = await s.call("POST", "/api/auth/login", { json: { email: "editor@example.org", password: "wrong password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const login = await s.call("POST", "/api/auth/login", { json: { email: "Editor@example.org", password: PASSWORD } });
    expect(login.status).toBe(200);
    const { cookie, csrf, raw } = cookiesOf(login);
    const session = raw.find((c) => c.startsWith("concord_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    expect(((await login.json()) as { csrfToken: string }).csrfToken).toBe(csrf);
    const me = await s.call("GET", "/api/auth/me", { headers: { cookie } });
    expect(await me.json()).toMatchObject({ user: { email: "editor@example.org" }, via: "session" });
    const path = `/api/workspaces/${wsA}/scenarios`;
    const forged = await s.call("POST", path, { json: { name: "Forged", text: CHICKEN }, headers: { cookie } });
    expect(forged.status).toBe(403);
    expect((await problemOf(forged)).type).toMatch(/csrf$/);
    const wrongCsrf = await s.call("POST", path, { json: { name: "Forged", text: CHICKEN }, headers: { cookie, "x-csrf-token": "guess" } });
    expect(wrongCsrf.status).toBe(403);
    const made = await s.call("POST", path, { json: { name: "By cookie", text: CHICKEN }, headers: { cookie, "x-csrf-token": csrf } });
    expect(made.status).toBe(201);
    const out = await s.call("POST", "/api/auth/logout", { headers: { cookie, "x-csrf-token": csrf } });
    expect(out.status).toBe(204);
    expect((await s.call("GET", "/api/auth/me", { headers: { cookie } })).status).toBe(401);
  });

  it("marks cookies Secure when asked to (behind a TLS proxy)", async () => {
    const secure = await openTestServer(engine, "team", { secureCookies: true });
    await secure.storage.users.create({ email: "s@example.org", displayName: "S", password: PASSWORD }, { userId: null });
    const login = await secure.call("POST", "/api/auth/login", { json: { email: "s@example.org", password: PASSWORD } });
    for (const c of cookiesOf(login).raw) expect(c).toMatch(/; Secure/);
  });

  it("limits failed logins per address with 429 and Retry-After, even for the right password then", async () => {
    const limited = await openTestServer(engine, "team", { loginLimit: { maxFailures: 3, windowMs: 60_000 } });
    await limited.storage.users.create({ email: "r@example.org", displayName: "R", password: PASSWORD }, { userId: null });
    for (let i = 0; i < 3; i++) expect((await limited.call("POST", "/api/auth/login", { json: { email: "r@example.org", password: `guess ${i}` } })).status).toBe(401);
    const blocked = await limited.call("POST", "/api/auth/login", { json: { email: "r@example.org", password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    const audit = await limited.storage.audit.list({ workspaceId: null });
    expect(audit.filter((e) => e.action === "login.fail")).toHaveLength(3);
  });

  it("makes, uses and revokes API tokens, each user seeing only their own", async () => {
    const made = await s.call("POST", "/api/tokens", { json: { name: "script" }, headers: as(people.viewer) });
    expect(made.status).toBe(201);
    const { token, apiToken } = (await made.json()) as { token: string; apiToken: { id: string } };
    expect((await s.call("GET", "/api/workspaces", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await s.call("DELETE", `/api/tokens/${apiToken.id}`, { headers: as(people.editor) })).status).toBe(404);
    const listed = (await (await s.call("GET", "/api/tokens", { headers: as(people.viewer) })).json()) as { tokens: { name: string }[] };
    expect(listed.tokens.map((t) => t.name).sort()).toEqual(["script", "tests"]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await s.call("DELETE", `/api/tokens/${apiToken.id}`, { headers: as(people.viewer) })).status).toBe(200);
    expect((await s.call("GET", "/api/workspaces", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("lists only the workspaces one is a member of", async () => {
    const names = async (p: Person) => ((await (await s.call("GET", "/api/workspaces", { headers: as(p) })).json()) as { workspaces: { name: string }[] }).workspaces.map((w) => w.name);
    expect(await names(people.viewer)).toEqual(["A"]);
    expect(await names(people.outsider)).toEqual(["B"]);
    expect(await names(people.spare)).toEqual([]);
  });

  it("answers every workspace route for every role in every workspace as the role allows", async () => {
    type Call = { method: string; path: string; json?: unknown; ifMatch?: boolean; ok: readonly number[]; need: Role };
    const head = async (ws: string): Promise<number> => {
      const r = await s.storage.scenarios.get(ws, scenarioIn[ws]!);
      return r.ok ? r.value.headRevision : 0;
    };
    const routes = (ws: string): Call[] => {
      const sc = `/api/workspaces/${ws}/scenarios/${scenarioIn[ws]}`;
      return [
        { method: "GET", path: `/api/workspaces/${ws}`, ok: [200], need: "viewer" },
        { method: "PATCH", path: `/api/workspaces/${ws}`, json: { name: ws === wsA ? "A" : "B" }, ok: [200], need: "owner" },
        { method: "GET", path: `/api/workspaces/${ws}/scenarios`, ok: [200], need: "viewer" },
        { method: "POST", path: `/api/workspaces/${ws}/scenarios`, json: { name: "New", text: CHICKEN }, ok: [201], need: "editor" },
        { method: "GET", path: sc, ok: [200], need: "viewer" },
        { method: "PUT", path: sc, json: { text: CHICKEN }, ifMatch: true, ok: [200], need: "editor" },
        { method: "PATCH", path: sc, json: { name: "Chicken" }, ok: [200], need: "editor" },
        { method: "GET", path: `${sc}/export?format=json`, ok: [200], need: "viewer" },
        { method: "GET", path: `${sc}/revisions`, ok: [200], need: "viewer" },
        { method: "GET", path: `${sc}/revisions/1`, ok: [200], need: "viewer" },
        { method: "GET", path: `${sc}/compare?from=1`, ok: [200], need: "viewer" },
        { method: "POST", path: `${sc}/revisions/1/restore`, json: {}, ifMatch: true, ok: [200], need: "editor" },
        { method: "POST", path: `${sc}/analyses`, json: { kind: "analyze", options: { concepts: "nash" } }, ok: [200, 201], need: "editor" },
        { method: "GET", path: `${sc}/analyses/analyze/latest`, ok: [200], need: "viewer" },
        { method: "GET", path: `/api/workspaces/${ws}/members`, ok: [200], need: "viewer" },
        { method: "PUT", path: `/api/workspaces/${ws}/members`, json: { email: people.spare.email, role: "viewer" }, ok: [200], need: "owner" },
        { method: "DELETE", path: `/api/workspaces/${ws}/members/${people.spare.id}`, ok: [200], need: "owner" },
        { method: "GET", path: `/api/workspaces/${ws}/audit`, ok: [200], need: "owner" },
        { method: "POST", path: `/api/workspaces/${ws}/invitations`, json: { email: "invitee@example.org", role: "editor" }, ok: [201], need: "owner" },
        { method: "GET", path: `/api/workspaces/${ws}/invitations`, ok: [200], need: "owner" },
        { method: "DELETE", path: `/api/workspaces/${ws}/invitations/${invitationIn[ws]}`, ok: [200], need: "owner" },
      ];
    };
    const roles: Record<string, Partial<Record<keyof typeof people, Role>>> = { [wsA]: { owner: "owner", editor: "editor", viewer: "viewer" }, [wsB]: { outsider: "owner" } };
    const rank = { viewer: 0, editor: 1, owner: 2 } as const;
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const ws of [wsA, wsB]) {
      for (const who of ["owner", "editor", "viewer", "outsider"] as const) {
        for (const call of routes(ws)) {
          const headers: Record<string, string> = { ...as(people[who]) };
          if (call.ifMatch) headers["if-match"] = `"${await head(ws)}"`;
          const res = await s.call(call.method, call.path, { headers, ...(call.json !== undefined ? { json: call.json } : {}) });
          const role = roles[ws]![who] ?? null;
          const expected = role === null ? [404] : rank[role] < rank[call.need] ? [403] : call.ok;
          const line = `${who} in ${ws === wsA ? "A" : "B"}: ${call.method} ${call.path.replace(ws, "{ws}")} → ${res.status}`;
          seen.push(line);
          if (!expected.includes(res.status)) wrong.push(`${line}, expected ${expected.join(" or ")}: ${await res.text()}`);
          else if (res.status >= 400) await problemOf(res);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toHaveLength(2 * 4 * 21);
  });

  it("answers the password routes for everyone as their standing allows", async () => {
    // Changing one's own password (to the same one here, so the other tests keep working); an administrator's reset.
    const calls = [
      { method: "POST", path: "/api/auth/password", json: { currentPassword: PASSWORD, newPassword: PASSWORD }, allowed: (who: string) => who !== "nobody" },
      { method: "POST", path: `/api/admin/users/${people.spare.id}/password`, json: { newPassword: PASSWORD }, allowed: (who: string) => who === "admin" },
    ];
    const wrong: string[] = [];
    for (const who of ["owner", "editor", "viewer", "outsider", "admin", "nobody"] as const) {
      for (const call of calls) {
        const res = await s.call(call.method, call.path, { json: call.json, headers: who === "nobody" ? {} : as(people[who]) });
        const expected = who === "nobody" ? 401 : call.allowed(who) ? 200 : 403;
        if (res.status !== expected) wrong.push(`${who}: ${call.method} ${call.path} → ${res.status}, expected ${expected}: ${await res.text()}`);
        else if (res.status >= 400) await problemOf(res);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("stops a removed member at their next request, and a demoted one at their next change", async () => {
    const late = await s.storage.users.create({ email: "late-member@example.org", displayName: "Late", password: PASSWORD }, { userId: null });
    if (!late.ok) throw new Error(late.error.message);
    const token = await s.storage.apiTokens.create(late.value.id, "t", { userId: late.value.id });
    if (!token.ok) throw new Error(token.error.message);
    const login = await s.call("POST", "/api/auth/login", { json: { email: "late-member@example.org", password: PASSWORD } });
    const { cookie, csrf } = cookiesOf(login);
    const sc = `/api/workspaces/${wsA}/scenarios/${scenarioIn[wsA]}`;
    const byToken = { authorization: `Bearer ${token.value.token}` };
    await s.call("PUT", `/api/workspaces/${wsA}/members`, { json: { email: "late-member@example.org", role: "editor" }, headers: as(people.owner) });
    expect((await s.call("GET", sc, { headers: byToken })).status).toBe(200);
    expect((await s.call("GET", sc, { headers: { cookie } })).status).toBe(200);
    const rename = (headers: Record<string, string>) => s.call("PATCH", sc, { json: { name: "Chicken" }, headers });
    expect((await rename(byToken)).status).toBe(200);
    await s.call("PUT", `/api/workspaces/${wsA}/members`, { json: { email: "late-member@example.org", role: "viewer" }, headers: as(people.owner) });
    expect((await rename(byToken)).status).toBe(403);
    expect((await rename({ cookie, "x-csrf-token": csrf })).status).toBe(403);
    expect((await s.call("DELETE", `/api/workspaces/${wsA}/members/${late.value.id}`, { headers: as(people.owner) })).status).toBe(200);
    expect((await s.call("GET", sc, { headers: byToken })).status).toBe(404);
    expect((await s.call("GET", sc, { headers: { cookie } })).status).toBe(404);
    expect((await s.call("GET", `${sc}/analyses/analyze/latest`, { headers: byToken })).status).toBe(404);
    const revoked = await s.call("GET", "/api/tokens", { headers: byToken });
    const id = ((await revoked.json()) as { tokens: { id: string }[] }).tokens[0]!.id;
    expect((await s.call("DELETE", `/api/tokens/${id}`, { headers: byToken })).status).toBe(200);
    expect((await s.call("GET", "/api/workspaces", { headers: byToken })).status).toBe(401);
  });

  it("lets a user change their own password with the current one: their other sessions end, this one and their tokens stay", async () => {
    const made = await s.storage.users.create({ email: "changer@example.org", displayName: "Changer", password: PASSWORD }, { userId: null });
    if (!made.ok) throw new Error(made.error.message);
    const token = await s.storage.apiTokens.create(made.value.id, "script", { userId: made.value.id });
    if (!token.ok) throw new Error(token.error.message);
    const logIn = async (password: string) => s.call("POST", "/api/auth/login", { json: { email: "changer@example.org", password } });
    const here = cookiesOf(await logIn(PASSWORD));
    const elsewhere = cookiesOf(await logIn(PASSWORD));
    const change = (json: unknown, headers: Record<string, string>) => s.call("POST", "/api/auth/password", { json, headers });
    const fromHere = { cookie: here.cookie, "x-csrf-token": here.csrf };
    const NEW = "a new password, longer";
    expect((await change({ currentPassword: PASSWORD, newPassword: NEW }, { cookie: here.cookie })).status).toBe(403); // no CSRF header
    const wrong = await change({ currentPassword: "not my password", newPassword: NEW }, fromHere);
    expect(wrong.status).toBe(403);
    expect((await problemOf(wrong)).type).toMatch(/wrong-password$/);
    const short = await change({ currentPassword: PASSWORD, newPassword: "short" }, fromHere);
    expect(short.status).toBe(400);
    expect((await problemOf(short)).detail).toMatch(/^json\.newPassword:/);
    const changed = await change({ currentPassword: PASSWORD, newPassword: NEW }, fromHere);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ user: { email: "changer@example.org" }, sessionsEnded: 1 });
    expect((await s.call("GET", "/api/auth/me", { headers: { cookie: here.cookie } })).status).toBe(200);
    expect((await s.call("GET", "/api/auth/me", { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await s.call("GET", "/api/auth/me", { headers: { authorization: `Bearer ${token.value.token}` } })).status).toBe(200);
    expect((await logIn(PASSWORD)).status).toBe(401);
    expect((await logIn(NEW)).status).toBe(200);
    const audit = await s.storage.audit.listAll({ limit: 1000 });
    const mine = audit.filter((e) => e.objectId === made.value.id).map((e) => `${e.action} by ${e.actorId === made.value.id ? "self" : e.actorId} via ${e.via}`);
    expect(mine).toEqual(expect.arrayContaining(["user.change-password.fail by self via session", "user.change-password by self via session"]));
    expect(JSON.stringify(audit)).not.toContain(NEW);
  });

  it("counts wrong current passwords against the login limit", async () => {
    const limited = await openTestServer(engine, "team", { loginLimit: { maxFailures: 2, windowMs: 60_000 } });
    const u = await limited.storage.users.create({ email: "g@example.org", displayName: "G", password: PASSWORD }, { userId: null });
    if (!u.ok) throw new Error(u.error.message);
    const t = await limited.storage.apiTokens.create(u.value.id, "t", { userId: u.value.id });
    if (!t.ok) throw new Error(t.error.message);
    const headers = { authorization: `Bearer ${t.value.token}` };
    for (let i = 0; i < 2; i++) expect((await limited.call("POST", "/api/auth/password", { json: { currentPassword: `guess ${i}`, newPassword: "whatever it is" }, headers })).status).toBe(403);
    const blocked = await limited.call("POST", "/api/auth/password", { json: { currentPassword: PASSWORD, newPassword: "whatever it is" }, headers });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same count as logins: the login is blocked too.
    expect((await limited.call("POST", "/api/auth/login", { json: { email: "g@example.org", password: PASSWORD } })).status).toBe(429);
  });

  it("lets an administrator reset a password: a random one answered once, every session of the user ended", async () => {
    const made = await s.storage.users.create({ email: "forgetful@example.org", displayName: "Forgetful", password: PASSWORD }, { userId: null });
    if (!made.ok) throw new Error(made.error.message);
    const session = cookiesOf(await s.call("POST", "/api/auth/login", { json: { email: "forgetful@example.org", password: PASSWORD } }));
    const path = `/api/admin/users/${made.value.id}/password`;
    expect((await s.call("POST", path, { json: {}, headers: as(people.owner) })).status).toBe(403);
    expect((await s.call("POST", `/api/admin/users/no-such-user/password`, { json: {}, headers: as(people.admin) })).status).toBe(404);
    const reset = await s.call("POST", path, { json: {}, headers: as(people.admin) });
    expect(reset.status).toBe(200);
    expect(reset.headers.get("cache-control")).toBe("no-store");
    const body = (await reset.json()) as { password: string; sessionsEnded: number };
    expect(body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.sessionsEnded).toBe(1);
    expect((await s.call("GET", "/api/auth/me", { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await s.call("POST", "/api/auth/login", { json: { email: "forgetful@example.org", password: PASSWORD } })).status).toBe(401);
    expect((await s.call("POST", "/api/auth/login", { json: { email: "forgetful@example.org", password: body.password } })).status).toBe(200);
    const audit = await s.storage.audit.listAll({ limit: 1000 });
    expect(audit.find((e) => e.action === "user.reset-password" && e.objectId === made.value.id)).toMatchObject({ actorId: people.admin.id, details: { sessionsEnded: 1 } });
    expect(JSON.stringify(audit)).not.toContain(body.password);
  });

  it("keeps an audit log of who changed what, readable by owners", async () => {
    const res = await s.call("GET", `/api/workspaces/${wsA}/audit?limit=1000`, { headers: as(people.owner) });
    const { entries } = (await res.json()) as { entries: { action: string; actorId: string | null; via: string | null }[] };
    const saves = entries.filter((e) => e.action === "revision.save");
    expect(new Set(saves.map((e) => e.actorId))).toEqual(new Set([people.owner.id, people.editor.id]));
    expect(saves.every((e) => e.via === "token")).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["membership.grant", "membership.revoke", "revision.restore", "scenario.create"]));
  });

  it("lets an owner invite people with a role: a new person joins with a name and password, someone with a user while logged in", async () => {
    const invite = async (email: string, role: Role): Promise<string> => {
      const res = await s.call("POST", `/api/workspaces/${wsA}/invitations`, { json: { email, role }, headers: as(people.owner) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const token = await invite("Newcomer@example.org", "editor");
    const pending = (await (await s.call("GET", `/api/workspaces/${wsA}/invitations`, { headers: as(people.owner) })).json()) as { invitations: { email: string }[] };
    expect(pending.invitations.map((i) => i.email)).toContain("newcomer@example.org");
    expect(JSON.stringify(pending)).not.toContain(token);
    // Without a login a new person must choose a name and password.
    expect((await s.call("POST", "/api/invitations/accept", { json: { token } })).status).toBe(400);
    const joined = await s.call("POST", "/api/invitations/accept", { json: { token, displayName: "Newcomer", password: PASSWORD } });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ user: { email: "newcomer@example.org", displayName: "Newcomer", admin: false }, membership: { workspaceId: wsA, role: "editor" } });
    // Used once.
    expect((await s.call("POST", "/api/invitations/accept", { json: { token, displayName: "Again", password: PASSWORD } })).status).toBe(404);
    const login = await s.call("POST", "/api/auth/login", { json: { email: "newcomer@example.org", password: PASSWORD } });
    const { cookie, csrf } = cookiesOf(login);
    const sc = `/api/workspaces/${wsA}/scenarios/${scenarioIn[wsA]}`;
    const head = ((await (await s.call("GET", sc, { headers: { cookie } })).json()) as { scenario: { headRevision: number } }).scenario.headRevision;
    expect((await s.call("PUT", sc, { json: { text: CHICKEN, message: "newcomer's edit" }, headers: { cookie, "x-csrf-token": csrf, "if-match": `"${head}"` } })).status).toBe(200);

    // An invitation to someone who has a user: only that user, logged in, accepts it.
    const forSpare = await invite(people.spare.email, "viewer");
    expect((await s.call("POST", "/api/invitations/accept", { json: { token: forSpare, displayName: "Spare", password: PASSWORD } })).status).toBe(409);
    expect((await s.call("POST", "/api/invitations/accept", { json: { token: forSpare }, headers: as(people.outsider) })).status).toBe(422);
    const accepted = await s.call("POST", "/api/invitations/accept", { json: { token: forSpare }, headers: as(people.spare) });
    expect(await accepted.json()).toMatchObject({ membership: { workspaceId: wsA, userId: people.spare.id, role: "viewer" } });

    // A revoked invitation no longer works.
    const revokedToken = await invite("late@example.org", "viewer");
    const { invitations } = (await (await s.call("GET", `/api/workspaces/${wsA}/invitations`, { headers: as(people.owner) })).json()) as { invitations: { id: string; email: string }[] };
    const late = invitations.find((i) => i.email === "late@example.org")!;
    expect((await s.call("DELETE", `/api/workspaces/${wsA}/invitations/${late.id}`, { headers: as(people.owner) })).status).toBe(200);
    expect((await s.call("POST", "/api/invitations/accept", { json: { token: revokedToken, displayName: "Late", password: PASSWORD } })).status).toBe(404);

    const audit = (await (await s.call("GET", `/api/workspaces/${wsA}/audit?limit=1000`, { headers: as(people.owner) })).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["invitation.create", "invitation.accept", "invitation.revoke"]));
  });

  it("lets only administrators read the whole audit log (logins and tokens too) and the users", async () => {
    for (const path of ["/api/admin/audit", "/api/admin/users"]) {
      expect((await s.call("GET", path)).status).toBe(401);
      for (const who of ["owner", "outsider", "viewer"] as const) {
        const res = await s.call("GET", path, { headers: as(people[who]) });
        expect(res.status).toBe(403);
        await problemOf(res);
      }
    }
    const all = (await (await s.call("GET", "/api/admin/audit?limit=1000", { headers: as(people.admin) })).json()) as { entries: { action: string; workspaceId: string | null }[] };
    expect(new Set(all.entries.map((e) => e.workspaceId))).toEqual(new Set([null, wsA, wsB]));
    expect(all.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["user.create", "api-token.create", "revision.save"]));
    const outside = (await (await s.call("GET", "/api/admin/audit?workspace=none", { headers: as(people.admin) })).json()) as { entries: { workspaceId: string | null }[] };
    expect(outside.entries.length).toBeGreaterThan(0);
    expect(outside.entries.every((e) => e.workspaceId === null)).toBe(true);
    const onlyB = (await (await s.call("GET", `/api/admin/audit?workspace=${wsB}`, { headers: as(people.admin) })).json()) as { entries: { workspaceId: string | null }[] };
    expect(onlyB.entries.every((e) => e.workspaceId === wsB)).toBe(true);
    const users = (await (await s.call("GET", "/api/admin/users", { headers: as(people.admin) })).json()) as { users: { email: string; admin: boolean }[] };
    expect(users.users.filter((u) => u.admin).map((u) => u.email)).toEqual(["admin@example.org"]);
  });
});
