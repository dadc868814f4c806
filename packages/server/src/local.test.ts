import { analyze } from "@concord/app";
import { beforeAll, expect, it } from "vitest";
import { describeEngines, openTestServer, problemOf, scenarioText, type TestServer } from "./testing/harness.js";

const CHICKEN = scenarioText("chicken.yaml");
const PD = scenarioText("prisoners-dilemma.yaml");

describeEngines("the workbench server in local mode", (engine) => {
  let s: TestServer;
  let ws: string;
  let other: string;

  beforeAll(async () => {
    s = await openTestServer(engine, "local");
    ws = ((await (await s.call("POST", "/api/workspaces", { json: { name: "Talks" } })).json()) as { workspace: { id: string } }).workspace.id;
    other = ((await (await s.call("POST", "/api/workspaces", { json: { name: "Elsewhere" } })).json()) as { workspace: { id: string } }).workspace.id;
  });

  async function importScenario(name: string, text: string, workspace = ws): Promise<string> {
    const res = await s.call("POST", `/api/workspaces/${workspace}/scenarios`, { json: { name, text } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { scenario: { id: string } }).scenario.id;
  }

  it("answers health with the engine", async () => {
    const res = await s.call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", mode: "local", engine: engine.name });
  });

  it("imports a scenario as revision 1 with its ETag, and reads it back", async () => {
    const res = await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Chicken", text: CHICKEN } });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    const created = (await res.json()) as { scenario: { id: string }; revision: { format: string } };
    expect(created.revision.format).toBe("yaml");
    const read = await s.call("GET", `/api/workspaces/${ws}/scenarios/${created.scenario.id}`);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(((await read.json()) as { revision: { text: string } }).revision.text).toBe(CHICKEN);
    const unchanged = await s.call("GET", `/api/workspaces/${ws}/scenarios/${created.scenario.id}`, { headers: { "if-none-match": '"1"' } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect((await s.call("GET", `/api/workspaces/${ws}/scenarios/${created.scenario.id}`, { headers: { "if-none-match": '"7"' } })).status).toBe(200);
  });

  it("saves with If-Match, rejects a stale save with 412 and the current revision, and writes nothing for it", async () => {
    const sc = await importScenario("Edited", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}`;
    const edited = CHICKEN.replace("title: Chicken", "title: Chicken, edited");
    const saved = await s.call("PUT", path, { json: { text: edited, message: "retitle" }, headers: { "if-match": '"1"' } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"2"');
    const stale = await s.call("PUT", path, { json: { text: CHICKEN.replace("title: Chicken", "title: Lost?") }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe('"2"');
    const p = await problemOf(stale);
    expect(p.current).toMatchObject({ number: 2, message: "retitle" });
    const history = (await (await s.call("GET", `${path}/revisions`)).json()) as { revisions: { number: number }[] };
    expect(history.revisions.map((r) => r.number)).toEqual([2, 1]);
    const missing = await s.call("PUT", path, { json: { text: edited } });
    expect(missing.status).toBe(428);
    expect((await problemOf(missing)).detail).toContain("If-Match");
  });

  it("refuses an invalid scenario with 422 listing its problems, and keeps the head", async () => {
    const sc = await importScenario("Checked", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}`;
    const res = await s.call("PUT", path, { json: { text: CHICKEN.replace("concord: 1", "concord: 1\nbogus: true") }, headers: { "if-match": '"1"' } });
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect((p.problems as { code: string }[])[0]!.code).toBe("unknown-key");
    expect((await s.call("GET", path)).headers.get("etag")).toBe('"1"');
    const bad = await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Broken", text: "concord: [" } });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).detail).toMatch(/Broken:\d+:\d+/);
  });

  it("answers malformed requests with a 4xx problem naming what is wrong", async () => {
    const malformed = await s.call("POST", "/api/workspaces", { body: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    await problemOf(malformed);
    const unknown = await s.call("POST", "/api/workspaces", { json: { name: "X", colour: "red" } });
    expect(unknown.status).toBe(400);
    expect((await problemOf(unknown)).detail).toContain("colour");
    const wrongType = await s.call("POST", "/api/workspaces", { json: { name: 42 } });
    expect(wrongType.status).toBe(400);
    expect((await problemOf(wrongType)).detail).toMatch(/^json\.name: /);
    const notJson = await s.call("POST", "/api/workspaces", { body: "name=X", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);
    await problemOf(notJson);
    const huge = await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Huge", text: "x".repeat(1024 * 1024 + 1) } });
    expect(huge.status).toBe(413);
    await problemOf(huge);
    const badRevision = await s.call("GET", `/api/workspaces/${ws}/scenarios/x/revisions/0`);
    expect(badRevision.status).toBe(400);
    const noRoute = await s.call("GET", "/api/nothing-here");
    expect(noRoute.status).toBe(404);
    await problemOf(noRoute);
    expect((await (await s.call("GET", `/api/workspaces/${ws}/scenarios`)).json()) as { scenarios: { name: string }[] }).not.toContainEqual(expect.objectContaining({ name: "Huge" }));
  });

  it("refuses NUL characters (which PostgreSQL cannot store) with 400, never 500", async () => {
    const sc = await importScenario("Nul", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}`;
    const answers = [
      await s.call("PUT", path, { json: { text: CHICKEN, message: "a\u0000b" }, headers: { "if-match": '"1"' } }),
      await s.call("PUT", path, { json: { text: `${CHICKEN}\u0000` }, headers: { "if-match": '"1"' } }),
      await s.call("GET", `/api/workspaces/${ws}/scenarios/a%00b`),
      await s.call("GET", `/api/workspaces/${ws}/jobs?scenario=a%00b`),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect((await s.call("GET", path)).headers.get("etag")).toBe('"1"');
  });

  it("answers an id from another workspace exactly as an unknown id", async () => {
    const sc = await importScenario("Mine", CHICKEN);
    const foreign = await s.call("GET", `/api/workspaces/${other}/scenarios/${sc}`);
    const unknown = await s.call("GET", `/api/workspaces/${other}/scenarios/00000000-0000-4000-8000-000000000000`);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await problemOf(foreign), await problemOf(unknown)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.type).toBe(b.type);
    const write = await s.call("PUT", `/api/workspaces/${other}/scenarios/${sc}`, { json: { text: CHICKEN }, headers: { "if-match": '"1"' } });
    expect(write.status).toBe(404);
    expect((await s.call("GET", `/api/workspaces/${ws}/scenarios/${sc}`)).headers.get("etag")).toBe('"1"');
  });

  it("lists, reads, compares and restores revisions", async () => {
    const sc = await importScenario("History", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}`;
    await s.call("PUT", path, { json: { text: CHICKEN.replace("title: Chicken", "title: Chicken 2") }, headers: { "if-match": '"1"' } });
    const one = (await (await s.call("GET", `${path}/revisions/1`)).json()) as { revision: { text: string } };
    expect(one.revision.text).toBe(CHICKEN);
    const cmp = (await (await s.call("GET", `${path}/compare?from=1&to=2`)).json()) as { comparison: { text: unknown } };
    expect(JSON.stringify(cmp.comparison.text)).toContain("title: Chicken 2");
    const stale = await s.call("POST", `${path}/revisions/1/restore`, { json: {}, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(412);
    const restored = await s.call("POST", `${path}/revisions/1/restore`, { json: {}, headers: { "if-match": '"2"' } });
    expect(restored.status).toBe(200);
    const r = (await restored.json()) as { revision: { number: number; restoredFrom: number; text: string } };
    expect(r.revision).toMatchObject({ number: 3, restoredFrom: 1, text: CHICKEN });
  });

  it("exports a revision as stored, as JSON and as .gmcr", async () => {
    const sc = await importScenario("Export", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}/export`;
    expect(await (await s.call("GET", path)).text()).toBe(CHICKEN);
    const json = await s.call("GET", `${path}?format=json`);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(((await json.json()) as { id: string }).id).toBe("chicken");
    const gmcr = await s.call("GET", `${path}?format=gmcr`);
    expect(gmcr.status).toBe(200);
    const reimported = await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Round trip", text: await gmcr.text() } });
    expect(reimported.status).toBe(201);
    expect(((await reimported.json()) as { revision: { format: string } }).revision.format).toBe("gmcr");
  });

  it("runs an analysis through the application layer, stores it once, and serves the latest", async () => {
    const sc = await importScenario("Analysed", PD);
    const path = `/api/workspaces/${ws}/scenarios/${sc}/analyses`;
    const first = await s.call("POST", path, { json: { kind: "analyze", options: { concepts: ["nash", "gmr"] } } });
    expect(first.status).toBe(201);
    const body = (await first.json()) as { analysis: { revision: number; computedNow: boolean }; result: unknown };
    const direct = await analyze({ text: PD, format: "yaml" }, { concepts: ["nash", "gmr"] });
    expect(direct.ok && body.result).toEqual(direct.ok ? JSON.parse(JSON.stringify(direct.value)) : null);
    expect(body.analysis).toMatchObject({ revision: 1, computedNow: true });
    const again = await s.call("POST", path, { json: { kind: "analyze", options: { concepts: ["gmr", "nash"].reverse() } } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { analysis: { computedNow: boolean } }).analysis.computedNow).toBe(false);
    const latest = (await (await s.call("GET", `${path}/analyze/latest`)).json()) as { result: unknown };
    expect(latest.result).toEqual(body.result);
    const badOption = await s.call("POST", path, { json: { kind: "status-quo", options: { from: 999 } } });
    expect(badOption.status).toBe(422);
    expect((await problemOf(badOption)).detail).toContain("999");
    const wrongKind = await s.call("POST", path, { json: { kind: "dance" } });
    expect(wrongKind.status).toBe(400);
    const brief = await s.call("POST", path, { json: { kind: "brief", options: { format: "md" } } });
    expect(brief.status).toBe(201);
    expect(((await brief.json()) as { result: { text: string } }).result.text).toContain("#");
  });

  it("answers reads from kept bytes that follow every save, rename and new analysis, with ETags and 304s", async () => {
    const sc = await importScenario("Kept", CHICKEN);
    const path = `/api/workspaces/${ws}/scenarios/${sc}`;
    const read = async () => {
      const res = await s.call("GET", path);
      return { etag: res.headers.get("etag"), body: (await res.json()) as { scenario: { name: string; headRevision: number }; revision: { number: number; text: string } } };
    };
    const first = await read();
    expect(await read()).toEqual(first);
    expect((await s.call("PATCH", path, { json: { name: "Renamed" } })).status).toBe(200);
    expect((await read()).body.scenario.name).toBe("Renamed");
    expect((await s.call("PUT", path, { json: { text: PD }, headers: { "if-match": '"1"' } })).status).toBe(200);
    const saved = await read();
    expect(saved).toMatchObject({ etag: '"2"', body: { scenario: { headRevision: 2 }, revision: { number: 2, text: PD } } });
    expect((await s.call("GET", `${path}/revisions/1`)).status).toBe(200);

    const latest = `${path}/analyses/analyze/latest`;
    expect((await s.call("POST", `${path}/analyses`, { json: { kind: "analyze", revision: 1 } })).status).toBe(201);
    const one = await s.call("GET", latest);
    const oneBody = (await one.json()) as { analysis: { id: string; revision: number } };
    expect(one.headers.get("etag")).toBe(`"${oneBody.analysis.id}"`);
    expect(oneBody.analysis.revision).toBe(1);
    const notModified = await s.call("GET", latest, { headers: { "if-none-match": one.headers.get("etag")! } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    // An analysis of the newer revision is the latest now: the old ETag no longer matches.
    expect((await s.call("POST", `${path}/analyses`, { json: { kind: "analyze" } })).status).toBe(201);
    const two = await s.call("GET", latest, { headers: { "if-none-match": one.headers.get("etag")! } });
    expect(two.status).toBe(200);
    expect(((await two.json()) as { analysis: { revision: number } }).analysis.revision).toBe(2);
    expect(two.headers.get("etag")).not.toBe(one.headers.get("etag"));
  });

  it("refuses writes from a page on another site", async () => {
    const res = await s.call("POST", "/api/workspaces", { json: { name: "CSRF" }, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    const same = await s.call("POST", "/api/workspaces", { json: { name: "Same origin" }, headers: { origin: "http://127.0.0.1:4317" } });
    expect(same.status).toBe(201);
  });

  it("logs one line per request without secrets", () => {
    const requests = s.logs.filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThan(10);
    for (const l of requests) expect(Object.keys(l).sort()).toEqual(["method", "ms", "msg", "path", "status", "user", "via"]);
  });
});

