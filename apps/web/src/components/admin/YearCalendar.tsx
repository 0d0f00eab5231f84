// A 12-month grid of one year marking public holidays (休) and adjusted working days (班); every
// day is a button, so the calendar is usable by keyboard as well as by mouse or touch.
import dayjs from "dayjs";
import { memo } from "react";
import { useI18n } from "../../i18n/index.tsx";

export type DayKind = "normal" | "holiday" | "workday";

const pad = (n: number) => String(n).padStart(2, "0");

export const YearCalendar = memo(function YearCalendar({
  year,
  holidays,
  workdays,
  onToggle,
}: {
  year: number;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** weekend: adjusted working days (班) can only fall on a weekend */
  onToggle: (date: string, weekend: boolean) => void;
}) {
  const { t } = useI18n();
  const weekdays = t("admWeekdaysShort").split(" ");
  const today = dayjs().format("YYYY-MM-DD");
  return (
    <div className="cg-year" data-testid="year-calendar">
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const lead = (first.day() + 6) % 7; // Monday first, as Chinese calendars are
        const days = first.daysInMonth();
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the month number is its identity
          <section key={m} className="cg-month" aria-label={first.format(t("admMonthFormat"))}>
            <h4>{first.format(t("admMonthFormat"))}</h4>
            <div className="cg-month-grid">
              {weekdays.map((w, i) => (
                <div key={w} className={`cg-wd${i >= 5 ? " cg-weekend" : ""}`} aria-hidden>
                  {w}
                </div>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity
                <div key={`blank-${i}`} />
              ))}
              {Array.from({ length: days }, (_, d) => {
                const date = `${year}-${pad(m + 1)}-${pad(d + 1)}`;
                const weekend = (lead + d) % 7 >= 5;
                const kind: DayKind = holidays.has(date) ? "holiday" : workdays.has(date) ? "workday" : "normal";
                const state =
                  kind === "holiday"
                    ? t("admDayHoliday")
                    : kind === "workday"
                      ? t("admDayWorkday")
                      : weekend
                        ? t("admDayWeekend")
                        : t("admDayNormal");
                return (
                  <button
                    key={date}
                    type="button"
                    className={`cg-day cg-day-${kind}${weekend ? " cg-weekend" : ""}${date === today ? " cg-today" : ""}`}
                    aria-label={`${date} ${state}`}
                    title={`${date} ${state}`}
                    data-date={date}
                    data-kind={kind}
                    onClick={() => onToggle(date, weekend)}
                  >
                    {d + 1}
                    {kind === "holiday" ? (
                      <i>{t("admHolidayMark")}</i>
                    ) : kind === "workday" ? (
                      <i>{t("admWorkdayMark")}</i>
                    ) : null}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
});
