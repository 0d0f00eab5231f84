// Which column of an imported file holds which field of a ticket: a suggestion from the header names
// (the usual Chinese and English ones), and the check of the mapping the agent chose.
import { AppError } from "../errors.ts";

export const IMPORT_FIELDS = [
  "ticketNo",
  "receivedAt",
  "callerName",
  "callerPhone",
  "address",
  "community",
  "lat",
  "lng",
  "category",
  "title",
  "description",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportMapping = Partial<Record<ImportField, string>>;

export const REQUIRED_FIELDS: readonly ImportField[] = ["ticketNo", "receivedAt", "description"];

/** Header names as 12345 systems and hand-made sheets write them, normalised (see norm). */
const SYNONYMS: Record<ImportField, string[]> = {
  ticketNo: [
    "工单编号",
    "工单号",
    "工单编码",
    "受理编号",
    "受理号",
    "编号",
    "ticketno",
    "ticketnumber",
    "ticket",
    "id",
  ],
  receivedAt: [
    "受理时间",
    "来电时间",
    "登记时间",
    "接收时间",
    "创建时间",
    "派单时间",
    "时间",
    "receivedat",
    "received",
    "time",
  ],
  callerName: [
    "来电人",
    "来电人姓名",
    "诉求人",
    "诉求人姓名",
    "反映人",
    "姓名",
    "联系人",
    "callername",
    "caller",
    "name",
  ],
  callerPhone: [
    "来电号码",
    "来电电话",
    "联系电话",
    "联系方式",
    "电话",
    "手机",
    "手机号",
    "callerphone",
    "phone",
    "mobile",
  ],
  address: ["地址", "诉求地址", "事发地址", "事发地点", "问题地址", "详细地址", "发生地址", "address"],
  community: ["社区", "所属社区", "社区村", "村社区", "所在社区", "community"],
  lat: ["纬度", "lat", "latitude"],
  lng: ["经度", "lng", "lon", "long", "longitude"],
  category: ["类别", "问题类别", "诉求类别", "诉求分类", "分类", "类别编码", "事项类别", "category", "categorycode"],
  title: ["标题", "诉求标题", "工单标题", "主题", "title", "subject"],
  description: ["内容", "诉求内容", "问题描述", "描述", "来电内容", "工单内容", "详细内容", "description", "content"],
};

/** Lower case, no spaces, brackets or punctuation: "Caller Phone" ≈ "caller_phone" ≈ "callerphone". */
const norm = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Part of a longer header only when specific enough: two Han characters, or a longer Latin word. */
const containable = (synonym: string) => synonym.length >= (/^[a-z]+$/.test(synonym) ? 5 : 2);

/** The best column for each field: exact synonyms first, then a header that contains one. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  const normalised = headers.map((h) => ({ h, n: norm(h) }));
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field]) continue;
      for (const synonym of SYNONYMS[field]) {
        const hit = normalised.find(
          ({ h, n }) => !used.has(h) && (exact ? n === synonym : containable(synonym) && n.includes(synonym)),
        );
        if (hit) {
          mapping[field] = hit.h;
          used.add(hit.h);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Refuses a mapping that names a missing column, leaves out a required field or any place. */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const problems: { field: string; problem: string }[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== undefined && !headers.includes(column)) {
      problems.push({ field, problem: `no column named "${column}" in the file` });
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (!mapping[field]) problems.push({ field, problem: "required" });
  }
  if (Boolean(mapping.lat) !== Boolean(mapping.lng)) {
    problems.push({ field: mapping.lat ? "lng" : "lat", problem: "latitude and longitude go together" });
  }
  if (!mapping.lat && !mapping.address && !mapping.community) {
    problems.push({ field: "lat", problem: "a place is required: lat and lng, an address or a community" });
  }
  if (problems.length) throw new AppError("IMPORT_MAPPING_INVALID", { problems, columns: headers });
}

/** Shanghai has had no daylight saving since 1991: a time without a zone is +08:00. */
const LOCAL_OFFSET = "+08:00";

/**
 * A received time as hotline systems write it: 2026-11-20 14:30[:05], 2026/11/20 14:30,
 * 2026年11月20日 14时30分, 20261120143005, ISO 8601 with a zone, a date alone, or an Excel serial.
 */
export function parseReceivedTime(text: string): Date | null {
  const s = text.trim();
  if (!s) return null;
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    // Excel serial day (1900 system), as wall-clock time in Anshan
    const ms = Math.round((Number(s) - 25569) * 86_400_000);
    const wall = new Date(ms);
    return Number.isNaN(wall.getTime()) ? null : new Date(ms - 8 * 3_600_000);
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", se = "0"] = m;
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(se)}${LOCAL_OFFSET}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // reject 2026-02-30 and 25:00, which Date would roll over
  const local = new Date(date.getTime() + 8 * 3_600_000);
  if (local.getUTCDate() !== Number(d) || local.getUTCHours() !== Number(h) || local.getUTCMonth() + 1 !== Number(mo)) {
    return null;
  }
  return date;
}

const pad = (v: string | undefined) => (v ?? "0").padStart(2, "0");
