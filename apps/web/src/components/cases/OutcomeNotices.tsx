// 并案告知: who is told the outcome of this case — the reporters of the cases merged into it and the
// "me too" callers — how, and where delivery stands; `callback` ones wait for the hotline's call.
import { List, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { Page } from "../../lib/types.ts";

interface OutcomeNotice {
  id: number;
  caseId: string;
  caseCode: string;
  recipient: "reporter" | "caller";
  phone: string | null;
  channel: "sms" | "portal" | "staff";
  status: "pending" | "sent" | "shown" | "callback" | "failed";
  createdAt: string;
  deliveredAt: string | null;
}

const STATUS_COLOUR = { pending: "default", sent: "green", shown: "green", callback: "orange", failed: "red" } as const;

export function OutcomeNotices({ caseId, version }: { caseId: string; version?: number }) {
  const { t } = useI18n();
  const found = useLoad(`${caseId}:${version ?? ""}`, () =>
    get<Page<OutcomeNotice>>(`/cases/${caseId}/notices${qs({ pageSize: 50 })}`),
  );
  const items = found.data?.items ?? [];
  if (items.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="outcome-notices-empty">
        {found.loading ? t("loading") : t("dupNoticesEmpty")}
      </Typography.Text>
    );
  }
  return (
    <List
      size="small"
      data-testid="outcome-notices"
      dataSource={items}
      renderItem={(n) => (
        <List.Item key={n.id} data-testid="outcome-notice" data-status={n.status}>
          <Space size={6} wrap>
            <Link to={`/cases/${n.caseId}`}>{n.caseCode}</Link>
            <span>{t(`noticeRecipient_${n.recipient}` as MessageKey)}</span>
            {n.phone && <Typography.Text type="secondary">{n.phone}</Typography.Text>}
            <Tag>{t(`noticeChannel_${n.channel}` as MessageKey)}</Tag>
            <Tag color={STATUS_COLOUR[n.status]}>{t(`noticeStatus_${n.status}` as MessageKey)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmtTime(n.deliveredAt ?? n.createdAt)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
