// Duplicates (并案) through the HTTP API: candidates keep to the category's radius and window and to
// the caller's jurisdiction; the one-click merge writes the state, its event and the me-too count in
// one transaction, refuses closed cases and stays consistent under concurrent merges; closing the
// surviving case tells every reporter of the merged cases and every "me too" caller.
import { duplicateRuleFor } from "@civicgrid/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutcomeNotices } from "../src/jobs/deliver-outcome-notices.ts";
import { act, actOk, CHANGDA, categoryRoutedTo, pointIn, report } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const YUHUA = "210303003003";
const STATION = `${YUHUA}-station`;

let ctx: TestContext;
/** Tokens are taken afresh: the tests move the clock past a session's idle time. */
const GRID = "yuhua_grid01";
const CENTRE = "bajiazi_center";
const AGENT = "hotline_agent";
/** In the east of Yuhua: 380 m west and 80 m east of it are still in Yuhua (grids 04 and 01). */
const point = { lat: 41.1193, lng: 122.9655 };
let category: string;
let radiusM: number;
let windowDays: number;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const m of [-400, 0, 80]) expect(ctx.services.places.locate(point.lat, east(m).lng)?.community).toBe(YUHUA);
  category = (await categoryRoutedTo(ctx, "territorial", "community")).code;
  ({ radiusM, windowDays } = duplicateRuleFor(category));
});
afterAll(async () => ctx?.close());

/** Points `m` metres north or east of the Yuhua point (still in Yuhua for the distances used here). */
const north = (m: number) => ({ lat: point.lat + m / 111_195, lng: point.lng });
const east = (m: number) => ({
  lat: point.lat,
  lng: point.lng + m / (111_195 * Math.cos((point.lat * Math.PI) / 180)),
});
const get = async (user: string, url: string) => ctx.api(await ctx.login(user), { method: "GET", url });
const actAs = async (user: string, id: string, action: string, body: Record<string, unknown>) =>
  act(ctx, await ctx.login(user), id, action, body);

