// 节假日: a year's public holidays and adjusted working days (调休); click a day to cycle
// normal → 休 (→ 班 on a weekend) → normal, then save the whole year (PUT /calendar/:year).
import { App, Button, DatePicker, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import type { CalendarYear } from "../../components/admin/types.ts";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { YearCalendar } from "../../components/admin/YearCalendar.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { put } from "../../lib/api.ts";

// the server's limits on one year
const MAX_HOLIDAYS = 120;
const MAX_WORKDAYS = 30;

interface Days {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function CalendarTab() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year());
  const loaded = useFetch<CalendarYear>(`/calendar/${year}`);
  const [days, setDays] = useState<Days>({ holidays: new Set(), workdays: new Set() });
  const { holidays, workdays } = days;
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  const reset = useCallback(() => {
    if (loaded.data?.year !== year) return;
    setDays({ holidays: new Set(loaded.data.holidays), workdays: new Set(loaded.data.workdays) });
    setDirty(false);
  }, [loaded.data, year]);
  useEffect(reset, [reset]);

  const toggle = useCallback((date: string, weekend: boolean) => {
    setDays((prev) => {
      const h = new Set(prev.holidays);
      const w = new Set(prev.workdays);
      // 调休: only a weekend day can become a working day (the server refuses others)
      if (h.has(date)) {
        h.delete(date);
        if (weekend) w.add(date);
      } else if (w.has(date)) w.delete(date);
      else h.add(date);
      return { holidays: h, workdays: w };
    });
    setDirty(true);
  }, []);

  const changeYear = (y: number) => {
    if (!dirty) return setYear(y);
    modal.confirm({
      title: t("admCalendarDiscard"),
      okText: t("admConfirm"),
      cancelText: t("cancel"),
      onOk: () => setYear(y),
    });
  };

  const tooMany = holidays.size > MAX_HOLIDAYS || workdays.size > MAX_WORKDAYS;
  const save = async () => {
    setSaving(true);
    try {
      await put(`/calendar/${year}`, { holidays: [...holidays].sort(), workdays: [...workdays].sort() });
      message.success(t("admSaved"));
      setDirty(false);
      loaded.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs(new Date(year, 0, 1))}
          onChange={(d) => d && changeYear(d.year())}
          aria-label={t("admYear")}
          data-testid="calendar-year"
        />
        <Tag color="red">{t("admHolidayCount", { n: holidays.size })}</Tag>
        <Tag color="blue">{t("admWorkdayCount", { n: workdays.size })}</Tag>
        <Button
          type="primary"
          onClick={() => void save()}
          loading={saving}
          disabled={!dirty || tooMany}
          data-testid="calendar-save"
        >
          {t("save")}
        </Button>
        <Button onClick={reset} disabled={!dirty}>
          {t("admUndoChanges")}
        </Button>
        {dirty ? <Typography.Text type="warning">{t("admUnsavedChanges")}</Typography.Text> : null}
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          <span className="cg-legend-chip cg-day-holiday">{t("admHolidayMark")}</span> {t("admDayHoliday")}
          {"  "}
          <span className="cg-legend-chip cg-day-workday" style={{ marginLeft: 12 }}>
            {t("admWorkdayMark")}
          </span>{" "}
          {t("admDayWorkday")} · {t("admCalendarHint")}
        </Typography.Text>
      </div>
      {tooMany ? (
        <Typography.Paragraph type="danger">
          {t("admCalendarTooMany", { h: MAX_HOLIDAYS, w: MAX_WORKDAYS })}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <YearCalendar year={year} holidays={holidays} workdays={workdays} onToggle={toggle} />
    </div>
  );
}
