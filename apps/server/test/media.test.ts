// Media storage (local folder under this test's DATA_DIR): cleaned originals and thumbnails as files,
// metadata stripped from JPEG, PNG and WebP, pixel bombs refused, idempotent uploads, anonymous
// citizens' uploads linked only by their own token, legacy inline rows still served, and the clean-up
// of unlinked uploads.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepUnlinkedUploads } from "../src/jobs/sweep-unlinked-uploads.ts";
import { LocalStorage } from "../src/media/local-storage.ts";
import { readImage } from "../src/media/read-image.ts";
import { storeImage } from "../src/media/store-image.ts";
import { createCase } from "../src/use-cases/create-case.ts";
import { categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { exifWithGps } from "./images.ts";
import { contains, jpegWithGps, pngBomb, pngWithText, rotatedJpeg, SECRET, webpWithExif } from "./real-images.ts";
import { multipart, upload, uploadOk } from "./uploads.ts";

let ctx: TestContext;
let grid: string;
let body: { description: string; lat: number; lng: number; categoryCode: string; source: "grid" };
let jpeg: Buffer;

beforeAll(async () => {
  ctx = await createTestContext();
  grid = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  body = { description: "井盖破损", ...point, categoryCode: category.code, source: "grid" };
  jpeg = await jpegWithGps(1600, 1200);
});
afterAll(async () => ctx?.close());

const mediaDir = () => path.join(ctx.dataDir, "media");
const rowOf = (id: string) =>
  ctx.services.db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const get = (token: string, url: string, headers = {}) => ctx.api(token, { method: "GET", url, headers });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("local storage", () => {
  it("writes the cleaned original and its thumbnail as files under DATA_DIR/media", async () => {
    const res = await upload(ctx, grid, [{ data: jpeg }]);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ contentType: "image/jpeg", width: 1600, height: 1200 });
    const row = await rowOf(created.id);
    expect(row.storage_key).toBe(`photos/2026/11/${created.id}.jpg`);
    expect(row.thumb_key).toBe(`photos/2026/11/${created.id}.thumb.webp`);
    const original = path.join(mediaDir(), row.storage_key as string);
    const thumb = path.join(mediaDir(), row.thumb_key as string);
    expect((await stat(original)).size).toBe(created.size);
    expect((await stat(thumb)).size).toBe(row.thumb_size);
    // no temporary files are left behind by the atomic writes
    expect((await filesUnder(mediaDir())).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const full = await get(grid, created.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers["content-type"]).toBe("image/jpeg");
    expect(full.headers["cache-control"]).toMatch(/^private/);
    expect(Number(full.headers["content-length"])).toBe(created.size);
    const small = await get(grid, created.thumbnailUrl);
    expect(small.statusCode).toBe(200);
    expect(small.headers["content-type"]).toBe("image/webp");
    expect(small.headers["cache-control"]).toMatch(/^private/);
    expect(small.rawPayload.length).toBeLessThan(full.rawPayload.length / 4);
    const meta = await sharp(small.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 240]);
    expect(small.headers.etag).not.toBe(full.headers.etag);

    // revalidation answers 304 without a body
    const again = await get(grid, created.url, { "if-none-match": full.headers.etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await get(grid, `${created.url}?size=huge`)).statusCode).toBe(400);
  });

  it("caps the stored original at 4096 px on its longest side", async () => {
    const big = await sharp({ create: { width: 5000, height: 1000, channels: 3, background: "#369" } })
      .jpeg()
      .toBuffer();
    const created = (await upload(ctx, grid, [{ data: big }])).json();
    expect([created.width, created.height]).toEqual([4096, 819]);
  });

  it("keys never leave the storage folder", async () => {
    const storage = new LocalStorage(mediaDir());
    for (const key of ["../escape", "/etc/passwd", "photos/../../x", "a//b", "A/B", "photos/.hidden", ""]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain"), key).rejects.toThrow(/storage key/);
    }
    expect(await storage.get("photos/none.jpg")).toBeNull();
    expect(await storage.stream("photos/none.jpg")).toBeNull();
    await storage.delete("photos/none.jpg"); // missing is fine
    await storage.put("probe/a.bin", Buffer.from("one"), "application/octet-stream");
    await storage.put("probe/a.bin", Buffer.from("two"), "application/octet-stream");
    expect((await storage.get("probe/a.bin"))?.toString()).toBe("two");
    await storage.delete("probe/a.bin");
    expect(await storage.get("probe/a.bin")).toBeNull();
  });
});

