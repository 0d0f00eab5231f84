import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const page = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The web applications are served by the CivicGrid server from dist/ (no dev server needed to run it);
// `npm run dev -w @civicgrid/web` proxies /api to a server on :8080 while developing the UI.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // four applications, one build: the staff workbench (/), the grid workers' phone app (/m/), the
      // citizens' portal (/p/) and the big screen (/screen/); each loads only its own code
      input: {
        main: page("./index.html"),
        mobile: page("./m/index.html"),
        portal: page("./p/index.html"),
        screen: page("./screen/index.html"),
      },
      output: {
        // keep the big libraries that only some pages need out of the initial bundle
        advancedChunks: {
          groups: [
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)/ },
            { name: "leaflet", test: /node_modules[\\/]leaflet/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:8080" } },
});
