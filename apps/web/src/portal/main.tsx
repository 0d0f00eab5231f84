// The citizens' portal, served at /p/: report a problem, follow it by its receipt code, see the
// published results. No sign-in; mobile first.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PortalApp } from "./PortalApp.tsx";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  );
}
