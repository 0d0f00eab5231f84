// Bulk import of 12345 tickets: CSV (UTF-8 with BOM, GBK) and XLSX, a suggested column mapping, every
// row checked, valid rows created as hotline cases with their ticket number, bad rows reported and
// not imported, re-imports never duplicating, mapping errors refused without side effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCells } from "../src/hotline/import-cells.ts";
import { pointIn, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { commitImport, csvText, encodeGbk, uploadImport, xlsxFile } from "./hotline-files.ts";
import { buildPng } from "./images.ts";

let ctx: TestContext;
let agent: string;
let point: { lat: number; lng: number };

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login("hotline_agent");
  point = await pointIn(ctx, YUHUA);
});
afterAll(async () => ctx?.close());

const HEADER = ["工单编号", "受理时间", "来电人", "来电号码", "诉求地址", "纬度", "经度", "问题类别", "诉求内容"];

interface ReportRow {
  line: number;
  ticketNo: string | null;
  status: string;
  caseId?: string;
  caseCode?: string;
  problems: { field: string; code: string; message: string }[];
}

function sampleRows(prefix: string): string[][] {
  return [
    HEADER,
    // a point, a category by name
    [
      `${prefix}-001`,
      "2026-11-23 16:30",
      "张先生",
      "13812340001",
      "",
      String(point.lat),
      String(point.lng),
      "不明井盖异常",
      "裕华社区门口井盖松动",
    ],
    // no point: the address names the community; category by code
    [
      `${prefix}-002`,
      "2026/11/23 17:05:00",
      "李女士",
      "139 1234 0002",
      "铁西区八家子街道裕华社区5号楼",
      "",
      "",
      "M06036",
      "楼道内堆放杂物",
    ],
    // everything wrong
    [`${prefix}-003`, "明天上午", "", "12ab", "", "", "", "不存在的类别", ""],
  ];
}

async function importCsv(data: Buffer, filename = "tickets.csv") {
  const up = await uploadImport(ctx, agent, data, filename);
  expect(up.statusCode, up.body).toBe(201);
  const body = up.json();
  const res = await commitImport(ctx, agent, body.id, body.suggestedMapping);
  expect(res.statusCode, res.body).toBe(200);
  return {
    upload: body,
    result: res.json() as { report: ReportRow[]; counts: Record<string, number>; status: string },
  };
}

describe("upload", () => {
  it("reads a UTF-8 CSV with BOM and suggests the mapping from the Chinese headers", async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(sampleRows("U8")))]);
    const res = await uploadImport(ctx, agent, data);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ format: "csv", encoding: "utf-8", status: "uploaded", rowCount: 3, headers: HEADER });
    expect(body.suggestedMapping).toEqual({
      ticketNo: "工单编号",
      receivedAt: "受理时间",
      callerName: "来电人",
      callerPhone: "来电号码",
      address: "诉求地址",
      lat: "纬度",
      lng: "经度",
      category: "问题类别",
      description: "诉求内容",
    });
    expect(body.preview[0][0]).toBe("U8-001");
    const again = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/imports/${body.id}` });
    expect(again.json()).toMatchObject({ id: body.id, status: "uploaded", suggestedMapping: body.suggestedMapping });
    expect(again.json().preview).toHaveLength(3);
  });

  it("keeps the waiting cells sealed and shows the preview with callers' data masked", async () => {
    const rows = sampleRows("PV");
    (rows[1] as string[])[8] = "回电 13812340001 或身份证 21030219900307104X 核实";
    const res = await uploadImport(ctx, agent, Buffer.from(csvText(rows)));
    expect(res.statusCode, res.body).toBe(201);
    const again = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/imports/${res.json().id}` });
    for (const preview of [res.json().preview, again.json().preview] as string[][][]) {
      // name, phone, exact address masked; the rest (ticket, time, category) as in the file
      expect(preview[1]?.slice(0, 5)).toEqual([
        "PV-002",
        "2026/11/23 17:05:00",
        "李**",
        "139****0002",
        "铁西区八家子街道裕华社区***",
      ]);
      expect(preview[0]?.[8]).toBe("回电 138****0001 或身份证 210302********104X 核实");
      expect(preview[0]?.[7]).toBe("不明井盖异常");
    }
    const stored = await ctx.services.db
      .selectFrom("hotline_imports")
      .select(["cells", "cells_enc"])
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.cells).toEqual([]);
    expect(stored.cells_enc).toMatch(/^v1\.1\.a256gcm\./);
    // opened with the key, the sealed value is the file's rows as uploaded
    expect(openCells(ctx.services.pii, stored.cells_enc)).toEqual(rows.slice(1));
  });

  it("refuses what is not a table, too many rows, an empty file, and other roles", async () => {
    const png = await uploadImport(ctx, agent, buildPng(), "photo.png");
    expect(png.statusCode).toBe(422);
    expect(png.json().error.code).toBe("IMPORT_FILE_UNREADABLE");
    const xls = await uploadImport(
      ctx,
      agent,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "old.xls",
    );
    expect(xls.json().error.code).toBe("IMPORT_FILE_UNREADABLE");
    const many = [
      HEADER,
      ...Array.from({ length: 5001 }, (_, i) => [`M-${i}`, "2026-11-23 10:00", "", "", "", "", "", "", "x"]),
    ];
    const tooMany = await uploadImport(ctx, agent, Buffer.from(csvText(many)));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe("IMPORT_TOO_MANY_ROWS");
    expect((await uploadImport(ctx, agent, Buffer.from("工单编号,诉求内容\r\n"))).json().error.code).toBe(
      "IMPORT_FILE_EMPTY",
    );
    const grid = await uploadImport(ctx, await ctx.login("yuhua_grid01"), Buffer.from(csvText(sampleRows("G"))));
    expect(grid.statusCode).toBe(403);
    const notMultipart = await ctx.api(agent, { method: "POST", url: "/api/v1/hotline/imports", payload: { a: 1 } });
    expect(notMultipart.statusCode).toBe(415);
  });
});

