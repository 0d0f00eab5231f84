// Security headers on every response (helmet): a CSP that fits the three Vite apps (scripts only
// from our origin; antd and Leaflet set inline styles; photos previewed from blob: URLs; optional
// raster tiles from the configured tile server), no framing, no MIME sniffing, no referrer, and
// HSTS only on a request that itself came over TLS (a plain-HTTP intranet install must not pin
// browsers to HTTPS it does not have).
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/** The origin of a tile URL template such as https://tiles.example/{z}/{x}/{y}.png, if valid. */
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  try {
    const url = new URL(tileUrl.replace(/\{[a-z]\}/gi, "0"));
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(tileUrl?: string): Record<string, string[]> {
  const tiles = tileOrigin(tileUrl);
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, tileUrl?: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(tileUrl) },
    // HSTS is set below, only over TLS
    strictTransportSecurity: false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // tiles and Open311 clients are other origins reading nothing of ours in a browser
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", async (request, reply) => {
    // trustProxy is off: protocol is "https" only when this server terminated TLS itself
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS_VALUE);
    reply.removeHeader("x-powered-by");
  });
}
