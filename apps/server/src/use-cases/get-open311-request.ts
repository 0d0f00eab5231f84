// GET /open311/v2/requests/{id}: one request by its service_request_id (our case code).
import { AppError } from "../errors.ts";
import { type Open311RequestRow, selectOpen311Requests } from "../open311/request-query.ts";
import type { Services } from "../services.ts";

export async function getOpen311Request({
  services,
  id,
}: {
  services: Services;
  id: string;
}): Promise<Open311RequestRow> {
  const row = await selectOpen311Requests(services.db).where("c.code", "=", id).executeTakeFirst();
  if (!row) throw new AppError("OPEN311_REQUEST_NOT_FOUND", { param: "service_request_id", value: id });
  return row;
}
