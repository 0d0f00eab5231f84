// The GeoReport v2 shapes (docs/open311.md). Field names are the spec's; every field is present
// (null when unknown) so JSON and XML carry the same elements. No reporter data is ever presented:
// not the name, phone or e-mail, and phone numbers written into a description are masked. A call to
// the 12345 hotline (or a case from a superior) was not written for publication: its text and exact
// place stay inside; Open311 shows the service, the community and a point rounded to about 100 m.
import type { CaseStatus } from "@civicgrid/shared";
import { CLOSED_STATUSES, SPECIFICATION } from "../open311/constants.ts";
import type { Lang } from "../open311/errors.ts";
import type { Open311RequestRow } from "../open311/request-query.ts";
import type { ServiceRow } from "../open311/service-catalogue.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { STATUS_ZH } from "./labels-zh.ts";

const STATUS_EN: Record<CaseStatus, string> = {
  reported: "Received, to be registered",
  registered: "Registered, to be dispatched",
  rejected: "Not accepted",
  merged: "Duplicate",
  dispatched: "Dispatched, to be accepted",
  accepted: "Being handled",
  returned: "Returned for re-dispatch",
  handled: "Handled, to be verified",
  closed: "Closed",
  evaluated: "Closed and evaluated",
};

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** w3 date-time in China Standard Time (no daylight saving): 2026-11-27T09:30:00+08:00. */
export function w3(d: Date | null): string | null {
  if (!d) return null;
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Free text as published: mobile numbers masked, the spec's 4,000-character limit kept. */
function publicText(text: string | null, max = 4000): string | null {
  if (text === null) return null;
  return text.replace(MOBILE, "$1****$2").slice(0, max);
}

function limitNotice(limitDays: number | string | null, lang: Lang): string | null {
  if (limitDays === null) return null;
  const n = Number(limitDays);
  return lang === "en"
    ? `Accepted; to be resolved within ${n} working day(s) under the responsibility list`
    : `已受理,按权责清单 ${n} 个工作日内办结`;
}

export function presentDiscovery(changeset: Date, url: string, lang: Lang) {
  const at = w3(changeset);
  return {
    changeset: at,
    contact:
      lang === "en"
        ? "Anshan Municipal Governance Centre (鞍山市市域治理中心); citizens call 12345"
        : "鞍山市市域治理中心;市民热线 12345",
    key_service:
      lang === "en"
        ? "API keys are issued by the system administrator: workbench → 系统管理 → Open311"
        : "API key 由系统管理员在工作台「系统管理 → Open311 接入」中创建",
    endpoints: [
      {
        specification: SPECIFICATION,
        url,
        changeset: at,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}

export function presentService(s: ServiceRow, lang: Lang) {
  const path = [s.groupName, s.parentName, s.name].filter(Boolean).join(" · ");
  const limit = lang === "en" ? `resolved within ${s.limitDays} working day(s)` : `${s.limitDays} 个工作日内办结`;
  return {
    service_code: s.code,
    service_name: s.name,
    description: `${path}${lang === "en" ? ": " : ":"}${limit}`,
    metadata: false,
    type: "realtime",
    keywords: [...new Set([s.name, s.parentName, s.groupName].filter(Boolean))].join(", "),
    group: s.groupName,
  };
}

/** No service asks for extra attributes today: the definition is the code and an empty list. */
export function presentServiceDefinition(s: ServiceRow) {
  return { service_code: s.code, attributes: [] as unknown[] };
}

function statusNotes(row: Open311RequestRow, lang: Lang): string | null {
  const status = row.status as CaseStatus;
  switch (status) {
    case "closed":
    case "evaluated":
      return publicText(row.result_note) ?? (lang === "en" ? STATUS_EN[status] : STATUS_ZH[status]);
    case "rejected": {
      const label = lang === "en" ? STATUS_EN.rejected : STATUS_ZH.rejected;
      return row.reject_reason ? `${label}: ${publicText(row.reject_reason)}` : label;
    }
    case "merged":
      if (!row.merged_into_code) return lang === "en" ? STATUS_EN.merged : STATUS_ZH.merged;
      return lang === "en" ? `Duplicate of ${row.merged_into_code}` : `重复件,已并入 ${row.merged_into_code}`;
    default:
      return lang === "en" ? STATUS_EN[status] : (STATUS_ZH[status] ?? null);
  }
}

/** Channels whose reports are public by nature: an app or portal post, a grid worker's patrol find. */
const PUBLIC_SOURCES: readonly string[] = ["open311", "web", "app", "grid", "media", "video"];
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function presentRequest(row: Open311RequestRow, places: PlaceDirectory, lang: Lang) {
  const published = PUBLIC_SOURCES.includes(row.source);
  const closed = CLOSED_STATUSES.includes(row.status as CaseStatus);
  const agency = row.owner_unit_code ?? row.centre_unit_code;
  const place = [row.district_code, row.township_code, row.community_code]
    .map((c) => places.division(c)?.name)
    .filter(Boolean)
    .join("");
  return {
    service_request_id: row.code,
    status: closed ? "closed" : "open",
    status_notes: statusNotes(row, lang),
    service_name: row.service_name,
    service_code: row.service_code as string,
    description: published ? publicText(row.description) : row.service_name,
    agency_responsible: places.unit(agency)?.name ?? null,
    service_notice: limitNotice(row.limit_days, lang),
    requested_datetime: w3(row.reported_at) as string,
    // the spec: for closed requests, the time it was closed
    updated_datetime: w3(closed && row.closed_at ? row.closed_at : row.updated_at),
    expected_datetime: w3(row.due_at),
    address: published && row.address_area ? `${place}${row.address_area}` : place || null,
    address_id: row.community_code,
    zipcode: null,
    lat: published ? row.lat : round3(row.lat),
    long: published ? row.lng : round3(row.lng),
    media_url: row.media_url,
  };
}

export function presentCreated(
  created: { row: { code: string; limit_days: number | string | null }; token: string; accountId: string | null },
  lang: Lang,
) {
  return [
    {
      service_request_id: created.row.code,
      service_notice: limitNotice(created.row.limit_days, lang),
      account_id: created.accountId,
      // an extension: requests are created at once, but clients written for batch services get a token
      token: created.token,
    },
  ];
}

export function presentToken(t: { token: string; serviceRequestId: string }) {
  return [{ service_request_id: t.serviceRequestId, token: t.token }];
}
