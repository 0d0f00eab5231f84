// The big screen (一屏指挥), served at /screen/: its own small application, sharing with the
// workbench only the API client, the words and the map base, not the workbench's pages or antd.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.tsx";
import { ScreenApp } from "./ScreenApp.tsx";
import "./screen.css";
import "./screen-map.css";
import "./screen-emergency.css";
import "./screen-analysis.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ScreenApp />
      </I18nProvider>
    </StrictMode>,
  );
}
