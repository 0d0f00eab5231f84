// GET /open311/v2/tokens/{token}: requests are created at once, so a token always resolves to its
// service_request_id; it exists for clients written for the spec's batch services.
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export async function resolveOpen311Token({ services, token }: { services: Services; token: string }) {
  const row = await services.db
    .selectFrom("open311_requests as o")
    .innerJoin("cases as c", "c.id", "o.case_id")
    .select(["o.token", "c.code"])
    .where("o.token", "=", token)
    .executeTakeFirst();
  if (!row) throw new AppError("OPEN311_TOKEN_NOT_FOUND", { param: "token", value: token });
  return { token: row.token, serviceRequestId: row.code };
}
