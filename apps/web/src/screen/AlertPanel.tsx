// The screen's alert panel (研判预警): hotspots and trend alerts of the level shown, strongest first,
// each as place · category with this period's count against the usual one; new ones flash.
import { useI18n } from "../i18n/index.tsx";
import { Panel } from "./Panel.tsx";
import type { ScreenAlert } from "./types.ts";

const one = (v: number) => v.toFixed(1);

export function AlertPanel({
  alerts,
  fresh,
  onPick,
}: {
  alerts: ScreenAlert[] | null;
  fresh: ReadonlySet<string>;
  onPick: (a: ScreenAlert) => void;
}) {
  const { t } = useI18n();
  return (
    <Panel
      title={t("scAlerts")}
      extra={alerts && alerts.length > 0 ? <span className="scr-alert-count">{alerts.length}</span> : null}
      className="grow"
      testId="alert-panel"
    >
      {alerts && alerts.length === 0 ? (
        <p className="scr-empty">{t("scAlertsNone")}</p>
      ) : (
        <ul className="scr-alerts">
          {(alerts ?? []).map((a) => (
            <li key={a.id} className={fresh.has(a.id) ? "fresh" : ""} data-testid="screen-alert" data-id={a.id}>
              <button type="button" onClick={() => onPick(a)}>
                <span className={`scr-alert-kind ${a.kind}`}>
                  {t(a.kind === "trend" ? "anKind_trend" : "anKind_hotspot")}
                </span>
                <span className="scr-alert-what">
                  {a.placeName.split(" / ").slice(-2).join(" ")} · {a.category.name}
                </span>
                <span className="scr-alert-figures">
                  <b>{a.observed}</b>/{one(a.expected)}
                </span>
                {fresh.has(a.id) && <span className="scr-alert-new">{t("scAlertNew")}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
