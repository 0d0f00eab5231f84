export * from "./access/jurisdiction.ts";
export * from "./access/organisation.ts";
export * from "./access/permissions.ts";
export * from "./assessment/index.ts";
export * from "./calendar/index.ts";
export * from "./case/index.ts";
export * from "./intake/similarity.ts";
export * from "./routing/route-case.ts";
