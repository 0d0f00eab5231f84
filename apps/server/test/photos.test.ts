// Photos: uploaded by bytes (not by name), stripped of JPEG metadata, readable by the uploader or by
// whoever may read the case they belong to, linked once by report or feedback in that transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, actOk, categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { buildJpeg, buildPng, buildWebp, exifWithGps } from "./images.ts";
import { upload, uploadOk } from "./uploads.ts";

let ctx: TestContext;
let grid: string;
let body: Record<string, unknown>;

beforeAll(async () => {
  ctx = await createTestContext();
  grid = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "楼道堆放杂物", ...point, categoryCode: category.code, source: "grid" };
});
afterAll(async () => ctx?.close());

const photo = (token: string | null, id: string) => ctx.api(token, { method: "GET", url: `/api/v1/attachments/${id}` });
const attachmentCount = async () =>
  Number(
    (
      await ctx.services.db
        .selectFrom("attachments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("upload", () => {
  it("stores a JPEG without its EXIF (GPS), XMP and IPTC, and serves it to the uploader", async () => {
    const original = buildJpeg();
    const res = await upload(ctx, grid, [{ data: original, filename: "IMG_0001.JPG" }]);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ contentType: "image/jpeg", url: `/api/v1/attachments/${created.id}` });
    expect(created.size).toBeLessThan(original.length);

    const stored = await ctx.services.db
      .selectFrom("attachments")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(stored.data.indexOf("Exif")).toBe(-1);
    expect(stored.data.indexOf(exifWithGps().subarray(6))).toBe(-1);
    expect(stored.data.indexOf("Photoshop")).toBe(-1);
    expect(stored.data.indexOf("GPS")).toBe(-1);
    expect(stored.case_id).toBeNull();

    const got = await photo(grid, created.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/jpeg");
    expect(got.headers["cache-control"]).toMatch(/^private/);
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.rawPayload.equals(stored.data)).toBe(true);
  });

  it("recognises PNG and WebP by their bytes, whatever the name and declared type", async () => {
    const png = await upload(ctx, grid, [{ data: buildPng(), filename: "photo.jpg", contentType: "image/jpeg" }]);
    expect(png.statusCode).toBe(201);
    expect(png.json().contentType).toBe("image/png");
    const webp = await upload(ctx, grid, [{ data: buildWebp(), filename: "x.bin", contentType: "text/plain" }]);
    expect(webp.statusCode).toBe(201);
    expect(webp.json().contentType).toBe("image/webp");
    const got = await photo(grid, webp.json().id);
    expect(got.headers["content-type"]).toBe("image/webp");
  });

  it("an unlinked photo is the uploader's alone", async () => {
    const id = await uploadOk(ctx, grid, buildJpeg());
    for (const username of ["yuhua_station", "bajiazi_center", "city_dispatcher", "auditor"]) {
      const res = await photo(await ctx.login(username), id);
      expect(res.statusCode, username).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
  });
});

