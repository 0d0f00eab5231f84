export * from "./history.ts";
export * from "./inbox.ts";
export * from "./machine.ts";
