// 任务: cases waiting for my check on site (核查), and my own reports still open.
import type { CaseStatus } from "@civicgrid/shared";
import { Alert, Empty, Pagination, Segmented, Skeleton } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { StatusTag } from "../../components/cases/StatusTag.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";
import { useCachedGet } from "../offline/cached.ts";
import type { MobileTask, TaskKind } from "../types.ts";
import { ErrorNote } from "./ErrorNote.tsx";

const PAGE_SIZE = 20;

export function TasksScreen() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind: TaskKind = params.get("kind") === "mine" ? "mine" : "verify";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const list = useCachedGet<Page<MobileTask>>(`/mobile/tasks${qs({ kind, page, pageSize: PAGE_SIZE })}`);
  const data = list.data;

  return (
    <div data-testid="m-tasks">
      <Segmented
        block
        size="large"
        value={kind}
        onChange={(v) => setParams({ kind: String(v) }, { replace: true })}
        options={[
          { value: "verify", label: t("mToVerify") },
          { value: "mine", label: t("mMyOpen") },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="tasks-kind"
      />
      {list.stale && (
        <Alert type="warning" showIcon title={t("mStale", { at: fmtTime(list.at) })} style={{ marginBottom: 12 }} />
      )}
      <ErrorNote error={data ? null : list.error} onRetry={list.reload} />
      {!data && list.loading && <Skeleton active />}
      {data && data.items.length === 0 && (
        <Empty description={kind === "verify" ? t("mNoVerify") : t("mNoOpenReports")} style={{ marginTop: 40 }} />
      )}
      {data?.items.map((c) => (
        <Link key={c.id} to={`/cases/${c.id}`} className="m-list-item" data-testid="task-item" data-case-id={c.id}>
          <div className="m-list-item-head">
            <span className="m-list-item-title">{c.title}</span>
            <StatusTag status={c.status as CaseStatus} />
          </div>
          <div className="m-text" style={{ margin: "4px 0" }}>
            {c.excerpt}
          </div>
          {kind === "verify" && c.resultNote && (
            <div className="m-muted">
              {t("mHandlerSaid")}: {c.resultNote}
            </div>
          )}
          <div className="m-muted">
            {c.code} · {c.gridName ?? c.communityName} · {fmtTime(kind === "verify" ? c.handledAt : c.reportedAt)}
          </div>
        </Link>
      ))}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onChange={(p) => setParams({ kind, page: String(p) }, { replace: true })}
        />
      )}
    </div>
  );
}
