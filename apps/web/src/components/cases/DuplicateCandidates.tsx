// Candidate duplicates of a case in the dispatch view (case page, dispatch form): open cases nearby
// telling a similar story, with why (distance, similarity, shared words) and — when the server offers
// the merge on this case — one click to merge this case into one of them (并案). The merge carries the
// case version on screen (If-Match), like every action form.
import { Alert, App, Button, Empty, List, Popconfirm, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, get, post, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { SimilarCase } from "../hotline/types.ts";
import type { CaseView } from "./caseTypes.ts";
import { errorText } from "./errors.ts";
import { StatusTag } from "./StatusTag.tsx";

interface Candidates {
  items: SimilarCase[];
  radiusM: number | null;
  windowDays: number | null;
  threshold: number;
}

interface Props {
  c: CaseView;
  /** after a merge (the case changed) or when the case changed meanwhile */
  onChanged: () => void;
  /** the dispatch form: a short warning, shown only when there are candidates */
  compact?: boolean;
}

export function DuplicateCandidates({ c, onChanged, compact = false }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useLoad(`${c.id}:${c.version ?? ""}`, () =>
    get<Candidates>(`/cases/${c.id}/duplicates${qs({ limit: 5 })}`),
  );
  const mayMerge = (c.availableActions ?? []).includes("merge");
  const items = found.data?.items ?? [];

  const merge = async (target: SimilarCase) => {
    setBusy(target.id);
    setError(null);
    try {
      const ifMatch: Record<string, string> = c.version === undefined ? {} : { "if-match": String(c.version) };
      await post(`/cases/${c.id}/actions/merge`, { targetId: target.id }, ifMatch);
      message.success(t("dupMerged", { code: target.code }));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "CONCURRENT_UPDATE") {
        message.warning(t("caseChangedMeanwhile"));
        onChanged();
      } else setError(errorText(e, lang, t));
    } finally {
      setBusy(null);
    }
  };

  if (compact && items.length === 0) return null;
  const list = (
    <List
      size="small"
      data-testid="duplicate-candidates"
      dataSource={items}
      renderItem={(d) => (
        <List.Item
          key={d.id}
          data-testid="duplicate-candidate"
          data-case-id={d.id}
          actions={
            mayMerge
              ? [
                  <Popconfirm
                    key="merge"
                    title={t("dupMergeConfirm", { code: d.code })}
                    onConfirm={() => void merge(d)}
                    okButtonProps={{ "data-testid": "duplicate-merge-confirm" }}
                  >
                    <Button size="small" loading={busy === d.id} data-testid="duplicate-merge">
                      {t("dupMergeInto")}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              <Link to={`/cases/${d.id}`} target={compact ? "_blank" : undefined}>
                {d.code}
              </Link>
              <StatusTag status={d.status} />
              <Typography.Text type="secondary">{fmtTime(d.reportedAt)}</Typography.Text>
            </Space>
            <Typography.Text ellipsis>{d.excerpt ?? d.title}</Typography.Text>
            <Space size={4} wrap>
              <Tag color="blue">{t("dupDistance", { m: d.why.distanceM })}</Tag>
              <Tag color="purple">{t("dupSimilarity", { s: Math.round(d.why.textScore * 100) })}</Tag>
              {d.why.sharedWords.slice(0, 4).map((w) => (
                <Tag key={w} color="gold">
                  {w}
                </Tag>
              ))}
              {d.meTooCount > 0 && <Tag>{t("dupMeToo", { n: d.meTooCount })}</Tag>}
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
  return (
    <Spin spinning={found.loading} size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {compact ? (
        <Alert
          type="warning"
          showIcon
          title={t("dupDispatchHint")}
          description={list}
          style={{ marginBottom: 16 }}
          data-testid="dispatch-duplicates"
        />
      ) : items.length > 0 ? (
        list
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            found.data?.radiusM
              ? t("dupNone", { m: found.data.radiusM, d: found.data.windowDays ?? 30 })
              : t("dupNoneAnyRadius")
          }
          data-testid="duplicates-empty"
        />
      )}
    </Spin>
  );
}
