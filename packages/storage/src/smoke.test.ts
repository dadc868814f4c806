import { expect, it } from "vitest";
import { describeEngines } from "./testing/engines.js";

describeEngines("smoke", (engine) => {
  it("opens and pings", async () => {
    const s = await engine.open();
    expect(await s.ping()).toBe(true);
    const w = await s.workspaces.create("Team", { userId: null });
    expect(w.ok).toBe(true);
  });
});
