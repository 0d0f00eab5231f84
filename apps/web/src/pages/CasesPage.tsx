// 案件查询: every case within the user's jurisdiction, with the inbox's filters, without buckets.
import { Typography } from "antd";
import { CaseListView } from "../components/cases/CaseListView.tsx";
import "../components/cases/cases.css";
import { useI18n } from "../i18n/index.tsx";

export function CasesPage() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("navCases")}
      </Typography.Title>
      <CaseListView />
    </div>
  );
}
