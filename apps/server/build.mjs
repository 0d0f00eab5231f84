// Bundles the server (and the workspace packages it imports) into dist/main.js, and the classifier's
// training worker into dist/train-worker.js, with esbuild, so `npm start` runs plain Node with no
// TypeScript loader; npm dependencies stay external.
import { build } from "esbuild";

await build({
  // the training worker (routing/run-training.ts) is its own entry: a worker thread loads a file
  entryPoints: { main: "src/main.ts", "train-worker": "src/routing/train-worker.ts" },
  outdir: "dist",
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