describe("metadata is stripped from every format", () => {
  const gps = exifWithGps().subarray(6);
  const formats: [string, () => Promise<Buffer>, string, string[]][] = [
    ["JPEG with EXIF GPS, XMP and IPTC", () => jpegWithGps(320, 240), "jpeg", ["Exif", "GPS", "Photoshop", "xap"]],
    ["PNG with tEXt and eXIf chunks", () => pngWithText(), "png", ["tEXt", "eXIf", "zTXt", "iTXt", "GPS"]],
    ["WebP with EXIF and XMP chunks", () => webpWithExif(), "webp", ["EXIF", "XMP ", "Exif", "GPSLatitude"]],
  ];
  for (const [name, make, format, markers] of formats) {
    it(name, async () => {
      const input = await make();
      // the test image really carries what must go
      expect(contains(input, SECRET)).toBe(true);
      const created = (await upload(ctx, grid, [{ data: input }])).json();
      const row = await rowOf(created.id);
      for (const key of [row.storage_key, row.thumb_key] as string[]) {
        const stored = (await ctx.services.storage.get(key)) as Buffer;
        expect(contains(stored, SECRET), key).toBe(false);
        expect(contains(stored, gps), key).toBe(false);
        for (const marker of markers) expect(contains(stored, marker), `${key} ${marker}`).toBe(false);
        const meta = await sharp(stored).metadata();
        expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.comments], key).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      }
      expect(
        (await sharp((await ctx.services.storage.get(row.storage_key as string)) as Buffer).metadata()).format,
      ).toBe(format);
    });
  }

  it("a sideways photo is turned upright by its EXIF orientation before the tag is dropped", async () => {
    const created = (await upload(ctx, grid, [{ data: await rotatedJpeg() }])).json();
    expect([created.width, created.height]).toEqual([480, 640]);
    const stored = (await ctx.services.storage.get((await rowOf(created.id)).storage_key as string)) as Buffer;
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([480, 640, undefined]);
    expect(contains(stored, "PhoneCo")).toBe(false);
  });

  it("a decompression bomb is refused before decoding, and nothing is stored", async () => {
    const rows = await snapshotAttachments();
    const files = await filesUnder(mediaDir());
    const res = await upload(ctx, grid, [{ data: pngBomb() }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("IMAGE_TOO_LARGE");
    expect(await snapshotAttachments()).toBe(rows);
    expect(await filesUnder(mediaDir())).toEqual(files);
  });
});

