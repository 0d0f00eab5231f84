// The frame of every page: the menu for the user's roles, and the user's unit and jurisdiction
// always in view, with the language switch and sign-out.
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  LogoutOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  SettingOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";
import { type PageKey, pagesFor } from "../lib/menu.ts";
import { HeaderSearch } from "./search/HeaderSearch.tsx";

const ICONS: Record<PageKey, ReactNode> = {
  inbox: <InboxOutlined />,
  cases: <FileSearchOutlined />,
  dispatch: <AlertOutlined />,
  report: <PlusCircleOutlined />,
  hotline: <PhoneOutlined />,
  "hotline/import": <CloudUploadOutlined />,
  admin: <SettingOutlined />,
  security: <SafetyOutlined />,
  audit: <AuditOutlined />,
  assessment: <BarChartOutlined />,
  analysis: <RadarChartOutlined />,
  models: <ExperimentOutlined />,
  screen: <FundProjectionScreenOutlined />,
};
const LABELS = {
  inbox: "navInbox",
  cases: "navCases",
  dispatch: "navDispatch",
  report: "navReport",
  hotline: "navHotline",
  "hotline/import": "navHotlineImport",
  admin: "navAdmin",
  security: "navSecurity",
  audit: "navAudit",
  assessment: "navAssessment",
  analysis: "navAnalysis",
  models: "navModels",
  screen: "navScreen",
} as const;

export function AppLayout({ children }: { children: ReactNode }) {
  const { me, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  if (!me) return null;
  const pages = pagesFor(me.roles);
  // the longest matching page: /hotline/import selects the import, not the desk
  const selected =
    pages
      .filter((p) => location.pathname === `/${p}` || location.pathname.startsWith(`/${p}/`))
      .sort((a, b) => b.length - a.length)[0] ?? "";
  const jurisdiction =
    me.jurisdiction.kind === "division"
      ? me.jurisdiction.name
      : me.jurisdiction.kind === "unit"
        ? me.jurisdiction.name
        : "—";

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} width={200} theme="dark">
        <div
          style={{
            color: "#fff",
            padding: "16px 12px",
            fontWeight: 600,
            fontSize: 15,
            whiteSpace: "nowrap",
            overflow: "hidden",
          }}
        >
          {t("appName")}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={(e) => {
            // the big screen is another application: its link opens it in a window of its own
            if (e.key !== "screen") navigate(`/${e.key}`);
          }}
          items={pages.map((p) => ({
            key: p,
            icon: ICONS[p],
            label:
              p === "screen" ? (
                <a href="/screen/" target="_blank" rel="noopener noreferrer" data-testid="menu-screen">
                  {t(LABELS[p])}
                </a>
              ) : (
                t(LABELS[p])
              ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 16px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 12,
          }}
        >
          <Space size="small" wrap style={{ minWidth: 0 }} data-testid="user-unit">
            <Typography.Text strong>{me.displayName}</Typography.Text>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {t(`role_${r}` as Parameters<typeof t>[0])}
              </Tag>
            ))}
            <Tooltip title={t("unit")}>
              <Typography.Text type="secondary">{me.unit.name}</Typography.Text>
            </Tooltip>
            <Tooltip title={t("jurisdiction")}>
              <Tag>{jurisdiction}</Tag>
            </Tooltip>
          </Space>
          {/* 智能搜索: whoever reads cases (the admins see none) */}
          {pages.includes("cases") && <HeaderSearch />}
          <Space>
            <Button size="small" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
              {t("language")}
            </Button>
            <Button
              size="small"
              icon={<SafetyOutlined />}
              onClick={() => navigate("/account")}
              data-testid="account-security"
            >
              {t("idAccountSecurity")}
            </Button>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t("signOut")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
