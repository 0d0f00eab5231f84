// 派遣中心 (centre roles): new reports to register and cases to dispatch, as a list (~40%) beside a
// map (~60%); a row and its dot highlight each other, both open the case; refreshed every 30 s.
import { ReloadOutlined } from "@ant-design/icons";
import { CASE_SOURCES, CENTRE_ROLES } from "@civicgrid/shared";
import { Badge, Button, Checkbox, Result, Segmented, Select, Space, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { useFetch } from "../components/admin/useFetch.ts";
import { CaseMarkers } from "../components/dispatch/CaseMarkers.tsx";
import { DispatchList } from "../components/dispatch/DispatchList.tsx";
import "../components/dispatch/dispatch.css";
import {
  BUCKET_STATUSES,
  DISPATCH_BUCKETS,
  type DispatchBucket,
  type MapCases,
  OVERDUE_COLOR,
  STATUS_COLOR,
} from "../components/dispatch/types.ts";
import { useJurisdictionOverlay } from "../components/dispatch/useJurisdictionOverlay.ts";
import { useI18n } from "../i18n/index.tsx";
import { qs } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import type { CaseSummary, Page } from "../lib/types.ts";

const REFRESH_MS = 30_000;
const PAGE_SIZE = 50;
const MAP_LIMIT = 2000;

export function DispatchPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const bucket: DispatchBucket = params.get("bucket") === "toDispatch" ? "toDispatch" : "toRegister";
  const [status, setStatus] = useState<string[]>([]);
  const [source, setSource] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [highlight, setHighlight] = useState<{ id: string; fromMap: boolean } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const isCentre = me?.roles.some((r) => CENTRE_ROLES.includes(r)) ?? false;

  const filter = { bucket, status, source, overdue: overdue || undefined };
  const list = useFetch<Page<CaseSummary>>(
    isCentre ? `/cases${qs({ ...filter, sort: "-reportedAt", page, pageSize: PAGE_SIZE })}` : null,
  );
  const points = useFetch<MapCases>(isCentre ? `/cases/map${qs({ ...filter, limit: MAP_LIMIT })}` : null);
  const inbox = useFetch<{ buckets: { key: string; count: number }[] }>(isCentre ? "/inbox" : null);
  const area = useJurisdictionOverlay(me);

  // every 30 s, while the tab is visible: new reports appear without a reload
  const refresh = useCallback(() => {
    list.reload();
    points.reload();
    inbox.reload();
    setNow(Date.now());
  }, [list.reload, points.reload, inbox.reload]);
  useEffect(() => {
    const id = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(id);
  }, [refresh]);

  const setBucket = (b: DispatchBucket) => {
    setParams(b === "toRegister" ? {} : { bucket: b }, { replace: true });
    setStatus([]);
    setPage(1);
  };
  const hover = useCallback((id: string | null, fromMap: boolean) => {
    setHighlight(id ? { id, fromMap } : null);
  }, []);
  const onMapHover = useCallback((id: string | null) => hover(id, true), [hover]);
  const onOpen = useCallback((id: string) => navigate(`/cases/${id}`), [navigate]);

  if (!isCentre) return <Result status="403" title={t("admDispatchCentreOnly")} />;

  const count = (key: string) => inbox.data?.buckets.find((b) => b.key === key)?.count;
  const mapItems = points.data?.items ?? [];

  return (
    <div className="cg-dispatch" data-testid="dispatch-page">
      <section className="cg-dispatch-left" aria-label={t("admDispatchListLabel")}>
        <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
          <Segmented<DispatchBucket>
            value={bucket}
            onChange={setBucket}
            data-testid="dispatch-bucket"
            options={DISPATCH_BUCKETS.map((b) => ({
              value: b,
              label: (
                <span data-testid={`dispatch-bucket-${b}`}>
                  {t(b === "toRegister" ? "admBucketToRegister" : "admBucketToDispatch")}{" "}
                  <Badge
                    count={count(b) ?? 0}
                    showZero
                    overflowCount={9999}
                    color={b === bucket ? "#1f5fbf" : "#bfbfbf"}
                  />
                </span>
              ),
            }))}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t("status")}
            aria-label={t("status")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={BUCKET_STATUSES[bucket].map((s) => ({ value: s, label: t(`status_${s}`) }))}
            style={{ minWidth: 120 }}
            data-testid="dispatch-status"
          />
          <Select
            allowClear
            placeholder={t("source")}
            aria-label={t("source")}
            value={source}
            onChange={(v) => {
              setSource(v);
              setPage(1);
            }}
            options={CASE_SOURCES.map((s) => ({ value: s, label: t(`source_${s}`) }))}
            style={{ width: 130 }}
            data-testid="dispatch-source"
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              setPage(1);
            }}
          >
            {t("admOverdueOnly")}
          </Checkbox>
        </Space>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <DispatchList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          loading={list.loading}
          now={now}
          highlight={highlight?.id ?? null}
          highlightFromMap={highlight?.fromMap ?? false}
          onHover={(id) => hover(id, false)}
          onPage={(p) => setPage(p)}
        />
      </section>
      <section className="cg-dispatch-right" aria-label={t("admDispatchMapLabel")}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
          <div className="cg-dispatch-legend" data-testid="dispatch-legend">
            {BUCKET_STATUSES[bucket].map((s) => (
              <span key={s}>
                <i style={{ background: STATUS_COLOR[s] }} />
                {t(`status_${s}`)}
              </span>
            ))}
            <span>
              <i style={{ background: OVERDUE_COLOR }} />
              {t("overdue")}
            </span>
            <span>{t("admMapCount", { n: mapItems.length })}</span>
            {points.data?.truncated ? (
              <Typography.Text type="warning">{t("admMapTruncated", { n: MAP_LIMIT })}</Typography.Text>
            ) : null}
          </div>
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dispatch-updated">
              {t("admUpdatedAt", { time: dayjs(now).format("HH:mm:ss") })}
            </Typography.Text>
            <Tooltip title={t("admRefreshNow")}>
              <Button size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label={t("admRefreshNow")} />
            </Tooltip>
          </Space>
        </div>
        <ErrorAlert error={points.error} onRetry={points.reload} />
        <div style={{ flex: 1, minHeight: 0 }}>
          <CaseMarkers
            cases={mapItems}
            highlight={highlight?.id ?? null}
            onHover={onMapHover}
            onOpen={onOpen}
            jurisdiction={area}
            height="100%"
          />
        </div>
      </section>
    </div>
  );
}
