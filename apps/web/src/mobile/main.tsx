// The grid workers' phone app, served at /m/ (installable PWA, works offline).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MobileApp } from "./MobileApp.tsx";
import { registerServiceWorker } from "./sw-client.ts";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MobileApp />
    </StrictMode>,
  );
}
registerServiceWorker();
