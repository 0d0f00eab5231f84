// GET /open311/v2/services: the service list, paged by the `page` extension (all fit one page today).
import { loadServices } from "../open311/service-catalogue.ts";
import type { Services } from "../services.ts";

export interface ListOpen311ServicesOptions {
  services: Services;
  page: number;
  pageSize: number;
}

export async function listOpen311Services({ services, page, pageSize }: ListOpen311ServicesOptions) {
  const all = await loadServices(services.db);
  return { rows: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}
