// Reads the one file of an import upload (multipart field `file`) with its name, within the import's
// size cap; the multipart parser's failures become 4xx codes, as for photos (http/read-upload.ts).
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { MAX_IMPORT_BYTES } from "./read-table-file.ts";

export const IMPORT_UPLOAD_LIMITS = {
  fileSize: MAX_IMPORT_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 4096,
  parts: 12,
  headerPairs: 100,
};

export async function readImportUpload(request: FastifyRequest): Promise<{ data: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { expected: "multipart/form-data" });
  let found: { data: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      // every file part must be consumed, or the parser waits for it forever
      const data = await part.toBuffer();
      if (part.fieldname === "file") found = { data, fileName: part.filename ?? "" };
    }
  } catch (err) {
    request.log.info({ err }, "import upload refused");
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_IMPORT_BYTES });
    if (code === "FST_FILES_LIMIT")
      throw new AppError("VALIDATION_FAILED", { field: "file", problem: "one file per import" });
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", { expected: "multipart/form-data" });
    }
    throw new AppError("VALIDATION_FAILED", { problem: "malformed multipart body" });
  }
  if (!found) throw new AppError("VALIDATION_FAILED", { field: "file", problem: "a file is required" });
  return found;
}
