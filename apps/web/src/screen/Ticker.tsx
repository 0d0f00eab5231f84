// The live feed: new reports and state changes as they arrive, newest on top, with the place when it
// is one of the children of the level shown.
import { useI18n } from "../i18n/index.tsx";
import { fmtTime } from "./format.ts";
import { caseColor } from "./map/colors.ts";
import type { CaseEvent } from "./types.ts";

export interface TickerItem extends CaseEvent {
  /** unique per event (a case can appear several times) */
  key: string;
  place: string | null;
}

export function Ticker({ items, onOpen }: { items: TickerItem[]; onOpen: (item: TickerItem) => void }) {
  const { t, lang } = useI18n();
  if (!items.length) return <div className="scr-empty">{t("scTickerEmpty")}</div>;
  return (
    <ol className="scr-ticker" data-testid="ticker">
      {items.map((it) => {
        const action = t(`action_${it.action}` as Parameters<typeof t>[0]);
        return (
          <li key={it.key} data-code={it.code} data-action={it.action}>
            <button type="button" onClick={() => onOpen(it)}>
              <time>{fmtTime(it.at, lang)}</time>
              <i style={{ background: caseColor(it.status, it.overdue) }} />
              <span className="what">
                <b>{it.action === "report" ? t("scNewReport") : action}</b>
                {it.categoryName ?? ""}
              </span>
              <span className="where">{it.place ?? ""}</span>
              <span className="code">{it.code}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
