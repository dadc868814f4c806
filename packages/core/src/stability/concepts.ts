import { fail, ok, type Result } from "../problems.js";

/** The solution concepts of the Graph Model for Conflict Resolution that Concord computes. */
export const BASIC_CONCEPTS = ["nash", "gmr", "smr", "seq"] as const;
export type BasicConcept = (typeof BASIC_CONCEPTS)[number];

export const CONCEPT_NAMES: Record<BasicConcept, string> = {
  nash: "Nash stability",
  gmr: "general metarationality",
  smr: "symmetric metarationality",
  seq: "sequential stability",
};

export const CONCEPT_LABELS: Record<BasicConcept, string> = { nash: "Nash", gmr: "GMR", smr: "SMR", seq: "SEQ" };

/** Concepts named in comma-separated text, in the order nash, gmr, smr, seq; a "usage" problem for an unknown one. */
export function parseConcepts(text: string): Result<BasicConcept[]> {
  const usage = (message: string): Result<BasicConcept[]> => fail([{ code: "usage", path: [], message }]);
  const out: BasicConcept[] = [];
  for (const part of text.split(",").map((p) => p.trim().toLowerCase()).filter((p) => p !== "")) {
    if (!(BASIC_CONCEPTS as readonly string[]).includes(part)) return usage(`unknown concept "${part}"; expected some of ${BASIC_CONCEPTS.join(", ")}`);
    if (!out.includes(part as BasicConcept)) out.push(part as BasicConcept);
  }
  if (out.length === 0) return usage(`expected at least one concept of ${BASIC_CONCEPTS.join(", ")}`);
  return ok(BASIC_CONCEPTS.filter((c) => out.includes(c)));
}
