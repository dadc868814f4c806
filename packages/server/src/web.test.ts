// The web workbench's static files, served by the app in-process: pages with a strict
// CSP, the app's own paths answered with index.html, missing assets and escapes 404,
// and the API untouched.
import { beforeAll, expect, it } from "vitest";
import type { StaticFiles } from "./index.js";
import { describeEngines, openTestServer, type TestServer } from "./testing/harness.js";

const files: Record<string, string> = { "index.html": "<!doctype html><title>w</title>", "assets/app-1.js": "export{}" };
const web: StaticFiles = { read: async (p) => (p in files ? new TextEncoder().encode(files[p]) : null) };

describeEngines("the web workbench's files", (engine) => {
  let server: TestServer;
  let team: TestServer;
  beforeAll(async () => {
    server = await openTestServer(engine, "local", { web });
    team = await openTestServer(engine, "team", { web });
  });
  const app = { request: (path: string) => server.call("GET", path) };

  it("serves the index page for the app's own paths, with a strict CSP and no caching", async () => {
    for (const path of ["/", "/record", "/analysis?scenario=x"]) {
      const r = await app.request(path);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain("<title>w</title>");
      expect(r.headers.get("content-security-policy")).toMatch(/default-src 'self'; script-src 'self';.*object-src 'none'/);
      expect(r.headers.get("content-security-policy")).not.toMatch(/unsafe|https?:/);
      expect(r.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("serves hashed assets for good with their type, and 404s a missing asset or a path that leaves the folder", async () => {
    const js = await app.request("/assets/app-1.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/app-2.js")).status).toBe(404);
    expect((await app.request("/%2e%2e/package.json")).status).toBe(404);
    expect((await app.request("/favicon.ico")).status).toBe(404);
  });

  it("serves the pages before any login in team mode, and nothing else", async () => {
    expect((await team.call("GET", "/record")).status).toBe(200);
    expect((await team.call("GET", "/api/workspaces")).status).toBe(401);
  });

  it("leaves the API alone", async () => {
    const r = await app.request("/api/nothing-here");
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toContain("problem+json");
    expect((await app.request("/api/health")).status).toBe(200);
  });
});
