// The big screen's live stream over real HTTP: two screens on different divisions each get exactly
// their division's events within 2 s; the cookie session works; a division outside the viewer's
// area is a 404; a stream ends when its session is revoked or goes idle, and closing it cleans up.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenStreamOf } from "../src/stats/screen-stream.ts";
import { actOk, CHANGDA, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
let base: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => ctx?.close());

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  frames: Frame[];
  comments: string[];
  ended: Promise<void>;
  close: () => void;
  /** waits until `n` frames of `event` arrived (or the timeout) */
  waitFor: (event: string, n: number, ms: number) => Promise<Frame[]>;
}

/** Opens a stream with a real client, parsing the SSE frames as they arrive. */
function openStream(path: string, auth: { bearer?: string; cookie?: string }): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    if (auth.cookie) headers.cookie = `cg_session=${auth.cookie}`;
    const req = http.get(`${base}${path}`, { headers }, (res) => {
      const frames: Frame[] = [];
      const comments: string[] = [];
      let buffer = "";
      let body = "";
      const ended = new Promise<void>((done) => res.on("close", () => done()));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (res.statusCode !== 200) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = "message";
          let data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data += line.slice(6);
          }
          if (data) frames.push({ event, data: JSON.parse(data) });
          cut = buffer.indexOf("\n\n");
        }
      });
      const stream: Stream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        frames,
        comments,
        ended,
        close: () => req.destroy(),
        async waitFor(event, n, ms) {
          const until = Date.now() + ms;
          while (Date.now() < until) {
            const got = frames.filter((f) => f.event === event);
            if (got.length >= n) return got;
            await new Promise((r) => setTimeout(r, 20));
          }
          return frames.filter((f) => f.event === event);
        },
      };
      if (res.statusCode !== 200) {
        res.on("end", () => {
          stream.frames.push({ event: "body", data: JSON.parse(body) });
          resolve(stream);
        });
      } else {
        // resolve once the first comment (": connected") has arrived: the stream is registered
        const check = () => (comments.length ? resolve(stream) : setTimeout(check, 10));
        check();
      }
    });
    req.on("error", reject);
  });
}

async function waitUntil(cond: () => boolean, ms = 2000) {
  const until = Date.now() + ms;
  while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return cond();
}

