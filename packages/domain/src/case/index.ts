export * from "./machine.ts";
export * from "./history.ts";
