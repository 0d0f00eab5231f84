// 智能分派 for the city centre: the routing models page (the system admin reaches the same panel in
// 系统管理). The server checks models:manage on every call.
import { Card } from "antd";
import { ModelsPanel } from "../components/routing/ModelsPanel.tsx";
import { useI18n } from "../i18n/index.tsx";

export function ModelsPage() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t("adminTabModels")} data-testid="models-page">
      <ModelsPanel />
    </Card>
  );
}
