// `concord worker`'s flags, checked before it opens any database: main(argv, io).
import { expect, it } from "vitest";
import { concord } from "../../../../test/fixtures/concord.js";

it("refuses a thread count, part size or concurrency that is not a whole number from 1, naming the flag", async () => {
  for (const [flag, value] of [["--threads", "0"], ["--part-variants", "ten"], ["--concurrency", "-1"]] as const) {
    const r = await concord(["worker", "--db", "/nonexistent/never-opened.db", flag, value]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${flag}: expected a whole number from 1, found "${value}"`);
  }
});
