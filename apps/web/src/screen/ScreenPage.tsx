// The big screen (一屏指挥) for one level: the figures, charts and map of the division in the URL
// (?division=, default the viewer's own), kept live by the event stream; drill-down by clicking a
// child on the map or in the ranking, back up by the breadcrumb or the browser's back button; and
// emergency mode, which turns the side columns into the incident's command panels.
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import type { Me } from "../lib/types.ts";
import { AlertPanel } from "./AlertPanel.tsx";
import { canDeclare, canViewIncidents } from "./access.ts";
import { CaseCard } from "./CaseCard.tsx";
import { LeftCharts, OverduePanel, RankingPanel } from "./ChartPanels.tsx";
import { DeclareForm } from "./emergency/DeclareForm.tsx";
import { IncidentList } from "./emergency/IncidentList.tsx";
import { IncidentBanner, IncidentCommand, IncidentPeople } from "./emergency/IncidentPanels.tsx";
import { useIncidents } from "./emergency/useIncidents.ts";
import { DIVISION_OR_GRID } from "./format.ts";
import { Header } from "./Header.tsx";
import { KpiTiles } from "./KpiTiles.tsx";
import type { Picking } from "./map/picking.ts";
import { ScreenMap, type ScreenMapApi } from "./map/ScreenMap.tsx";
import { Panel } from "./Panel.tsx";
import { Ticker, type TickerItem } from "./Ticker.tsx";
import type { CaseEvent, CasePoint, IncidentDetail } from "./types.ts";
import { useAlerts } from "./useAlerts.ts";
import { useLiveStream } from "./useLiveStream.ts";
import { useScreenData } from "./useScreenData.ts";

const TICKER_MAX = 40;

function readUrl(): { division: string | null; incident: string | null } {
  const q = new URLSearchParams(window.location.search);
  const division = q.get("division");
  const incident = q.get("incident");
  return {
    division: division && DIVISION_OR_GRID.test(division) ? division : null,
    incident: incident && /^[0-9a-f-]{36}$/i.test(incident) ? incident : null,
  };
}

