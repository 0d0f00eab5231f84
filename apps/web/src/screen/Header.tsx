// The top bar: the title, the breadcrumb of the level shown (each step goes back up), the clock in
// Beijing time, whether the live feed is connected, emergency commands and the language switch.
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import type { ScopeRef } from "./types.ts";
import type { LiveStatus } from "./useLiveStream.ts";

interface Props {
  breadcrumb: ScopeRef[];
  /** the level the viewer may climb to: the breadcrumb above it is shown but not clickable */
  rootCode: string | null;
  onCrumb: (code: string) => void;
  live: LiveStatus;
  activeIncidents: number;
  canDeclare: boolean;
  onDeclare: () => void;
  onIncidents: () => void;
  userName: string;
}

function Clock() {
  const { lang } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(id);
  }, []);
  const locale = lang === "zh" ? "zh-CN" : "en-GB";
  const zone = { timeZone: "Asia/Shanghai" } as const;
  return (
    <div className="scr-clock" data-testid="screen-clock">
      <span className="time">{now.toLocaleTimeString(locale, { ...zone, hour12: false })}</span>
      <span className="date">
        {now.toLocaleDateString(locale, {
          ...zone,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          weekday: "short",
        })}
      </span>
    </div>
  );
}

export function Header(props: Props) {
  const { breadcrumb, rootCode, onCrumb, live, activeIncidents, canDeclare } = props;
  const { t, lang, setLang } = useI18n();
  const rootAt = rootCode ? breadcrumb.findIndex((b) => b.code === rootCode) : 0;
  return (
    <header className="scr-header">
      <div className="scr-title">
        <h1>{t("scTitle")}</h1>
        <nav className="scr-crumbs" aria-label={t("scBreadcrumb")} data-testid="screen-breadcrumb">
          {breadcrumb.map((b, i) => {
            const last = i === breadcrumb.length - 1;
            const reachable = !last && i >= Math.max(0, rootAt);
            return (
              <span key={b.code} className="crumb" data-code={b.code} data-level={b.level}>
                {i > 0 && <span className="sep">›</span>}
                {reachable ? (
                  <button type="button" className="name" onClick={() => onCrumb(b.code)}>
                    {b.name}
                  </button>
                ) : (
                  <span className={`name ${last ? "current" : "muted"}`} aria-current={last ? "page" : undefined}>
                    {b.name}
                  </span>
                )}
              </span>
            );
          })}
        </nav>
      </div>
      <div className="scr-actions">
        <span className={`scr-live ${live}`} data-testid="live-status" data-status={live}>
          <i />
          {t(live === "live" ? "scLive" : live === "connecting" ? "scConnecting" : "scReconnecting")}
        </span>
        {activeIncidents > 0 && (
          <button type="button" className="scr-btn alert" onClick={props.onIncidents} data-testid="incident-count">
            {t("scActiveIncidents", { n: activeIncidents })}
          </button>
        )}
        {activeIncidents === 0 && (
          <button type="button" className="scr-btn" onClick={props.onIncidents} data-testid="incident-list-open">
            {t("scIncidentList")}
          </button>
        )}
        {canDeclare && (
          <button type="button" className="scr-btn danger" onClick={props.onDeclare} data-testid="declare-open">
            {t("scDeclare")}
          </button>
        )}
        <button type="button" className="scr-btn" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("language")}
        </button>
        <a className="scr-btn" href="/" title={props.userName}>
          {t("scWorkbench")}
        </a>
        <Clock />
      </div>
    </header>
  );
}
