/**
 * @concord/storage/testing — the harness that tests and benchmarks in this repository
 * share: a throwaway PostgreSQL server and writer processes. TypeScript run through tsx;
 * not built and not in the packed package.
 */
export { startThrowawayPostgres, type ThrowawayPostgres, type ThrowawayOptions } from "./throwaway-postgres.js";
export { startWriters, type Writers, type WriterReport } from "./run-writers.js";
