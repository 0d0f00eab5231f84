// A case picked on the map, the ticker or an incident's list: what it is, where it stands, and a link
// to it in the workbench (opened beside the screen).
import { useI18n } from "../i18n/index.tsx";
import { fmtTime } from "./format.ts";
import { caseColor } from "./map/colors.ts";
import type { CasePoint } from "./types.ts";

export function CaseCard({ point, onClose }: { point: CasePoint; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="scr-casecard" data-testid="case-card" data-code={point.code}>
      <button type="button" className="x" onClick={onClose} aria-label={t("scCloseDialog")}>
        ×
      </button>
      <div className="code">{point.code}</div>
      <div className="what">{point.categoryName ?? "—"}</div>
      <div className="state">
        <i style={{ background: caseColor(point.status, point.overdue) }} />
        {t(`status_${point.status}`)}
        {point.overdue && <b className="overdue">{t("scOverdue")}</b>}
      </div>
      {point.reportedAt && (
        <div className="when">
          {t("scReportedAt")} {new Date(point.reportedAt).toLocaleDateString(lang === "zh" ? "zh-CN" : "en-GB")}{" "}
          {fmtTime(point.reportedAt, lang)}
        </div>
      )}
      <a className="open-link" href={`/cases/${point.id}`} target="_blank" rel="noopener noreferrer">
        {t("scOpenInWorkbench")}
      </a>
    </div>
  );
}
