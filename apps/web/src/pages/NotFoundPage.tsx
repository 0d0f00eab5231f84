import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../i18n/index.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="404" title={t("notFound")} extra={<Button onClick={() => navigate("/")}>{t("back")}</Button>} />
  );
}
