import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

/** apps/server, found by walking up from this module (works from src/ under tsx and from dist/). */
export function serverRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "migrations"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find apps/server (no migrations folder above this module)");
    dir = parent;
  }
  cached = dir;
  return dir;
}
