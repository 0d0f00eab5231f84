export * from "./history.ts";
export * from "./machine.ts";
