// POST /open311/v2/requests: a service request from a client application becomes a case through
// the one intake (createCase, source `open311`, no staff actor), then the Open311 side is kept:
// the client, a token, media_url and the fields the case has no column for.
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { PostRequestInput } from "../open311/request-input.ts";
import { resolveAddress } from "../open311/resolve-address.ts";
import { loadServices } from "../open311/service-catalogue.ts";
import type { Services } from "../services.ts";
import type { Open311Client } from "./authenticate-open311-client.ts";
import { createCase } from "./create-case.ts";

export interface SubmitOpen311RequestOptions {
  services: Services;
  client: Open311Client;
  input: PostRequestInput;
  ip: string | null;
  /** an extension to the spec: a client's retry with the same key returns the same request */
  idempotencyKey?: string;
}

export interface SubmitOpen311RequestResult {
  row: CaseRow;
  token: string;
  accountId: string | null;
}

export async function submitOpen311Request({
  services,
  client,
  input,
  ip,
  idempotencyKey,
}: SubmitOpen311RequestOptions): Promise<SubmitOpen311RequestResult> {
  const { db, clock } = services;
  const [service] = await loadServices(db, { code: input.service_code });
  if (!service) throw new AppError("OPEN311_SERVICE_NOT_FOUND", { param: "service_code", value: input.service_code });

  const point = await locate(services, input);
  const token = randomBytes(18).toString("base64url");
  const now = clock.now();
  const { row, replayed } = await createCase({
    services,
    actor: null,
    idempotencyKey,
    idempotencyScope: `open311:${client.id}`,
    // the protocol's side row (client, token, media_url…) exists exactly when the case does
    within: async (trx, created) => {
      await trx
        .insertInto("open311_requests")
        .values({
          case_id: created.id,
          client_id: client.id,
          token,
          media_url: input.media_url ?? null,
          email_enc: services.pii.seal("open311_requests.email", input.email),
          device_id: input.device_id ?? null,
          account_id: input.account_id ?? null,
          attributes: JSON.stringify(input.attribute ?? {}),
          created_at: now,
        })
        .execute();
    },
    input: {
      description: input.description || service.name,
      lat: point.lat,
      lng: point.lng,
      categoryCode: service.code,
      address: input.address_string,
      source: "open311",
      reporter: reporterOf(input),
    },
  });

  if (replayed) {
    // the same request again: answer with the token it was given the first time
    const first = await db
      .selectFrom("open311_requests")
      .select("token")
      .where("case_id", "=", row.id)
      .executeTakeFirstOrThrow();
    return { row, token: first.token, accountId: input.account_id ?? null };
  }
  await db.updateTable("open311_clients").set({ last_used_at: now }).where("id", "=", client.id).execute();
  await recordAudit(services, {
    actor: null,
    username: `open311:${client.name}`,
    action: "open311.request.create",
    objectType: "case",
    objectId: row.id,
    outcome: "success",
    ip,
    detail: { clientId: client.id, code: row.code, serviceCode: service.code },
  });
  return { row, token, accountId: input.account_id ?? null };
}

async function locate(services: Services, input: PostRequestInput): Promise<{ lat: number; lng: number }> {
  const hasLat = input.lat !== undefined;
  const hasLong = input.long !== undefined;
  if (hasLat && hasLong) return { lat: input.lat as number, lng: input.long as number };
  // the spec: lat and long are sent together
  if (hasLat || hasLong) throw new AppError("OPEN311_LOCATION_REQUIRED", { param: hasLat ? "long" : "lat" });
  if (!input.address_id && !input.address_string) throw new AppError("OPEN311_LOCATION_REQUIRED");
  const resolved = await resolveAddress(services.db, services.places, {
    addressId: input.address_id,
    addressString: input.address_string,
  });
  if (!resolved) {
    const param = input.address_id ? "address_id" : "address_string";
    throw new AppError("OPEN311_ADDRESS_NOT_RESOLVED", { param, value: input.address_id ?? input.address_string });
  }
  return resolved;
}

/** Family name first for Chinese names (王 + 小明), "First Last" otherwise. */
function reporterOf(input: PostRequestInput): { name?: string; phone?: string } | undefined {
  const first = input.first_name?.trim() ?? "";
  const last = input.last_name?.trim() ?? "";
  const cjk = /[\u4e00-\u9fff]/.test(first + last);
  const name = (cjk ? `${last}${first}` : [first, last].filter(Boolean).join(" ")).slice(0, 50);
  if (!name && !input.phone) return undefined;
  return { ...(name ? { name } : {}), ...(input.phone ? { phone: input.phone } : {}) };
}
