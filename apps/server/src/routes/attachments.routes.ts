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
const BinaryResponse = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

const Attachment = Type.Object({
  id: Type.String({ format: "uuid" }),
  contentType: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
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
          "The type is checked by the file's bytes. JPEG metadata (EXIF incl. GPS, XMP, IPTC) is removed. " +
          "Link the photo with `photoIds` on POST /cases or on the feedback action.",
        consumes: ["multipart/form-data"],
        response: {
          201: Attachment,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const row = await uploadAttachment({
        services,
        actor: actorOf(request),
        readFile: () => readUploadedFile(request),
      });
      return reply.status(201).send(presentAttachment(row));
    },
  );

  r.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["photos"],
        summary: "A photo's bytes: for its uploader, or anyone who may read its case",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: BinaryResponse, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const row = await getAttachment({ services, actor: actorOf(request), id: request.params.id });
      return reply
        .header("content-type", row.content_type)
        .header("content-length", row.size)
        .header("cache-control", "private, max-age=3600")
        .header("etag", `"${row.sha256}"`)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", "inline")
        .send(row.data);
    },
  );
}
