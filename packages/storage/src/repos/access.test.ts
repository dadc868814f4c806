import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEngines } from "../testing/engines.js";
import { error, LOCAL, testClock, value } from "../testing/fixtures.js";
import { ROLES, type Role } from "../types.js";

describeEngines("users, sessions, API tokens, memberships, login attempts", (engine) => {
  it("creates users with unique, case-insensitive e-mail addresses and never returns the hash", async () => {
    const s = await engine.open();
    const ana = value(await s.users.create({ email: "Ana@Example.org ", displayName: "Ana", password: "correct horse" }, LOCAL));
    expect(ana.email).toBe("ana@example.org");
    expect(ana).not.toHaveProperty("passwordHash");
    expect(error(await s.users.create({ email: "ANA@example.org", displayName: "Ana 2" }, LOCAL))).toMatchObject({ code: "duplicate", field: "email" });
    expect(error(await s.users.create({ email: "not an address", displayName: "X" }, LOCAL))).toMatchObject({ code: "validation", field: "email" });
    expect(error(await s.users.create({ email: "b@example.org", displayName: "B", password: "short" }, LOCAL))).toMatchObject({ code: "validation", field: "password" });
    const stored = await s.db.selectFrom("users").select("password_hash").where("id", "=", ana.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
    expect(stored.password_hash).not.toContain("correct horse");
  });

  it("verifies credentials, refusing a wrong password, an unknown address, a user without password and a disabled user alike", async () => {
    const s = await engine.open();
    const ana = value(await s.users.create({ email: "ana@example.org", displayName: "Ana", password: "correct horse" }, LOCAL));
    value(await s.users.create({ email: "bot@example.org", displayName: "Bot" }, LOCAL));
    expect((await s.users.verifyCredentials("ANA@example.org", "correct horse"))?.id).toBe(ana.id);
    expect(await s.users.verifyCredentials("ana@example.org", "Correct horse")).toBeNull();
    expect(await s.users.verifyCredentials("nobody@example.org", "correct horse")).toBeNull();
    expect(await s.users.verifyCredentials("bot@example.org", "")).toBeNull();
    expect(await s.users.checkPassword(ana.id, "correct horse")).toBe(true);
    expect(await s.users.checkPassword(ana.id, "Correct horse")).toBe(false);
    value(await s.users.setPassword(ana.id, "battery staple", LOCAL));
    expect(await s.users.checkPassword(ana.id, "correct horse")).toBe(false);
    expect(await s.users.verifyCredentials("ana@example.org", "correct horse")).toBeNull();
    expect((await s.users.verifyCredentials("ana@example.org", "battery staple"))?.id).toBe(ana.id);
    value(await s.users.disable(ana.id, LOCAL));
    expect(await s.users.verifyCredentials("ana@example.org", "battery staple")).toBeNull();
  });

  it("re-hashes a password made with an older cost at the next successful login", async () => {
    const where = await engine.fresh();
    const { openStorage } = await import("../open.js");
    const old = await openStorage({ ...where, passwordCost: { ln: 9, r: 8, p: 1 } });
    const ana = value(await old.users.create({ email: "ana@example.org", displayName: "Ana", password: "correct horse" }, LOCAL));
    await old.close();
    const s = await openStorage({ ...where, passwordCost: { ln: 10, r: 8, p: 1 } });
    try {
      const hash = async () => (await s.db.selectFrom("users").select("password_hash").where("id", "=", ana.id).executeTakeFirstOrThrow()).password_hash;
      expect(await hash()).toMatch(/^scrypt\$ln=9,/);
      expect(await s.users.verifyCredentials("ana@example.org", "wrong password")).toBeNull();
      expect(await hash()).toMatch(/^scrypt\$ln=9,/);
      expect(await s.users.verifyCredentials("ana@example.org", "correct horse")).not.toBeNull();
      expect(await hash()).toMatch(/^scrypt\$ln=10,/);
      expect(await s.users.verifyCredentials("ana@example.org", "correct horse")).not.toBeNull();
    } finally {
      await s.close();
    }
  });

  it("keeps sessions by token hash; they expire, can be revoked, and die with a disabled user", async () => {
    const clock = testClock();
    const s = await engine.open({ now: clock.now });
    const ana = value(await s.users.create({ email: "ana@example.org", displayName: "Ana", password: "correct horse" }, LOCAL));
    const { token, session } = value(await s.sessions.create(ana.id, { ttlMs: 3600_000 }));
    expect(token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    const rows = await s.db.selectFrom("sessions").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const seen = await s.sessions.authenticate(token);
    expect(seen).toMatchObject({ session: { id: session.id }, user: { id: ana.id, email: "ana@example.org" } });
    expect(await s.sessions.authenticate(token + "x")).toBeNull();
    clock.advance(5 * 60_000);
    expect((await s.sessions.authenticate(token))?.session.lastSeenAt).toBe(clock.now().toISOString());
    clock.advance(3600_000);
    expect(await s.sessions.authenticate(token)).toBeNull(); // expired

    const second = value(await s.sessions.create(ana.id));
    await s.sessions.revoke(second.token);
    expect(await s.sessions.authenticate(second.token)).toBeNull();

    const [t1, t2] = [value(await s.sessions.create(ana.id)), value(await s.sessions.create(ana.id))];
    expect(await s.sessions.revokeAll(ana.id, LOCAL)).toBe(2);
    expect(await s.sessions.authenticate(t1.token)).toBeNull();
    expect(await s.sessions.authenticate(t2.token)).toBeNull();

    // A new password ends every session but the one that changed it, in the same transaction.
    const [kept, other] = [value(await s.sessions.create(ana.id)), value(await s.sessions.create(ana.id))];
    expect(value(await s.users.setPassword(ana.id, "battery staple", LOCAL, { keepSession: kept.session.id })).sessionsEnded).toBe(1);
    expect(await s.sessions.authenticate(kept.token)).not.toBeNull();
    expect(await s.sessions.authenticate(other.token)).toBeNull();
    const audit = await s.audit.list({ workspaceId: null });
    expect(audit.find((e) => e.action === "user.set-password")).toMatchObject({ objectId: ana.id, details: { sessionsEnded: 1 } });

    const t3 = value(await s.sessions.create(ana.id));
    value(await s.users.disable(ana.id, LOCAL));
    expect(await s.sessions.authenticate(t3.token)).toBeNull();
    expect(error(await s.sessions.create(ana.id)).code).toBe("not-found");
    clock.advance(8 * 24 * 3600_000);
    expect(await s.sessions.prune(clock.now())).toBe(7);
  });

  it("keeps API tokens hashed, records their last use, lets only their owner revoke them, and honours expiry", async () => {
    const clock = testClock();
    const s = await engine.open({ now: clock.now });
    const ana = value(await s.users.create({ email: "ana@example.org", displayName: "Ana" }, LOCAL));
    const ben = value(await s.users.create({ email: "ben@example.org", displayName: "Ben" }, LOCAL));
    const { token, apiToken } = value(await s.apiTokens.create(ana.id, "nightly import", { userId: ana.id }));
    expect(token).toMatch(/^ct_/);
    expect(apiToken.lastUsedAt).toBeNull();
    expect(JSON.stringify(await s.db.selectFrom("api_tokens").selectAll().execute())).not.toContain(token);
    clock.advance(1000);
    expect(await s.apiTokens.authenticate(token)).toMatchObject({ user: { id: ana.id }, apiToken: { lastUsedAt: clock.now().toISOString() } });
    expect((await s.apiTokens.list(ana.id))[0]?.lastUsedAt).toBe(clock.now().toISOString());
    expect(await s.apiTokens.list(ben.id)).toEqual([]);

    expect(error(await s.apiTokens.revoke(ben.id, apiToken.id, { userId: ben.id })).code).toBe("not-found");
    expect(await s.apiTokens.authenticate(token)).not.toBeNull();
    expect(value(await s.apiTokens.revoke(ana.id, apiToken.id, { userId: ana.id })).revokedAt).toBe(clock.now().toISOString());
    expect(await s.apiTokens.authenticate(token)).toBeNull();

    const expiring = value(await s.apiTokens.create(ana.id, "one hour", { userId: ana.id }, new Date(clock.now().getTime() + 3600_000)));
    expect(await s.apiTokens.authenticate(expiring.token)).not.toBeNull();
    clock.advance(3600_000);
    expect(await s.apiTokens.authenticate(expiring.token)).toBeNull();
    expect(error(await s.apiTokens.create(ana.id, "past", LOCAL, new Date(0)))).toMatchObject({ code: "validation", field: "expiresAt" });
  });

  it("authorizes by role, answers non-members as if the workspace did not exist, and keeps an owner", async () => {
    const s = await engine.open();
    const [owner, editor, viewer, outsider] = await Promise.all(
      ["owner", "editor", "viewer", "outsider"].map(async (n) => value(await s.users.create({ email: `${n}@example.org`, displayName: n }, LOCAL))),
    );
    const ws = value(await s.workspaces.create("Talks", { userId: owner!.id }));
    value(await s.memberships.grant(ws.id, editor!.id, "editor", { userId: owner!.id }));
    value(await s.memberships.grant(ws.id, viewer!.id, "viewer", { userId: owner!.id }));
    const expected: Record<string, Record<Role, string>> = {
      owner: { viewer: "ok", editor: "ok", owner: "ok" },
      editor: { viewer: "ok", editor: "ok", owner: "forbidden" },
      viewer: { viewer: "ok", editor: "forbidden", owner: "forbidden" },
      outsider: { viewer: "not-found", editor: "not-found", owner: "not-found" },
    };
    const users = { owner: owner!, editor: editor!, viewer: viewer!, outsider: outsider! };
    for (const [name, user] of Object.entries(users)) {
      for (const need of ROLES) {
        const r = await s.memberships.authorize(ws.id, user.id, need);
        expect(r.ok ? "ok" : r.error.code, `${name} needing ${need}`).toBe(expected[name]![need]);
      }
    }
    const missing = error(await s.memberships.authorize(randomUUID(), outsider!.id, "viewer"));
    const foreign = error(await s.memberships.authorize(ws.id, outsider!.id, "viewer"));
    expect({ ...foreign, id: "", message: "" }).toEqual({ ...missing, id: "", message: "" });
    expect(await s.workspaces.list(viewer!.id)).toHaveLength(1);
    expect(await s.workspaces.list(outsider!.id)).toEqual([]);

    // The last owner can be neither demoted nor removed; once there is another, they can.
    expect(error(await s.memberships.grant(ws.id, owner!.id, "editor", LOCAL))).toMatchObject({ code: "validation", field: "role" });
    expect(error(await s.memberships.revoke(ws.id, owner!.id, LOCAL)).code).toBe("validation");
    value(await s.memberships.grant(ws.id, editor!.id, "owner", LOCAL));
    value(await s.memberships.revoke(ws.id, owner!.id, LOCAL));
    expect((await s.memberships.list(ws.id)).map((m) => [m.email, m.role])).toEqual([
      ["editor@example.org", "owner"],
      ["viewer@example.org", "viewer"],
    ]);
    expect(error(await s.memberships.grant(ws.id, viewer!.id, "admin" as Role, LOCAL))).toMatchObject({ code: "validation", field: "role" });
    expect(error(await s.memberships.grant(ws.id, randomUUID(), "viewer", LOCAL))).toMatchObject({ code: "not-found", resource: "user" });
  });

  it("never leaves a workspace without an owner when two owners demote each other at once", async () => {
    const s = await engine.open();
    const a = value(await s.users.create({ email: "a@example.org", displayName: "A" }, LOCAL));
    const b = value(await s.users.create({ email: "b@example.org", displayName: "B" }, LOCAL));
    const ws = value(await s.workspaces.create("Talks", { userId: a.id }));
    value(await s.memberships.grant(ws.id, b.id, "owner", LOCAL));
    const results = await Promise.all([s.memberships.grant(ws.id, a.id, "viewer", LOCAL), s.memberships.grant(ws.id, b.id, "viewer", LOCAL)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await s.memberships.list(ws.id)).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("rate-limits login attempts per key within a window; a success starts the count afresh", async () => {
    const clock = testClock();
    const s = await engine.open({ now: clock.now });
    const limit = { maxFailures: 3, windowMs: 15 * 60_000 };
    for (let i = 0; i < 3; i++) {
      expect((await s.loginAttempts.check("ana@example.org", limit)).allowed).toBe(true);
      await s.loginAttempts.record("ana@example.org", false);
      clock.advance(60_000);
    }
    const blocked = await s.loginAttempts.check("ana@example.org", limit);
    expect(blocked).toEqual({ allowed: false, failures: 3, retryAfterMs: 12 * 60_000 });
    expect((await s.loginAttempts.check("ben@example.org", limit)).allowed).toBe(true);
    clock.advance(12 * 60_000 + 1); // the first failure leaves the window
    expect(await s.loginAttempts.check("ana@example.org", limit)).toMatchObject({ allowed: true, failures: 2 });
    await s.loginAttempts.record("ana@example.org", true);
    clock.advance(1);
    expect(await s.loginAttempts.check("ana@example.org", limit)).toMatchObject({ allowed: true, failures: 0 });
    expect(await s.loginAttempts.prune(clock.now())).toBe(4);
  });
});
