// POST /open311/v2/requests needs an api_key: the key of an active client (403 otherwise).
import { AppError } from "../errors.ts";
import { findActiveClient } from "../open311/api-keys.ts";
import type { Services } from "../services.ts";

export interface Open311Client {
  id: string;
  name: string;
}

export async function authenticateOpen311Client({
  services,
  apiKey,
}: {
  services: Services;
  apiKey: unknown;
}): Promise<Open311Client> {
  const client = typeof apiKey === "string" ? await findActiveClient(services.db, apiKey.trim()) : null;
  if (!client) throw new AppError("OPEN311_API_KEY_INVALID", { param: "api_key" });
  return client;
}