async function newCase(description: string, where = point, user = GRID, extra: Record<string, unknown> = {}) {
  const res = await report(ctx, await ctx.login(user), {
    description,
    ...where,
    categoryCode: category,
    source: user === AGENT ? "hotline" : "grid",
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

describe("candidates", () => {
  let original: { id: string; code: string };
  let reReport: { id: string; code: string };
  let unrelated: { id: string; code: string };
  let far: { id: string; code: string };
  let old: { id: string; code: string };

  beforeAll(async () => {
    old = await newCase("裕华社区7号楼北侧下水道堵塞,污水外溢到人行道上");
    ctx.clock.advance((windowDays + 1) * 86_400_000);
    original = await newCase("裕华社区7号楼北侧下水道堵塞,污水外溢到人行道上,气味很大");
    unrelated = await newCase("裕华社区7号楼楼道里堆放杂物,影响消防通道", east(20));
    far = await newCase("7号楼北侧下水道堵塞,污水外溢,气味很大", east(-(radiusM + 80)));
    ctx.clock.advance(2 * 86_400_000);
    reReport = await newCase("7号楼北边的下水道又堵了,污水流到人行道,气味难闻", east(60));
  });

  it("in the dispatch view: near, recent, similar text; not itself, not a different problem, not too far or old", async () => {
    const res = await get(CENTRE, `/api/v1/cases/${reReport.id}/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(ids(res)).toEqual([original.id]);
    expect(body.radiusM).toBe(radiusM);
    expect(body.windowDays).toBe(windowDays);
    const first = body.items[0];
    expect(first.why.distanceM).toBeGreaterThan(55);
    expect(first.why.distanceM).toBeLessThan(65);
    expect(first.why.textScore).toBeGreaterThanOrEqual(body.threshold);
    expect(first.why.sharedWords.join(" ")).toContain("下水道");
    expect(first.likelyDuplicate).toBe(true);
    // the window runs both ways: the original sees its later re-report
    expect(ids(await get(CENTRE, `/api/v1/cases/${original.id}/duplicates`))).toContain(reReport.id);
    for (const id of [unrelated.id, far.id, old.id]) expect(ids(res)).not.toContain(id);
  });

  it("while a report is written (phone, desk): the same candidates, for those who may report", async () => {
    const q = `lat=${point.lat}&lng=${point.lng}&categoryCode=${category}&text=${encodeURIComponent("7号楼北侧下水道堵塞,污水外溢")}`;
    const res = await get(GRID, `/api/v1/cases/duplicates?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(ids(res)).toContain(original.id);
    expect(ids(res)).not.toContain(unrelated.id);
    // the hotline desk's similar list marks the duplicate candidates among its looser matches
    const similar = (await get(AGENT, `/api/v1/cases/similar?${q}`)).json().items as {
      id: string;
      likelyDuplicate: boolean;
    }[];
    expect(similar.find((s) => s.id === original.id)?.likelyDuplicate).toBe(true);
    expect((await get(GRID, `/api/v1/cases/duplicates?${q}&limit=11`)).statusCode).toBe(400);
    expect((await get(GRID, `/api/v1/cases/duplicates?lat=${point.lat}&lng=${point.lng}`)).statusCode).toBe(400);
    expect((await get("leader", `/api/v1/cases/duplicates?${q}`)).statusCode).toBe(403);
  });

  it("respects jurisdiction: another district sees none and gets 404 for the case; a department only its own", async () => {
    const q = `lat=${point.lat}&lng=${point.lng}&categoryCode=${category}&text=${encodeURIComponent("7号楼北侧下水道堵塞")}`;
    const tiedong = "tiedong_center";
    expect((await get(tiedong, `/api/v1/cases/${reReport.id}/duplicates`)).statusCode).toBe(404);
    const dept = "tiexi_urban";
    expect(ids(await get(dept, `/api/v1/cases/duplicates?${q}`))).toEqual([]);
    await actOk(ctx, "bajiazi_center", original.id, "register");
    await actOk(ctx, "bajiazi_center", original.id, "dispatch", { unitCode: "210303000000-urban_management" });
    expect(ids(await get(dept, `/api/v1/cases/duplicates?${q}`))).toEqual([original.id]);
  });
});

describe("merge", () => {
  it("one click: merged state, its event, the me-too count in detail and list, in one transaction", async () => {
    const survivor = await newCase("裕华社区3号楼前路灯不亮已经一周");
    const dup = await newCase("3号楼前面的路灯一直不亮", north(30), AGENT, { reporter: { phone: "13900001111" } });
    // a caller already joined the duplicate: they count too
    const called = await ctx.api(await ctx.login(AGENT), {
      method: "POST",
      url: `/api/v1/cases/${dup.id}/callers`,
      payload: { name: "赵先生", phone: "13900002222", note: "同一盏路灯" },
    });
    expect(called.statusCode, called.body).toBe(200);
    const merged = await actOk(ctx, "bajiazi_center", dup.id, "merge", { targetId: survivor.id });
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: survivor.id });
    const events = await ctx.services.db
      .selectFrom("case_events")
      .select(["action", "from_status", "to_status", "data"])
      .where("case_id", "=", dup.id)
      .orderBy("seq")
      .execute();
    const last = events[events.length - 1];
    expect(last).toMatchObject({ action: "merge", from_status: "reported", to_status: "merged" });
    expect((last!.data as { input: { targetId: string } }).input.targetId).toBe(survivor.id);
    const detail = (await get(CENTRE, `/api/v1/cases/${survivor.id}`)).json();
    expect(detail.counters.meToo).toBe(2);
    expect(detail.mergedCases.map((m: { id: string }) => m.id)).toEqual([dup.id]);
    const list = await get(CENTRE, `/api/v1/cases?q=${encodeURIComponent(survivor.code)}`);
    const row = (list.json().items as { id: string; meTooCount: number }[]).find((c) => c.id === survivor.id);
    expect(row?.meTooCount).toBe(2);
  });

  it("refuses a closed case (409) and a closed, merged or out-of-jurisdiction target (422)", async () => {
    const closed = await caseClosed("裕华社区9号楼前井盖缺失");
    const open = await newCase("9号楼前井盖缺失了", north(10));
    const refused = await actAs(CENTRE, closed.id, "merge", { targetId: open.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("ILLEGAL_TRANSITION");
    const intoClosed = await actAs(CENTRE, open.id, "merge", { targetId: closed.id });
    expect(intoClosed.statusCode).toBe(422);
    expect(intoClosed.json().error.code).toBe("INVALID_MERGE_TARGET");
    const elsewhere = await newCase("长大社区路灯不亮", await pointIn(ctx, CHANGDA), AGENT);
    const outside = await actAs(CENTRE, open.id, "merge", { targetId: elsewhere.id });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe("INVALID_MERGE_TARGET");
  });

  it("a case returned by its unit as a duplicate can be merged from there", async () => {
    const survivor = await newCase("裕华社区11号楼垃圾桶满溢");
    const dup = await newCase("11号楼垃圾桶满了没人清", north(15));
    await actOk(ctx, "bajiazi_center", dup.id, "register");
    await actOk(ctx, "bajiazi_center", dup.id, "dispatch", { unitCode: STATION });
    await actOk(ctx, "yuhua_station", dup.id, "return", { reason: "与已受理案件重复", reasonCode: "duplicate" });
    expect((await actOk(ctx, "bajiazi_center", dup.id, "merge", { targetId: survivor.id })).status).toBe("merged");
  });

  it("concurrent merges: crossing merges leave no cycle; repeated merges count once", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await newCase(`并发并案A${round}:路面塌陷`);
      const b = await newCase(`并发并案B${round}:路面塌陷`, north(5));
      const [ab, ba] = await Promise.all([
        actAs(CENTRE, a.id, "merge", { targetId: b.id }),
        actAs(CENTRE, b.id, "merge", { targetId: a.id }),
      ]);
      const codes = [ab, ba].map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(200);
      expect([409, 422]).toContain(codes[1]);
      const rows = await ctx.services.db
        .selectFrom("cases")
        .select(["id", "status", "merged_into_id", "me_too_count"])
        .where("id", "in", [a.id, b.id])
        .execute();
      expect(rows.filter((r) => r.status === "merged")).toHaveLength(1);
      const survivor = rows.find((r) => r.status !== "merged");
      expect(survivor?.merged_into_id).toBeNull();
      expect(survivor?.me_too_count).toBe(1);
    }
    const target = await newCase("并发并案:同一目标");
    const dup = await newCase("并发并案:同一重复件", north(5));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => actAs(CENTRE, dup.id, "merge", { targetId: target.id })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) expect(r.json().error.code).toBe("ILLEGAL_TRANSITION");
    const row = await ctx.services.db
      .selectFrom("cases")
      .select("me_too_count")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.me_too_count).toBe(1);
  });
});

