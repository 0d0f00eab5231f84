export * from "./highlight.ts";
export * from "./search-text.ts";
