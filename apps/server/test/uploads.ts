// Multipart bodies for the upload tests, built by hand so that every oddity (wrong field, two files,
// a lying file name) can be sent.
import { randomBytes } from "node:crypto";
import type { TestContext } from "./harness.ts";

export interface FilePart {
  name?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function multipart(parts: (FilePart | { field: string; value: string })[]) {
  const boundary = `----civicgrid${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("field" in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name ?? "file"}"; filename="${p.filename ?? "photo.jpg"}"\r\n` +
            `Content-Type: ${p.contentType ?? "image/jpeg"}\r\n\r\n`,
        ),
        p.data,
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(ctx: TestContext, token: string | null, parts: Parameters<typeof multipart>[0]) {
  const { payload, headers } = multipart(parts);
  return ctx.api(token, { method: "POST", url: "/api/v1/attachments", payload, headers });
}

/** Upload one file and insist on success; returns the photo's id. */
export async function uploadOk(ctx: TestContext, token: string, data: Buffer): Promise<string> {
  const res = await upload(ctx, token, [{ data }]);
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
