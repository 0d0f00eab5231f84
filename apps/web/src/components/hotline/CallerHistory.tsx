// 来电历史: the caller's earlier cases (as reporter or "me too" caller), newest call first.
import { Alert, Empty, List, Skeleton, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { fmtTime, placeText } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { Page } from "../../lib/types.ts";
import { errorText } from "../cases/errors.ts";
import { StatusTag } from "../cases/StatusTag.tsx";
import type { CallerCase } from "./types.ts";

export function CallerHistory({ phone }: { phone: string | null }) {
  const { t, lang } = useI18n();
  const found = useLoad(phone, () =>
    get<Page<CallerCase>>(`/hotline/callers/${encodeURIComponent(phone ?? "")}/cases${qs({ pageSize: 10 })}`),
  );
  if (!phone) return <Typography.Text type="secondary">{t("hlHistoryHint")}</Typography.Text>;
  if (found.error) return <Alert type="warning" showIcon title={errorText(found.error, lang, t)} />;
  if (found.loading && !found.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const page = found.data;
  if (!page || page.items.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("hlHistoryNone")} data-testid="caller-history-empty" />
    );
  }
  return (
    <div data-testid="caller-history">
      <Typography.Text type="secondary">{t("hlHistoryCount", { n: page.total })}</Typography.Text>
      <List
        size="small"
        dataSource={page.items}
        renderItem={(c) => (
          <List.Item key={c.id} data-testid="caller-history-item" data-case-id={c.id}>
            <Space orientation="vertical" size={0} style={{ width: "100%" }}>
              <Space size={6} wrap>
                <Link to={`/cases/${c.id}`} className="cg-hl-code">
                  {c.code}
                </Link>
                <StatusTag status={c.status} />
                <Tag>{c.asReporter ? t("hlAsReporter") : t("hlAsMeToo")}</Tag>
                <Typography.Text type="secondary">{fmtTime(c.lastCallAt)}</Typography.Text>
              </Space>
              <Typography.Text ellipsis>{c.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {placeText(c)}
                {c.resultNote ? ` · ${t("hlResult")}: ${c.resultNote}` : ""}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
