// 待办: what the user's unit owes now, by bucket (to register, to dispatch, … overdue, supervised),
// with the selected bucket's cases below. The bucket lives in the URL like every other filter.
import { Alert, Skeleton, Typography } from "antd";
import { useEffect } from "react";
import { useSearchParams } from "react-router-dom";
import { TrendBanner } from "../components/analysis/TrendBanner.tsx";
import { CaseListView } from "../components/cases/CaseListView.tsx";
import "../components/cases/cases.css";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { get } from "../lib/api.ts";
import { readFilters, writeFilters } from "../lib/caseQuery.ts";
import { useLoad, useNow } from "../lib/hooks.ts";

export const BUCKETS = [
  "toRegister",
  "toDispatch",
  "toAccept",
  "toHandle",
  "toVerify",
  "toEvaluate",
  "overdue",
  "supervised",
] as const;

interface Inbox {
  buckets: { key: string; count: number }[];
}

export function InboxPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // the counts follow the work: refreshed every minute and whenever the bucket changes
  const minute = useNow(60_000);
  const inbox = useLoad(`${minute}:${filters.bucket ?? ""}`, () => get<Inbox>("/inbox"));
  const counts = new Map(inbox.data?.buckets.map((b) => [b.key, b.count]) ?? []);

  // without a bucket in the URL, open the first one that holds work
  useEffect(() => {
    if (filters.bucket || !inbox.data) return;
    const first = inbox.data.buckets.find((b) => b.count > 0)?.key ?? BUCKETS[0];
    setParams(writeFilters({ ...filters, bucket: first, page: 1 }), { replace: true });
  }, [filters, inbox.data, setParams]);

  const select = (bucket: string) => setParams(writeFilters({ ...filters, bucket, page: 1 }));

  return (
    <div>
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("navInbox")}
      </Typography.Title>
      <TrendBanner />
      {inbox.error !== null && !inbox.data ? (
        <Alert type="warning" showIcon title={t("inboxUnavailable")} style={{ marginBottom: 12 }} />
      ) : !inbox.data ? (
        <Skeleton.Button active block style={{ height: 66, marginBottom: 12 }} />
      ) : (
        <div className="cg-buckets">
          {BUCKETS.map((key) => {
            const n = counts.get(key) ?? 0;
            const tone = key === "overdue" ? "is-alarm" : key === "supervised" ? "is-press" : "";
            return (
              <button
                key={key}
                type="button"
                className={`cg-bucket ${tone}`}
                aria-pressed={filters.bucket === key}
                data-testid={`bucket-${key}`}
                onClick={() => select(key)}
              >
                <span className="cg-bucket-label">{t(`bucket_${key}` as MessageKey)}</span>
                <span className={`cg-bucket-count ${n === 0 ? "is-zero" : ""}`} data-testid={`bucket-count-${key}`}>
                  {n}
                </span>
              </button>
            );
          })}
        </div>
      )}
      {/* wait for the bucket choice so the list does not load twice */}
      {(filters.bucket || inbox.error !== null) && <CaseListView />}
    </div>
  );
}