describe("commit", () => {
  it("creates the valid rows as hotline cases and reports the bad row without importing it", async () => {
    const before = await snapshotCounts(ctx);
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(sampleRows("CSV")))]);
    const { result } = await importCsv(data);
    expect(result.status).toBe("committed");
    expect(result.counts).toEqual({ created: 2, invalid: 1, duplicate: 0 });
    const [one, two, bad] = result.report;
    expect(one).toMatchObject({ line: 2, ticketNo: "CSV-001", status: "created", problems: [] });
    expect(two).toMatchObject({ line: 3, ticketNo: "CSV-002", status: "created" });
    expect(bad?.status).toBe("invalid");
    expect(bad?.caseId).toBeUndefined();
    const problems = Object.fromEntries((bad?.problems ?? []).map((p) => [p.field, p.code]));
    expect(problems).toMatchObject({
      description: "REQUIRED",
      receivedAt: "INVALID_TIME",
      callerPhone: "INVALID_PHONE",
      category: "UNKNOWN_CATEGORY",
      address: "REQUIRED",
    });
    expect(bad?.problems[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await snapshotCounts(ctx)).cases).toBe(before.cases + 2);

    const cases = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("external_ticket_no", "in", ["CSV-001", "CSV-002", "CSV-003"])
      .orderBy("external_ticket_no")
      .execute();
    expect(cases.map((c) => c.external_ticket_no)).toEqual(["CSV-001", "CSV-002"]);
    expect(cases[0]).toMatchObject({
      source: "hotline",
      status: "reported",
      reporter_name_masked: "张**",
      category_code: "M01023",
    });
    expect(ctx.services.pii.open("cases.reporter_name", cases[0]?.reporter_name_enc)).toBe("张先生");
    expect(cases[0]?.id).toBe(one?.caseId);
    // received 16:30 in Anshan (UTC+8): the time limit runs from then
    expect(cases[0]?.reported_at.toISOString()).toBe("2026-11-23T08:30:00.000Z");
    expect(cases[1]).toMatchObject({
      community_code: YUHUA,
      category_code: "M06036",
      reporter_phone_masked: "139****0002",
    });
    expect(ctx.services.pii.open("cases.reporter_phone", cases[1]?.reporter_phone_enc)).toBe("139 1234 0002");
    const events = await ctx.services.db
      .selectFrom("case_events")
      .selectAll()
      .where("case_id", "=", one!.caseId!)
      .execute();
    expect(events.map((e) => e.action)).toEqual(["report"]);
    // the cells are not kept once imported
    const stored = await ctx.services.db
      .selectFrom("hotline_imports")
      .select(["cells", "cells_enc"])
      .where("status", "=", "committed")
      .execute();
    for (const s of stored) expect(s).toEqual({ cells: [], cells_enc: null });
  });

  it("importing the same file again never duplicates: the rows are reported as already imported", async () => {
    const before = await snapshotCounts(ctx);
    const data = Buffer.from(csvText(sampleRows("CSV")));
    const { result } = await importCsv(data, "tickets-again.csv");
    expect(result.counts).toEqual({ created: 0, invalid: 1, duplicate: 2 });
    expect(result.report[0]).toMatchObject({ status: "duplicate", problems: [{ code: "ALREADY_IMPORTED" }] });
    expect(result.report[0]?.caseCode).toMatch(/^AS-/);
    expect(await snapshotCounts(ctx)).toEqual(before);
  });

  it("reads a GBK CSV (no BOM), as Chinese Excel saves it", async () => {
    const rows = sampleRows("GBK").slice(0, 3);
    const data = encodeGbk(csvText(rows));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(data)).toThrow();
    const { upload, result } = await importCsv(data, "工单.csv");
    expect(upload).toMatchObject({ encoding: "gbk", headers: HEADER, fileName: "工单.csv" });
    expect(result.counts.created).toBe(2);
    const c = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("external_ticket_no", "=", "GBK-002")
      .executeTakeFirstOrThrow();
    expect(c.description).toBe("楼道内堆放杂物");
    expect(ctx.services.pii.open("cases.reporter_name", c.reporter_name_enc)).toBe("李女士");
  });

  it("reads XLSX with real date cells and numbers", async () => {
    const file = await xlsxFile([
      ["Ticket No", "Received", "Caller", "Phone", "Address", "Lat", "Lng", "Category", "Title", "Description"],
      [
        "X-1",
        new Date(Date.UTC(2026, 10, 22, 9, 15)),
        "周先生",
        13612340001,
        "",
        point.lat,
        point.lng,
        "M01023",
        "井盖",
        "井盖缺失",
      ],
      ["X-2", "2026-11-22 09:20", "", "", "裕华社区", "", "", "", "", "噪音扰民"],
      ["X-1", "2026-11-22 09:25", "", "", "", point.lat, point.lng, "", "", "重复的工单编号"],
    ]);
    const up = await uploadImport(ctx, agent, file, "tickets.xlsx");
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ format: "xlsx", encoding: null });
    const mapping = up.json().suggestedMapping;
    expect(mapping).toMatchObject({ ticketNo: "Ticket No", receivedAt: "Received", lat: "Lat", title: "Title" });
    const res = await commitImport(ctx, agent, up.json().id, mapping);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json().report as ReportRow[];
    expect(report.map((r) => r.status)).toEqual(["created", "created", "invalid"]);
    expect(report[2]?.problems.map((p) => p.code)).toEqual(["DUPLICATE_IN_FILE"]);
    const x1 = await ctx.services.db
      .selectFrom("cases")
      .selectAll()
      .where("external_ticket_no", "=", "X-1")
      .executeTakeFirstOrThrow();
    // the Excel cell says 09:15 (wall clock in Anshan)
    expect(x1.reported_at.toISOString()).toBe("2026-11-22T01:15:00.000Z");
    expect(x1).toMatchObject({ title: "井盖", description: "井盖缺失" });
    expect(ctx.services.pii.open("cases.reporter_phone", x1.reporter_phone_enc)).toBe("13612340001");
  });

  it("checks times, places and ambiguous names", async () => {
    const rows = [
      HEADER,
      ["T-1", "2026-11-30 10:00", "", "", "", String(point.lat), String(point.lng), "", "未来的时间"],
      ["T-2", "2024-01-01 10:00", "", "", "", String(point.lat), String(point.lng), "", "太早的时间"],
      ["T-3", "2026-11-23 10:00", "", "", "", "39.9", "116.4", "", "北京的坐标"],
      ["T-4", "2026-11-23 10:00", "", "", "中心社区", "", "", "", "重名的社区"],
      ["T-5", "2026-11-23 10:00", "", "", "", "abc", "122", "", "坐标不是数字"],
      ["T-6", "2026-02-30 10:00", "", "", "", String(point.lat), String(point.lng), "", "不存在的日期"],
      ["T-7", "20261123101500", "", "", "", String(point.lat), String(point.lng), "其他", "重名的类别"],
    ];
    const { result } = await importCsv(Buffer.from(csvText(rows)));
    const codes = result.report.map((r) => r.problems.map((p) => p.code).join(","));
    expect(codes).toEqual([
      "TIME_IN_FUTURE",
      "TIME_TOO_OLD",
      "LOCATION_OUTSIDE_CITY",
      "ADDRESS_NOT_RESOLVED",
      "INVALID_COORDINATES",
      "INVALID_TIME",
      "AMBIGUOUS_CATEGORY",
    ]);
    expect(result.counts).toEqual({ created: 0, invalid: 7, duplicate: 0 });
  });
});

