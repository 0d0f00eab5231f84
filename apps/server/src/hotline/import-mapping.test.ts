import { describe, expect, it } from "vitest";
import { checkMapping, parseReceivedTime, suggestMapping } from "./import-mapping.ts";
import { decodeText } from "./read-table-file.ts";

describe("parseReceivedTime", () => {
  const at = (s: string) => parseReceivedTime(s)?.toISOString() ?? null;
  it("reads the usual ways of writing a time, as Anshan wall-clock time (UTC+8)", () => {
    const expected = "2026-11-23T08:30:00.000Z";
    for (const s of [
      "2026-11-23 16:30",
      "2026/11/23 16:30:00",
      "2026-11-23T16:30",
      "2026年11月23日 16时30分",
      "20261123163000",
    ]) {
      expect(at(s), s).toBe(expected);
    }
    expect(at("2026-11-23")).toBe("2026-11-22T16:00:00.000Z");
    expect(at("2026-11-23T08:30:00Z")).toBe(expected);
    expect(at("2026-11-23T16:30:00+08:00")).toBe(expected);
    // Excel serial day 46349.6875 = 2026-11-23 16:30
    expect(at("46349.6875")).toBe(expected);
  });
  it("refuses what is not a time, and impossible dates", () => {
    for (const s of ["", "明天", "2026-02-30 10:00", "2026-11-23 25:00", "23/11/2026"]) expect(at(s), s).toBeNull();
  });
});

describe("suggestMapping", () => {
  it("matches Chinese and English headers, exact names before partial ones, each column once", () => {
    expect(suggestMapping(["工单编号", "来电时间", "联系电话", "事发地址", "诉求内容", "备注"])).toEqual({
      ticketNo: "工单编号",
      receivedAt: "来电时间",
      callerPhone: "联系电话",
      address: "事发地址",
      description: "诉求内容",
    });
    expect(suggestMapping(["Ticket No.", "Caller Phone", "Latitude", "Longitude", "Content"])).toMatchObject({
      ticketNo: "Ticket No.",
      callerPhone: "Caller Phone",
      lat: "Latitude",
      lng: "Longitude",
      description: "Content",
    });
  });
});

describe("checkMapping", () => {
  const headers = ["a", "b", "c", "d"];
  it("accepts required fields and one kind of place", () => {
    expect(() =>
      checkMapping({ ticketNo: "a", receivedAt: "b", description: "c", address: "d" }, headers),
    ).not.toThrow();
  });
  it("names every problem", () => {
    try {
      checkMapping({ ticketNo: "x", lat: "a" }, headers);
      expect.unreachable();
    } catch (err) {
      const fields = (err as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field);
      expect(fields).toEqual(["ticketNo", "receivedAt", "description", "lng"]);
    }
  });
});

describe("decodeText", () => {
  it("tells UTF-8 (with or without BOM), UTF-16 and GBK apart", () => {
    expect(decodeText(Buffer.from("\ufeff工单", "utf8"))).toEqual({ text: "工单", encoding: "utf-8" });
    expect(decodeText(Buffer.from("工单", "utf8"))).toEqual({ text: "工单", encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("工单", "utf16le")])).text).toBe("工单");
    // 工单 in GBK
    expect(decodeText(Buffer.from([0xb9, 0xa4, 0xb5, 0xa5]))).toEqual({ text: "工单", encoding: "gbk" });
  });
});
