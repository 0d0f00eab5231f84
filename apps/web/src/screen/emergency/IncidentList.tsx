// The active incidents in the viewer's area, to switch between them or back to normal mode.
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../format.ts";
import type { IncidentSummary } from "../types.ts";

interface Props {
  items: IncidentSummary[];
  currentId: string | null;
  onPick: (id: string) => void;
  onNormal: () => void;
  onClose: () => void;
}

export function IncidentList({ items, currentId, onPick, onNormal, onClose }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="scr-modal" role="dialog" aria-modal="true" aria-label={t("scIncidentList")}>
      <div className="scr-modal-box" data-testid="incident-list">
        <h2>{t("scIncidentList")}</h2>
        {items.length === 0 ? (
          <div className="scr-empty">{t("scNoIncidents")}</div>
        ) : (
          <ul className="scr-list incidents">
            {items.map((i) => (
              <li key={i.id} className={i.id === currentId ? "current" : ""}>
                <button type="button" onClick={() => onPick(i.id)} data-testid={`incident-${i.code}`}>
                  <span className="level">{t(`incLevel_${i.level}` as MessageKey)}</span>
                  <span className="name">{i.title}</span>
                  <span className="grid">{t(`incType_${i.type}` as MessageKey)}</span>
                  <span className="seen">{fmtTime(i.declaredAt, lang)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="buttons end">
          <button type="button" className="scr-btn" onClick={onNormal} disabled={!currentId}>
            {t("scBackToNormal")}
          </button>
          <button type="button" className="scr-btn" onClick={onClose}>
            {t("scCloseDialog")}
          </button>
        </div>
      </div>
    </div>
  );
}
