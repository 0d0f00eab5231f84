// The bench's rendering step needs the built web: is apps/web/dist older than what it is built from?
// (the web's part of scripts/build-if-stale.mjs: the bench does not need the server bundle)
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverRoot } from "../src/lib/paths.ts";

const repo = () => path.resolve(serverRoot(), "..", "..");
const WEB_SOURCES = [
  "apps/web/src",
  "apps/web/public",
  "apps/web/index.html",
  "apps/web/m",
  "apps/web/p",
  "apps/web/screen",
  "apps/web/vite.config.ts",
  "packages/shared/src",
  "packages/domain/src",
  "package-lock.json",
];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

export function isWebStale(): boolean {
  const built = path.join(repo(), "apps/web/dist/index.html");
  if (!existsSync(built)) return true;
  return Math.max(...WEB_SOURCES.map((s) => newest(path.join(repo(), s)))) > statSync(built).mtimeMs;
}

/** scripts/bench-screen-render.ts, or null while it does not exist. */
export function renderScript(): string | null {
  const p = path.join(repo(), "scripts", "bench-screen-render.ts");
  return existsSync(p) ? p : null;
}
