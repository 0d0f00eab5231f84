// The portal's photos and the public results wall. Its own plugin, so that only this context parses
// multipart bodies (like the staff uploads).
import type { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { readUploadedFile, UPLOAD_LIMITS } from "../http/read-upload.ts";
import { ErrorResponse, PageQuery } from "../http/schemas.ts";
import type { ImageContent } from "../media/read-image.ts";
import { presentPublicResult } from "../presenters/public-result.ts";
import { byIp, publicLimit } from "../public/limits.ts";
import { getPublicPhoto } from "../use-cases/get-public-photo.ts";
import { listPublicResults, MAX_WALL_PAGE_SIZE } from "../use-cases/list-public-results.ts";
import { uploadPublicPhoto } from "../use-cases/upload-public-photo.ts";
import { PhotoQuery, PublicResult, PublicTokenHeader, ReceiptParams, UploadedPhoto } from "./public-schemas.ts";

const PUBLIC = { auth: false } as const;
const tags = ["citizens' portal"];
const BinaryResponse = Type.Unsafe<Buffer | Readable>({ type: "string", format: "binary" });
const photoResponses = { 200: BinaryResponse, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

export async function publicMediaRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.post(
    "/public/uploads",
    {
      config: PUBLIC,
      preHandler: [publicLimit(app, "uploadPerIp", byIp)],
      schema: {
        tags,
        summary: "Upload one photo (JPEG, PNG or WebP, ≤ 10 MB) as multipart field `file`, owned by X-Public-Token",
        description:
          "The type is decided by the bytes; the image is re-encoded without metadata (EXIF, GPS). Name it in photoIds of " +
          "POST /public/reports with the same token.",
        consumes: ["multipart/form-data"],
        headers: Type.Composite([
          PublicTokenHeader,
          Type.Object({ "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) }),
        ]),
        response: {
          201: UploadedPhoto,
          400: ErrorResponse,
          401: ErrorResponse,
          409: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const image = await uploadPublicPhoto({
        services,
        publicToken: request.headers["x-public-token"],
        readFile: () => readUploadedFile(request),
        idempotencyKey: request.headers["idempotency-key"],
      });
      const { id, contentType, size, width, height } = image;
      return reply.status(201).send({ id, contentType, size, width, height });
    },
  );

  r.get(
    "/public/reports/:receipt/photos/:attachmentId",
    {
      config: PUBLIC,
      preHandler: [publicLimit(app, "wallPerIp", byIp)],
      schema: {
        tags,
        summary: "A photo of the receipt holder's report (their own, or the handling result's); ?size=thumb",
        params: Type.Composite([ReceiptParams, Type.Object({ attachmentId: Type.String({ format: "uuid" }) })]),
        querystring: PhotoQuery,
        response: photoResponses,
      },
    },
    async (request, reply) => {
      const image = await getPublicPhoto({
        services,
        scope: { receipt: request.params.receipt },
        attachmentId: request.params.attachmentId,
        size: request.query.size ?? "original",
      });
      return sendImage(reply, image, "private, max-age=600");
    },
  );

  r.get(
    "/public/results",
    {
      config: PUBLIC,
      preHandler: [publicLimit(app, "wallPerIp", byIp)],
      schema: {
        tags,
        summary: "The results wall (结果公开): recently closed cases, no personal data",
        querystring: Type.Object({
          page: PageQuery.page,
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WALL_PAGE_SIZE, default: 12 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(PublicResult),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          400: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { page = 1, pageSize = 12 } = request.query;
      const result = await listPublicResults({ services, page, pageSize });
      reply.header("cache-control", "public, max-age=60");
      return { ...result, items: result.items.map((row) => presentPublicResult(row, services.places)) };
    },
  );

  r.get(
    "/public/results/:caseId/photos/:attachmentId",
    {
      config: PUBLIC,
      preHandler: [publicLimit(app, "wallPerIp", byIp)],
      schema: {
        tags,
        summary: "A feedback photo of a case on the results wall; ?size=thumb",
        params: Type.Object({
          caseId: Type.String({ format: "uuid" }),
          attachmentId: Type.String({ format: "uuid" }),
        }),
        querystring: PhotoQuery,
        response: photoResponses,
      },
    },
    async (request, reply) => {
      const image = await getPublicPhoto({
        services,
        scope: { wallCaseId: request.params.caseId },
        attachmentId: request.params.attachmentId,
        size: request.query.size ?? "original",
      });
      return sendImage(reply, image, "public, max-age=3600");
    },
  );
}

function sendImage(reply: FastifyReply, image: ImageContent, cacheControl: string) {
  if (reply.request.headers["if-none-match"] === image.etag) {
    if (!Buffer.isBuffer(image.body)) image.body.destroy();
    return reply.status(304).header("etag", image.etag).header("cache-control", cacheControl).send(null);
  }
  return reply
    .header("content-type", image.contentType)
    .header("content-length", image.size)
    .header("cache-control", cacheControl)
    .header("etag", image.etag)
    .header("x-content-type-options", "nosniff")
    .header("content-disposition", "inline")
    .send(image.body);
}
