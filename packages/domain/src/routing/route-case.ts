// First owner of a new case: located place + category + responsibility list (权责清单) → unit.
import type { DepartmentKind, DivisionLevel, HandlerKind } from "@civicgrid/shared";

export interface ResponsibilityEntry {
  categoryCode: string;
  handlerKind: HandlerKind;
  level: DivisionLevel;
  limitDays: number;
  territorial: boolean;
}

/** Division codes of the place a case was located in. */
export interface Place {
  city: string;
  district: string;
  township: string;
  community: string;
  grid: string;
}

/** Unit lookups the server provides from its unit table. */
export interface UnitDirectory {
  /** the centre (or community station) whose division is this code */
  centreOf(divisionCode: string): string | null;
  /** the department of a kind seated at this division (city or district) */
  departmentOf(kind: DepartmentKind, divisionCode: string): string | null;
}

export type RouteRule = "territorial" | "department" | "department_city_fallback" | "fallback";

export interface Route {
  unitCode: string;
  rule: RouteRule;
  /** why, for the dispatcher: shown beside the suggestion */
  reason: { zh: string; en: string };
  limitDays: number | null;
}

/** Time limit when a category has no entry in the responsibility list. */
export const DEFAULT_LIMIT_DAYS = 5;

/**
 * Route a case. Territorial items go to the community station or township centre of the place;
 * department items to the department at the listed level, falling back to the city department and
 * finally to the district centre, which owns whatever nobody else does (兜底).
 */
export function routeCase(place: Place, entry: ResponsibilityEntry | null, dir: UnitDirectory): Route {
  const fallback = (why: { zh: string; en: string }): Route => {
    const unitCode = dir.centreOf(place.district) ?? dir.centreOf(place.city);
    if (!unitCode) throw new Error(`no centre for ${place.district}`);
    return { unitCode, rule: "fallback", reason: why, limitDays: entry?.limitDays ?? null };
  };
  if (!entry) {
    return fallback({
      zh: "类别未列入权责清单,由区级中心兜底",
      en: "Category not in the responsibility list: district centre owns it",
    });
  }
  if (entry.handlerKind === "territorial") {
    const code = entry.level === "township" ? place.township : place.community;
    const unitCode = dir.centreOf(code);
    if (unitCode) {
      return {
        unitCode,
        rule: "territorial",
        reason: {
          zh: `权责清单:属地管理,由${entry.level === "township" ? "街道(乡镇)" : "社区(村)"}处置`,
          en: `Responsibility list: territorial, handled by the ${entry.level === "township" ? "township" : "community"}`,
        },
        limitDays: entry.limitDays,
      };
    }
    return fallback({ zh: "属地单位缺失,由区级中心兜底", en: "No territorial unit: district centre owns it" });
  }
  const seat = entry.level === "city" ? place.city : place.district;
  const dept = dir.departmentOf(entry.handlerKind, seat);
  if (dept) {
    return {
      unitCode: dept,
      rule: "department",
      reason: {
        zh: `权责清单:${entry.level === "city" ? "市级" : "区级"}职能部门处置`,
        en: `Responsibility list: ${entry.level}-level department`,
      },
      limitDays: entry.limitDays,
    };
  }
  const cityDept = dir.departmentOf(entry.handlerKind, place.city);
  if (cityDept) {
    return {
      unitCode: cityDept,
      rule: "department_city_fallback",
      reason: { zh: "权责清单:本区无对应部门,由市级部门处置", en: "No such district department: city department" },
      limitDays: entry.limitDays,
    };
  }
  return fallback({ zh: "无对应职能部门,由区级中心兜底", en: "No such department: district centre owns it" });
}
