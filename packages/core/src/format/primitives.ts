/**
 * The smallest building blocks of the scenario format, shared by the model's schema
 * (schema.ts) and the record's (record-schema.ts). They live apart so that
 * both can import them without an import cycle.
 */
import { z } from "zod";

/** Ids of everything but options may also contain - and . (e.g. `jamnews-2023-12-07`). */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "expected an id: letters, digits, _, - and ., not starting with - or .");

/** A date as YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~ (approximate). Checked in build.ts and record/check.ts. */
export const DateTextSchema = z.union([z.string(), z.int().transform((y) => String(y))]);

export const NoteSchema = z.string().describe("A modelling judgement or remark, in a sentence or two.");