describe("GET /screen/stream", () => {
  it("each screen gets exactly its division's events, within 2 s", async () => {
    const leader = await ctx.login("leader");
    const tiexi = await ctx.login("tiexi_center");
    // one by bearer token, one by the session cookie as a browser's EventSource sends it
    const a = await openStream(`/api/v1/screen/stream?division=${YUHUA}`, { bearer: tiexi });
    const b = await openStream(`/api/v1/screen/stream?division=${CHANGDA}`, { cookie: leader });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(a.headers["x-accel-buffering"]).toBe("no");
    expect(a.headers["cache-control"]).toContain("no-cache");
    // the security headers of every response are kept on the hijacked one
    expect(a.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(a.headers["x-content-type-options"]).toBe("nosniff");
    expect(screenStreamOf(ctx.services)?.size).toBe(2);

    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const inYuhua = await report(ctx, await ctx.login("yuhua_grid01"), {
      description: "裕华社区路面塌陷",
      ...(await pointIn(ctx, YUHUA)),
      categoryCode: category.code,
      source: "grid",
    });
    expect(inYuhua.statusCode, inYuhua.body).toBe(201);
    const inChangda = await report(ctx, await ctx.login("hotline_agent"), {
      description: "长大社区噪音扰民",
      ...(await pointIn(ctx, CHANGDA)),
      categoryCode: category.code,
      source: "hotline",
    });
    expect(inChangda.statusCode, inChangda.body).toBe(201);
    const yuhuaCase = inYuhua.json();
    await actOk(ctx, "bajiazi_center", yuhuaCase.id, "register");

    const started = Date.now();
    const gotA = await a.waitFor("case", 2, 2000);
    const gotB = await b.waitFor("case", 1, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    // nothing else arrives afterwards
    await new Promise((r) => setTimeout(r, 200));
    expect(a.frames.filter((f) => f.event === "case")).toHaveLength(2);
    expect(b.frames.filter((f) => f.event === "case")).toHaveLength(1);
    expect(gotA.map((f) => [f.data.id, f.data.action, f.data.fromStatus, f.data.status])).toEqual([
      [yuhuaCase.id, "report", null, "reported"],
      [yuhuaCase.id, "register", "reported", "registered"],
    ]);
    expect(gotA[0]?.data).toEqual({
      id: yuhuaCase.id,
      code: yuhuaCase.code,
      lat: yuhuaCase.location?.lat ?? expect.any(Number),
      lng: yuhuaCase.location?.lng ?? expect.any(Number),
      status: "reported",
      fromStatus: null,
      action: "report",
      at: expect.any(String),
      gridCode: yuhuaCase.gridCode,
      communityCode: YUHUA,
      townshipCode: "210303003000",
      districtCode: "210303000000",
      categoryName: expect.any(String),
      overdue: false,
    });
    expect(gotB.map((f) => [f.data.id, f.data.communityCode])).toEqual([[inChangda.json().id, CHANGDA]]);

    // an incident touching a grid of 裕华 reaches that screen only
    ctx.services.events.emit("incident", {
      incidentId: "00000000-0000-4000-8000-0000000000aa",
      code: "YJ20261124001",
      action: "declared",
      status: "active",
      divisionCodes: ["210300000000", "210303000000", "210303003000", YUHUA],
      gridCodes: [`${YUHUA}01`, "21030200200101"],
      at: ctx.clock.now(),
    });
    const incidents = await a.waitFor("incident", 1, 2000);
    expect(incidents.map((f) => f.data)).toEqual([
      {
        id: "00000000-0000-4000-8000-0000000000aa",
        code: "YJ20261124001",
        action: "declared",
        status: "active",
        at: ctx.clock.now().toISOString(),
        gridCodes: [`${YUHUA}01`],
      },
    ]);
    expect(b.frames.filter((f) => f.event === "incident")).toHaveLength(0);

    // closing a screen removes it from the hub
    a.close();
    b.close();
    expect(await waitUntil(() => screenStreamOf(ctx.services)?.size === 0)).toBe(true);
  });

  it("404 for a division outside the viewer's area; 403 without screen:view; 401 without a session", async () => {
    const outside = await openStream(`/api/v1/screen/stream?division=${CHANGDA}`, {
      bearer: await ctx.login("tiexi_center"),
    });
    expect(outside.status).toBe(404);
    expect(outside.frames[0]?.data).toMatchObject({ error: { code: "DIVISION_NOT_FOUND" } });
    const dept = await openStream("/api/v1/screen/stream", { bearer: await ctx.login("dept_water") });
    expect(dept.status).toBe(403);
    const anonymous = await openStream("/api/v1/screen/stream", {});
    expect(anonymous.status).toBe(401);
  });

  it("heartbeats without touching the session, and ends when the session is revoked or idle", async () => {
    const hub = screenStreamOf(ctx.services);
    const token = await ctx.login("bajiazi_center");
    const seen = async () =>
      (
        await ctx.services.db
          .selectFrom("sessions")
          .innerJoin("users", "users.id", "sessions.user_id")
          .select("sessions.last_seen_at")
          .where("users.username", "=", "bajiazi_center")
          .orderBy("sessions.created_at", "desc")
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const s = await openStream("/api/v1/screen/stream", { bearer: token });
    const before = await seen();
    ctx.clock.advance(10 * 60_000);
    await hub?.beat();
    expect(await waitUntil(() => s.comments.includes("heartbeat"))).toBe(true);
    expect(await seen()).toBe(before);
    // idle past SESSION_IDLE_MINUTES (30): the next heartbeat ends the stream
    ctx.clock.advance(25 * 60_000);
    await hub?.beat();
    await s.ended;
    expect(s.frames.at(-1)).toEqual({ event: "end", data: { reason: "session" } });
    expect(hub?.size).toBe(0);

    // revoked: sign out, then the heartbeat ends it
    const fresh = await ctx.login("tiexi_center");
    const t = await openStream("/api/v1/screen/stream", { bearer: fresh });
    const out = await ctx.api(fresh, { method: "POST", url: "/api/v1/auth/logout" });
    expect(out.statusCode).toBeLessThan(300);
    await hub?.beat();
    await t.ended;
    expect(t.frames.at(-1)?.event).toBe("end");
  });
});
