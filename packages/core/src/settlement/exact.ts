/**
 * Exact arithmetic on the numbers people type: a decimal such as 33.3 or 1e-7 is
 * read as the integer 333 over 10, so sums, the split fraction and the certificates
 * of Adjusted Winner are exact rather than rounded. Fractions are BigInt pairs.
 */

/** n / d with d > 0. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The shortest decimal that prints as `v`, as digits × 10^−scale. */
function decimal(v: number): { digits: bigint; scale: number } {
  const m = DECIMAL.exec(String(v));
  if (!m) throw new Error(`not a finite number: ${v}`);
  const frac = m[3] ?? "";
  const scale = frac.length - Number(m[4] ?? 0);
  const digits = BigInt(`${m[1]}${m[2]}${frac}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** The numbers as integers over one common power of ten: values[i] = ints[i] / 10^scale exactly. */
export function toIntegers(values: readonly number[]): { ints: bigint[]; scale: number } {
  const parts = values.map(decimal);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  return { ints: parts.map((p) => p.digits * 10n ** BigInt(scale - p.scale)), scale };
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function fraction(n: bigint, d: bigint): Fraction {
  if (d === 0n) throw new Error("zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
/** −1, 0 or 1 as a <, =, > b. */
export const cmp = (a: Fraction, b: Fraction): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const whole = (n: bigint): Fraction => ({ n, d: 1n });

/** Nearest double (exact for the small integers and decimals people type). */
export function toNumber(f: Fraction): number {
  const q = f.n / f.d;
  const r = f.n - q * f.d;
  return Number(q) + Number(r) / Number(f.d);
}

/** "1/6", "170/3", "5". */
export const fractionText = (f: Fraction): string => (f.d === 1n ? `${f.n}` : `${f.n}/${f.d}`);