async function snapshotAttachments(): Promise<number> {
  const r = await ctx.services.db
    .selectFrom("attachments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("idempotent uploads", () => {
  it("the same Idempotency-Key from the same user is the same attachment", async () => {
    const headers = { "idempotency-key": "offline-photo-0001" };
    const send = (token: string, data: Buffer) => {
      const mp = multipart([{ data }]);
      return ctx.api(token, {
        method: "POST",
        url: "/api/v1/attachments",
        payload: mp.payload,
        headers: { ...mp.headers, ...headers },
      });
    };
    const before = await snapshotAttachments();
    const filesBefore = (await filesUnder(mediaDir())).length;
    const [a, b] = await Promise.all([send(grid, jpeg), send(grid, jpeg)]);
    const c = await send(grid, jpeg);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
    expect(await snapshotAttachments()).toBe(before + 1);
    // one original and one thumbnail: the loser of a concurrent race removed its objects again
    expect((await filesUnder(mediaDir())).length).toBe(filesBefore + 2);

    // the same key with another file is a client bug
    const other = await send(grid, await jpegWithGps(64, 48));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    // another user's key space is their own
    const station = await send(await ctx.login("yuhua_station"), jpeg);
    expect(station.statusCode).toBe(201);
    expect(station.json().id).not.toBe(a.json().id);
    const bad = await ctx.api(grid, {
      method: "POST",
      url: "/api/v1/attachments",
      headers: { "idempotency-key": "short" },
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe("anonymous citizens' uploads", () => {
  const tokenA = "citizen-token-aaaaaaaaaaaaaaaa";
  const tokenB = "citizen-token-bbbbbbbbbbbbbbbb";
  const anonymousCase = (photoIds: string[], publicToken?: string) =>
    createCase({
      services: ctx.services,
      actor: null,
      input: { ...body, source: "web", photoIds },
      publicToken,
    });

  it("a case created without a staff actor links the photos of the same token", async () => {
    const a1 = await storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken: tokenA } });
    const a2 = await storeImage({ services: ctx.services, bytes: await pngWithText(), owner: { publicToken: tokenA } });
    expect(a1).toMatchObject({ contentType: "image/jpeg", width: 1600, height: 1200 });
    expect(a1.createdAt).toBeInstanceOf(Date);
    const row = await rowOf(a1.id);
    expect(row.uploaded_by).toBeNull();
    expect(row.public_owner).toMatch(/^[0-9a-f]{64}$/);
    expect(row.public_owner).not.toContain(tokenA); // only the hash is kept

    const { row: created } = await anonymousCase([a1.id, a2.id], tokenA);
    for (const id of [a1.id, a2.id]) expect((await rowOf(id)).case_id).toBe(created.id);
    const detail = await get(await ctx.login("yuhua_station"), `/api/v1/cases/${created.id}`);
    expect(detail.json().photos).toHaveLength(2);
    expect((await get(await ctx.login("yuhua_station"), `/api/v1/attachments/${a1.id}?size=thumb`)).statusCode).toBe(
      200,
    );
  });

  it("a public token never links another owner's photos, and a refused report stores nothing", async () => {
    const theirs = await storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken: tokenB } });
    const staffPhoto = await uploadOk(ctx, grid, jpeg);
    const mine = await storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken: tokenA } });
    for (const [photoIds, token] of [
      [[theirs.id], tokenA],
      [[mine.id, theirs.id], tokenA],
      [[staffPhoto], tokenA],
      [[mine.id], undefined],
    ] as const) {
      const before = await snapshotCounts(ctx);
      await expect(anonymousCase([...photoIds], token)).rejects.toMatchObject({ code: "PHOTO_NOT_FOUND" });
      expect(await snapshotCounts(ctx)).toEqual(before);
    }
    // nor may a staff user link a citizen's photo
    const res = await report(ctx, grid, { ...body, photoIds: [mine.id] });
    expect(res.statusCode).toBe(422);
    // the owner still can
    expect((await anonymousCase([mine.id], tokenA)).row.id).toBeTruthy();
    await expect(
      storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken: "short" } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("the same Idempotency-Key from the same token is the same attachment; another token gets its own", async () => {
    const store = (publicToken: string) =>
      storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken }, idempotencyKey: "portal-retry-1" });
    const first = await store(tokenA);
    expect((await store(tokenA)).id).toBe(first.id);
    expect((await store(tokenB)).id).not.toBe(first.id);
  });

  it("readImage serves a photo for a route that decided it is public, original or thumbnail", async () => {
    const image = await storeImage({ services: ctx.services, bytes: jpeg, owner: { publicToken: tokenA } });
    const thumb = await readImage(ctx.services, image.id, "thumb");
    expect(thumb).toMatchObject({ contentType: "image/webp", caseId: null });
    const chunks: Buffer[] = [];
    for await (const c of thumb.body as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).length).toBe(thumb.size);
    const original = await readImage(ctx.services, image.id, "original");
    expect(original).toMatchObject({ contentType: "image/jpeg", size: image.size });
    if (!Buffer.isBuffer(original.body)) original.body.destroy();
    await expect(readImage(ctx.services, "00000000-0000-4000-8000-000000000000", "thumb")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("rows stored before media storage", () => {
  it("are served from their inline bytes; the original stands in for the thumbnail", async () => {
    const legacy = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#f00" } })
      .jpeg()
      .toBuffer();
    const user = await ctx.services.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "yuhua_grid01")
      .executeTakeFirstOrThrow();
    const row = await ctx.services.db
      .insertInto("attachments")
      .values({
        uploaded_by: user.id,
        content_type: "image/jpeg",
        size: legacy.length,
        sha256: "0".repeat(64),
        data: legacy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const suffix of ["", "?size=thumb"]) {
      const res = await get(grid, `/api/v1/attachments/${row.id}${suffix}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/jpeg");
      expect(res.rawPayload.equals(legacy)).toBe(true);
    }
  });
});

describe("clean-up of unlinked uploads", () => {
  it("deletes rows and objects older than 24 h in batches, keeps linked and recent ones, and is idempotent", async () => {
    // start from a known state: everything uploaded so far is older than a day by the end
    const old = await Promise.all([1, 2, 3].map(() => uploadOk(ctx, grid, jpeg)));
    const linkedId = await uploadOk(ctx, grid, jpeg);
    expect((await report(ctx, grid, { ...body, photoIds: [linkedId] })).statusCode).toBe(201);
    ctx.clock.advance(23 * 3600_000);
    const recent = await uploadOk(ctx, await ctx.login("yuhua_grid01"), jpeg);
    ctx.clock.advance(2 * 3600_000);

    const oldKeys = await Promise.all(old.map(async (id) => (await rowOf(id)).storage_key as string));
    const unlinkedOld = await ctx.services.db
      .selectFrom("attachments")
      .select("id")
      .where("case_id", "is", null)
      .where("created_at", "<", new Date(ctx.clock.now().getTime() - 24 * 3600_000))
      .execute();
    expect(unlinkedOld.length).toBeGreaterThanOrEqual(3);

    const first = await sweepUnlinkedUploads({ services: ctx.services, batchSize: 2 });
    expect(first.deleted).toBe(unlinkedOld.length);
    for (const id of old) {
      expect(await ctx.services.db.selectFrom("attachments").select("id").where("id", "=", id).executeTakeFirst()).toBe(
        undefined,
      );
    }
    for (const key of oldKeys) expect(await ctx.services.storage.get(key)).toBeNull();
    // linked and recent photos stay, with their files
    for (const id of [linkedId, recent]) {
      const row = await rowOf(id);
      expect(await ctx.services.storage.get(row.storage_key as string)).not.toBeNull();
      expect(await ctx.services.storage.get(row.thumb_key as string)).not.toBeNull();
    }
    expect((await sweepUnlinkedUploads({ services: ctx.services })).deleted).toBe(0);
    // every remaining file belongs to a remaining row
    const keys = new Set(
      (await ctx.services.db.selectFrom("attachments").select(["storage_key", "thumb_key"]).execute()).flatMap((r) => [
        r.storage_key,
        r.thumb_key,
      ]),
    );
    for (const file of await filesUnder(path.join(mediaDir(), "photos"))) {
      expect(keys.has(path.relative(mediaDir(), file).split(path.sep).join("/")), file).toBe(true);
    }
  });
});
