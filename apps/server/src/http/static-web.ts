// Serves the built web applications (apps/web/dist) from the same server: hashed assets cached for a
// year, HTML never cached, and every non-API GET that wants HTML answered with its application's shell
// (workbench, /m/ phone app, /p/ citizens' portal, /screen/ big screen) so that deep links work on reload.
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { serverRoot } from "../lib/paths.ts";

export function webRoot(): string {
  return path.resolve(serverRoot(), "..", "web", "dist");
}

export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  const root = webRoot();
  if (!existsSync(path.join(root, "index.html"))) {
    app.log.warn({ root }, "web workbench not built: run `npm run build`");
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    setHeaders: (res, file) => {
      res.setHeader(
        "cache-control",
        file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const shell = (
    _req: unknown,
    reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
  ) => {
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html");
  };
  app.get("/", { schema: { hide: true } }, shell);
  // an application's root (/m/, /p/, /screen/) is a folder of dist: the static handler refuses folders (403)
  for (const { prefix, file } of SHELLS) {
    app.get(prefix, { schema: { hide: true } }, (_req, reply) => {
      reply.header("cache-control", "no-cache");
      return reply.sendFile(file);
    });
  }
  return true;
}

/** Each web application owns a path prefix; a deep link under it gets that application's shell. */
const SHELLS: readonly { prefix: string; file: string }[] = [
  { prefix: "/m/", file: "m/index.html" },
  { prefix: "/p/", file: "p/index.html" },
  { prefix: "/screen/", file: "screen/index.html" },
];

export function shellFor(url: string): string {
  const pathOnly = url.split("?")[0] ?? url;
  const bare = pathOnly.endsWith("/") ? pathOnly : `${pathOnly}/`;
  return SHELLS.find((s) => bare.startsWith(s.prefix))?.file ?? "index.html";
}

/** Whether a request that matched no route should get the app shell rather than a JSON 404. */
export function wantsAppShell(method: string, url: string, accept: string | undefined): boolean {
  return (
    method === "GET" && !url.startsWith("/api/") && !url.startsWith("/open311/") && (accept ?? "").includes("text/html")
  );
}
