import type { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { actorOf } from "../http/auth.ts";
import { readUploadedFile, UPLOAD_LIMITS } from "../http/read-upload.ts";
import { ErrorResponse } from "../http/schemas.ts";
import { presentAttachment } from "../presenters/attachment.ts";
import { getAttachment } from "../use-cases/get-attachment.ts";
import { uploadAttachment } from "../use-cases/upload-attachment.ts";

/** A file body (sent as is, never serialised), documented as binary in OpenAPI. */
const BinaryResponse = Type.Unsafe<Buffer | Readable>({ type: "string", format: "binary" });

const Attachment = Type.Object({
  id: Type.String({ format: "uuid" }),
  contentType: Type.String(),
  size: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.String(),
});

/**
 * Photos. Registered in its own plugin so that only this context parses multipart bodies: every
 * other route keeps refusing them (415) and keeps the 1 MB JSON body limit; uploads have their own
 * limits (one file, 10 MB).
 */
export async function attachmentRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.post(
    "/attachments",
    {
      schema: {
        tags: ["photos"],
        summary: "Upload one photo (JPEG, PNG or WebP, ≤ 10 MB) as multipart field `file`",
        description:
          "The type is checked by the file's bytes. The image is re-encoded without any metadata (EXIF incl. GPS, " +
          "XMP, IPTC, ICC, PNG text), turned upright, capped at 4096 px, and a thumbnail is made. " +
          "Link the photo with `photoIds` on POST /cases or on the feedback action. Send an Idempotency-Key " +
          "header to make retries safe: the same key from the same user returns the same photo.",
        consumes: ["multipart/form-data"],
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) }),
        response: {
          201: Attachment,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const image = await uploadAttachment({
        services,
        actor: actorOf(request),
        readFile: () => readUploadedFile(request),
        idempotencyKey: request.headers["idempotency-key"],
      });
      return reply.status(201).send(presentAttachment(image));
    },
  );

  r.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["photos"],
        summary:
          "A photo's bytes (or its WebP thumbnail with ?size=thumb): for its uploader, or anyone who may read its case",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        querystring: Type.Object(
          { size: Type.Optional(Type.Union([Type.Literal("original"), Type.Literal("thumb")])) },
          { additionalProperties: false },
        ),
        response: {
          200: BinaryResponse,
          304: Type.Null({ description: "Not modified (If-None-Match)" }),
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const image = await getAttachment({
        services,
        actor: actorOf(request),
        id: request.params.id,
        size: request.query.size ?? "original",
      });
      // stored photos never change: a revalidation only needs the ETag
      if (request.headers["if-none-match"] === image.etag) {
        if (!Buffer.isBuffer(image.body)) image.body.destroy();
        return reply.status(304).header("etag", image.etag).header("cache-control", "private, max-age=3600").send(null);
      }
      return reply
        .header("content-type", image.contentType)
        .header("content-length", image.size)
        .header("cache-control", "private, max-age=3600")
        .header("etag", image.etag)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", "inline")
        .send(image.body);
    },
  );
}
