// 首页: my grid on the map with my position, what waits for me, the patrol, and the outbox.
import { CameraOutlined, CloudUploadOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Alert, Button, Skeleton, Tag } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { type MapOverlay, VectorMap } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { useNow } from "../../lib/hooks.ts";
import { IncidentTasks } from "../components/IncidentTasks.tsx";
import { MapBoundary } from "../components/MapBoundary.tsx";
import { clockText, distanceText } from "../format.ts";
import { useCurrentPosition, usePatrol, useQueue } from "../hooks.ts";
import { useCachedGet } from "../offline/cached.ts";
import { useSession } from "../session.tsx";
import type { MobileHome } from "../types.ts";
import { ErrorNote } from "./ErrorNote.tsx";

const nameOf = (p: Record<string, unknown>) => (typeof p.name === "string" ? p.name : null);

export function HomeScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  const home = useCachedGet<MobileHome>("/mobile/home");
  const { pos, error: gpsError } = useCurrentPosition();
  const queue = useQueue(me?.id);
  const patrol = usePatrol();
  const now = useNow(1000);
  const data = home.data;

  const overlays = useMemo<MapOverlay[] | undefined>(
    () =>
      data?.grids.features.length
        ? [
            {
              id: "my-grids",
              data: data.grids,
              style: { color: "#1f5fbf", weight: 2.5, fillOpacity: 0.12 },
              tooltip: nameOf,
            },
          ]
        : undefined,
    [data],
  );
  const gridNames = data?.grids.features.map((f) => nameOf(f.properties ?? {})).filter(Boolean) ?? [];

  return (
    <div data-testid="m-home">
      {home.stale && (
        <Alert type="warning" showIcon title={t("mStale", { at: fmtTime(home.at) })} style={{ marginBottom: 12 }} />
      )}
      <ErrorNote error={home.data ? null : home.error} onRetry={home.reload} />
      <IncidentTasks />

      <section className="m-card">
        <h2 className="m-card-title">
          <span data-testid="m-grid-names">
            {data?.community?.name ?? ""} {gridNames.join("、") || (data ? t("mNoGrid") : "")}
          </span>
        </h2>
        <MapBoundary height={220} text={t("mMapUnavailable")}>
          <VectorMap
            height={220}
            overlays={overlays}
            marker={pos}
            fit={overlays ? "overlays" : pos ? "marker" : "districts"}
            fitKey={overlays ? "grids" : pos ? "me" : "city"}
            fitPadding={20}
            testId="m-home-map"
          />
        </MapBoundary>
        <div className="m-muted" style={{ marginTop: 6 }}>
          {pos ? t("mMyPosition", { acc: Math.round(pos.accuracy) }) : gpsError ? t("mNoGps") : t("mLocating")}
        </div>
      </section>

      <section className="m-card">
        <h2 className="m-card-title">{t("mMyTasks")}</h2>
        {!data && home.loading ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <div className="m-stats">
            <button
              type="button"
              className="m-stat"
              onClick={() => navigate("/tasks?kind=verify")}
              data-testid="stat-verify"
            >
              <b>{data?.tasks.toVerify ?? "–"}</b>
              <span>{t("mToVerify")}</span>
            </button>
            <button
              type="button"
              className="m-stat"
              onClick={() => navigate("/tasks?kind=mine")}
              data-testid="stat-mine"
            >
              <b>{data?.tasks.myOpen ?? "–"}</b>
              <span>{t("mMyOpen")}</span>
            </button>
            <button
              type="button"
              className={`m-stat${(data?.tasks.overdue ?? 0) > 0 ? " m-stat-alert" : ""}`}
              onClick={() => navigate("/tasks?kind=verify")}
            >
              <b>{data?.tasks.overdue ?? "–"}</b>
              <span>{t("mOverdueHere")}</span>
            </button>
          </div>
        )}
      </section>

      <section className="m-card">
        <h2 className="m-card-title">
          {t("mPatrol")}
          {patrol && <Tag color="processing">{t("mOnPatrol")}</Tag>}
        </h2>
        {patrol ? (
          <div className="m-muted" style={{ marginBottom: 10 }}>
            {clockText((now - Date.parse(patrol.startedAt)) / 1000)} · {distanceText(patrol.distanceM, t)}
          </div>
        ) : (
          data && (
            <div className="m-muted" style={{ marginBottom: 10 }}>
              {t("mTodayPatrols", { n: data.today.patrols, d: distanceText(data.today.distanceM, t) })}
            </div>
          )
        )}
        <Button block className="m-big-button" icon={<EnvironmentOutlined />} onClick={() => navigate("/patrol")}>
          {patrol ? t("mOpenPatrol") : t("mStartPatrol")}
        </Button>
      </section>

      {queue.pending > 0 && (
        <button type="button" className="m-list-item" onClick={() => navigate("/queue")} data-testid="home-queue">
          <CloudUploadOutlined /> {t("mPendingItems", { n: queue.pending })}
        </button>
      )}

      <Button
        type="primary"
        block
        className="m-big-button"
        icon={<CameraOutlined />}
        onClick={() => navigate("/report")}
        data-testid="home-report"
      >
        {t("mReportProblem")}
      </Button>
    </div>
  );
}
