// The charts of normal mode. Left: reports per day with the week's trend, categories, sources.
// Right: the ranking of the children of the level shown (click to drill down) and overdue by unit.
// Every chart has its figures as a table for screen readers (and for tests that compare with the API).
import { useMemo } from "react";
import { useI18n } from "../i18n/index.tsx";
import { EChart } from "./charts/EChart.tsx";
import { categoriesOption, dailyOption, overdueOption, rankingOption, sourcesOption } from "./charts/options.ts";
import { fmtRate } from "./format.ts";
import { Panel } from "./Panel.tsx";
import type { Charts, RankingRow } from "./types.ts";

export function Trend({ changePct }: { changePct: number | null | undefined }) {
  const { t } = useI18n();
  if (changePct === null || changePct === undefined) return <span className="scr-trend">{t("scTrendNone")}</span>;
  const up = changePct >= 0;
  return (
    <span className={`scr-trend ${up ? "up" : "down"}`} data-testid="trend" data-value={changePct}>
      {t("scTrendWeek")} {up ? "▲" : "▼"} {Math.abs(changePct).toFixed(1)}%
    </span>
  );
}

export function LeftCharts({ charts }: { charts: Charts | null }) {
  const { t } = useI18n();
  const daily = useMemo(() => (charts ? dailyOption(charts.daily, t) : null), [charts, t]);
  const categories = useMemo(() => (charts ? categoriesOption(charts.categories, t) : null), [charts, t]);
  const sources = useMemo(() => (charts ? sourcesOption(charts.sources, t) : null), [charts, t]);
  return (
    <>
      <Panel title={t("scDaily")} extra={<Trend changePct={charts?.trend.changePct} />} className="grow">
        <EChart option={daily} testId="chart-daily" ariaLabel={t("scDaily")} />
      </Panel>
      <Panel title={t("scCategories")} className="grow">
        <EChart option={categories} testId="chart-categories" ariaLabel={t("scCategories")} />
      </Panel>
      <Panel title={t("scSources")} className="fixed-260">
        <EChart option={sources} testId="chart-sources" ariaLabel={t("scSources")} />
      </Panel>
    </>
  );
}

/** The ranking, sorted by cases reported; a click on a bar or a name drills into that child. */
export function RankingPanel({ rows, onDrill }: { rows: RankingRow[] | null; onDrill: (code: string) => void }) {
  const { t } = useI18n();
  const sorted = useMemo(() => (rows ? [...rows].sort((a, b) => b.reported - a.reported) : null), [rows]);
  const option = useMemo(() => (sorted ? rankingOption(sorted, t) : null), [sorted, t]);
  return (
    <Panel title={t("scRanking")} className="grow-2" testId="ranking-panel">
      {sorted && sorted.length === 0 ? (
        <div className="scr-empty">{t("scNoChildren")}</div>
      ) : (
        <EChart
          option={option}
          testId="chart-ranking"
          ariaLabel={t("scRanking")}
          onItemClick={(i) => {
            const row = sorted?.[i];
            if (row) onDrill(row.code);
          }}
        />
      )}
      <table className="scr-sr-only" data-testid="ranking-table">
        <caption>{t("scRanking")}</caption>
        <thead>
          <tr>
            <th>{t("scArea")}</th>
            <th>{t("scReported")}</th>
            <th>{t("scClosed")}</th>
            <th>{t("scOverdue")}</th>
            <th>{t("scKpiResolvedRate")}</th>
            <th>{t("scKpiOnTimeClosureRate")}</th>
            <th>{t("scKpiSatisfactionRate")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted?.map((r) => (
            <tr
              key={r.code}
              data-code={r.code}
              data-reported={r.reported}
              data-closed={r.closed}
              data-overdue={r.overdue}
            >
              <th>
                <button type="button" onClick={() => onDrill(r.code)} data-testid={`rank-${r.code}`}>
                  {r.name}
                </button>
              </th>
              <td>{r.reported}</td>
              <td>{r.closed}</td>
              <td>{r.overdue}</td>
              <td>{fmtRate(r.resolvedRate)}</td>
              <td>{fmtRate(r.onTimeClosureRate)}</td>
              <td>{fmtRate(r.satisfactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

export function OverduePanel({ rows }: { rows: Charts["overdueByUnit"] | null }) {
  const { t } = useI18n();
  const option = useMemo(() => (rows ? overdueOption(rows, t) : null), [rows, t]);
  return (
    <Panel title={t("scOverdueByUnit")} className="grow">
      {rows && rows.length === 0 ? (
        <div className="scr-empty">{t("scNoOverdue")}</div>
      ) : (
        <EChart option={option} testId="chart-overdue" ariaLabel={t("scOverdueByUnit")} />
      )}
    </Panel>
  );
}
