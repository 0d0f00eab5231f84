// Table types: divisions, grids, units, staff accounts and their sign-in (sessions, TOTP, policies).
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./column-types.ts";

export interface DivisionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: string;
}

export interface GridsTable {
  code: string;
  community_code: string;
  name: string;
  geometry: Json<number[][][][]>;
}

export interface UnitsTable {
  code: string;
  name: string;
  name_en: string | null;
  type: string;
  level: string;
  division_code: string;
  department_kind: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_code: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: Timestamp | null;
  /** bigint: read back as a string */
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  /** 016: an admin-role account whose password someone else chose must set its own first */
  must_change_password: Generated<boolean>;
}

export interface UserRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Buffer;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
}

export interface LoginChallengesTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  ip: string | null;
}

export interface SecurityPoliciesTable {
  id: Generated<number>;
  totp_required_for_centres: Generated<boolean>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface SetupCodesTable {
  id: Generated<number>;
  code_hash: Buffer;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  mfa_enrolment_only: Generated<boolean>;
}
