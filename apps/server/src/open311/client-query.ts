// The admin's view of Open311 clients: who created each and how many requests it has sent.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Open311ClientRow } from "../presenters/open311-client.ts";

export function selectOpen311Clients(db: Db) {
  return db
    .selectFrom("open311_clients as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .select([
      "c.id",
      "c.name",
      "c.key_prefix",
      "c.active",
      "c.created_at",
      "u.username as created_by_username",
      "c.last_used_at",
      sql<number>`(select count(*)::int from open311_requests r where r.client_id = c.id)`.as("request_count"),
    ]);
}

export async function findOpen311Client(db: Db, id: string): Promise<Open311ClientRow | undefined> {
  return selectOpen311Clients(db).where("c.id", "=", id).executeTakeFirst();
}
