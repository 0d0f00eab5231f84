// How far and how far back to look for the same problem, per category: the one table that says it
// (the hotline's "similar cases" and the duplicate candidates both read it). A problem that sits at
// one spot (a manhole cover, a lamp, a road defect, a pipe leak) is re-reported from close by; a
// nuisance that carries (noise, smoke, smell, dust) from further away; a hotline ticket's point is
// geocoded from a spoken address (often only the community), so it is the least precise; an outage
// of a network (heating, gas) is phoned in from anywhere along it.

export interface DuplicateRule {
  /** the same problem is looked for within this distance of the new report (metres) */
  radiusM: number;
  /** … among open cases reported within this many days before it */
  windowDays: number;
}

/** Anything not listed below: point problems seen from the same street. */
export const DEFAULT_DUPLICATE_RULE: DuplicateRule = { radiusM: 300, windowDays: 30 };

/**
 * By category code prefix; the longest matching prefix wins. Codes: GB/T 47678.5 components (C..)
 * and matters (M..), the hotline taxonomy (H..). Edit here, not in callers.
 */
export const DUPLICATE_RULES_BY_CODE: Readonly<Record<string, DuplicateRule & { why: string }>> = {
  // facilities and roads: one defect at one spot
  C01: { radiusM: 300, windowDays: 30, why: "municipal facility (cover, lamp, pole, pipe)" },
  C02: { radiusM: 300, windowDays: 30, why: "traffic facility or road" },
  M01: { radiusM: 300, windowDays: 30, why: "municipal facility (cover, lamp, pole, pipe)" },
  M02: { radiusM: 300, windowDays: 30, why: "traffic facility or road" },
  // nuisances that carry: heard or smelt from several streets away
  M06020: { radiusM: 500, windowDays: 14, why: "burning rubbish: smoke" },
  M06027: { radiusM: 500, windowDays: 14, why: "cooking fumes" },
  M06028: { radiusM: 500, windowDays: 14, why: "noise" },
  M06029: { radiusM: 500, windowDays: 14, why: "open-air barbecue: smoke" },
  M08001: { radiusM: 500, windowDays: 14, why: "construction noise" },
  M08004: { radiusM: 500, windowDays: 14, why: "construction dust" },
  // snow and ice lie along a whole road
  M10001: { radiusM: 1000, windowDays: 7, why: "snow and ice on a road" },
  // hotline taxonomy: the point is geocoded from what the caller said
  H: { radiusM: 1000, windowDays: 30, why: "hotline ticket, geocoded address" },
  // … and a network outage is phoned in from anywhere along the network
  H010208: { radiusM: 1500, windowDays: 14, why: "winter heating outage" },
  H010213: { radiusM: 1500, windowDays: 14, why: "gas supply outage" },
};

/** The rule of a category: its code's longest listed prefix, else the default. */
export function duplicateRuleFor(categoryCode?: string | null): DuplicateRule {
  const code = categoryCode ?? "";
  for (let n = code.length; n > 0; n--) {
    const rule = DUPLICATE_RULES_BY_CODE[code.slice(0, n)];
    if (rule) return { radiusM: rule.radiusM, windowDays: rule.windowDays };
  }
  return { ...DEFAULT_DUPLICATE_RULE };
}
