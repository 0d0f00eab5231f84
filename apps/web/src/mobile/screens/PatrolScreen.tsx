// 巡查: start, walk, stop. While on patrol the phone records its position every few seconds; the track
// goes to the outbox in batches, so walking out of coverage loses nothing. Below, my recent patrols
// and the track of any of them.
import { EnvironmentOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Empty, Popconfirm, Skeleton } from "antd";
import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { type MapOverlay, VectorMap } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { useNow } from "../../lib/hooks.ts";
import type { Page } from "../../lib/types.ts";
import { MapBoundary } from "../components/MapBoundary.tsx";
import { clockText, distanceText } from "../format.ts";
import { useOnline, usePatrol, useQueue } from "../hooks.ts";
import { useCachedGet } from "../offline/cached.ts";
import { startPatrol, stopPatrol } from "../patrol/recorder.ts";
import { useSession } from "../session.tsx";
import type { MobileHome, PatrolView } from "../types.ts";
import { ErrorNote } from "./ErrorNote.tsx";

type PatrolWithTrack = PatrolView & { track: { at: string; lat: number; lng: number }[] };

const line = (coords: [number, number][]): FeatureCollection => ({
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: {},
      geometry: { type: "LineString", coordinates: coords.map(([lat, lng]) => [lng, lat]) },
    },
  ],
});

const gridOverlay = (home: MobileHome | undefined): MapOverlay[] =>
  home?.grids.features.length
    ? [{ id: "my-grids", data: home.grids, fit: true, style: { color: "#1f5fbf", weight: 2, fillOpacity: 0.06 } }]
    : [];

