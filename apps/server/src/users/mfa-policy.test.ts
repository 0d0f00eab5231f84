import { describe, expect, it } from "vitest";
import { totpRequired } from "./mfa-policy.ts";

describe("totpRequired", () => {
  it("always for the three admin roles, for centre roles only when the policy says so", () => {
    const off = { totpRequiredForCentres: false };
    const on = { totpRequiredForCentres: true };
    for (const r of ["system_admin", "security_admin", "auditor"] as const) expect(totpRequired([r], off)).toBe(true);
    for (const r of ["city_centre", "district_centre", "township_centre"] as const) {
      expect(totpRequired([r], off)).toBe(false);
      expect(totpRequired([r], on)).toBe(true);
    }
    for (const r of ["grid_worker", "community_station", "department_handler", "hotline_agent", "leader"] as const) {
      expect(totpRequired([r], on)).toBe(false);
    }
  });
});