describe("a day of tickets", () => {
  it("imports 300 rows, each its own case with its own code", async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 300 }, (_, i) => [
        `DAY-${i}`,
        "2026-11-23 09:00",
        "",
        "",
        "",
        String(point.lat),
        String(point.lng),
        "",
        `第${i}号来电反映的问题`,
      ]),
    ];
    const started = performance.now();
    const { result } = await importCsv(Buffer.from(csvText(rows)));
    const ms = performance.now() - started;
    expect(result.counts).toEqual({ created: 300, invalid: 0, duplicate: 0 });
    const codes = new Set(result.report.map((r) => r.caseCode));
    expect(codes.size).toBe(300);
    // a few milliseconds per row even on a shared machine: 5,000 rows stay within a minute or two
    expect(ms).toBeLessThan(60_000);
  });
});

describe("mapping errors", () => {
  it("are refused with 4xx and leave the import waiting, with nothing created", async () => {
    const up = await uploadImport(ctx, agent, Buffer.from(csvText(sampleRows("MAP"))));
    const { id, suggestedMapping } = up.json();
    const before = await snapshotCounts(ctx);
    const wrongColumn = await commitImport(ctx, agent, id, { ...suggestedMapping, description: "没有这一列" });
    expect(wrongColumn.statusCode).toBe(422);
    expect(wrongColumn.json().error.code).toBe("IMPORT_MAPPING_INVALID");
    expect(wrongColumn.json().error.details.problems[0]).toMatchObject({ field: "description" });
    const { ticketNo: _t, ...noTicket } = suggestedMapping;
    expect((await commitImport(ctx, agent, id, noTicket)).json().error.details.problems).toEqual([
      { field: "ticketNo", problem: "required" },
    ]);
    const { lat: _a, lng: _b, address: _c, ...noPlace } = suggestedMapping;
    expect((await commitImport(ctx, agent, id, noPlace)).statusCode).toBe(422);
    const { lng: _d, ...halfPoint } = suggestedMapping;
    expect((await commitImport(ctx, agent, id, halfPoint)).statusCode).toBe(422);
    expect((await commitImport(ctx, agent, id, { ...suggestedMapping, colour: "x" })).statusCode).toBe(400);
    expect(await snapshotCounts(ctx)).toEqual(before);
    const still = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/imports/${id}` });
    expect(still.json().status).toBe("uploaded");

    // then a good mapping goes through, once
    expect((await commitImport(ctx, agent, id, suggestedMapping)).statusCode).toBe(200);
    const twice = await commitImport(ctx, agent, id, suggestedMapping);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("IMPORT_ALREADY_COMMITTED");
    const missing = await commitImport(ctx, agent, "00000000-0000-4000-8000-000000000000", suggestedMapping);
    expect(missing.statusCode).toBe(404);
  });
});

describe("history", () => {
  it("lists imports newest first, paginated, with counts and who uploaded", async () => {
    const res = await ctx.api(agent, { method: "GET", url: "/api/v1/hotline/imports?pageSize=2" });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(5);
    expect(page.items[0]).toMatchObject({ uploadedBy: "12345话务员 周敏" });
    expect(Date.parse(page.items[0].uploadedAt)).toBeGreaterThanOrEqual(Date.parse(page.items[1].uploadedAt));
    expect(page.items[0].report).toBeUndefined();
    expect((await ctx.api(agent, { method: "GET", url: "/api/v1/hotline/imports?pageSize=101" })).statusCode).toBe(400);
    const committed = page.items.find((i: { status: string }) => i.status === "committed") ?? page.items[0];
    const one = await ctx.api(agent, { method: "GET", url: `/api/v1/hotline/imports/${committed.id}` });
    expect(one.statusCode).toBe(200);
    const city = await ctx.api(await ctx.login("city_dispatcher"), { method: "GET", url: "/api/v1/hotline/imports" });
    expect(city.statusCode).toBe(200);
    const station = await ctx.api(await ctx.login("yuhua_station"), { method: "GET", url: "/api/v1/hotline/imports" });
    expect(station.statusCode).toBe(403);
  });
});
