/** Small helpers for storage tests. */
import { expect } from "vitest";
import type { StoreError, StoreResult } from "../result.js";
import type { Storage } from "../storage.js";
import type { Actor } from "../types.js";

export const LOCAL: Actor = { userId: null, via: "local" };

/** The value of an ok result; fails the test with the error otherwise. */
export function value<T>(r: StoreResult<T>): T {
  if (!r.ok) expect.fail(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The error of a failed result; fails the test if it succeeded. */
export function error<T>(r: StoreResult<T>): StoreError {
  if (r.ok) expect.fail(`expected an error, got ok: ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

/** A workspace with one scenario at revision 1. */
export async function seedScenario(s: Storage, text = "concord: 1\nid: demo\n", by: Actor = LOCAL) {
  const workspace = value(await s.workspaces.create("Mediation team", by));
  const { scenario, revision } = value(await s.scenarios.create(workspace.id, { name: "Demo", text, format: "yaml", message: "first" }, by));
  return { workspace, scenario, revision };
}

/** A clock tests can move. */
export function testClock(start = "2031-03-01T09:00:00.000Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}
