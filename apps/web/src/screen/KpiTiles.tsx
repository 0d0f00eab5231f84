// The key figures of the level shown. Each tile carries its raw value (data-value) next to the
// formatted one, so a test or a wall controller can read the exact number.
import type { CSSProperties } from "react";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { fmtCount, fmtRate } from "./format.ts";
import type { Summary } from "./types.ts";

type Kpis = Summary["kpis"];
type AutoDispatch = Summary["autoDispatch"];

interface Tile {
  key: string;
  label: MessageKey;
  value: number | null | undefined;
  kind: "count" | "rate";
  tone?: "warn" | "good" | "live";
  /** a second line under the figure */
  sub?: string;
  /** raw values behind the second line, as data-* attributes */
  subData?: Record<string, string | number | null>;
}

/** Rough width of a text in em: CJK characters are square, Latin letters and digits about half. */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return Math.max(n, 1);
}

/** Fonts that fit the tile: a long figure (a city's open cases, 10,141) or label shrinks, never spills. */
function fit(text: string, max: number): CSSProperties {
  return { fontSize: `min(${max}px, calc(100cqw / ${ems(text).toFixed(2)}))` };
}

export function KpiTiles({ kpis, autoDispatch }: { kpis: Kpis | null; autoDispatch?: AutoDispatch | null }) {
  const { t, lang } = useI18n();
  const tiles: Tile[] = [
    { key: "reportedToday", label: "scKpiReportedToday", value: kpis?.reportedToday, kind: "count", tone: "live" },
    { key: "open", label: "scKpiOpen", value: kpis?.open, kind: "count" },
    { key: "overdue", label: "scKpiOverdue", value: kpis?.overdue, kind: "count", tone: "warn" },
    { key: "closedToday", label: "scKpiClosedToday", value: kpis?.closedToday, kind: "count", tone: "good" },
    {
      key: "resolvedRate",
      label: "scKpiResolvedRate",
      value: kpis?.resolvedRate,
      kind: "rate",
      tone: "good",
      sub: kpis
        ? t("scFoundResolved", { found: fmtCount(kpis.found, lang), resolved: fmtCount(kpis.resolved, lang) })
        : "",
      subData: { found: kpis?.found ?? "", resolved: kpis?.resolved ?? "" },
    },
    { key: "onTimeClosureRate", label: "scKpiOnTimeClosureRate", value: kpis?.onTimeClosureRate, kind: "rate" },
    { key: "satisfactionRate", label: "scKpiSatisfactionRate", value: kpis?.satisfactionRate, kind: "rate" },
    { key: "patrollingNow", label: "scKpiPatrollingNow", value: kpis?.patrollingNow, kind: "count", tone: "live" },
    // 智能分派: the last 30 days' dispatches the platform made itself, and how often they were right
    {
      key: "autoShare",
      label: "scKpiAutoShare",
      value: autoDispatch?.share,
      kind: "rate",
      sub: autoDispatch ? t("scAutoPrecision", { p: fmtRate(autoDispatch.precision) }) : "",
      subData: { precision: autoDispatch?.precision ?? "", auto: autoDispatch?.auto ?? "" },
    },
  ];
  const value = (tile: Tile) =>
    kpis ? (tile.kind === "rate" ? fmtRate(tile.value) : fmtCount(tile.value, lang)) : "…";
  return (
    <div className="scr-kpis" data-testid="kpi-tiles">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className={`scr-kpi ${tile.tone ?? ""}`}
          data-testid={`kpi-${tile.key}`}
          data-value={tile.value ?? ""}
        >
          <div className="scr-kpi-label" title={t(tile.label)} style={fit(t(tile.label), 15)}>
            {t(tile.label)}
          </div>
          <div className="scr-kpi-value" style={fit(value(tile), 34)}>
            {value(tile)}
          </div>
          {tile.sub !== undefined && (
            <div
              className="scr-kpi-sub"
              data-testid={`kpi-${tile.key}-sub`}
              {...Object.fromEntries(Object.entries(tile.subData ?? {}).map(([k, v]) => [`data-${k}`, v ?? ""]))}
              style={fit(tile.sub, 12)}
            >
              {tile.sub}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
