// Media storage on an S3-compatible server: s3rver runs in-process on a free port (it checks the
// access key of SigV4 requests, not the signature itself). The adapter's put/get/delete, and the whole loop (upload → report → download, with
// thumbnail, and the clean-up job) with the server configured for S3.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { sweepUnlinkedUploads } from "../src/jobs/sweep-unlinked-uploads.ts";
import { S3Storage } from "../src/media/s3-storage.ts";
import { categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";
import { contains, jpegWithGps, SECRET } from "./real-images.ts";
import { upload, uploadOk } from "./uploads.ts";

const BUCKET = "civicgrid-media";
// s3rver's built-in account
const KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

let server: S3rver;
let s3Dir: string;
let endpoint: string;
let ctx: TestContext;

beforeAll(async () => {
  s3Dir = await mkdtemp(path.join(os.tmpdir(), "civicgrid-s3-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  ctx = await createTestContext(TEST_START, {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: KEYS.accessKeyId,
    S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
  });
});
afterAll(async () => {
  await ctx?.close();
  await server?.close();
  if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
});

const adapter = () => new S3Storage({ endpoint, bucket: BUCKET, region: "us-east-1", ...KEYS });

describe("S3 adapter", () => {
  it("puts, gets, streams and deletes objects; a missing object is null, deleting it is fine", async () => {
    const s3 = adapter();
    const bytes = Buffer.from("photo bytes \u0000\u00ff", "latin1");
    await s3.put("probe/2026/a.bin", bytes, "application/octet-stream");
    expect((await s3.get("probe/2026/a.bin"))?.equals(bytes)).toBe(true);
    const stream = await s3.stream("probe/2026/a.bin");
    const chunks: Buffer[] = [];
    for await (const c of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await s3.put("probe/2026/a.bin", Buffer.from("replaced"), "text/plain");
    expect((await s3.get("probe/2026/a.bin"))?.toString()).toBe("replaced");
    await s3.delete("probe/2026/a.bin");
    expect(await s3.get("probe/2026/a.bin")).toBeNull();
    expect(await s3.stream("probe/2026/a.bin")).toBeNull();
    await s3.delete("probe/2026/a.bin");
    await expect(s3.put("../escape", bytes, "text/plain")).rejects.toThrow(/storage key/);
  });

  it("an unknown access key is refused by the server, and the error says so", async () => {
    const wrong = new S3Storage({ endpoint, bucket: BUCKET, region: "us-east-1", ...KEYS, accessKeyId: "NOPE" });
    await expect(wrong.put("probe/b.bin", Buffer.from("x"), "text/plain")).rejects.toThrow(
      /HTTP 403.*InvalidAccessKeyId/s,
    );
    await expect(wrong.get("probe/b.bin")).rejects.toThrow(/HTTP 403/);
  });

  it("a missing bucket is an error, not an empty answer", async () => {
    const none = new S3Storage({ endpoint, bucket: "no-such-bucket", region: "us-east-1", ...KEYS });
    await expect(none.put("probe/c.bin", Buffer.from("x"), "text/plain")).rejects.toThrow(/NoSuchBucket/);
  });
});

describe("with S3 configured", () => {
  it("the services use S3, and nothing is written under DATA_DIR/media", async () => {
    expect(ctx.services.storage.kind).toBe("s3");
  });

  it("upload → report → download: original and thumbnail come from the bucket, cleaned", async () => {
    const grid = await ctx.login("yuhua_grid01");
    const input = await jpegWithGps(1280, 960);
    const res = await upload(ctx, grid, [{ data: input }]);
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    const row = await ctx.services.db
      .selectFrom("attachments")
      .selectAll()
      .where("id", "=", photo.id)
      .executeTakeFirstOrThrow();
    // the objects are in the bucket, read back with an independent client
    const inBucket = await adapter().get(row.storage_key as string);
    expect(inBucket?.length).toBe(photo.size);
    expect(contains(inBucket as Buffer, SECRET)).toBe(false);
    expect(await adapter().get(row.thumb_key as string)).not.toBeNull();

    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const created = await report(ctx, grid, {
      description: "路灯不亮",
      ...point,
      categoryCode: category.code,
      source: "grid",
      photoIds: [photo.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const station = await ctx.login("yuhua_station");
    const detail = (await ctx.api(station, { method: "GET", url: `/api/v1/cases/${created.json().id}` })).json();
    expect(detail.photos).toEqual([expect.objectContaining({ id: photo.id, thumbnailUrl: photo.thumbnailUrl })]);

    const full = await ctx.api(station, { method: "GET", url: photo.url });
    expect(full.statusCode).toBe(200);
    expect(full.headers["content-type"]).toBe("image/jpeg");
    expect(full.rawPayload.equals(inBucket as Buffer)).toBe(true);
    const thumb = await ctx.api(station, { method: "GET", url: photo.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers["content-type"]).toBe("image/webp");
    expect(Number(thumb.headers["content-length"])).toBe(thumb.rawPayload.length);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([320, 240]);
    expect(thumb.rawPayload.length).toBeLessThan(full.rawPayload.length);

    const local = await readdir(path.join(ctx.dataDir, "media")).catch(() => []);
    expect(local).toEqual([]);
  });

  it("the clean-up job deletes unlinked uploads from the bucket", async () => {
    const grid = await ctx.login("yuhua_grid01");
    const id = await uploadOk(ctx, grid, await jpegWithGps(64, 48));
    const row = await ctx.services.db
      .selectFrom("attachments")
      .select(["storage_key", "thumb_key"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    ctx.clock.advance(25 * 3600_000);
    expect((await sweepUnlinkedUploads({ services: ctx.services })).deleted).toBe(1);
    expect(await adapter().get(row.storage_key as string)).toBeNull();
    expect(await adapter().get(row.thumb_key as string)).toBeNull();
  });
});

describe("S3 configuration", () => {
  it("is all or none, checked at boot", () => {
    const full = {
      S3_ENDPOINT: "http://minio:9000",
      S3_BUCKET: "media",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(loadConfig(full).S3_REGION).toBe("us-east-1");
    expect(loadConfig({}).S3_ENDPOINT).toBeUndefined();
    expect(() => loadConfig({ S3_BUCKET: "media" })).toThrow(ConfigError);
    expect(() => loadConfig({ S3_REGION: "cn-north-1" })).toThrow(/missing S3_ENDPOINT/);
    expect(() => loadConfig({ ...full, S3_SECRET_ACCESS_KEY: "" })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...full, S3_ENDPOINT: "minio:9000" })).toThrow(ConfigError);
  });
});
