/**
 * The logic language of preference statements and feasibility conditions, as in
 * option prioritization (Fang, Hipel, Kilgour & Peng 2003; gmcr-py):
 *
 *   sign              option `sign` is taken (Y)
 *   -sign             option `sign` is not taken (N)
 *   a & -b            and          a | b    or         (a | b) & c   grouping
 *   a IF b            conditional: "a, given b" — true when b is false or a is true
 *   3                 an option by its 1-based position in the model (gmcr-py style)
 *   transit = monitored   an option with alternatives has this alternative chosen
 */

import { fail, ok, type Result } from "../problems.js";

/** An expression whose option names are still text (straight from the document). */
export type RawExpr =
  | { readonly kind: "ref"; readonly name: string; readonly at: number; readonly alternative?: { readonly name: string; readonly at: number } }
  | { readonly kind: "not"; readonly arg: RawExpr }
  | { readonly kind: "and" | "or"; readonly args: readonly RawExpr[] }
  | { readonly kind: "if"; readonly then: RawExpr; readonly cond: RawExpr };

/** An expression over options by their global index (bit position). */
export type Expr =
  | { readonly kind: "option"; readonly option: number }
  | { readonly kind: "not"; readonly arg: Expr }
  | { readonly kind: "and" | "or"; readonly args: readonly Expr[] }
  | { readonly kind: "if"; readonly then: Expr; readonly cond: Expr };

/** Inside the parser: what is wrong and where (0-based offset in the expression text). */
interface ExprError {
  readonly message: string;
  readonly at: number;
}

/** A problem with no place in a document yet; `offset` is the character of the expression it is about. */
const problem = <T>(code: "statement" | "unknown-ref", e: ExprError): Result<T> => fail([{ code, path: [], message: e.message, offset: e.at }]);

type Token =
  | { readonly t: "name"; readonly v: string; readonly at: number }
  | { readonly t: "-" | "&" | "|" | "(" | ")" | "=" | "IF" | "end"; readonly at: number };

function tokenize(text: string): Token[] | ExprError {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") { i++; continue; }
    if (c === "-" || c === "&" || c === "|" || c === "(" || c === ")" || c === "=") {
      out.push({ t: c, at: i });
      i++;
      continue;
    }
    if (c === "~" || c === "!") { out.push({ t: "-", at: i }); i++; continue; }
    const m = /^[A-Za-z0-9_]+/.exec(text.slice(i));
    if (!m) return { message: `unexpected character "${c}"`, at: i };
    const word = m[0];
    if (word === "IF" || word === "if") out.push({ t: "IF", at: i });
    else out.push({ t: "name", v: word, at: i });
    i += word.length;
  }
  out.push({ t: "end", at: text.length });
  return out;
}

/**
 * Parses an expression. Precedence, loosest first: IF, |, &, - (not).
 * `a IF b IF c` is rejected as ambiguous; use parentheses. A "statement" problem
 * gives the offset of the character where the text stops making sense.
 */
export function parseExpr(text: string): Result<RawExpr> {
  const r = parseRaw(text);
  return "message" in r ? problem("statement", r) : ok(r);
}

