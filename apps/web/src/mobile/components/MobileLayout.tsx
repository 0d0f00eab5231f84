// The phone frame: a slim header (place, network state, language) and the tab bar at the thumb, with
// the report button in the middle and the outbox count on its tab.
import {
  CameraOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Badge, Button, Popconfirm } from "antd";
import type { ReactNode } from "react";
import { NavLink } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { useOnline, usePatrol, useQueue } from "../hooks.ts";
import { useSession } from "../session.tsx";

const TABS: { to: string; icon: ReactNode; label: MessageKey; testId: string }[] = [
  { to: "/", icon: <HomeOutlined />, label: "mHome", testId: "tab-home" },
  { to: "/tasks", icon: <UnorderedListOutlined />, label: "mTasks", testId: "tab-tasks" },
  { to: "/report", icon: <CameraOutlined />, label: "mReport", testId: "tab-report" },
  { to: "/patrol", icon: <EnvironmentOutlined />, label: "mPatrol", testId: "tab-patrol" },
  { to: "/queue", icon: <CloudUploadOutlined />, label: "mQueue", testId: "tab-queue" },
];

export function MobileLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut, offlineSession } = useSession();
  const online = useOnline();
  const queue = useQueue(me?.id);
  const patrol = usePatrol();

  return (
    <div className="m-app">
      <header className="m-header">
        <div className="m-header-title">
          <strong data-testid="m-user">{me?.displayName}</strong>
          <span className="m-header-sub">{me?.unit.divisionName ?? me?.unit.name}</span>
        </div>
        <span className={online ? "m-net m-net-on" : "m-net m-net-off"} data-testid="m-network" data-online={online}>
          {online ? t("mOnline") : t("mOffline")}
        </span>
        <Button type="text" size="small" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {lang === "zh" ? "EN" : "中"}
        </Button>
        <Popconfirm
          title={queue.pending > 0 ? t("mSignOutPending", { n: queue.pending }) : t("mSignOutConfirm")}
          onConfirm={() => void signOut()}
          okText={t("mSignOut")}
          cancelText={t("cancel")}
        >
          <Button type="text" size="small" data-testid="m-sign-out">
            {t("mSignOut")}
          </Button>
        </Popconfirm>
      </header>
      {offlineSession && <div className="m-banner">{t("mOfflineSession")}</div>}
      <main className="m-main">{children}</main>
      <nav className="m-tabs" aria-label={t("mTabs")}>
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.to === "/"}
            data-testid={tab.testId}
            className={({ isActive }) =>
              `m-tab${isActive ? " m-tab-active" : ""}${tab.to === "/report" ? " m-tab-report" : ""}`
            }
          >
            <span className="m-tab-icon">
              {tab.to === "/queue" ? (
                <Badge count={queue.pending} size="small" data-testid="queue-badge" offset={[6, -2]}>
                  {tab.icon}
                </Badge>
              ) : tab.to === "/patrol" && patrol ? (
                <Badge dot status="processing" offset={[4, 0]}>
                  {tab.icon}
                </Badge>
              ) : (
                tab.icon
              )}
            </span>
            <span className="m-tab-label">{t(tab.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
