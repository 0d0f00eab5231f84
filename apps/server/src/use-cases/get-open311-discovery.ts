// GET /open311/v2/discovery: where the endpoint is and what it speaks. The changeset moves when the
// service list does (responsibility-list edits), so clients know when to refresh cached services.
import { sql } from "kysely";
import type { Services } from "../services.ts";

export async function getOpen311Discovery({ services }: { services: Services }): Promise<{ changeset: Date }> {
  const row = await services.db
    .selectFrom("responsibility_entries")
    .select(sql<Date | null>`max(updated_at)`.as("at"))
    .executeTakeFirst();
  return { changeset: row?.at ?? new Date(0) };
}
