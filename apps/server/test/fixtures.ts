// Helpers shared by the integration tests: places inside real grids, categories by how they route,
// and shortcuts for reporting and acting on cases through the HTTP API.
import { expect } from "vitest";
import type { TestContext } from "./harness.ts";

export const YUHUA = "210303003003";
export const CHANGDA = "210302002010";

/** A point inside a grid of the given community (searched on the grid's own bbox). */
export async function pointIn(ctx: TestContext, communityCode: string): Promise<{ lat: number; lng: number }> {
  const grid = await ctx.services.db
    .selectFrom("grids")
    .select(["code", "geometry"])
    .where("community_code", "=", communityCode)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  const ring = grid.geometry[0]?.[0] ?? [];
  const lngs = ring.map((p) => p[0] as number);
  const lats = ring.map((p) => p[1] as number);
  const [minX, maxX, minY, maxY] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  for (let i = 1; i < 400; i++) {
    const lng = minX + ((maxX - minX) * ((i * 37) % 97)) / 97;
    const lat = minY + ((maxY - minY) * ((i * 53) % 89)) / 89;
    if (ctx.services.places.locate(lat, lng)?.grid === grid.code) return { lat, lng };
  }
  throw new Error(`no point found in ${grid.code}`);
}

/** A leaf category routed territorially to the community, or to a department of the given kind. */
export async function categoryRoutedTo(ctx: TestContext, handler: "territorial" | string, level?: string) {
  let q = ctx.services.db
    .selectFrom("responsibility_entries")
    .select(["category_code", "level", "limit_days"])
    .where("handler_kind", "=", handler);
  if (level) q = q.where("level", "=", level);
  const row = await q.orderBy("category_code").executeTakeFirstOrThrow();
  return { code: row.category_code, level: row.level, limitDays: Number(row.limit_days) };
}

export async function report(ctx: TestContext, token: string, body: Record<string, unknown>, headers = {}) {
  return ctx.api(token, { method: "POST", url: "/api/v1/cases", payload: body, headers });
}

export async function act(
  ctx: TestContext,
  token: string,
  id: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  return ctx.api(token, { method: "POST", url: `/api/v1/cases/${id}/actions/${action}`, payload: body });
}

/** Act and insist on success; returns the presented case. */
export async function actOk(ctx: TestContext, username: string, id: string, action: string, body = {}) {
  const res = await act(ctx, await ctx.login(username), id, action, body);
  expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** Row counts that must not move when a request is refused. */
export async function snapshotCounts(ctx: TestContext) {
  const { db } = ctx.services;
  const [cases, events, maxVersion] = await Promise.all([
    db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("case_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("cases")
      .select((eb) => eb.fn.sum<number>("version").as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { cases: Number(cases.n), events: Number(events.n), versions: Number(maxVersion.n ?? 0) };
}
