/**
 * @concord/node — Concord's Node platform adapters: the worker-thread analysis
 * runner, reading input files (bounded, UTF-8) and writing output files whole or not at all.
 */
export { workerRunner } from "./runner.js";
export { analyzeParallel, chooseThreads, closeWorkers, freeCores, PARALLEL_THRESHOLD, type ParallelOptions, type ParallelStats, type PhaseStats } from "./parallel/pool.js";
export {
  contentHash,
  formatBytes,
  ioProblem,
  readBoundedFile,
  readScenarioFile,
  readTextFile,
  writeFiles,
  writeTextFile,
  type FileOptions,
  type OutputFile,
  type ReadOptions,
} from "./files.js";
export { decodeText, firstInvalidUtf8, type TextKind } from "./text.js";
export { robustnessParallel, ROBUSTNESS_PARALLEL_THRESHOLD } from "./parallel/robustness.js";
export { printPdf, pdfPageCount, CHROMIUM, type PdfOptions } from "./pdf.js";
