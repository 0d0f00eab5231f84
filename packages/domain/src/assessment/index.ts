// Public API of the assessment indicators (综合评价).
export * from "./grid-worker.ts";
export * from "./indicators.ts";
export * from "./period.ts";
export * from "./ranking.ts";
