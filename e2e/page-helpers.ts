// Helpers that run inside the page: the API with the page's own session (cookie + CSRF token), and
// a point inside an SVG shape of a Leaflet map (its box's centre may lie outside it).
import type { Page } from "playwright-core";

/** A call to /api/v1… from inside the page, with its session cookie and CSRF token: status and body. */
export async function pageFetch(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      // (runs in the page; the scripts' tsconfig has no DOM types)
      const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
      const csrf = /(?:^|;\s*)cg_csrf=([^;]*)/.exec(cookie)?.[1];
      const r = await fetch(`/api/v1${path}`, {
        method,
        credentials: "same-origin",
        headers: { "content-type": "application/json", ...(csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, unknown> | null };
    },
    { method, path, body },
  );
}

/** GET (or POST with a body) /api/v1… as the signed-in page; throws on a status of 300 or more. */
export async function pageApi<T>(page: Page, path: string, body?: unknown): Promise<T> {
  const res = await pageFetch(page, body === undefined ? "GET" : "POST", path, body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Page pixels of a point inside the first SVG shape matching `selector`. */
export async function pointInside(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const at = await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      // (runs in the page; the scripts' tsconfig has no DOM types)
      type Pt = { x: number; y: number; matrixTransform(m: unknown): Pt };
      const shape = el as unknown as {
        getBBox(): { x: number; y: number; width: number; height: number };
        isPointInFill(p: Pt): boolean;
        getScreenCTM(): unknown;
        ownerSVGElement: { createSVGPoint(): Pt };
      };
      const box = shape.getBBox();
      const p = shape.ownerSVGElement.createSVGPoint();
      // rings of candidate points around the box's centre, nearest first
      for (let ring = 0; ring <= 8; ring++) {
        for (let i = -ring; i <= ring; i++) {
          for (const [fx, fy] of [
            [i, -ring],
            [i, ring],
            [-ring, i],
            [ring, i],
          ] as const) {
            p.x = box.x + box.width * (0.5 + fx / 18);
            p.y = box.y + box.height * (0.5 + fy / 18);
            if (shape.isPointInFill(p)) {
              const q = p.matrixTransform(shape.getScreenCTM());
              return { x: q.x, y: q.y };
            }
          }
        }
      }
      return null;
    });
  if (!at) throw new Error(`no point inside ${selector}`);
  return at;
}
