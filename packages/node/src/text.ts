/**
 * Bytes to text, strictly: input must be UTF-8 (a byte-order mark is dropped), and
 * neither invalid UTF-8 nor binary data is ever turned silently into U+FFFD.
 */
import { fail, ok, type Problem, type Result } from "@concord/core";

/** What the file should hold, for the "not … text" message ("YAML/JSON", "CSV"). */
export type TextKind = "YAML/JSON" | "CSV";

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The text of `bytes`, or a "format" problem naming the byte offset and line of the first bad byte. */
export function decodeText(bytes: Uint8Array, file: string, kind: TextKind = "YAML/JSON"): Result<string> {
  // UTF-16 (as some Windows editors save) begins with its byte-order mark and is full of zero bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const from = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return fail([{ code: "format", path: [], file, line: 1, column: 1, message: `not UTF-8 text: the file is UTF-16; save it as UTF-8 (e.g. iconv -f ${from} -t utf-8 ${file} > fixed)` }]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail([notText(bytes, nul, file, kind)]);
  try {
    return ok(strict.decode(bytes));
  } catch {
    const bad = firstInvalidUtf8(bytes);
    // Mostly control bytes: binary data, not text in another encoding.
    if (looksBinary(bytes)) return fail([notText(bytes, bad, file, kind)]);
    const { line, column } = lineOf(bytes, bad);
    return fail([
      {
        code: "format",
        path: [],
        file,
        line,
        column,
        message: `not UTF-8 text: byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, "0")}) is not valid UTF-8; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 ${file} > fixed)`,
      },
    ]);
  }
}

function notText(bytes: Uint8Array, offset: number, file: string, kind: TextKind): Problem {
  return { code: "format", path: [], file, ...lineOf(bytes, offset), message: `not ${kind} text: binary data (byte ${offset} is 0x${bytes[offset]!.toString(16).padStart(2, "0")})` };
}

/** More than one byte in ten, among the first 4 KB, is a control character other than tab and line ends. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) control++;
  }
  return control * 10 > n;
}

/** 1-based line and column (in bytes) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [n, lo, hi] = b < 0x80 ? [0, 0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : [-1, 0, 0];
    if (n < 0) return i;
    // The first continuation byte has a narrower range (no overlong forms, no surrogates).
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
