import type { FastifyInstance } from "fastify";

/** Routes added for the staff workbench (issue #3); see docs/api-workbench.md. */
export async function workbenchRoutes(_app: FastifyInstance) {}
