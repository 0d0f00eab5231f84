// One photo (original or thumbnail), for its uploader or for anyone who may read the case it belongs
// to. Anything else is a 404, like a photo that does not exist.
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { AppError } from "../errors.ts";
import { type ImageContent, type ImageSize, readImage } from "../media/read-image.ts";
import type { Services } from "../services.ts";

export interface GetAttachmentOptions {
  services: Services;
  actor: Actor;
  id: string;
  size: ImageSize;
}

export async function getAttachment({ services, actor, id, size }: GetAttachmentOptions): Promise<ImageContent> {
  const { db } = services;
  const readableCases = scopeCases(db.selectFrom("cases").select("cases.id"), actor);
  const visible = await db
    .selectFrom("attachments")
    .select("id")
    .where("id", "=", id)
    .where((eb) => eb.or([eb("uploaded_by", "=", actor.userId), eb("case_id", "in", readableCases)]))
    .executeTakeFirst();
  if (!visible) throw new AppError("NOT_FOUND");
  return readImage(services, id, size);
}
