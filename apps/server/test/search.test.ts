// Smart search (GET /search) and the case list's `q` on the token index (020): Chinese matched as
// substrings of any length, words AND-ed, notes found after a transition writes them, jurisdiction,
// ranking (title before description, newer before older), marks, paging caps, bad input; and the
// index agreeing with the highlighter on the seeded history.
import { highlightRanges, parseSearchQuery } from "@civicgrid/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCaseTexts } from "../src/jobs/index-case-texts.ts";
import { CASE_DOCUMENT_COLUMNS, SYSTEM_EVENT_ACTIONS } from "../src/search/case-document.ts";
import { actOk, CHANGDA, categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
const ids: Record<"A" | "B" | "C" | "D" | "E", string> = { A: "", B: "", C: "", D: "", E: "" };
let codeA = "";

interface Hit {
  id: string;
  code: string;
  score: number;
  highlight: {
    title: { text: string; ranges: [number, number][] };
    address: { text: string; ranges: [number, number][] } | null;
    snippet: { field: string; text: string; ranges: [number, number][] };
    matchedIn: string[];
  };
}

async function search(username: string, query: string) {
  const res = await ctx.api(await ctx.login(username), { method: "GET", url: `/api/v1/search?${query}` });
  return res;
}
async function found(username: string, q: string, extra = "") {
  const res = await search(username, `q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Hit[]).map((h) => h.id);
}
/** 49 one-character words: more lexemes than a query may intersect (MAX_QUERY_LEXEMES) */
const TOO_MANY_WORDS = [
  ..."一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北春夏秋冬金木水火土",
].join(" ");
const marked = (m: { text: string; ranges: [number, number][] }) => m.ranges.map(([a, b]) => m.text.slice(a, b));

beforeAll(async () => {
  ctx = await createTestContext();
  const yuhua = await pointIn(ctx, YUHUA);
  const changda = await pointIn(ctx, CHANGDA);
  const category = (await categoryRoutedTo(ctx, "territorial", "community")).code;
  const create = async (username: string, point: object, body: Record<string, unknown>) => {
    const res = await report(ctx, await ctx.login(username), {
      ...point,
      categoryCode: category,
      source: "grid",
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const a = await create("yuhua_grid01", yuhua, {
    title: "鹦鹉雕塑底座松动",
    description: "裕华广场鹦鹉雕塑的底座松动,有倾倒风险",
    address: "裕华小区麒麟巷8号",
  });
  ids.A = a.id;
  codeA = a.code;
  ctx.clock.advance(10 * 60_000);
  ids.B = (
    await create("jiefang_station", changda, { title: "鹦鹉雕塑掉漆", description: "长大社区鹦鹉雕塑油漆脱落" })
  ).id;
  ctx.clock.advance(50 * 60_000);
  const place = { title: "广场设施损坏", description: "广场东侧的鹦鹉雕塑旁边座椅损坏" };
  ids.C = (await create("yuhua_grid01", yuhua, place)).id;
  ctx.clock.advance(60 * 60_000);
  ids.E = (await create("yuhua_grid01", yuhua, place)).id;
  ids.D = (await create("yuhua_grid01", yuhua, { title: "葫芦形花坛破损", description: "葫芦形花坛边缘破损" })).id;
  await actOk(ctx, "bajiazi_center", ids.D, "register");
  await actOk(ctx, "bajiazi_center", ids.D, "dispatch", { unitCode: `${YUHUA}-station` });
  await actOk(ctx, "yuhua_station", ids.D, "accept");
  await actOk(ctx, "yuhua_station", ids.D, "feedback", { note: "已用琥珀色涂料修补花坛边缘" });
});
afterAll(async () => ctx?.close());

describe("matching", () => {
  it("finds a two-character word inside longer words, in titles and descriptions", async () => {
    expect(new Set(await found("city_dispatcher", "鹦鹉"))).toEqual(new Set([ids.A, ids.B, ids.C, ids.E]));
    expect(new Set(await found("city_dispatcher", "雕塑底座"))).toEqual(new Set([ids.A]));
  });

  it("finds one character, and not characters that stand apart", async () => {
    expect(new Set(await found("city_dispatcher", "鹉"))).toEqual(new Set([ids.A, ids.B, ids.C, ids.E]));
    expect(await found("city_dispatcher", "鹦雕")).toEqual([]);
  });

  it("needs every word of the query", async () => {
    expect(await found("city_dispatcher", "鹦鹉 倾倒")).toEqual([ids.A]);
    expect(await found("city_dispatcher", "鹦鹉 琥珀")).toEqual([]);
  });

  it("finds the coarse address and a note written by a transition, and says where", async () => {
    const res = await search("city_dispatcher", `q=${encodeURIComponent("麒麟巷")}`);
    const [hit] = res.json().items as Hit[];
    expect(hit?.id).toBe(ids.A);
    expect(hit?.highlight.matchedIn).toEqual(["address"]);
    expect(marked(hit!.highlight.address!)).toEqual(["麒麟巷"]);

    const notes = (await search("city_dispatcher", `q=${encodeURIComponent("琥珀色")}`)).json().items as Hit[];
    expect(notes.map((h) => h.id)).toEqual([ids.D]);
    expect(notes[0]?.highlight.snippet.field).toBe("note");
    expect(marked(notes[0]!.highlight.snippet)).toEqual(["琥珀色"]);
  });

  it("finds a case by its full code first, and by the beginning of its serial", async () => {
    const res = await search("city_dispatcher", `q=${codeA.toLowerCase()}`);
    expect(res.json().items[0]).toMatchObject({ id: ids.A, score: 2 });
    const serial = codeA.slice(-6, -1);
    expect(await found("city_dispatcher", `${codeA.slice(3, 12)}${serial}`)).toContain(ids.A);
  });
});

describe("ranking and marks", () => {
  it("puts title matches before description matches, and the newer first among equals", async () => {
    expect(await found("city_dispatcher", "鹦鹉雕塑")).toEqual([ids.B, ids.A, ids.E, ids.C]);
  });

  it("marks the query in the title and the description snippet", async () => {
    const items = (await search("city_dispatcher", `q=${encodeURIComponent("鹦鹉雕塑 倾倒")}`)).json().items as Hit[];
    expect(items).toHaveLength(1);
    expect(marked(items[0]!.highlight.title)).toEqual(["鹦鹉雕塑"]);
    expect(marked(items[0]!.highlight.snippet)).toEqual(["鹦鹉雕塑", "倾倒"]);
    expect(items[0]!.highlight.matchedIn).toEqual(["title", "description"]);
  });
});

describe("jurisdiction and filters", () => {
  it("a district sees only its own district's cases; a department only what it was given", async () => {
    expect(await found("tiexi_center", "鹦鹉雕塑")).toEqual([ids.A, ids.E, ids.C]);
    expect(await found("tiedong_center", "鹦鹉雕塑")).toEqual([ids.B]);
    expect(await found("bajiazi_center", "鹦鹉雕塑")).toEqual([ids.A, ids.E, ids.C]);
    expect(await found("dept_water", "鹦鹉")).toEqual([]);
    expect(await found("sysadmin", "鹦鹉")).toEqual([]);
  });

  it("filters by division, status and report time", async () => {
    expect(await found("city_dispatcher", "鹦鹉", `&divisionCode=${CHANGDA}`)).toEqual([ids.B]);
    expect(await found("city_dispatcher", "花坛", "&status=handled")).toEqual([ids.D]);
    expect(await found("city_dispatcher", "花坛", "&status=reported")).toEqual([]);
    const from = (
      await ctx.services.db.selectFrom("cases").select("reported_at").where("id", "=", ids.C).executeTakeFirstOrThrow()
    ).reported_at;
    const since = `&reportedFrom=${encodeURIComponent(from.toISOString())}`;
    expect(await found("city_dispatcher", "鹦鹉", since)).toEqual([ids.E, ids.C]);
  });

  it("the case list's q matches the same way", async () => {
    const list = async (q: string) =>
      (
        await ctx.api(await ctx.login("city_dispatcher"), {
          method: "GET",
          url: `/api/v1/cases?pageSize=100&q=${encodeURIComponent(q)}`,
        })
      ).json();
    expect(new Set((await list("鹦鹉")).items.map((c: { id: string }) => c.id))).toEqual(
      new Set([ids.A, ids.B, ids.C, ids.E]),
    );
    expect((await list("鹦雕")).total).toBe(0);
    expect((await list(codeA)).items.map((c: { id: string }) => c.id)).toEqual([ids.A]);
    expect((await list("琥珀色")).items.map((c: { id: string }) => c.id)).toEqual([ids.D]);
  });
});

describe("paging and bad input", () => {
  it("pages through the ranked results and counts them", async () => {
    const res = await search("city_dispatcher", `q=${encodeURIComponent("鹦鹉")}&page=2&pageSize=1`);
    expect(res.json()).toMatchObject({ total: 4, totalCapped: false, page: 2, pageSize: 1 });
    expect(res.json().items.map((h: Hit) => h.id)).toEqual([ids.A]);
    const last = await search("city_dispatcher", `q=${encodeURIComponent("鹦鹉")}&page=10&pageSize=50`);
    expect(last.statusCode).toBe(200);
    expect(last.json().items).toEqual([]);
  });

  it("refuses a page size over the cap and pages beyond the ranked pool with 400", async () => {
    for (const query of ["q=x&pageSize=51", "q=x&page=11&pageSize=50", "q=x&pageSize=0"]) {
      const res = await search("city_dispatcher", query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("refuses a missing, empty, over-long or unsearchable query with 400", async () => {
    for (const query of [
      "",
      "q=",
      `q=${"井".repeat(101)}`,
      `q=${encodeURIComponent("！？%_")}`,
      `q=${encodeURIComponent(TOO_MANY_WORDS)}`,
    ]) {
      const res = await search("city_dispatcher", query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe("VALIDATION_FAILED");
    }
    const unauthenticated = await ctx.api(null, { method: "GET", url: "/api/v1/search?q=x" });
    expect(unauthenticated.statusCode).toBe(401);
  });
});

describe("the index", () => {
  it("agrees with the highlighter on the seeded history: a case matches exactly when a mark is found", async () => {
    const db = ctx.handle.owner.db;
    const cases = await db
      .selectFrom("cases")
      .select(CASE_DOCUMENT_COLUMNS)
      .where("search_tokens", "is not", null)
      .orderBy("code")
      .limit(60)
      .execute();
    const events = await db
      .selectFrom("case_events")
      .select(["case_id", "note"])
      .where(
        "case_id",
        "in",
        cases.map((c) => c.id),
      )
      .where("note", "is not", null)
      .where("action", "not in", SYSTEM_EVENT_ACTIONS)
      .execute();
    const textsOf = (c: (typeof cases)[number]) => [
      c.title,
      c.code,
      c.address_area,
      c.description,
      c.result_note,
      c.rating_comment,
      c.last_return_reason,
      ...events.filter((e) => e.case_id === c.id).map((e) => e.note),
    ];
    // queries cut from the cases' own texts at fixed places: 1 to 4 characters, and two-word queries
    const queries = new Set<string>();
    cases.forEach((c, i) => {
      const chars = [...c.description];
      const at = (i * 7) % Math.max(1, chars.length - 4);
      queries.add(chars.slice(at, at + 1 + (i % 4)).join(""));
      queries.add(`${[...c.title].slice(0, 2).join("")} ${chars.slice(at, at + 2).join("")}`);
    });
    let checked = 0;
    for (const q of queries) {
      const parsed = parseSearchQuery(q);
      if (!parsed.tsquery) continue;
      const matched = await sql<{ id: string }>`
        select id from cases where id = any(${cases.map((c) => c.id)}::uuid[]) and search_tokens @@ ${parsed.tsquery}::tsquery`.execute(
        db,
      );
      const byIndex = new Set(matched.rows.map((r) => r.id));
      // every term must be marked somewhere in the case's texts
      const byMarks = new Set(
        cases
          .filter((c) =>
            parsed.terms.every((term) =>
              textsOf(c).some((t) => highlightRanges(t, { ...parsed, terms: [term] }).length > 0),
            ),
          )
          .map((c) => c.id),
      );
      expect(byIndex, q).toEqual(byMarks);
      checked += byIndex.size;
    }
    expect(checked).toBeGreaterThan(queries.size);
  });

  it("rebuilds from the events exactly what intake and transitions wrote, and appends only to indexed cases", async () => {
    const db = ctx.handle.owner.db;
    const tokens = async (id: string) =>
      (await db.selectFrom("cases").select("search_tokens").where("id", "=", id).executeTakeFirstOrThrow())
        .search_tokens;
    const live = await tokens(ids.D);
    expect(live).toContain("琥珀");
    await db.updateTable("cases").set({ search_tokens: null }).where("id", "in", [ids.D, ids.E]).execute();
    // a note on a case not indexed yet waits for the backfill, which reads it from the event
    await actOk(ctx, "bajiazi_center", ids.E, "reject", { reason: "重复上报的瓢虫问题" });
    expect(await tokens(ids.E)).toBeNull();
    expect(await found("city_dispatcher", "瓢虫")).toEqual([]);
    const done = await indexCaseTexts({ db, batchSize: 1 });
    expect(done.cases).toBe(2);
    expect(await tokens(ids.D)).toBe(live);
    expect(await found("city_dispatcher", "瓢虫")).toEqual([ids.E]);
  });
});