function writeUrl(division: string | null, incident: string | null, push: boolean) {
  const q = new URLSearchParams();
  if (division) q.set("division", division);
  if (incident) q.set("incident", incident);
  const url = `/screen/${q.size ? `?${q}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

export function ScreenPage({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const [division, setDivision] = useState<string | null>(() => readUrl().division);
  const data = useScreenData(division);
  const { summary, charts, touch, reloadAll } = data;
  const scope = summary?.scope ?? null;
  const incidents = useIncidents(canViewIncidents(me.roles), readUrl().incident);
  // 共性问题 / 趋势异常: the viewers of the screen are the roles that see alerts (analysis:view)
  const alerts = useAlerts(division, true);
  const incident: IncidentDetail | null = incidents.currentId ? incidents.detail : null;
  const mapApi = useRef<ScreenMapApi | null>(null);
  const [ticker, setTicker] = useState<TickerItem[]>([]);
  const [picked, setPicked] = useState<CasePoint | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const scopeRef = useRef(scope);
  scopeRef.current = scope;

  // the URL follows the screen: a drill-down is a history step, switching incidents is not
  useEffect(() => writeUrl(division, incidents.currentId, false), [division, incidents.currentId]);
  useEffect(() => {
    const back = () => setDivision(readUrl().division);
    window.addEventListener("popstate", back);
    return () => window.removeEventListener("popstate", back);
  }, []);
  const drill = useCallback(
    (code: string) => {
      if (code === scopeRef.current?.code) return;
      writeUrl(code, incidents.currentId, true);
      setDivision(code);
      setPicked(null);
      setTicker([]);
    },
    [incidents.currentId],
  );

  const onCase = useCallback(
    (ev: CaseEvent) => {
      mapApi.current?.upsertCase(ev);
      const children = scopeRef.current?.children ?? [];
      const codes = [ev.districtCode, ev.townshipCode, ev.communityCode, ev.gridCode];
      const place = children.find((c) => codes.includes(c.code))?.name ?? null;
      const item: TickerItem = { ...ev, key: `${ev.id}:${ev.at}:${ev.action}`, place };
      setTicker((list) => (list.some((i) => i.key === item.key) ? list : [item, ...list].slice(0, TICKER_MAX)));
      touch();
    },
    [touch],
  );
  const live = useLiveStream(division, Boolean(summary) || Boolean(data.error), {
    onCase,
    onIncident: incidents.onEvent,
    onAlert: alerts.onAlert,
    onReconnected: () => {
      reloadAll();
      incidents.refresh();
      alerts.reload();
    },
  });

  const openCase = useCallback((p: CasePoint) => setPicked(p), []);
  const onDeclared = (detail: IncidentDetail) => {
    setDeclaring(false);
    incidents.show(detail.id);
    incidents.refresh();
  };

  if (data.error && !summary) {
    const forbidden = data.error.status === 403;
    return (
      <div className="scr-message" data-testid="screen-error">
        <p>{forbidden ? t("scForbidden") : data.error.status === 404 ? t("scOutOfScope") : data.error.text(lang)}</p>
        {division && !forbidden ? (
          <button
            type="button"
            className="scr-btn"
            onClick={() => drill(me.jurisdiction.kind === "division" ? me.jurisdiction.code : "")}
          >
            {t("scBackToOwn")}
          </button>
        ) : (
          <a className="scr-btn" href="/">
            {t("scWorkbench")}
          </a>
        )}
      </div>
    );
  }

  const emergency = Boolean(incident);
  return (
    <div
      className={`scr-root ${emergency ? "emergency" : ""}`}
      data-testid="screen"
      data-scope={scope?.code ?? ""}
      data-incident={incidents.currentId ?? ""}
      data-incidents-ready={incidents.ready}
    >
      <Header
        breadcrumb={scope?.breadcrumb ?? []}
        rootCode={me.jurisdiction.kind === "division" ? me.jurisdiction.code : null}
        onCrumb={drill}
        live={live}
        activeIncidents={incidents.active.length}
        canDeclare={canDeclare(me.roles) && Boolean(scope)}
        onDeclare={() => setDeclaring(true)}
        onIncidents={() => setListOpen(true)}
        userName={me.displayName}
      />
      <main className="scr-main">
        <aside className="scr-col left">
          {declaring && scope ? (
            <DeclareForm
              scope={scope}
              onPicking={setPicking}
              onDeclared={onDeclared}
              onCancel={() => setDeclaring(false)}
            />
          ) : incident ? (
            <IncidentCommand
              incident={incident}
              canCommand={canDeclare(me.roles)}
              onChanged={incidents.refresh}
              onClosed={incidents.refresh}
            />
          ) : (
            <LeftCharts charts={charts} />
          )}
        </aside>
        <section className="scr-centre">
          <KpiTiles kpis={summary?.kpis ?? null} autoDispatch={summary?.autoDispatch ?? null} />
          <div className="scr-mapwrap">
            {incident && (
              <IncidentBanner incident={incident} onList={() => setListOpen(true)} onLeave={incidents.leave} />
            )}
            <ScreenMap
              scope={scope}
              ranking={charts?.ranking ?? null}
              points={data.points?.items ?? null}
              heat={data.heat}
              workers={data.workers}
              alerts={alerts.alerts}
              incident={incident}
              picking={picking}
              onDrill={drill}
              onOpenCase={openCase}
              apiRef={mapApi}
            />
            {data.points?.truncated && !incident && (
              <div className="scr-truncated">
                {t("scTruncated", { shown: data.points.items.length, total: data.points.total })}
              </div>
            )}
            {picked && <CaseCard point={picked} onClose={() => setPicked(null)} />}
          </div>
        </section>
        <aside className="scr-col right">
          {incident ? (
            <IncidentPeople
              incident={incident}
              onCase={(c) =>
                setPicked({
                  id: c.id,
                  code: c.code,
                  lat: c.lat,
                  lng: c.lng,
                  status: c.status,
                  overdue: Boolean(c.overdue),
                  categoryName: c.categoryName ?? null,
                  reportedAt: "",
                })
              }
            />
          ) : (
            <>
              <RankingPanel rows={charts?.ranking ?? null} onDrill={drill} />
              <OverduePanel rows={charts?.overdueByUnit ?? null} />
              <AlertPanel alerts={alerts.alerts} fresh={alerts.fresh} onPick={(a) => drill(a.code)} />
              <Panel title={t("scTicker")} className="grow" testId="ticker-panel">
                <Ticker items={ticker} onOpen={(it) => setPicked({ ...it, reportedAt: "" })} />
              </Panel>
            </>
          )}
        </aside>
      </main>
      {listOpen && (
        <IncidentList
          items={incidents.active}
          currentId={incidents.currentId}
          onPick={(id) => {
            incidents.show(id);
            setListOpen(false);
          }}
          onNormal={() => {
            incidents.leave();
            setListOpen(false);
          }}
          onClose={() => setListOpen(false)}
        />
      )}
    </div>
  );
}
