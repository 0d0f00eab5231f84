// The status of a case as a coloured tag, and the time left on it coloured by urgency.
import type { CaseStatus } from "@civicgrid/shared";
import { Tag } from "antd";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { TIME_CLASS, timeLeft } from "../../lib/format.ts";
import type { CaseSummary } from "../../lib/types.ts";

const COLOURS: Record<CaseStatus, string> = {
  reported: "blue",
  registered: "cyan",
  rejected: "default",
  merged: "default",
  dispatched: "geekblue",
  accepted: "orange",
  returned: "volcano",
  handled: "purple",
  closed: "green",
  evaluated: "green",
};

export function StatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[status] ?? "default"} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status_${status}` as MessageKey)}
    </Tag>
  );
}

export function TimeLeftText({ c, now }: { c: Pick<CaseSummary, "status" | "deadlines">; now: number }) {
  const { t } = useI18n();
  const left = timeLeft(c, now, t);
  return (
    <span className={TIME_CLASS[left.level]} data-level={left.level}>
      {left.text}
    </span>
  );
}
