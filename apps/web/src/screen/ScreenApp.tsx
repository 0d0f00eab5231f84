// The big screen's gate: it reuses the workbench's session (the cookie). Without one, the workbench's
// sign-in page is opened with a way back here (/?return=/screen/…); a role without screen:view is
// told so, with a link to the workbench.
import { type ReactNode, useEffect, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import { ApiError, get, setUnauthenticatedHandler } from "../lib/api.ts";
import type { Me } from "../lib/types.ts";
import { canViewScreen } from "./access.ts";
import { ScreenPage } from "./ScreenPage.tsx";
import { Stage } from "./Stage.tsx";

function toSignIn() {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.replace(`/?return=${encodeURIComponent(here)}`);
}

export function ScreenApp() {
  const { t, lang } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setUnauthenticatedHandler(toSignIn);
    get<Me>("/me")
      .then((m) => {
        // a session that still owes a password change or TOTP enrolment finishes it in the workbench
        if (m.passwordChangeRequired || m.mfaEnrolmentRequired) toSignIn();
        else setMe(m);
      })
      .catch((err) => {
        if (err instanceof ApiError && err.status === 401) return; // on its way to the sign-in
        setMe(null);
        setError(err);
      });
  }, []);

  let body: ReactNode;
  if (me === undefined) body = <div className="scr-message">{t("loading")}</div>;
  else if (me === null)
    body = (
      <div className="scr-message" data-testid="screen-error">
        <p>{error instanceof ApiError ? error.text(lang) : String(error)}</p>
        <button type="button" className="scr-btn" onClick={() => window.location.reload()}>
          {t("retry")}
        </button>
      </div>
    );
  else if (!canViewScreen(me.roles))
    body = (
      <div className="scr-message" data-testid="screen-forbidden">
        <p>{t("scForbidden")}</p>
        <a className="scr-btn" href="/">
          {t("scWorkbench")}
        </a>
      </div>
    );
  else body = <ScreenPage me={me} />;
  return <Stage>{body}</Stage>;
}
