// Photos: uploaded by bytes (not by name), re-encoded without metadata into media storage, readable by
// the uploader or by whoever may read the case they belong to, linked once by report or feedback in
// that transaction. (Thumbnails, S3, idempotency, citizen uploads and clean-up: media.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, actOk, categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { buildJpeg, exifWithGps } from "./images.ts";
import { jpegWithGps, pngWithText, SECRET, webpWithExif } from "./real-images.ts";
import { upload, uploadOk } from "./uploads.ts";

let ctx: TestContext;
let grid: string;
let body: Record<string, unknown>;
/** a small real camera JPEG (with EXIF GPS), a PNG and a WebP with metadata */
let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;

beforeAll(async () => {
  ctx = await createTestContext();
  grid = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "楼道堆放杂物", ...point, categoryCode: category.code, source: "grid" };
  [jpeg, png, webp] = await Promise.all([jpegWithGps(160, 120), pngWithText(64, 48), webpWithExif(64, 48)]);
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
    const res = await upload(ctx, grid, [{ data: jpeg, filename: "IMG_0001.JPG" }]);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      contentType: "image/jpeg",
      url: `/api/v1/attachments/${created.id}`,
      thumbnailUrl: `/api/v1/attachments/${created.id}?size=thumb`,
      width: 160,
      height: 120,
    });

    const row = await ctx.services.db
      .selectFrom("attachments")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.data).toBeNull();
    expect(row.case_id).toBeNull();
    const stored = (await ctx.services.storage.get(row.storage_key as string)) as Buffer;
    expect(stored.length).toBe(created.size);
    expect(stored.indexOf("Exif")).toBe(-1);
    expect(stored.indexOf(exifWithGps().subarray(6))).toBe(-1);
    expect(stored.indexOf("Photoshop")).toBe(-1);
    expect(stored.indexOf("GPS")).toBe(-1);
    expect(stored.indexOf(SECRET)).toBe(-1);

    const got = await photo(grid, created.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/jpeg");
    expect(got.headers["cache-control"]).toMatch(/^private/);
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.rawPayload.equals(stored)).toBe(true);
  });

  it("recognises PNG and WebP by their bytes, whatever the name and declared type", async () => {
    const pngRes = await upload(ctx, grid, [{ data: png, filename: "photo.jpg", contentType: "image/jpeg" }]);
    expect(pngRes.statusCode).toBe(201);
    expect(pngRes.json().contentType).toBe("image/png");
    const webpRes = await upload(ctx, grid, [{ data: webp, filename: "x.bin", contentType: "text/plain" }]);
    expect(webpRes.statusCode).toBe(201);
    expect(webpRes.json().contentType).toBe("image/webp");
    const got = await photo(grid, webpRes.json().id);
    expect(got.headers["content-type"]).toBe("image/webp");
  });

  it("an unlinked photo is the uploader's alone", async () => {
    const id = await uploadOk(ctx, grid, jpeg);
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
      "IMAGE_CORRUPT",
    ],
    // starts like an image, then is not one: refused, never stored as is
    [
      "a JPEG signature followed by noise",
      () => [{ data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(4096, 0x5a)]) }],
      415,
      "IMAGE_CORRUPT",
    ],
    [
      "a PNG signature followed by noise",
      () => [{ data: Buffer.concat([png.subarray(0, 8), Buffer.alloc(4096, 0x5a)]) }],
      415,
      "IMAGE_CORRUPT",
    ],
    ["half a JPEG", () => [{ data: jpeg.subarray(0, jpeg.length >> 1) }], 415, "IMAGE_CORRUPT"],
    ["an empty file", () => [{ data: Buffer.alloc(0) }], 415, "UNSUPPORTED_MEDIA_TYPE"],
    [
      "an 11 MB file",
      () => [{ data: Buffer.concat([buildJpeg(), Buffer.alloc(11 * 1024 * 1024, 7)]) }],
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    ["no file, only a field", () => [{ field: "note", value: "hello" }], 400, "VALIDATION_FAILED"],
    ["the file in another field", () => [{ name: "image", data: jpeg }], 400, "VALIDATION_FAILED"],
    ["two files", () => [{ data: jpeg }, { data: png, filename: "b.png" }], 400, "VALIDATION_FAILED"],
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
    expect((await upload(ctx, null, [{ data: jpeg }])).statusCode).toBe(401);
    for (const username of ["leader", "auditor", "sysadmin"]) {
      const res = await upload(ctx, await ctx.login(username), [{ data: jpeg }]);
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
    const jpegId = await uploadOk(ctx, grid, jpeg);
    const pngId = await uploadOk(ctx, grid, png);
    const created = await report(ctx, grid, { ...body, photoIds: [jpegId, pngId] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const detail = (await ctx.api(grid, { method: "GET", url: `/api/v1/cases/${id}` })).json();
    expect(detail.photos.map((p: { id: string }) => p.id).sort()).toEqual([jpegId, pngId].sort());
    for (const p of detail.photos) {
      expect(p).toMatchObject({
        stage: "report",
        url: `/api/v1/attachments/${p.id}`,
        thumbnailUrl: `/api/v1/attachments/${p.id}?size=thumb`,
      });
      expect(Number.isNaN(Date.parse(p.uploadedAt))).toBe(false);
    }
    for (const username of ["yuhua_station", "bajiazi_center", "tiexi_center", "city_dispatcher", "hotline_agent"]) {
      expect((await photo(await ctx.login(username), jpegId)).statusCode, username).toBe(200);
    }
    for (const username of ["tiedong_center", "jiefang_station", "dept_water", "auditor"]) {
      expect((await photo(await ctx.login(username), jpegId)).statusCode, username).toBe(404);
    }
  });

  it("another user's photo, a photo already linked, or an unknown id → 422, and no case is created", async () => {
    const stationToken = await ctx.login("yuhua_station");
    const theirs = await uploadOk(ctx, stationToken, jpeg);
    const mine = await uploadOk(ctx, grid, jpeg);
    const linked = await uploadOk(ctx, grid, jpeg);
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
    const id = await uploadOk(ctx, grid, jpeg);
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
    const gridPhoto = await uploadOk(ctx, grid, jpeg);
    const refused = await act(ctx, station, id, "feedback", { note: "已清理", photoIds: [gridPhoto] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("PHOTO_NOT_FOUND");
    expect((await ctx.api(station, { method: "GET", url: `/api/v1/cases/${id}` })).json().status).toBe("accepted");

    const after = await uploadOk(ctx, station, jpeg);
    const done = await actOk(ctx, "yuhua_station", id, "feedback", { note: "已清理", photoIds: [after] });
    expect(done.status).toBe("handled");
    expect(done.photos).toEqual([expect.objectContaining({ id: after, stage: "feedback" })]);
    // the grid worker who verifies on site sees the handler's photo
    expect((await photo(grid, after)).statusCode).toBe(200);
  });
});
