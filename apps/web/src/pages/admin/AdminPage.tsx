// System administration (系统管理): one tab per area, each its own sub-route under /admin so a tab
// can be linked and the browser's back button works.
import { Card, Result, Spin, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import "../../components/admin/admin.css";
import { useI18n } from "../../i18n/index.tsx";
import { useAuth } from "../../lib/auth.tsx";

// each tab is its own chunk: the division tab pulls in the map, the others do not
const DivisionsTab = lazy(() => import("./DivisionsTab.tsx").then((m) => ({ default: m.DivisionsTab })));
const UnitsTab = lazy(() => import("./UnitsTab.tsx").then((m) => ({ default: m.UnitsTab })));
const UsersTab = lazy(() => import("./UsersTab.tsx").then((m) => ({ default: m.UsersTab })));
const CategoriesTab = lazy(() => import("./CategoriesTab.tsx").then((m) => ({ default: m.CategoriesTab })));
const CalendarTab = lazy(() => import("./CalendarTab.tsx").then((m) => ({ default: m.CalendarTab })));
const BannedPhonesTab = lazy(() => import("./BannedPhonesTab.tsx").then((m) => ({ default: m.BannedPhonesTab })));
const Open311ClientsTab = lazy(() => import("./Open311ClientsTab.tsx").then((m) => ({ default: m.Open311ClientsTab })));
const ModelsPanel = lazy(() =>
  import("../../components/routing/ModelsPanel.tsx").then((m) => ({ default: m.ModelsPanel })),
);

const TABS = [
  { key: "divisions", label: "adminTabDivisions", Page: DivisionsTab },
  { key: "units", label: "adminTabUnits", Page: UnitsTab },
  { key: "users", label: "adminTabUsers", Page: UsersTab },
  { key: "categories", label: "adminTabCategories", Page: CategoriesTab },
  { key: "calendar", label: "adminTabCalendar", Page: CalendarTab },
  { key: "banned-phones", label: "banTab", Page: BannedPhonesTab },
  { key: "open311", label: "o311Tab", Page: Open311ClientsTab },
  { key: "models", label: "adminTabModels", Page: ModelsPanel },
] as const;

export function AdminPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const key = location.pathname.split("/")[2] ?? "";
  // /admin itself shows the first tab (no redirect: a re-click on the menu must not flash or race)
  const current = key === "" ? TABS[0] : TABS.find((tab) => tab.key === key);

  if (!me?.roles.includes("system_admin")) return <Result status="403" title={t("admAdminOnly")} />;
  if (!current) return <Navigate to="/admin" replace />;

  return (
    <Card size="small" styles={{ body: { paddingTop: 4 } }} data-testid="admin-page">
      <Tabs
        activeKey={current.key}
        onChange={(k) => navigate(`/admin/${k}`)}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`admin-tab-${tab.key}`}>{t(tab.label)}</span>,
        }))}
      />
      <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>
        <current.Page />
      </Suspense>
    </Card>
  );
}
