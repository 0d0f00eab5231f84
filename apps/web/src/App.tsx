// The workbench: locale and theme, sign-in gate, and the routes every role may reach.
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, Suspense, useEffect } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { AppLayout } from "./components/AppLayout.tsx";
import { ChunkErrorBoundary } from "./components/ChunkErrorBoundary.tsx";
import { I18nProvider, useI18n } from "./i18n/index.tsx";
import { AuthProvider, useAuth } from "./lib/auth.tsx";
import { homePathFor, returnPath } from "./lib/menu.ts";
import { EnrolmentPage } from "./pages/EnrolmentPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { PasswordChangePage } from "./pages/PasswordChangePage.tsx";

// every page but the sign-in is loaded on demand, so the first load stays small
const InboxPage = lazy(() => import("./pages/InboxPage.tsx").then((m) => ({ default: m.InboxPage })));
const CasesPage = lazy(() => import("./pages/CasesPage.tsx").then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import("./pages/CasePage.tsx").then((m) => ({ default: m.CasePage })));
const SearchPage = lazy(() => import("./pages/SearchPage.tsx").then((m) => ({ default: m.SearchPage })));
const ReportPage = lazy(() => import("./pages/ReportPage.tsx").then((m) => ({ default: m.ReportPage })));
const HotlinePage = lazy(() => import("./pages/HotlinePage.tsx").then((m) => ({ default: m.HotlinePage })));
const HotlineImportPage = lazy(() =>
  import("./pages/HotlineImportPage.tsx").then((m) => ({ default: m.HotlineImportPage })),
);
const DispatchPage = lazy(() => import("./pages/DispatchPage.tsx").then((m) => ({ default: m.DispatchPage })));
const AdminPage = lazy(() => import("./pages/admin/AdminPage.tsx").then((m) => ({ default: m.AdminPage })));
const SecurityPage = lazy(() => import("./pages/SecurityPage.tsx").then((m) => ({ default: m.SecurityPage })));
const AuditPage = lazy(() => import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const AnalysisPage = lazy(() => import("./pages/AnalysisPage.tsx").then((m) => ({ default: m.AnalysisPage })));
const ModelsPage = lazy(() => import("./pages/ModelsPage.tsx").then((m) => ({ default: m.ModelsPage })));
const AssessmentPage = lazy(() => import("./pages/AssessmentPage.tsx").then((m) => ({ default: m.AssessmentPage })));
const AccountSecurityPage = lazy(() =>
  import("./pages/AccountSecurityPage.tsx").then((m) => ({ default: m.AccountSecurityPage })),
);
const NotFoundPage = lazy(() => import("./pages/NotFoundPage.tsx").then((m) => ({ default: m.NotFoundPage })));

/** Back to the application that sent the user to sign in (the big screen), once signed in. */
function ReturnTo({ path }: { path: string }) {
  useEffect(() => window.location.replace(path), [path]);
  return <Spin fullscreen />;
}

function Shell() {
  const { me, loading } = useAuth();
  if (loading) return <Spin fullscreen />;
  if (!me) return <LoginPage />;
  // an admin account whose password another admin set: its own password first, then the rest
  if (me.passwordChangeRequired) return <PasswordChangePage />;
  // an account that must have TOTP and has none: nothing but the enrolment until it is done
  if (me.mfaEnrolmentRequired) return <EnrolmentPage />;
  const back = returnPath(window.location.search);
  if (back) return <ReturnTo path={back} />;
  return (
    <AppLayout>
      <ChunkErrorBoundary>
        <Suspense fallback={<Spin style={{ display: "block", margin: 64 }} />}>
          <Routes>
            <Route path="/" element={<Navigate to={homePathFor(me.roles)} replace />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/cases" element={<CasesPage />} />
            <Route path="/cases/:id" element={<CasePage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/report" element={<ReportPage />} />
            <Route path="/dispatch" element={<DispatchPage />} />
            <Route path="/hotline" element={<HotlinePage />} />
            <Route path="/hotline/import" element={<HotlineImportPage />} />
            <Route path="/admin/*" element={<AdminPage />} />
            <Route path="/security" element={<SecurityPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/assessment" element={<AssessmentPage />} />
            <Route path="/analysis" element={<AnalysisPage />} />
            <Route path="/models" element={<ModelsPage />} />
            <Route path="/account" element={<AccountSecurityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ChunkErrorBoundary>
    </AppLayout>
  );
}

function Localised() {
  const { lang } = useI18n();
  dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1f5fbf", borderRadius: 4 } }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Shell />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
