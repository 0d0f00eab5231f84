// Bundles the server (and the workspace packages it imports) into dist/main.js with esbuild, so
// `npm start` runs plain Node with no TypeScript loader; npm dependencies stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  packages: "external",
  // workspace packages are TypeScript sources: bundle them rather than leave them external
  alias: {
    "@civicgrid/domain": "../../packages/domain/src/index.ts",
    "@civicgrid/shared": "../../packages/shared/src/index.ts",
  },
  logLevel: "warning",
});
