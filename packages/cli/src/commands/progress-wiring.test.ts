// The long commands run their work under a progress line (issue 9: `report` on a large
// model ran for minutes in silence). withProgress itself (a terminal only, after a second)
// is tested in large-models.test.ts; here, that the commands that analyse call it (the
// bare demo through report; robustness and sensitivity count their variants instead).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { concord, ROOT } from "../../../../test/fixtures/concord.js";
import { withProgress } from "../progress.js";
import type * as Progress from "../progress.js";

vi.mock("../progress.js", async (importOriginal) => {
  const real = await importOriginal<typeof Progress>();
  return { ...real, withProgress: vi.fn(real.withProgress) };
});

const PD = join(ROOT, "scenarios/prisoners-dilemma.yaml");
const called = (): string[] => vi.mocked(withProgress).mock.calls.map((c) => c[1]);

describe("progress on long commands", () => {
  beforeEach(() => {
    vi.mocked(withProgress).mockClear();
  });

  it("analyze runs under 'Analysing…'", async () => {
    expect(await concord(["analyze", PD])).toMatchObject({ code: 0, err: "" });
    expect(called()).toEqual(["Analysing"]);
  });

  it("report runs under 'Writing the report…'", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-progress-"));
    expect(await concord(["report", PD, "-o", "r.html"], { cwd: dir })).toMatchObject({ code: 0, err: "" });
    expect(called()).toEqual(["Writing the report"]);
  });

  it.each([
    [["stabilize", "scenarios/examples/ceasefire.yaml", "--target", "withdraw & disarm"], "Searching"],
    [["coalitions", "scenarios/examples/ceasefire.yaml"], "Analysing coalitions"],
    [["settle", "scenarios/examples/settlement.yaml"], "Weighing the packages"],
    [["hypergame", "scenarios/examples/misreading.yaml"], "Analysing each side's game"],
    [["brief", "test/fixtures/report-small.yaml", "-o", "-"], "Writing the brief"],
  ])("%s runs under its line", async (args, line) => {
    expect(await concord(args)).toMatchObject({ code: 0, err: "" });
    expect(called()).toEqual([line]);
  });

  it("a quick command does not", async () => {
    expect((await concord(["validate", PD])).code).toBe(0);
    expect(called()).toEqual([]);
  });
});
