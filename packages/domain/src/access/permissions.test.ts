import { ROLES } from "@civicgrid/shared";
import { describe, expect, it } from "vitest";
import { can, validRoleSet } from "./permissions.ts";

describe("permissions", () => {
  it("only the system admin writes configuration", () => {
    for (const r of ROLES) expect(can([r], "config:write")).toBe(r === "system_admin");
  });
  it("the auditor reads no configuration and creates no cases; leaders and admins create no cases", () => {
    expect(can(["auditor"], "config:read")).toBe(false);
    for (const r of ["leader", "system_admin", "security_admin", "auditor"] as const) {
      expect(can([r], "case:create")).toBe(false);
    }
    expect(can(["grid_worker"], "case:create")).toBe(true);
  });
  it("no account holds two of the three admin roles, nor an admin role with a business role", () => {
    expect(validRoleSet(["system_admin"])).toBe(true);
    expect(validRoleSet(["system_admin", "auditor"])).toBe(false);
    expect(validRoleSet(["security_admin", "city_centre"])).toBe(false);
    expect(validRoleSet(["city_centre", "leader"])).toBe(true);
    expect(validRoleSet([])).toBe(false);
  });
});
