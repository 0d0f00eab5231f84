// GET /open311/v2/services/{code}: one service, for its definition (no extra attributes today).
import { AppError } from "../errors.ts";
import { loadServices, type ServiceRow } from "../open311/service-catalogue.ts";
import type { Services } from "../services.ts";

export async function getOpen311Service({ services, code }: { services: Services; code: string }): Promise<ServiceRow> {
  const [row] = await loadServices(services.db, { code });
  if (!row) throw new AppError("OPEN311_SERVICE_NOT_FOUND", { param: "service_code", value: code });
  return row;
}