function parseRaw(text: string): RawExpr | ExprError {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const describe = (tok: Token): string =>
    tok.t === "end" ? "the end of the expression" : tok.t === "name" ? `"${tok.v}"` : `"${tok.t}"`;

  function parseIf(): RawExpr | ExprError {
    const then = parseOr();
    if ("message" in then) return then;
    if (peek().t !== "IF") return then;
    pos++;
    const cond = parseOr();
    if ("message" in cond) return cond;
    if (peek().t === "IF") return { message: 'a second IF is ambiguous; add parentheses, e.g. "(a IF b) IF c"', at: peek().at };
    return { kind: "if", then, cond };
  }
  function parseOr(): RawExpr | ExprError {
    const args: RawExpr[] = [];
    for (;;) {
      const a = parseAnd();
      if ("message" in a) return a;
      args.push(a);
      if (peek().t !== "|") break;
      pos++;
    }
    return args.length === 1 ? args[0]! : { kind: "or", args };
  }
  function parseAnd(): RawExpr | ExprError {
    const args: RawExpr[] = [];
    for (;;) {
      const a = parseUnary();
      if ("message" in a) return a;
      args.push(a);
      if (peek().t !== "&") break;
      pos++;
    }
    return args.length === 1 ? args[0]! : { kind: "and", args };
  }
  function parseUnary(): RawExpr | ExprError {
    const tok = peek();
    if (tok.t === "-") {
      pos++;
      const arg = parseUnary();
      if ("message" in arg) return arg;
      return { kind: "not", arg };
    }
    if (tok.t === "(") {
      pos++;
      const inner = parseIf();
      if ("message" in inner) return inner;
      if (peek().t !== ")") return { message: `expected ")", found ${describe(peek())}`, at: peek().at };
      pos++;
      return inner;
    }
    if (tok.t === "name") {
      pos++;
      if (peek().t !== "=") return { kind: "ref", name: tok.v, at: tok.at };
      pos++;
      const alt = peek();
      if (alt.t !== "name") return { message: `expected an alternative after "${tok.v} =", found ${describe(alt)}`, at: alt.at };
      pos++;
      return { kind: "ref", name: tok.v, at: tok.at, alternative: { name: alt.v, at: alt.at } };
    }
    return { message: `expected an option, "-" or "(", found ${describe(tok)}`, at: tok.at };
  }

  const e = parseIf();
  if ("message" in e) return e;
  if (peek().t === ")") return { message: 'unmatched ")": no "(" opens it', at: peek().at };
  if (peek().t !== "end") return { message: `expected an operator (&, |, IF), found ${describe(peek())}`, at: peek().at };
  return e;
}

/**
 * What a name (or `name = alternative`) stands for: an option's index, an expression
 * (an alternative compiled to its yes/no options), or a message saying why it names
 * nothing — about the name, or (`{ aboutAlternative }`) about the alternative.
 */
export type Lookup = (name: string, alternative?: string) => number | Expr | string | { readonly aboutAlternative: string };

/**
 * Replaces option names by indices. `lookup` resolves each name; a message becomes
 * an "unknown-ref" problem at its offset.
 */
export function resolveExpr(raw: RawExpr, lookup: Lookup): Result<Expr> {
  const r = resolveRaw(raw, lookup);
  return "message" in r ? problem("unknown-ref", r) : ok(r);
}

function resolveRaw(raw: RawExpr, lookup: Lookup): Expr | ExprError {
  switch (raw.kind) {
    case "ref": {
      const r = lookup(raw.name, raw.alternative?.name);
      if (typeof r === "number") return { kind: "option", option: r };
      if (typeof r === "string") return { message: r, at: raw.at };
      if ("aboutAlternative" in r) return { message: r.aboutAlternative, at: raw.alternative?.at ?? raw.at };
      return r;
    }
    case "not": {
      const arg = resolveRaw(raw.arg, lookup);
      return "message" in arg ? arg : { kind: "not", arg };
    }
    case "and":
    case "or": {
      const args: Expr[] = [];
      for (const a of raw.args) {
        const r = resolveRaw(a, lookup);
        if ("message" in r) return r;
        args.push(r);
      }
      return { kind: raw.kind, args };
    }
    case "if": {
      const then = resolveRaw(raw.then, lookup);
      if ("message" in then) return then;
      const cond = resolveRaw(raw.cond, lookup);
      if ("message" in cond) return cond;
      return { kind: "if", then, cond };
    }
  }
}

/** The options an expression mentions, ascending. */
export function exprOptions(e: Expr): number[] {
  const seen = new Set<number>();
  const walk = (x: Expr): void => {
    if (x.kind === "option") seen.add(x.option);
    else if (x.kind === "not") walk(x.arg);
    else if (x.kind === "if") { walk(x.then); walk(x.cond); }
    else x.args.forEach(walk);
  };
  walk(e);
  return [...seen].sort((a, b) => a - b);
}

/**
 * Evaluates an expression on a state given as a predicate on options. Written
 * straight from the definition; the fast path is `toTerms` below.
 */
