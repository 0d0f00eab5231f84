// Reads the one file of a multipart upload into memory, within the upload limits, and turns the
// multipart plugin's errors into the API's error codes (a client's malformed or oversized upload is
// a 4xx, never a 500).
import type {} from "@fastify/multipart"; // request.isMultipart() and request.parts()
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Busboy limits: one file of at most 10 MB; a few small text fields are tolerated and ignored. */
export const UPLOAD_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 4096,
  parts: 12,
  headerPairs: 100,
};

export async function readUploadedFile(request: FastifyRequest, fieldName = "file"): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { expected: "multipart/form-data" });
  }
  let data: Buffer | null = null;
  let otherField: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      // every file part must be consumed, or the parser waits for it forever
      const bytes = await part.toBuffer();
      if (part.fieldname === fieldName) data = bytes;
      else otherField = part.fieldname;
    }
  } catch (err) {
    request.log.info({ err }, "upload refused");
    throw uploadError(err);
  }
  if (!data) {
    throw new AppError("VALIDATION_FAILED", {
      field: fieldName,
      problem: otherField ? `the file goes in the field "${fieldName}", not "${otherField}"` : "a file is required",
    });
  }
  return data;
}

function uploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_UPLOAD_BYTES });
    case "FST_FILES_LIMIT":
      return new AppError("VALIDATION_FAILED", { field: "file", problem: "one file per upload" });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", { expected: "multipart/form-data" });
  }
  // anything else the parser throws (missing boundary, truncated parts, too many parts or fields)
  // is about the bytes the client sent
  return new AppError("VALIDATION_FAILED", { problem: "malformed multipart body" });
}