export function PatrolScreen() {
  const { t } = useI18n();
  const { me } = useSession();
  const online = useOnline();
  const patrol = usePatrol();
  const queue = useQueue(me?.id);
  const now = useNow(1000);
  const home = useCachedGet<MobileHome>("/mobile/home");
  const history = useCachedGet<Page<PatrolView>>("/mobile/patrols?pageSize=10");
  const reloadHistory = history.reload;
  const onPatrol = patrol !== null;
  // the list follows the patrol once what the phone recorded has reached the server
  // biome-ignore lint/correctness/useExhaustiveDependencies: a start or stop asks for the list again
  useEffect(() => {
    if (queue.patrolBatches === 0) reloadHistory();
  }, [onPatrol, queue.patrolBatches, reloadHistory]);
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const overlays = useMemo<MapOverlay[] | undefined>(() => {
    const list = gridOverlay(home.data);
    if (patrol && patrol.track.length > 1) {
      list.push({ id: "track", data: line(patrol.track), fit: false, style: { color: "#d4380d", weight: 4 } });
    }
    return list.length ? list : undefined;
  }, [home.data, patrol]);
  const position = patrol?.position ? { lat: patrol.position.lat, lng: patrol.position.lng } : null;

  const toggle = async () => {
    if (!me) return;
    setBusy(true);
    try {
      if (patrol) await stopPatrol();
      else await startPatrol(me.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="m-patrol">
      <section className="m-card">
        <h2 className="m-card-title">{patrol ? t("mOnPatrol") : t("mPatrol")}</h2>
        {patrol && (
          <div className="m-patrol-figures" data-testid="patrol-figures">
            <div>
              <b data-testid="patrol-duration">{clockText((now - Date.parse(patrol.startedAt)) / 1000)}</b>
              <span className="m-muted">{t("mDuration")}</span>
            </div>
            <div>
              <b data-testid="patrol-distance">{distanceText(patrol.distanceM, t)}</b>
              <span className="m-muted">{t("mDistance")}</span>
            </div>
            <div>
              <b data-testid="patrol-points">{patrol.points}</b>
              <span className="m-muted">{t("mPoints")}</span>
            </div>
          </div>
        )}
        {patrol?.gpsError && (
          <Alert
            type="warning"
            showIcon
            title={t("mGpsProblem", { e: patrol.gpsError })}
            style={{ marginBottom: 10 }}
          />
        )}
        <MapBoundary height={240} text={t("mMapUnavailable")}>
          <VectorMap
            height={240}
            overlays={overlays}
            marker={position}
            fit={home.data?.grids.features.length ? "overlays" : "marker"}
            fitKey={home.data ? "grids" : "wait"}
            fitPadding={20}
          />
        </MapBoundary>
        {queue.patrolBatches > 0 && (
          <div className="m-muted" style={{ marginTop: 6 }} data-testid="patrol-unsent">
            {t(online ? "mPatrolSending" : "mPatrolUnsent", { n: queue.patrolBatches })}
          </div>
        )}
        <div style={{ marginTop: 12 }}>
          {patrol ? (
            <Popconfirm
              title={t("mStopPatrolConfirm")}
              onConfirm={() => void toggle()}
              okText={t("mStopPatrol")}
              cancelText={t("cancel")}
            >
              <Button
                danger
                type="primary"
                block
                className="m-big-button"
                icon={<StopOutlined />}
                loading={busy}
                data-testid="patrol-stop"
              >
                {t("mStopPatrol")}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="primary"
              block
              className="m-big-button"
              icon={<EnvironmentOutlined />}
              loading={busy}
              onClick={() => void toggle()}
              data-testid="patrol-start"
            >
              {t("mStartPatrol")}
            </Button>
          )}
        </div>
        <div className="m-muted" style={{ marginTop: 8 }}>
          {t("mPatrolKeepOpen")}
        </div>
      </section>

      <section className="m-card">
        <h2 className="m-card-title">{t("mRecentPatrols")}</h2>
        <ErrorNote error={history.data ? null : history.error} onRetry={history.reload} />
        {!history.data && history.loading && <Skeleton active paragraph={{ rows: 2 }} />}
        {history.data?.items.length === 0 && <Empty description={t("mNoPatrols")} />}
        {history.data?.items.map((p) => (
          <button
            type="button"
            key={p.id}
            className="m-list-item"
            style={{ boxShadow: "none", background: "#f6f8fb" }}
            onClick={() => setShown(p.id)}
            data-testid="patrol-item"
          >
            <div className="m-list-item-head">
              <span className="m-list-item-title">{fmtTime(p.startedAt)}</span>
              <span>{distanceText(p.distanceM, t)}</span>
            </div>
            <div className="m-muted">
              {p.active ? t("mOnPatrol") : clockText(p.durationSeconds)} · {t("mPointsN", { n: p.pointCount })}
            </div>
          </button>
        ))}
      </section>
      <PatrolDrawer id={shown} home={home.data} onClose={() => setShown(null)} />
    </div>
  );
}

function PatrolDrawer({ id, home, onClose }: { id: string | null; home: MobileHome | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const found = useCachedGet<PatrolWithTrack>(id ? `/mobile/patrols/${id}` : null);
  const p = id ? found.data : undefined;
  const overlays = useMemo<MapOverlay[] | undefined>(() => {
    if (!p) return undefined;
    const list = gridOverlay(home).map((o) => ({ ...o, fit: p.track.length < 2 }));
    if (p.track.length > 1) {
      list.push({
        id: "track",
        data: line(p.track.map((x) => [x.lat, x.lng])),
        fit: true,
        style: { color: "#d4380d", weight: 4 },
      });
    }
    return list.length ? list : undefined;
  }, [p, home]);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      placement="bottom"
      size="75%"
      title={p ? fmtTime(p.startedAt) : t("mPatrol")}
    >
      <ErrorNote error={p ? null : found.error} />
      {p && (
        <>
          <div className="m-muted" style={{ marginBottom: 8 }}>
            {clockText(p.durationSeconds)} · {distanceText(p.distanceM, t)} · {t("mPointsN", { n: p.pointCount })}
          </div>
          <MapBoundary height={320} text={t("mMapUnavailable")}>
            <VectorMap height={320} overlays={overlays} fit="overlays" fitKey={p.id} fitPadding={24} />
          </MapBoundary>
        </>
      )}
    </Drawer>
  );
}
