// The server on a real socket on loopback, with a real SQLite file: what `concord serve` runs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inlineRunner } from "@concord/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./node-server.js";
import { resolveSettings } from "./settings.js";
import { scenarioText } from "./testing/harness.js";

describe("the server over HTTP on 127.0.0.1", () => {
  let server: RunningServer;
  const lines: string[] = [];

  beforeAll(async () => {
    const settings = resolveSettings({ port: "0", db: join(mkdtempSync(join(tmpdir(), "concord-http-")), "concord.db") }, {});
    if (!settings.ok) throw new Error(settings.message);
    server = await startServer({ settings: settings.value, runner: inlineRunner, write: (l) => void lines.push(l) });
  });
  afterAll(() => server.close());

  it("serves the API, with migrations applied on start, and logs one JSON line per request", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: "ok", mode: "local", engine: "sqlite" });
    const ws = (await (await fetch(`${server.url}/api/workspaces`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Talks" }) })).json()) as { workspace: { id: string } };
    const text = scenarioText("chicken.yaml");
    const created = await fetch(`${server.url}/api/workspaces/${ws.workspace.id}/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Chicken", text }) });
    expect(created.status).toBe(201);
    const { scenario } = (await created.json()) as { scenario: { id: string } };
    const exported = await fetch(`${server.url}/api/workspaces/${ws.workspace.id}/scenarios/${scenario.id}/export`);
    expect(await exported.text()).toBe(text);
    const broken = await fetch(`${server.url}/api/workspaces`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(broken.status).toBe(400);
    expect(broken.headers.get("content-type")).toBe("application/problem+json");
    const requests = lines.map((l) => JSON.parse(l) as { msg: string; status?: number }).filter((l) => l.msg === "request");
    expect(requests.map((r) => r.status)).toEqual([200, 201, 201, 200, 400]);
  });

  it("serves the OpenAPI 3.1 document and a reference page that loads nothing from elsewhere", async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: object; securitySchemes: object } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["apiToken", "session"]);
    expect(Object.keys(doc.components.schemas)).toContain("Problem");
    expect(Object.keys(doc.paths)).toContain("/api/workspaces/{ws}/scenarios/{sc}/revisions/{n}/restore");
    const page = await (await fetch(`${server.url}/api/docs`)).text();
    expect(page).toContain("/openapi.json");
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
