// `npm start` runs this first: it builds the web workbench and the server bundle when either is
// missing or older than its sources, so a restart does not rebuild for nothing.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "apps/web/src",
  "apps/web/public",
  "apps/web/index.html",
  "apps/web/m",
  "apps/web/p",
  "apps/web/screen",
  "apps/web/vite.config.ts",
  "apps/server/src",
  "apps/server/build.mjs",
  "packages/shared/src",
  "packages/domain/src",
  "package-lock.json",
];
const OUTPUTS = ["apps/web/dist/index.html", "apps/server/dist/main.js"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = Math.min(...OUTPUTS.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)));
const changed = Math.max(...SOURCES.map(newest));
if (built === 0 || changed > built || process.env.CIVICGRID_REBUILD === "1") {
  console.log("Building the workbench and the server…");
  // always a production build, even when started from a test runner that set NODE_ENV=test (which
  // would bundle React's development build)
  execSync("npm run build --silent", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
