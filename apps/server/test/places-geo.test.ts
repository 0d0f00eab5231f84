// Places for maps and pickers: the division tree, the district outlines and the grid outlines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const CITY = "210300000000";
const TIEXI = "210303000000";
const BAJIAZI = "210303003000";

let ctx: TestContext;
let token: string;
beforeAll(async () => {
  ctx = await createTestContext();
  token = await ctx.login("yuhua_grid01");
});
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  ctx.api(token, { method: "GET", url: `/api/v1${url}`, headers });

describe("the division tree", () => {
  it("starts at the city and goes down one level at a time with child counts", async () => {
    const top = await get("/divisions");
    expect(top.statusCode).toBe(200);
    expect(top.json().items).toEqual([{ code: CITY, name: "鞍山市", level: "city", parentCode: null, childCount: 7 }]);

    const districts = (await get(`/divisions?parentCode=${CITY}`)).json().items;
    expect(districts).toHaveLength(7);
    expect(districts.map((d: { code: string }) => d.code)).toEqual(
      [...districts.map((d: { code: string }) => d.code)].sort(),
    );
    expect(districts.find((d: { code: string }) => d.code === TIEXI)).toMatchObject({
      name: "铁西区",
      level: "district",
      parentCode: CITY,
      childCount: 9,
    });

    const communities = (await get(`/divisions?parentCode=${BAJIAZI}`)).json().items;
    expect(communities).toHaveLength(11);
    expect(communities.find((c: { code: string }) => c.code === YUHUA)).toMatchObject({
      name: "裕华社区",
      level: "community",
      childCount: 0,
    });
    expect((await get(`/divisions?parentCode=${YUHUA}`)).json().items).toEqual([]);
  });

  it("gives one division with its path from the city", async () => {
    const res = await get(`/divisions/${YUHUA}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: YUHUA,
      name: "裕华社区",
      level: "community",
      parentCode: BAJIAZI,
      path: [
        { code: CITY, name: "鞍山市", level: "city" },
        { code: TIEXI, name: "铁西区", level: "district" },
        { code: BAJIAZI, name: "八家子街道", level: "township" },
        { code: YUHUA, name: "裕华社区", level: "community" },
      ],
    });
  });

  it("unknown codes are 404, malformed ones 400; signed-out callers 401", async () => {
    expect((await get("/divisions/210399999999")).statusCode).toBe(404);
    expect((await get("/divisions/210399999999")).json().error.code).toBe("DIVISION_NOT_FOUND");
    expect((await get("/divisions?parentCode=210399999999")).statusCode).toBe(404);
    expect((await get("/divisions/abc")).statusCode).toBe(400);
    expect((await get("/divisions?parentCode=21030")).statusCode).toBe(400);
    expect((await ctx.api(null, { method: "GET", url: "/api/v1/divisions" })).statusCode).toBe(401);
  });
});

describe("district outlines", () => {
  it("are a long-cached FeatureCollection of the 7 districts with attribution and an ETag", async () => {
    const res = await get("/geo/districts");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("json");
    expect(res.headers["cache-control"]).toMatch(/max-age=\d{5,}/);
    const fc = res.json();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.attribution).toBe("boundaries: AMap/DataV");
    expect(fc.features).toHaveLength(7);
    const tiexi = fc.features.find((f: { properties: { code: string } }) => f.properties.code === TIEXI);
    expect(tiexi.properties).toEqual({ code: TIEXI, name: "铁西区" });
    expect(tiexi.geometry.type).toBe("MultiPolygon");
    const [lng, lat] = tiexi.geometry.coordinates[0][0][0];
    expect(lng).toBeGreaterThan(122);
    expect(lat).toBeGreaterThan(40);

    const again = await get("/geo/districts", { "if-none-match": String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });
});

describe("grid outlines", () => {
  it("of a community and of a township", async () => {
    const community = await get(`/geo/grids?communityCode=${YUHUA}`);
    expect(community.statusCode).toBe(200);
    const fc = community.json();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.length).toBeGreaterThanOrEqual(2);
    for (const f of fc.features) {
      expect(f.type).toBe("Feature");
      expect(f.properties.communityCode).toBe(YUHUA);
      expect(f.properties.code).toMatch(new RegExp(`^${YUHUA}\\d{2}$`));
      expect(f.geometry.type).toBe("MultiPolygon");
    }
    const township = (await get(`/geo/grids?townshipCode=${BAJIAZI}`)).json();
    const count = await ctx.services.db
      .selectFrom("grids")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("community_code", "like", "210303003%")
      .executeTakeFirstOrThrow();
    expect(township.features).toHaveLength(Number(count.n));
    expect(
      new Set(township.features.map((f: { properties: { communityCode: string } }) => f.properties.communityCode)).size,
    ).toBe(11);
  });

  it("one grid; bad filters are 400, unknown codes 404", async () => {
    const code = `${YUHUA}01`;
    const one = await get(`/geo/grids/${code}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ type: "Feature", id: code, properties: { code, communityCode: YUHUA } });
    expect((await get(`/geo/grids/${YUHUA}99`)).json().error.code).toBe("GRID_NOT_FOUND");
    expect((await get(`/geo/grids/${YUHUA}99`)).statusCode).toBe(404);
    expect((await get("/geo/grids/123")).statusCode).toBe(400);
    expect((await get("/geo/grids")).statusCode).toBe(400);
    expect((await get(`/geo/grids?communityCode=${YUHUA}&townshipCode=${BAJIAZI}`)).statusCode).toBe(400);
    // a township code given as a community
    expect((await get(`/geo/grids?communityCode=${BAJIAZI}`)).statusCode).toBe(400);
    expect((await get("/geo/grids?townshipCode=210303999000")).statusCode).toBe(404);
  });
});
