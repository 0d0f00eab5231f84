// Media in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). Requests are signed
// with SigV4 by aws4fetch and addressed path-style (`<endpoint>/<bucket>/<key>`), which every
// S3-compatible server understands without wildcard DNS.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AwsClient } from "aws4fetch";
import { assertValidKey, type MediaStorage } from "./storage.ts";

export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly key: string,
    readonly status: number,
    body: string,
  ) {
    super(`S3 ${operation} ${key}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

export class S3Storage implements MediaStorage {
  readonly kind = "s3" as const;
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(options: S3StorageOptions) {
    // a couple of retries on 5xx/429 (aws4fetch's own backoff), not its default ten: a request waits
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region,
      service: "s3",
      retries: 2,
    });
    this.base = `${options.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}`;
  }

  private urlOf(key: string): string {
    assertValidKey(key); // keys are [a-z0-9._/-]: nothing to escape
    return `${this.base}/${key}`;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.client.fetch(this.urlOf(key), {
      method: "PUT",
      body: bytes,
      headers: {
        "content-type": contentType,
        "content-length": String(bytes.length),
        // a signed payload hash: the server rejects bytes altered on the way
        "x-amz-content-sha256": createHash("sha256").update(bytes).digest("hex"),
      },
    });
    if (!res.ok) throw new S3StorageError("PUT", key, res.status, await res.text());
    await res.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.client.fetch(this.urlOf(key), { method: "GET" });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new S3StorageError("GET", key, res.status, await res.text());
    return Buffer.from(await res.arrayBuffer());
  }

  async stream(key: string): Promise<Readable | null> {
    const res = await this.client.fetch(this.urlOf(key), { method: "GET" });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new S3StorageError("GET", key, res.status, await res.text());
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.urlOf(key), { method: "DELETE" });
    // S3 answers 204 for a missing key too; some compatible servers answer 404
    if (!res.ok && res.status !== 404) throw new S3StorageError("DELETE", key, res.status, await res.text());
    await res.body?.cancel();
  }
}
