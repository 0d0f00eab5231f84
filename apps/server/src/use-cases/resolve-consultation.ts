// 直接办结: a consultation the agent answered on the call becomes a case (source hotline) that is
// reported and closed with the answer in one transaction — never a half-made case.
import { can } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { type CreateCaseInput, createCase } from "./create-case.ts";

export interface ResolveConsultationOptions {
  services: Services;
  actor: Actor;
  input: Omit<CreateCaseInput, "source" | "photoIds">;
  answer: string;
  idempotencyKey?: string;
  ip?: string | null;
}

export async function resolveConsultation({
  services,
  actor,
  input,
  answer,
  idempotencyKey,
  ip,
}: ResolveConsultationOptions) {
  if (!can(actor.roles, "hotline:desk")) throw new AppError("FORBIDDEN", { permission: "hotline:desk" });
  if (!answer.trim()) throw new AppError("NOTE_REQUIRED", { field: "answer" });
  const result = await createCase({
    services,
    actor,
    input: { ...input, source: "hotline" },
    idempotencyKey,
    resolveDirect: { answer: answer.trim() },
    // the case.resolve-direct audit record is written with the transition (transition-event.ts)
    ip,
  });
  return result;
}
