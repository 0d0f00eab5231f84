// An API error in the user's language, with a retry; offline it says so rather than "failed".
import { Alert, Button } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const offline = error instanceof ApiError && error.status === 0;
  const text = offline ? t("mOfflineNoData") : error instanceof ApiError ? error.text(lang) : String(error);
  return (
    <Alert
      type={offline ? "warning" : "error"}
      showIcon
      title={text}
      style={{ marginBottom: 12 }}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t("retry")}
          </Button>
        )
      }
    />
  );
}
