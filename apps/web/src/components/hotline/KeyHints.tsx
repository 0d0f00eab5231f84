// The desk's keys, always in view.
import { useI18n } from "../../i18n/index.tsx";

export function KeyHints() {
  const { t } = useI18n();
  const keys: [string, string][] = [
    ["Enter", t("hlKeyPhone")],
    ["Alt+1…5", t("hlMeToo")],
    ["Ctrl+Enter", t("hlCreate")],
    ["Ctrl+Shift+Enter", t("hlResolve")],
  ];
  return (
    <div className="cg-hl-keys" data-testid="hotline-keys">
      {keys.map(([k, what]) => (
        <span key={k}>
          <kbd className="cg-kbd">{k}</kbd> {what}
        </span>
      ))}
    </div>
  );
}
