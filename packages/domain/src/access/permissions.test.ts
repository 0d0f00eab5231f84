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
  it("三员: units and users to the system admin, the matrix to the security admin, audit to the auditor", () => {
    for (const r of ROLES) {
      expect(can([r], "admin:units")).toBe(r === "system_admin");
      expect(can([r], "admin:users")).toBe(r === "system_admin");
      expect(can([r], "security:roles")).toBe(r === "security_admin");
      expect(can([r], "audit:read")).toBe(r === "auditor");
    }
  });
  it("only the hotline and the three centre roles unmask a reporter's phone", () => {
    const allowed = ["hotline_agent", "city_centre", "district_centre", "township_centre"];
    for (const r of ROLES) expect(can([r], "pii:unmask"), r).toBe(allowed.includes(r));
  });
  it("photos are uploaded by those who report or handle cases, never by leaders or administrators", () => {
    for (const r of ROLES) expect(can([r], "attachment:upload"), r).toBe(can([r], "case:create"));
  });
  it("the assessment: leaders, the three centre roles and community stations; no department, hotline or admin", () => {
    const allowed = ["leader", "city_centre", "district_centre", "township_centre", "community_station"];
    for (const r of ROLES) expect(can([r], "assessment:view"), r).toBe(allowed.includes(r));
  });
  it("the big screen: leaders, the three centre roles and community stations; no department, hotline or admin", () => {
    const allowed = ["leader", "city_centre", "district_centre", "township_centre", "community_station"];
    for (const r of ROLES) expect(can([r], "screen:view"), r).toBe(allowed.includes(r));
  });
  it("emergency mode: the three centre roles declare; whoever sees the big screen sees incidents", () => {
    const declare = ["city_centre", "district_centre", "township_centre"];
    for (const r of ROLES) {
      expect(can([r], "incident:declare"), r).toBe(declare.includes(r));
      expect(can([r], "incident:view"), r).toBe(can([r], "screen:view"));
    }
  });
});
