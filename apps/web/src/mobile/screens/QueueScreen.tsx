// 待发送: what this phone made and where it stands — waiting for a network, being sent, failed (with
// the server's reason, to retry or drop) or sent (with the case number). Sent on its own when the
// network returns; "send now" for the impatient.
import { CloudUploadOutlined, DeleteOutlined, RedoOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Popconfirm, Space, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { useOnline, useQueue } from "../hooks.ts";
import type { QueueItem, QueueState } from "../offline/db.ts";
import { removeItem, retryItem, sendQueue } from "../offline/queue.ts";
import { useSession } from "../session.tsx";

const STATE_COLOUR: Record<QueueState, string> = {
  waiting: "gold",
  sending: "processing",
  failed: "error",
  sent: "success",
};

const KIND_LABEL: Partial<Record<QueueItem["payload"]["kind"], MessageKey>> = {
  report: "mKindReport",
  verify: "mKindVerify",
  "incident-ack": "mIncidentAck",
  "incident-done": "mIncidentDone",
};

function summary(item: QueueItem, t: (k: MessageKey, v?: Record<string, string | number>) => string): string {
  const p = item.payload;
  if (p.kind === "report") return p.body.description;
  if (p.kind === "verify")
    return `${p.caseCode} · ${p.pass ? t("mVerifyPass") : t("mVerifyFail")}${p.note ? ` · ${p.note}` : ""}`;
  if (p.kind === "patrol-points") return t("mPointsN", { n: p.points.length });
  if (p.kind === "incident-ack") return p.title;
  if (p.kind === "incident-done") return `${p.title}${p.note ? ` · ${p.note}` : ""}`;
  return "";
}

export function QueueScreen() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const online = useOnline();
  const queue = useQueue(me?.id);
  const [sending, setSending] = useState(false);
  // patrol data is listed only when the server refused it (to retry or drop); otherwise it is a count
  const items = queue.items.filter((i) => !i.payload.kind.startsWith("patrol-") || i.state === "failed").reverse();

  const sendNow = async () => {
    if (!me) return;
    setSending(true);
    try {
      await sendQueue(me.id);
    } finally {
      setSending(false);
    }
  };

  return (
    <div data-testid="m-queue">
      <section className="m-card">
        <h2 className="m-card-title">
          <span>
            {t("mQueueTitle")} <span data-testid="queue-pending">{queue.pending}</span>
          </span>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={sending}
            onClick={() => void sendNow()}
            data-testid="queue-send-now"
          >
            {t("mSendNow")}
          </Button>
        </h2>
        <div className="m-muted">{online ? t("mQueueOnline") : t("mQueueOffline")}</div>
        {queue.patrolBatches > 0 && (
          <div className="m-muted" style={{ marginTop: 6 }}>
            {t("mPatrolUnsent", { n: queue.patrolBatches })}
          </div>
        )}
      </section>
      {items.length === 0 && <Empty description={t("mQueueEmpty")} style={{ marginTop: 32 }} />}
      {items.map((item) => {
        const p = item.payload;
        const photos = "photos" in p ? p.photos.length : 0;
        return (
          <div
            className="m-list-item"
            key={item.id}
            data-testid="queue-item"
            data-state={item.state}
            data-kind={p.kind}
          >
            <div className="m-list-item-head">
              <span className="m-list-item-title">
                {KIND_LABEL[p.kind] ? t(KIND_LABEL[p.kind] as MessageKey) : t("mKindPatrol")}
              </span>
              <Tag color={STATE_COLOUR[item.state]} data-testid="queue-state" style={{ marginInlineEnd: 0 }}>
                {t(`mState_${item.state}` as MessageKey)}
              </Tag>
            </div>
            <div className="m-text" style={{ margin: "4px 0" }}>
              {summary(item, t)}
            </div>
            <div className="m-muted">
              {fmtTime(item.createdAt)}
              {photos > 0 ? ` · ${t("mPhotoCount", { n: photos })}` : ""}
              {p.kind === "report" && p.categoryName ? ` · ${p.categoryName}` : ""}
            </div>
            {item.state === "sent" && item.result?.caseId && (
              <div style={{ marginTop: 6 }}>
                <Link to={`/cases/${item.result.caseId}`} data-testid="queue-case-link">
                  {t("mSentAs", { code: item.result.caseCode ?? "" })}
                </Link>
              </div>
            )}
            {item.error && item.state !== "sent" && (
              <Alert
                type={item.state === "failed" ? "error" : "warning"}
                showIcon
                style={{ marginTop: 8 }}
                title={
                  item.error.code === "NETWORK"
                    ? t("mWaitingNetwork")
                    : lang === "zh"
                      ? item.error.message
                      : item.error.messageEn
                }
                data-testid="queue-error"
              />
            )}
            {item.state === "failed" && (
              <Space style={{ marginTop: 8 }}>
                <Button
                  icon={<RedoOutlined />}
                  onClick={() => void retryItem(item.id).then(() => me && sendQueue(me.id))}
                >
                  {t("retry")}
                </Button>
                <Popconfirm
                  title={t("mDeleteConfirm")}
                  onConfirm={() => void removeItem(item.id)}
                  okText={t("mDelete")}
                  cancelText={t("cancel")}
                >
                  <Button danger icon={<DeleteOutlined />}>
                    {t("mDelete")}
                  </Button>
                </Popconfirm>
              </Space>
            )}
          </div>
        );
      })}
    </div>
  );
}
