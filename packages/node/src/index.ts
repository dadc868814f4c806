/**
 * @concord/node — Concord's Node platform adapters: the worker-thread analysis
 * runner, reading scenario files and writing output files.
 */
export { workerRunner } from "./runner.js";
export { analyzeParallel, PARALLEL_THRESHOLD, type ParallelOptions } from "./parallel/pool.js";
export { robustnessParallel, ROBUSTNESS_PARALLEL_THRESHOLD } from "./parallel/robustness.js";
export { readTextFile, readScenarioFile, writeFiles, writeTextFile, type FileOptions } from "./files.js";
export { printPdf, pdfPageCount, CHROMIUM, type PdfOptions } from "./pdf.js";
