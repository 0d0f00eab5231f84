// Placeholder entry: replaced by the surface's own application.
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>CivicGrid</p>);
