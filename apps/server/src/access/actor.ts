import type { Role } from "@civicgrid/shared";
import type { Unit } from "../places/directory.ts";

/** The signed-in user as every use case sees them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: Unit;
  sessionId: string;
  /** a session that may only enrol TOTP (http/auth.ts refuses everything else with 403) */
  mfaEnrolmentOnly?: boolean;
  /** the password was set by another admin: only /me, /me/password, sign-out and enrolment (403 else) */
  passwordChangeRequired?: boolean;
}
