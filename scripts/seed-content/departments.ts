// Functional departments (职能部门) at city level and in the 7 county-level units of Anshan.
// Names follow the usual official pattern after the 2019 institutional reform; power, gas,
// telecom and heating are city-wide utilities or coordination offices with no district unit.
import type { DepartmentKind } from "@civicgrid/shared";
import type { DepartmentRow } from "./types.ts";

interface DepartmentDef {
  kind: DepartmentKind;
  nameCity: string;
  /** Suffix of the district unit's name (local naming) or null for city-only kinds. */
  suffix: string | null;
  nameEn: string;
  /** local: 鞍山市铁东区住房和城乡建设局 / 台安县住房和城乡建设局.
   *  branch: every district unit is a branch of the city bureau (鞍山市生态环境局铁东分局).
   *  branch_urban: branch in the 4 urban districts, local bureau in the 3 counties (公安, 自然资源). */
  naming: "local" | "branch" | "branch_urban" | null;
}

const DEFS: DepartmentDef[] = [
  {
    kind: "housing",
    nameCity: "鞍山市住房和城乡建设局",
    suffix: "住房和城乡建设局",
    nameEn: "Housing and Urban-Rural Development Bureau",
    naming: "local",
  },
  { kind: "water", nameCity: "鞍山市水务局", suffix: "水务局", nameEn: "Water Bureau", naming: "local" },
  {
    kind: "urban_management",
    nameCity: "鞍山市城市管理综合行政执法局",
    suffix: "城市管理综合行政执法局",
    nameEn: "Urban Management and Comprehensive Law Enforcement Bureau",
    naming: "local",
  },
  {
    kind: "ecology",
    nameCity: "鞍山市生态环境局",
    suffix: "生态环境分局",
    nameEn: "Ecology and Environment Bureau",
    naming: "branch",
  },
  {
    kind: "market",
    nameCity: "鞍山市市场监督管理局",
    suffix: "市场监督管理局",
    nameEn: "Market Supervision Administration",
    naming: "local",
  },
  {
    kind: "police",
    nameCity: "鞍山市公安局",
    suffix: "公安分局",
    nameEn: "Public Security Bureau",
    naming: "branch_urban",
  },
  {
    kind: "heating",
    nameCity: "鞍山市供热管理办公室",
    suffix: null,
    nameEn: "Heating Supply Administration Office",
    naming: null,
  },
  {
    kind: "transport",
    nameCity: "鞍山市交通运输局",
    suffix: "交通运输局",
    nameEn: "Transport Bureau",
    naming: "local",
  },
  {
    kind: "natural_resources",
    nameCity: "鞍山市自然资源局",
    suffix: "自然资源分局",
    nameEn: "Natural Resources Bureau",
    naming: "branch_urban",
  },
  {
    kind: "landscaping",
    nameCity: "鞍山市园林绿化管理中心",
    suffix: "园林绿化管理中心",
    nameEn: "Parks and Landscaping Centre",
    naming: "local",
  },
  {
    kind: "civil_affairs",
    nameCity: "鞍山市民政局",
    suffix: "民政局",
    nameEn: "Civil Affairs Bureau",
    naming: "local",
  },
  {
    kind: "health",
    nameCity: "鞍山市卫生健康委员会",
    suffix: "卫生健康局",
    nameEn: "Health Commission",
    naming: "local",
  },
  {
    kind: "emergency",
    nameCity: "鞍山市应急管理局",
    suffix: "应急管理局",
    nameEn: "Emergency Management Bureau",
    naming: "local",
  },
  {
    kind: "power",
    nameCity: "国网鞍山供电公司",
    suffix: null,
    nameEn: "State Grid Anshan Power Supply Company",
    naming: null,
  },
  { kind: "gas", nameCity: "鞍山市燃气有限公司", suffix: null, nameEn: "Anshan Gas Company", naming: null },
  {
    kind: "telecom",
    nameCity: "鞍山市通信发展管理办公室",
    suffix: null,
    nameEn: "Telecommunications Coordination Office",
    naming: null,
  },
  { kind: "education", nameCity: "鞍山市教育局", suffix: "教育局", nameEn: "Education Bureau", naming: "local" },
  {
    kind: "human_resources",
    nameCity: "鞍山市人力资源和社会保障局",
    suffix: "人力资源和社会保障局",
    nameEn: "Human Resources and Social Security Bureau",
    naming: "local",
  },
  {
    kind: "agriculture",
    nameCity: "鞍山市农业农村局",
    suffix: "农业农村局",
    nameEn: "Agriculture and Rural Affairs Bureau",
    naming: "local",
  },
  {
    kind: "culture_tourism",
    nameCity: "鞍山市文化旅游和广播电视局",
    suffix: "文化旅游和广播电视局",
    nameEn: "Culture, Tourism, Radio and Television Bureau",
    naming: "local",
  },
];

export interface District {
  code: string;
  name: string;
}

/** 铁东区 → 铁东, 岫岩满族自治县 → 岫岩, 海城市 → 海城. */
export function shortDistrictName(name: string): string {
  return name.replace(/(满族自治县|自治县|区|县|市)$/u, "");
}

function isUrbanDistrict(d: District): boolean {
  return d.name.endsWith("区");
}

function districtName(def: DepartmentDef, d: District): string {
  const cityBureau = def.nameCity.replace(/^鞍山市/u, "");
  const local = isUrbanDistrict(d) ? `鞍山市${d.name}${def.suffix}` : `${d.name}${def.suffix}`;
  const branch = `鞍山市${cityBureau}${shortDistrictName(d.name)}分局`;
  if (def.naming === "branch") return branch;
  if (def.naming === "branch_urban") return isUrbanDistrict(d) ? branch : `${d.name}${cityBureau}`;
  return local;
}

export function buildDepartments(districts: District[]): DepartmentRow[] {
  return DEFS.map((def) => {
    const hasDistrict = def.suffix !== null && def.naming !== null;
    const districtNames: Record<string, string> = {};
    if (hasDistrict) for (const d of districts) districtNames[d.code] = districtName(def, d);
    return {
      kind: def.kind,
      nameCity: def.nameCity,
      nameDistrictSuffix: def.suffix,
      nameEn: def.nameEn,
      levels: hasDistrict ? ["city", "district"] : ["city"],
      districtNaming: def.naming,
      districtNames,
    };
  });
}
