/**
 * A query built and compiled once per engine, then only bound to each call's
 * values. On the hot reads (a login, a scenario's head, the latest analysis)
 * Kysely's builder and compiler cost more than the database's own work; the SQL
 * text is the same every time, so it is made once (and SQLite's statement cache
 * then reuses the prepared statement).
 *
 * The builder runs once with a marker string in place of each value; the compiled
 * query's parameters say which call value goes where. A builder that puts a value
 * into the SQL text itself (instead of a parameter) is refused when first compiled.
 */
import { CompiledQuery, type Compilable, type Kysely } from "kysely";
import type { Context } from "./context.js";
import type { Schema } from "./schema.js";
import type { Engine } from "./types.js";

type Slot = { readonly arg: number } | { readonly value: unknown };

const marker = (i: number): string => `\u0000concord-arg-${i}\u0000`;

export class Prepared<Row> {
  readonly #compiled = new Map<Engine, { readonly sql: string; readonly slots: readonly Slot[] }>();

  constructor(
    private readonly arity: number,
    private readonly build: (db: Kysely<Schema>, args: readonly string[]) => Compilable<Row>,
  ) {}

  /** The first row for these values (as many as the builder takes), or undefined. */
  async first(ctx: Context, ...args: readonly string[]): Promise<Row | undefined> {
    if (args.length !== this.arity) throw new Error(`prepared query: expected ${this.arity} values, got ${args.length}`);
    const compiled = this.#compiled.get(ctx.engine) ?? this.#compile(ctx);
    const parameters = compiled.slots.map((s) => ("arg" in s ? args[s.arg] : s.value));
    const result = await ctx.db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows[0];
  }

  #compile(ctx: Context): { sql: string; slots: Slot[] } {
    const markers = Array.from({ length: this.arity }, (_, i) => marker(i));
    const { sql, parameters } = this.build(ctx.db, markers).compile();
    const slots = parameters.map((p): Slot => {
      const i = typeof p === "string" ? markers.indexOf(p) : -1;
      return i >= 0 ? { arg: i } : { value: p };
    });
    const missing = markers.findIndex((_, i) => !slots.some((s) => "arg" in s && s.arg === i));
    if (missing >= 0 || sql.includes("\u0000")) throw new Error(`prepared query: a value is not a parameter of ${sql}`);
    const compiled = { sql, slots };
    this.#compiled.set(ctx.engine, compiled);
    return compiled;
  }
}