export function evaluate(e: Expr, taken: (option: number) => boolean): boolean {
  switch (e.kind) {
    case "option": return taken(e.option);
    case "not": return !evaluate(e.arg, taken);
    case "and": return e.args.every((a) => evaluate(a, taken));
    case "or": return e.args.some((a) => evaluate(a, taken));
    case "if": return !evaluate(e.cond, taken) || evaluate(e.then, taken);
  }
}

/** The canonical text of an expression, with option names from `name`. */
export function formatExpr(e: Expr, name: (option: number) => string): string {
  const go = (x: Expr, parentPrec: number): string => {
    let s: string;
    let prec: number;
    switch (x.kind) {
      case "option": return name(x.option);
      // `-(transit = none)`: a name with spaces is an alternative, bracketed under a minus.
      case "not": return x.arg.kind === "option" && name(x.arg.option).includes(" ") ? `-(${name(x.arg.option)})` : `-${go(x.arg, 4)}`;
      case "and": s = x.args.map((a) => go(a, 3)).join(" & "); prec = 3; break;
      case "or": s = x.args.map((a) => go(a, 2)).join(" | "); prec = 2; break;
      case "if": s = `${go(x.then, 2)} IF ${go(x.cond, 2)}`; prec = 1; break;
    }
    return prec <= parentPrec ? `(${s})` : s;
  };
  return go(e, 0);
}

/**
 * A conjunction of literals as bit masks over a state vector split in two 32-bit
 * words (options 0–31 in `lo`, 32–63 in `hi`): a state matches when
 * `(lo & loMask) === loValue && (hi & hiMask) === hiValue`.
 */
export interface Term {
  readonly loMask: number;
  readonly loValue: number;
  readonly hiMask: number;
  readonly hiValue: number;
}

/** Above this many terms a disjunctive normal form is not worth it. */
export const MAX_TERMS = 512;

/**
 * The expression in disjunctive normal form, as terms; `null` if it has more than
 * MAX_TERMS terms. An empty list means "never true"; a term with zero masks, "always".
 */
export function toTerms(e: Expr): Term[] | null {
  // Literal sets as [mask, value] over 64 bits kept as two words.
  type Lit = [number, number, number, number];
  const conj = (a: Lit, b: Lit): Lit | null => {
    // Contradiction when both fix a bit to different values.
    if ((((a[0] & b[0]) >>> 0) & ((a[1] ^ b[1]) >>> 0)) !== 0) return null;
    if ((((a[2] & b[2]) >>> 0) & ((a[3] ^ b[3]) >>> 0)) !== 0) return null;
    return [(a[0] | b[0]) >>> 0, (a[1] | b[1]) >>> 0, (a[2] | b[2]) >>> 0, (a[3] | b[3]) >>> 0];
  };
  const lit = (option: number, value: boolean): Lit => {
    const bit = 2 ** (option % 32);
    const v = value ? bit : 0;
    return option < 32 ? [bit, v, 0, 0] : [0, 0, bit, v];
  };
  // dnf(x, positive) returns the DNF of x (or of not-x when positive is false).
  const dnf = (x: Expr, positive: boolean): Lit[] | null => {
    switch (x.kind) {
      case "option": return [lit(x.option, positive)];
      case "not": return dnf(x.arg, !positive);
      case "if": // then | -cond ; negated: -then & cond
        return dnf({ kind: "or", args: [x.then, { kind: "not", arg: x.cond }] }, positive);
      case "and":
      case "or": {
        const isAnd = (x.kind === "and") === positive;
        const parts: Lit[][] = [];
        for (const a of x.args) {
          const d = dnf(a, positive);
          if (d === null) return null;
          parts.push(d);
        }
        if (!isAnd) {
          const all = parts.flat();
          return all.length > MAX_TERMS ? null : all;
        }
        let acc: Lit[] = [[0, 0, 0, 0]];
        for (const p of parts) {
          const next: Lit[] = [];
          for (const a of acc) for (const b of p) {
            const c = conj(a, b);
            if (c) next.push(c);
          }
          if (next.length > MAX_TERMS) return null;
          acc = next;
        }
        return acc;
      }
    }
  };
  const lits = dnf(e, true);
  if (lits === null) return null;
  return lits.map(([loMask, loValue, hiMask, hiValue]) => ({ loMask, loValue, hiMask, hiValue }));
}
