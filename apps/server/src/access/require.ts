import { can, type Permission } from "@civicgrid/domain";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor.ts";

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.roles, permission)) throw new AppError("FORBIDDEN", { permission });
}
