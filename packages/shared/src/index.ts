export * from "./enums.ts";
export * from "./errors.ts";
export * from "./figures.ts";
export * from "./intelligence.ts";
