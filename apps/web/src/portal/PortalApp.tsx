// The portal's frame: locale and theme, a header with the three things a citizen comes for and the
// language switch, and the pages (each loaded on demand so the first screen stays small).
import { App as AntApp, Button, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense } from "react";
import { BrowserRouter, Link, NavLink, Route, Routes } from "react-router-dom";
import { ChunkErrorBoundary } from "../components/ChunkErrorBoundary.tsx";
import { I18nProvider, useI18n } from "../i18n/index.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import "./portal.css";

const ReportPage = lazy(() => import("./pages/ReportPage.tsx").then((m) => ({ default: m.ReportPage })));
const ReceiptPage = lazy(() => import("./pages/ReceiptPage.tsx").then((m) => ({ default: m.ReceiptPage })));
const TrackPage = lazy(() => import("./pages/TrackPage.tsx").then((m) => ({ default: m.TrackPage })));
const ResultsPage = lazy(() => import("./pages/ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })));

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t("pNotFoundTitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("pBackHome")}</Button>
        </Link>
      }
    />
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const nav = [
    { to: "/report", label: t("pNavReport"), id: "report" },
    { to: "/track", label: t("pNavTrack"), id: "track" },
    { to: "/results", label: t("pNavResults"), id: "results" },
  ];
  return (
    <header className="p-header">
      <div className="p-header-top">
        <Link to="/" className="p-brand" data-testid="p-home-link">
          <span className="p-brand-mark" aria-hidden>
            诉
          </span>
          <span>{t("pSiteName")}</span>
        </Link>
        <Button
          size="small"
          type="text"
          className="p-lang"
          data-testid="p-lang"
          onClick={() => setLang(lang === "zh" ? "en" : "zh")}
        >
          {t("pLangSwitch")}
        </Button>
      </div>
      <nav className="p-nav" aria-label={t("pSiteName")}>
        {nav.map((n) => (
          <NavLink key={n.to} to={n.to} data-testid={`p-nav-${n.id}`}>
            {n.label}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1f5fbf", borderRadius: 6, fontSize: 15 } }}
    >
      <AntApp>
        <BrowserRouter basename="/p">
          <div className="p-shell">
            <Header />
            <main className="p-main">
              <ChunkErrorBoundary>
                <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>
                  <Routes>
                    <Route path="/" element={<HomePage />} />
                    <Route path="/report" element={<ReportPage />} />
                    <Route path="/receipt" element={<ReceiptPage />} />
                    <Route path="/track" element={<TrackPage />} />
                    <Route path="/track/:receipt" element={<TrackPage />} />
                    <Route path="/results" element={<ResultsPage />} />
                    <Route path="*" element={<NotFound />} />
                  </Routes>
                </Suspense>
              </ChunkErrorBoundary>
            </main>
          </div>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function PortalApp() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
