import type { FastifyInstance } from "fastify";
import { adminBannedPhoneRoutes } from "./admin-banned-phones.routes.ts";
import { adminOpen311ClientRoutes } from "./admin-open311-clients.routes.ts";
import { adminUnitRoutes } from "./admin-units.routes.ts";
import { adminUserRoutes } from "./admin-users.routes.ts";
import { geoRoutes } from "./geo.routes.ts";
import { securityRoutes } from "./security.routes.ts";

/**
 * Routes added for the staff workbench (issue #3; docs/api-workbench.md): places for maps and
 * pickers, administration of units and accounts (system admin), the role matrix (security admin)
 * and the audit log (auditor).
 */
export async function adminRoutes(app: FastifyInstance) {
  await app.register(geoRoutes);
  await app.register(adminUnitRoutes);
  await app.register(adminUserRoutes);
  await app.register(adminOpen311ClientRoutes);
  await app.register(securityRoutes);
  await app.register(adminBannedPhoneRoutes);
}