describe("bad uploads get a 4xx and store nothing", () => {
  const cases: [string, () => Parameters<typeof upload>[2], number, string][] = [
    [
      "a text file named .jpg",
      () => [{ data: Buffer.from("just some text, honestly a photo"), filename: "photo.jpg" }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "an SVG",
      () => [{ data: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), contentType: "image/svg+xml" }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "a GIF",
      () => [{ data: Buffer.from("GIF89a\x01\x00\x01\x00"), filename: "a.gif" }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "a JPEG whose segments do not hold together",
      () => [{ data: Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 1, 2, 3]) }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["an empty file", () => [{ data: Buffer.alloc(0) }], 415, "UNSUPPORTED_MEDIA_TYPE"],
    [
      "an 11 MB file",
      () => [{ data: Buffer.concat([buildJpeg(), Buffer.alloc(11 * 1024 * 1024, 7)]) }],
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    ["no file, only a field", () => [{ field: "note", value: "hello" }], 400, "VALIDATION_FAILED"],
    ["the file in another field", () => [{ name: "image", data: buildJpeg() }], 400, "VALIDATION_FAILED"],
    ["two files", () => [{ data: buildJpeg() }, { data: buildPng(), filename: "b.png" }], 400, "VALIDATION_FAILED"],
  ];
  for (const [name, parts, status, code] of cases) {
    it(name, async () => {
      const before = await attachmentCount();
      const res = await upload(ctx, grid, parts());
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(await attachmentCount()).toBe(before);
    });
  }

  it("not multipart, not signed in, not allowed to upload", async () => {
    const json = await ctx.api(grid, { method: "POST", url: "/api/v1/attachments", payload: { file: "x" } });
    expect(json.statusCode).toBe(415);
    const raw = (payload: string, contentType: string) =>
      ctx.api(grid, { method: "POST", url: "/api/v1/attachments", payload, headers: { "content-type": contentType } });
    expect((await raw("garbage", "multipart/form-data")).statusCode).toBe(400); // no boundary
    const truncated = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8';
    expect((await raw(truncated, "multipart/form-data; boundary=x")).statusCode).toBe(400);
    expect((await upload(ctx, null, [{ data: buildJpeg() }])).statusCode).toBe(401);
    for (const username of ["leader", "auditor", "sysadmin"]) {
      const res = await upload(ctx, await ctx.login(username), [{ data: buildJpeg() }]);
      expect(res.statusCode, username).toBe(403);
    }
    expect((await photo(grid, "not-a-uuid")).statusCode).toBe(400);
    expect((await photo(grid, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });

  it("JSON routes still refuse multipart bodies and keep their own body limit", async () => {
    const res = await ctx.api(grid, {
      method: "POST",
      url: "/api/v1/cases",
      payload: '--x\r\nContent-Disposition: form-data; name="description"\r\n\r\nhi\r\n--x--\r\n',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe("linking photos to a case", () => {
  it("a report links its photos; the case's readers may fetch them, others may not", async () => {
    const jpeg = await uploadOk(ctx, grid, buildJpeg());
    const png = await uploadOk(ctx, grid, buildPng());
    const created = await report(ctx, grid, { ...body, photoIds: [jpeg, png] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const detail = (await ctx.api(grid, { method: "GET", url: `/api/v1/cases/${id}` })).json();
    expect(detail.photos.map((p: { id: string }) => p.id).sort()).toEqual([jpeg, png].sort());
    for (const p of detail.photos) {
      expect(p).toMatchObject({ stage: "report", url: `/api/v1/attachments/${p.id}` });
      expect(Number.isNaN(Date.parse(p.uploadedAt))).toBe(false);
    }
    for (const username of ["yuhua_station", "bajiazi_center", "tiexi_center", "city_dispatcher", "hotline_agent"]) {
      expect((await photo(await ctx.login(username), jpeg)).statusCode, username).toBe(200);
    }
    for (const username of ["tiedong_center", "jiefang_station", "dept_water", "auditor"]) {
      expect((await photo(await ctx.login(username), jpeg)).statusCode, username).toBe(404);
    }
  });

  it("another user's photo, a photo already linked, or an unknown id → 422, and no case is created", async () => {
    const stationToken = await ctx.login("yuhua_station");
    const theirs = await uploadOk(ctx, stationToken, buildJpeg());
    const mine = await uploadOk(ctx, grid, buildJpeg());
    const linked = await uploadOk(ctx, grid, buildJpeg());
    expect((await report(ctx, grid, { ...body, photoIds: [linked] })).statusCode).toBe(201);

    for (const photoIds of [[mine, theirs], [linked], ["00000000-0000-4000-8000-0000000000aa"]]) {
      const before = await snapshotCounts(ctx);
      const res = await report(ctx, grid, { ...body, photoIds });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe("PHOTO_NOT_FOUND");
      expect(await snapshotCounts(ctx)).toEqual(before);
    }
    // the refused report left my own photo unlinked: it can still be used
    expect((await report(ctx, grid, { ...body, photoIds: [mine] })).statusCode).toBe(201);
  });

  it("at most 9 photos, ids must be uuids", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    expect((await report(ctx, grid, { ...body, photoIds: ids })).statusCode).toBe(400);
    expect((await report(ctx, grid, { ...body, photoIds: ["photo-1"] })).statusCode).toBe(400);
  });

  it("a retried report with the same Idempotency-Key returns the same case with its photos", async () => {
    const id = await uploadOk(ctx, grid, buildJpeg());
    const headers = { "idempotency-key": "photo-report-0001" };
    const first = await report(ctx, grid, { ...body, photoIds: [id] }, headers);
    const again = await report(ctx, grid, { ...body, photoIds: [id] }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
  });

  it("feedback links the handler's photos; a bad photo refuses the whole step", async () => {
    const id = (await report(ctx, grid, body)).json().id as string;
    await actOk(ctx, "bajiazi_center", id, "register");
    await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
    await actOk(ctx, "yuhua_station", id, "accept");
    const station = await ctx.login("yuhua_station");
    const gridPhoto = await uploadOk(ctx, grid, buildJpeg());
    const refused = await act(ctx, station, id, "feedback", { note: "已清理", photoIds: [gridPhoto] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("PHOTO_NOT_FOUND");
    expect((await ctx.api(station, { method: "GET", url: `/api/v1/cases/${id}` })).json().status).toBe("accepted");

    const after = await uploadOk(ctx, station, buildJpeg());
    const done = await actOk(ctx, "yuhua_station", id, "feedback", { note: "已清理", photoIds: [after] });
    expect(done.status).toBe("handled");
    expect(done.photos).toEqual([expect.objectContaining({ id: after, stage: "feedback" })]);
    // the grid worker who verifies on site sees the handler's photo
    expect((await photo(grid, after)).statusCode).toBe(200);
  });
});
