import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { readCsv, writeCsv } from "./csv.js";

const fields = (text: string): string[][] => value(readCsv(text)).map((x) => [...x.fields]);

describe("CSV", () => {
  it("quotes only fields that need it", () => {
    expect(writeCsv([["a", "b,c", 'say "hi"', "two\nlines", ""]])).toBe('a,"b,c","say ""hi""","two\nlines",\n');
  });
  it("reads back exactly what it wrote, for any text", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r", " ", "x") });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        expect(fields(writeCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
  it("accepts CRLF line ends, a byte-order mark and a missing final line break; skips blank lines", () => {
    expect(fields('\uFEFFid,name\r\n1,"a\r\nb"\r\n\r\n2,c')).toEqual([["id", "name"], ["1", "a\r\nb"], ["2", "c"]]);
  });
  it("gives the line where each row starts", () => {
    expect(value(readCsv('h\n"multi\nline"\nnext\n')).map((x) => x.line)).toEqual([1, 2, 4]);
  });
  it("reports an unclosed quote at the line it opened", () => {
    expect(readCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, problems: [{ code: "syntax", path: [], line: 2, message: 'a quoted field opened on line 2 is never closed; expected a closing "' }] });
  });
  it("reports text after a closing quote", () => {
    expect(readCsv('"a"b,c\n')).toEqual({ ok: false, problems: [{ code: "syntax", path: [], line: 1, message: "unexpected text after a closing quote; expected a comma or the end of the line" }] });
  });
});