describe("everyone is told the outcome", () => {
  it("closing the survivor queues one notice per reporter and caller, delivered after the commit", async () => {
    const survivor = await newCase("裕华社区15号楼东侧路面坑洼积水");
    const byPhone = await newCase("15号楼东边路面有坑,下雨积水", north(20), AGENT, {
      reporter: { name: "钱女士", phone: "13900003333" },
    });
    const byStaff = await newCase("15号楼东侧路面坑洼", north(25));
    const chain = await newCase("15号楼旁路面积水坑", north(30), AGENT, { reporter: { phone: "13900004444" } });
    await ctx.api(await ctx.login(AGENT), {
      method: "POST",
      url: `/api/v1/cases/${survivor.id}/callers`,
      payload: { name: "孙先生", phone: "13900005555" },
    });
    // chain: `chain` joins `byPhone`, which then joins the survivor
    await actOk(ctx, "bajiazi_center", chain.id, "merge", { targetId: byPhone.id });
    await actOk(ctx, "bajiazi_center", byPhone.id, "merge", { targetId: survivor.id });
    await actOk(ctx, "bajiazi_center", byStaff.id, "merge", { targetId: survivor.id });
    expect((await get(CENTRE, `/api/v1/cases/${survivor.id}`)).json().counters.meToo).toBe(4);

    const closeSeq = await close(survivor.id, "已修补路面并清理积水");
    const notices = await ctx.services.db
      .selectFrom("case_notices")
      .selectAll()
      .where("survivor_id", "=", survivor.id)
      .orderBy("id")
      .execute();
    expect(notices.every((n) => n.close_seq === closeSeq && n.status === "pending")).toBe(true);
    const summary = notices.map((n) => [n.case_id, n.caller_id === null ? "reporter" : "caller", n.channel]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [byPhone.id, "reporter", "sms"],
        [chain.id, "reporter", "sms"],
        [byStaff.id, "reporter", "staff"],
        [survivor.id, "caller", "sms"],
      ]),
    );
    expect(notices).toHaveLength(4);
    // each merged case's timeline says so, in the close's transaction
    for (const id of [byPhone.id, chain.id, byStaff.id]) {
      const last = await ctx.services.db
        .selectFrom("case_events")
        .select(["action", "to_status", "data"])
        .where("case_id", "=", id)
        .orderBy("seq", "desc")
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({ action: "outcome", to_status: "merged" });
      expect((last.data as { survivorId: string }).survivorId).toBe(survivor.id);
    }

    // delivery: a sender that fails once, then works; phones go out opened, staff is shown
    const sent: [string, string][] = [];
    let failOnce = true;
    const sender = {
      async send(phone: string, text: string) {
        if (failOnce) {
          failOnce = false;
          throw new Error("gateway busy");
        }
        sent.push([phone, text]);
      },
    };
    const first = await deliverOutcomeNotices({ services: ctx.services, sender });
    expect(first).toMatchObject({ sent: 2, shown: 1, retried: 1 });
    const second = await deliverOutcomeNotices({ services: ctx.services, sender });
    expect(second).toMatchObject({ sent: 1, shown: 0, retried: 0 });
    expect(sent.map(([p]) => p).sort()).toEqual(["13900003333", "13900004444", "13900005555"]);
    expect(sent[0]?.[1]).toContain(survivor.code);
    expect(sent[0]?.[1]).toContain("已修补路面");
    // idempotent: nothing left to deliver
    expect(await deliverOutcomeNotices({ services: ctx.services, sender })).toMatchObject({ sent: 0, shown: 0 });

    const listed = await get(CENTRE, `/api/v1/cases/${survivor.id}/notices`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().total).toBe(4);
    expect(
      listed
        .json()
        .items.map((n: { status: string }) => n.status)
        .sort(),
    ).toEqual(["sent", "sent", "sent", "shown"]);
    expect(JSON.stringify(listed.json())).not.toContain("13900003333");
    expect((await get("tiedong_center", `/api/v1/cases/${survivor.id}/notices`)).statusCode).toBe(404);
  });

  it("without a sender the phones go to the hotline's call-back list; a portal report shows the outcome", async () => {
    const survivor = await newCase("裕华社区17号楼前树木倒伏挡路");
    const hotline = await newCase("17号楼前大树倒了挡住路", north(20), AGENT, { reporter: { phone: "13900006666" } });
    const portal = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/public/reports",
      payload: { ...north(25), categoryCode: category, description: "17号楼门前有棵树倒了,过不去" },
      remoteAddress: "198.51.100.201",
    });
    expect(portal.statusCode, portal.body).toBe(201);
    const { receipt, code } = portal.json() as { receipt: string; code: string };
    const portalId = (
      await ctx.services.db.selectFrom("cases").select("id").where("code", "=", code).executeTakeFirstOrThrow()
    ).id;
    await actOk(ctx, "bajiazi_center", hotline.id, "merge", { targetId: survivor.id });
    await actOk(ctx, "bajiazi_center", portalId, "merge", { targetId: survivor.id });
    const tracked = async () =>
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/v1/public/reports/${receipt}`,
          remoteAddress: "198.51.100.201",
        })
      ).json();
    expect((await tracked()).mergedInto).toMatchObject({ code: survivor.code, result: null });

    await close(survivor.id, "已清理倒伏树木,道路恢复通行");
    expect(await deliverOutcomeNotices({ services: ctx.services, sender: null })).toMatchObject({
      callback: 1,
      shown: 1,
      sent: 0,
    });
    const t = await tracked();
    expect(t.status).toBe("merged");
    expect(t.mergedInto).toMatchObject({ code: survivor.code, status: "closed" });
    expect(t.mergedInto.result.note).toContain("已清理倒伏树木");
    expect(t.timeline.map((s: { step: string }) => s.step)).toContain("outcome");
  });
});

/** Registers, dispatches, handles and verifies a case; returns the close event's seq. */
async function close(id: string, result: string): Promise<number> {
  await actOk(ctx, "bajiazi_center", id, "register");
  await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: STATION });
  await actOk(ctx, "yuhua_station", id, "accept");
  await actOk(ctx, "yuhua_station", id, "feedback", { note: result });
  const closed = await actOk(ctx, "yuhua_grid01", id, "verify", { pass: true, note: "现场核实" });
  expect(closed.status).toBe("closed");
  return Math.max(...closed.events.map((e: { seq: number }) => e.seq));
}

async function caseClosed(description: string) {
  const c = await newCase(description);
  await close(c.id, "已处置");
  return c;
}
