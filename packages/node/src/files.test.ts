// Reading input within limits and writing output whole or not at all, on a real file system.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash, readTextFile, writeFiles, writeTextFile } from "./files.js";
import { decodeText, firstInvalidUtf8 } from "./text.js";

const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-files-"));
const problem = (r: { ok: boolean; problems?: readonly { message: string }[] }): string => (r.ok ? "" : r.problems![0]!.message);

describe("reading input", () => {
  it("refuses devices, pipes and folders before reading (validate /dev/zero used to read forever)", () => {
    const dir = tmp();
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(problem(readTextFile("/dev/zero"))).toBe("cannot read the file: not a regular file (a device, pipe or socket); save the input to a file first");
    expect(problem(readTextFile(fifo))).toMatch(/not a regular file/);
    expect(problem(readTextFile(dir))).toBe("cannot read the file: it is a folder");
    expect(problem(readTextFile(join(dir, "absent.yaml")))).toBe("cannot read the file: no such file or folder");
  });

  it("refuses a file over the limit and says how to raise it", () => {
    const dir = tmp();
    writeFileSync(join(dir, "big.yaml"), "x".repeat(2000));
    const r = readTextFile("big.yaml", { cwd: dir, maxBytes: 1000 });
    expect(r).toEqual({ ok: false, problems: [{ code: "limit", path: [], file: "big.yaml", message: "the file is larger than 1000 bytes, the input limit; to read it, raise the limit with --max-input <MB>" }] });
    expect(readTextFile("big.yaml", { cwd: dir, maxBytes: 2000 })).toEqual({ ok: true, value: "x".repeat(2000) });
  });

  it("refuses Latin-1 text with the byte offset, line and an iconv hint instead of turning é into U+FFFD", () => {
    const bytes = Buffer.concat([Buffer.from("id: x\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const r = decodeText(bytes, "cafe.yaml");
    expect(r).toEqual({
      ok: false,
      problems: [{ code: "format", path: [], file: "cafe.yaml", line: 2, column: 11, message: "not UTF-8 text: byte 16 (0xe9) is not valid UTF-8; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 cafe.yaml > fixed)" }],
    });
  });

  it("reads UTF-8 with or without a byte-order mark, and names binary data and UTF-16 as such", () => {
    expect(decodeText(Buffer.from("\ufefftitle: Café\n"), "a.yaml")).toEqual({ ok: true, value: "title: Café\n" });
    expect(problem(decodeText(Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x8f]), "g.json"))).toBe("not YAML/JSON text: binary data (byte 1 is 0x00)");
    expect(problem(decodeText(Buffer.from([1, 2, 3, 4, 5, 0xff, 6, 7]), "g.csv", "CSV"))).toMatch(/^not CSV text: binary data/);
    expect(problem(decodeText(Buffer.from("\ufeffa: 1", "utf16le"), "w.yaml"))).toMatch(/^not UTF-8 text: the file is UTF-16; save it as UTF-8 \(e\.g\. iconv -f utf-16le -t utf-8 w\.yaml > fixed\)$/);
  });

  it("finds the first invalid UTF-8 byte exactly where Node's strict decoder fails", () => {
    const cases = [[0x61, 0xc3, 0xa9, 0x62], [0x61, 0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x61, 0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80, 0xff]];
    for (const c of cases) {
      const bytes = Uint8Array.from(c);
      let valid = true;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === bytes.length, JSON.stringify(c)).toBe(valid);
    }
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc3, 0xa9, 0xff]))).toBe(3);
  });
});

describe("writing output", () => {
  it("creates missing folders, writes whole, and leaves no temporary file", () => {
    const dir = tmp();
    expect(writeTextFile("a/b/c.json", "{}\n", { cwd: dir })).toEqual({ ok: true, value: undefined });
    expect(readFileSync(join(dir, "a/b/c.json"), "utf8")).toBe("{}\n");
    expect(readdirSync(join(dir, "a/b"))).toEqual(["c.json"]);
  });

  it("refuses to write onto a folder or into a path that cannot exist, in one line with the path (convert -o used to crash)", () => {
    const dir = tmp();
    mkdirSync(join(dir, "out.json"));
    expect(writeTextFile("out.json", "{}", { cwd: dir })).toEqual({ ok: false, problems: [{ code: "io", path: [], file: "out.json", message: "cannot write the file: it is a folder" }] });
    writeFileSync(join(dir, "plain"), "");
    expect(problem(writeTextFile("plain/x.json", "{}", { cwd: dir }))).toBe("cannot write the file: a part of the path is not a folder");
    expect(problem(writeTextFile("/proc/concord-test.json", "{}"))).toMatch(/^cannot write the file: /);
    // Node's recursive mkdir loops forever here.
    expect(problem(writeTextFile("/proc/concord-test/x.json", "{}"))).toBe("cannot create the folder: no such file or folder");
  });

  it("keeps the old file when a later file of the same write fails", () => {
    const dir = tmp();
    writeFileSync(join(dir, "report.md"), "old");
    mkdirSync(join(dir, "pic.svg"));
    expect(writeFiles([{ file: "report.md", text: "new" }, { file: "pic.svg", text: "<svg/>" }], { cwd: dir }).ok).toBe(false);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["pic.svg", "report.md"]);
  });

  it("refuses to replace a file that changed since it was read, and replaces it when it did not", () => {
    const dir = tmp();
    writeFileSync(join(dir, "talks.yaml"), "v1");
    const read = contentHash("v1");
    writeFileSync(join(dir, "talks.yaml"), "v2 by someone else");
    expect(problem(writeTextFile("talks.yaml", "v1 + mine", { cwd: dir, unchangedSince: read }))).toMatch(/^not written: the file changed since it was read/);
    expect(readFileSync(join(dir, "talks.yaml"), "utf8")).toBe("v2 by someone else");
    expect(writeTextFile("talks.yaml", "v2 + mine", { cwd: dir, unchangedSince: contentHash("v2 by someone else") }).ok).toBe(true);
    expect(readFileSync(join(dir, "talks.yaml"), "utf8")).toBe("v2 + mine");
    expect(readdirSync(dir)).toEqual(["talks.yaml"]);
  });

  it("refuses while another run holds the lock", () => {
    const dir = tmp();
    writeFileSync(join(dir, "talks.yaml"), "v1");
    writeFileSync(join(dir, "talks.yaml.lock"), "");
    expect(problem(writeTextFile("talks.yaml", "v2", { cwd: dir, unchangedSince: contentHash("v1") }))).toMatch(/^not written: another concord run is writing it \(lock file talks\.yaml\.lock\)/);
    expect(readFileSync(join(dir, "talks.yaml"), "utf8")).toBe("v1");
  });
});
