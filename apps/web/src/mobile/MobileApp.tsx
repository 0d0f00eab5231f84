// The grid workers' phone app: sign-in gate (grid workers only), the outbox sent whenever the network
// is there, and five tabs at the thumb — home, tasks, report, patrol, outbox.
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { I18nProvider, useI18n } from "../i18n/index.tsx";
import { MobileLayout } from "./components/MobileLayout.tsx";
import { isOnline, probeServer } from "./network.ts";
import { pruneQueue, sendQueue } from "./offline/queue.ts";
import { resumePatrol } from "./patrol/recorder.ts";
import { CaseScreen } from "./screens/CaseScreen.tsx";
import { HomeScreen } from "./screens/HomeScreen.tsx";
import { LoginScreen, NotForThisRole } from "./screens/LoginScreen.tsx";
import { PatrolScreen } from "./screens/PatrolScreen.tsx";
import { QueueScreen } from "./screens/QueueScreen.tsx";
import { ReportScreen } from "./screens/ReportScreen.tsx";
import { TasksScreen } from "./screens/TasksScreen.tsx";
import { SessionProvider, useSession } from "./session.tsx";
import "./mobile.css";

/** Try the outbox again this often (besides `online` events, which some browsers miss). */
const RETRY_MS = 10_000;

/** Sends the outbox on start, when the network comes back, and every little while. */
function useOutboxSender(userId: string) {
  useEffect(() => {
    const send = () => void sendQueue(userId);
    void pruneQueue().then(send);
    void resumePatrol(userId);
    window.addEventListener("online", send);
    const timer = window.setInterval(() => {
      if (!isOnline()) void probeServer();
      send();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", send);
      window.clearInterval(timer);
    };
  }, [userId]);
}

function SignedIn({ userId }: { userId: string }) {
  useOutboxSender(userId);
  return (
    <MobileLayout>
      <Routes>
        <Route path="/" element={<HomeScreen />} />
        <Route path="/tasks" element={<TasksScreen />} />
        <Route path="/report" element={<ReportScreen />} />
        <Route path="/patrol" element={<PatrolScreen />} />
        <Route path="/queue" element={<QueueScreen />} />
        <Route path="/cases/:id" element={<CaseScreen />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </MobileLayout>
  );
}

function Gate() {
  const { me, loading } = useSession();
  if (loading) return <Spin fullscreen />;
  if (!me) return <LoginScreen />;
  if (!me.roles.includes("grid_worker")) return <NotForThisRole />;
  return <SignedIn userId={me.id} />;
}

function Localised() {
  const { lang } = useI18n();
  dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1f5fbf", borderRadius: 8, fontSize: 15, controlHeight: 40 } }}
    >
      <AntApp>
        <BrowserRouter basename="/m">
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function MobileApp() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
