// 应急任务 on the home screen: a red card per emergency task of an active incident — type, level,
// title, the instruction — with 收到 and 已完成 (optional note). Answers go through the outbox like
// reports, so they are kept when the network drops; the list is read on open, every minute, and
// whenever one of these answers has been sent.
import { AlertOutlined, CheckCircleOutlined, CheckOutlined } from "@ant-design/icons";
import { App, Button, Input, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { useQueue } from "../hooks.ts";
import { isOnline } from "../network.ts";
import { useCachedGet } from "../offline/cached.ts";
import type { QueueItem } from "../offline/db.ts";
import { enqueue, sendQueue } from "../offline/queue.ts";
import { useSession } from "../session.tsx";
import type { IncidentTask } from "../types.ts";

/** Read the tasks again this often while the home screen is open. */
const REFRESH_MS = 60_000;
const PATH = "/mobile/incident-tasks?pageSize=20";

type Step = "incident-ack" | "incident-done";

interface LocalAnswer {
  step: Step;
  /** still in the outbox (not yet taken by the server) */
  unsent: boolean;
}

/**
 * The worker's latest answer to a task that the list read from the server may not show yet: one
 * still in the outbox, or one sent after the list was read (until the next read shows it).
 */
function localAnswerOf(items: QueueItem[], taskId: string, readAt: string | null): LocalAnswer | null {
  const answers = items.flatMap((i) => {
    const p = i.payload;
    if ((p.kind !== "incident-ack" && p.kind !== "incident-done") || p.taskId !== taskId) return [];
    const unsent = i.state !== "sent";
    if (!unsent && readAt && (i.sentAt ?? "") <= readAt) return [];
    return [{ step: p.kind, unsent }];
  });
  if (!answers.length) return null;
  const done = answers.some((a) => a.step === "incident-done");
  return { step: done ? "incident-done" : "incident-ack", unsent: answers.some((a) => a.unsent) };
}

export function IncidentTasks() {
  const { t } = useI18n();
  const { me } = useSession();
  const tasks = useCachedGet<{ items: IncidentTask[]; total: number }>(PATH);
  const queue = useQueue(me?.id);
  const { reload } = tasks;

  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  // an answer has just gone out: show the server's state of the task
  const sentAnswers = queue.items.filter((i) => i.payload.kind.startsWith("incident-") && i.state === "sent").length;
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (seen.current !== null && sentAnswers !== seen.current) reload();
    seen.current = sentAnswers;
  }, [sentAnswers, reload]);

  const items = tasks.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section data-testid="incident-tasks">
      <h2 className="m-incident-heading">
        <AlertOutlined /> {t("mIncidentTasks")}
      </h2>
      {items.map((task) => (
        <IncidentCard key={task.id} task={task} local={localAnswerOf(queue.items, task.id, tasks.at)} />
      ))}
    </section>
  );
}

function IncidentCard({ task, local }: { task: IncidentTask; local: LocalAnswer | null }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  // what the worker sees: the server's state, moved on by an answer it does not show yet
  const status =
    local?.step === "incident-done"
      ? "done"
      : local?.step === "incident-ack" && task.status === "sent"
        ? "acknowledged"
        : task.status;

  const answer = async (kind: Step) => {
    if (!me) return;
    setBusy(true);
    try {
      await enqueue(
        me.id,
        kind === "incident-ack"
          ? { kind, taskId: task.id, title: task.title }
          : { kind, taskId: task.id, title: task.title, note: note.trim() },
      );
      void sendQueue(me.id);
      if (!isOnline()) message.info(t("mIncidentQueued"));
      setNoting(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`m-incident${status === "done" ? " m-incident-done" : ""}`} data-testid="incident-card">
      <div className="m-incident-head">
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t(`incType_${task.type}` as MessageKey)}
        </Tag>
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t(`incLevel_${task.level}` as MessageKey)}
        </Tag>
        <span className="m-incident-code">{task.incidentCode}</span>
      </div>
      <div className="m-incident-title" data-testid="incident-title">
        {task.title}
      </div>
      <div className="m-incident-text" data-testid="incident-text">
        {task.text}
      </div>
      <div className="m-incident-meta">
        {t("mIncidentRound", { n: task.round })} · {task.gridName ?? task.gridCode} ·{" "}
        {t("mIncidentSentAt", { at: fmtTime(task.sentAt) })}
      </div>
      <div className="m-incident-status">
        <Tag
          color={status === "done" ? "success" : status === "acknowledged" ? "processing" : "error"}
          data-testid="incident-status"
        >
          {t(`incTask_${status}` as MessageKey)}
        </Tag>
        {local?.unsent && (
          <span className="m-incident-pending">{isOnline() ? t("mIncidentSending") : t("mIncidentPending")}</span>
        )}
        {status === "done" && task.note && <span className="m-incident-note">{task.note}</span>}
      </div>
      {status !== "done" && !noting && (
        <div className="m-incident-actions">
          {status === "sent" && (
            <Button
              size="large"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={() => void answer("incident-ack")}
              data-testid="incident-ack"
            >
              {t("mIncidentAck")}
            </Button>
          )}
          <Button
            size="large"
            type="primary"
            danger
            icon={<CheckCircleOutlined />}
            onClick={() => setNoting(true)}
            data-testid="incident-done"
          >
            {t("mIncidentDone")}
          </Button>
        </div>
      )}
      {status !== "done" && noting && (
        <div className="m-incident-form">
          <div className="m-incident-meta">{t("mIncidentDoneTitle")}</div>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t("mIncidentNote")}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            aria-label={t("mIncidentNote")}
            data-testid="incident-note"
          />
          <div className="m-incident-actions">
            <Button size="large" onClick={() => setNoting(false)}>
              {t("cancel")}
            </Button>
            <Button
              size="large"
              type="primary"
              danger
              loading={busy}
              onClick={() => void answer("incident-done")}
              data-testid="incident-submit-done"
            >
              {t("mIncidentSubmitDone")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
