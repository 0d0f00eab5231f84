// An API error as a readable banner in the current language, with a retry button when useful.
import { Alert, Button } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { ApiError } from "../../lib/api.ts";

export function ErrorAlert({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      title={error.text(lang)}
      style={{ marginBottom: 12 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("retry")}
          </Button>
        ) : undefined
      }
    />
  );
}
