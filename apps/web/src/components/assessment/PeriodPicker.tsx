// The period of the assessment: a month, a quarter, a year (up to today) or any range of days.
import { DatePicker, Segmented, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import type { Period } from "./types.ts";

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface PeriodChoice {
  kind: PeriodKind;
  anchor: Dayjs;
  range: [Dayjs, Dayjs];
}

const DAY = "YYYY-MM-DD";

/** The days of the choice; a running month, quarter or year ends today. */
export function periodOf(choice: PeriodChoice, today: Dayjs = dayjs()): Period {
  if (choice.kind === "custom") return { from: choice.range[0].format(DAY), to: choice.range[1].format(DAY) };
  const a = choice.anchor;
  const start =
    choice.kind === "month"
      ? a.startOf("month")
      : choice.kind === "year"
        ? a.startOf("year")
        : a.month(Math.floor(a.month() / 3) * 3).startOf("month");
  const end =
    choice.kind === "month"
      ? start.endOf("month")
      : choice.kind === "year"
        ? start.endOf("year")
        : start.add(2, "month").endOf("month");
  return { from: start.format(DAY), to: (end.isAfter(today) ? today : end).format(DAY) };
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const { t } = useI18n();
  const kinds: PeriodKind[] = ["month", "quarter", "year", "custom"];
  const future = (d: Dayjs) => d.isAfter(dayjs(), "day");
  return (
    <Space wrap data-testid="assessment-period">
      <Segmented
        value={value.kind}
        onChange={(k) => onChange({ ...value, kind: k as PeriodKind })}
        options={kinds.map((k) => ({ value: k, label: t(`asPeriod_${k}` as MessageKey) }))}
      />
      {value.kind === "custom" ? (
        <DatePicker.RangePicker
          value={value.range}
          allowClear={false}
          disabledDate={future}
          onChange={(r) => r?.[0] && r[1] && onChange({ ...value, range: [r[0], r[1]] })}
        />
      ) : (
        <DatePicker
          picker={value.kind}
          value={value.anchor}
          allowClear={false}
          disabledDate={future}
          onChange={(d) => d && onChange({ ...value, anchor: d })}
          data-testid="assessment-period-anchor"
        />
      )}
    </Space>
  );
}
