// How the big screen (/screen/) copes with its full load of live points, in headless Chromium:
// opens the screen of a running server (it starts nothing itself), waits until every point the
// points endpoint returns (up to its limit of 10,000) is drawn, then pans and zooms the map for a
// while and counts frames (requestAnimationFrame) and long tasks (PerformanceObserver "longtask"),
// and reads the JS heap after a garbage collection. Prints plain lines; asserts nothing.
//
//   npx tsx scripts/bench-screen-render.ts --base http://127.0.0.1:8080 --user leader --password …
//   (or BENCH_BASE_URL, BENCH_USER, BENCH_PASSWORD / CIVICGRID_DEMO_PASSWORD in the environment)
//
// The account must reach the screen without a second factor (a leader never needs one) and should see
// enough open cases; the server's bench (apps/server/bench) generates them. Other code can call
// benchScreenRender() and print its lines.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

export interface ScreenRenderOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** seconds of panning and zooming; default 8 */
  seconds?: number;
  /** the division to open (default: the account's own) */
  division?: string;
  chromium?: string;
  width?: number;
  height?: number;
}

export interface ScreenRenderFigures {
  pointsShown: number;
  pointsTotal: number;
  truncated: boolean;
  pointsApiMs: number | null;
  firstRenderMs: number;
  layerBuildMs: number;
  interactSeconds: number;
  /** pans and zooms the map actually made (Leaflet's moveend) */
  moves: number;
  frames: number;
  fps: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
}

/** The browser globals the in-page functions use (the scripts' tsconfig has no DOM types). */
interface InPage {
  performance: {
    getEntriesByName(name: string): { startTime: number; detail?: unknown }[];
    getEntriesByType(type: string): { name: string; requestStart: number; responseEnd: number }[];
  };
  PerformanceObserver: new (
    cb: (list: { getEntries(): { duration: number }[] }) => void,
  ) => { observe(o: { type: string }): void };
  requestAnimationFrame(cb: () => void): number;
  __bench: { frames: number; long: number[]; run: boolean };
}

interface RenderedMark {
  startTime: number;
  count: number;
  ms: number;
}

/** Runs the measurement; the browser is closed whatever happens. */
export async function benchScreenRender(opts: ScreenRenderOptions): Promise<ScreenRenderFigures> {
  const seconds = opts.seconds ?? 8;
  const browser = await chromium.launch({
    executablePath: opts.chromium ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--enable-precise-memory-info",
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: opts.width ?? 1920, height: opts.height ?? 1080 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    // the session cookie from the API's sign-in, shared with the page
    const login = await context.request.post(`${opts.baseUrl}/api/v1/auth/login`, {
      data: { username: opts.username, password: opts.password },
    });
    const signedIn = (await login.json()) as { mfaRequired?: boolean; mfaEnrolmentRequired?: boolean };
    if (!login.ok() || signedIn.mfaRequired || signedIn.mfaEnrolmentRequired) {
      throw new Error(`sign-in as ${opts.username} failed or needs a second factor (${login.status()})`);
    }
    // tsx (esbuild, keepNames) wraps named functions in __name(); the functions this script sends
    // into the page carry that call along, so the page gets a no-op __name
    await context.addInitScript({ content: "globalThis.__name = (f) => f;" });
    const page = await context.newPage();
    const query = opts.division ? `?division=${opts.division}` : "";
    await page.goto(`${opts.baseUrl}/screen/${query}`);
    // the points endpoint's own answer, for the expected count
    const points = (await (
      await context.request.get(`${opts.baseUrl}/api/v1/screen/points${query}${query ? "&" : "?"}limit=10000`)
    ).json()) as {
      items: unknown[];
      total: number;
      truncated: boolean;
    };
    const expected = points.items.length;
    // the map marks when a batch of points has been drawn (ScreenMap.tsx: "screen:points-rendered")
    const mark = await page.waitForFunction(
      (want) => {
        const marks = (globalThis as unknown as InPage).performance.getEntriesByName("screen:points-rendered");
        const last = marks[marks.length - 1];
        const detail = last?.detail as { count: number; ms: number } | undefined;
        return detail && detail.count >= want ? { startTime: last?.startTime ?? 0, ...detail } : null;
      },
      expected,
      { timeout: 120_000, polling: 100 },
    );
    const rendered = (await mark.jsonValue()) as RenderedMark;
    const pointsApiMs = await page.evaluate(() => {
      const r = (globalThis as unknown as InPage).performance
        .getEntriesByType("resource")
        .find((e) => e.name.includes("/api/v1/screen/points"));
      return r ? r.responseEnd - r.requestStart : null;
    });

    // frames and long tasks while the map is dragged and zoomed
    await page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      w.__bench = { frames: 0, long: [], run: true };
      new w.PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__bench.long.push(e.duration);
      }).observe({ type: "longtask" });
      const tick = () => {
        if (!w.__bench.run) return;
        w.__bench.frames++;
        w.requestAnimationFrame(tick);
      };
      w.requestAnimationFrame(tick);
    });
    const box = await page.getByTestId("screen-map").boundingBox();
    if (!box) throw new Error("the map is not on the page");
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const movesBefore = Number(await page.getByTestId("screen-map").getAttribute("data-moves"));
    const started = Date.now();
    let step = 0;
    while (Date.now() - started < seconds * 1000) {
      // a drag across a fifth of the map and back, then a zoom step in or out at the centre
      const dx = (box.width / 5) * (step % 2 ? -1 : 1);
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(cx + (dx * i) / 10, cy + (dx * i) / 20);
      await page.mouse.up();
      await page.mouse.wheel(0, step % 4 < 2 ? -240 : 240);
      await page.waitForTimeout(250);
      step++;
    }
    const elapsed = (Date.now() - started) / 1000;
    const map = page.getByTestId("screen-map");
    const moves = Number(await map.getAttribute("data-moves")) - movesBefore;
    const run = await page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      w.__bench.run = false;
      return { frames: w.__bench.frames, long: w.__bench.long };
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;

    return {
      pointsShown: rendered.count,
      pointsTotal: points.total,
      truncated: points.truncated,
      pointsApiMs,
      firstRenderMs: rendered.startTime,
      layerBuildMs: rendered.ms,
      interactSeconds: elapsed,
      moves,
      frames: run.frames,
      fps: run.frames / elapsed,
      longTasks: run.long.length,
      longTaskMs: run.long.reduce((a, b) => a + b, 0),
      longestTaskMs: Math.max(0, ...run.long),
      heapUsedMiB: metric("JSHeapUsedSize") / 2 ** 20,
      heapTotalMiB: metric("JSHeapTotalSize") / 2 ** 20,
    };
  } finally {
    await browser.close();
  }
}

/** The figures as plain lines. */
export function formatScreenRender(f: ScreenRenderFigures): string[] {
  const ms = (n: number | null) => (n === null ? "—" : `${Math.round(n)} ms`);
  return [
    `points drawn: ${f.pointsShown} (open and recently closed: ${f.pointsTotal}${f.truncated ? ", capped" : ""})`,
    `points API answer: ${ms(f.pointsApiMs)}`,
    `first render of all points: ${ms(f.firstRenderMs)} after navigation start (building the layer: ${ms(f.layerBuildMs)})`,
    `pan & zoom ${f.interactSeconds.toFixed(1)} s (${f.moves} moves): ${f.fps.toFixed(1)} fps (${f.frames} frames), ` +
      `long tasks ${f.longTasks} (total ${ms(f.longTaskMs)}, longest ${ms(f.longestTaskMs)})`,
    `JS heap after GC: ${f.heapUsedMiB.toFixed(1)} MiB used of ${f.heapTotalMiB.toFixed(1)} MiB`,
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      user: { type: "string" },
      password: { type: "string" },
      division: { type: "string" },
      seconds: { type: "string" },
    },
  });
  const baseUrl = values.base ?? process.env.BENCH_BASE_URL;
  const password = values.password ?? process.env.BENCH_PASSWORD ?? process.env.CIVICGRID_DEMO_PASSWORD;
  const username = values.user ?? process.env.BENCH_USER ?? "leader";
  if (!baseUrl || !password) {
    console.error("usage: tsx scripts/bench-screen-render.ts --base http://host:port --user leader --password …");
    process.exit(2);
  }
  console.log(`big screen render: ${baseUrl}/screen/ as ${username}, 1920×1080, headless Chromium (no GPU)`);
  const figures = await benchScreenRender({
    baseUrl,
    username,
    password,
    division: values.division,
    seconds: values.seconds ? Number(values.seconds) : undefined,
  });
  for (const line of formatScreenRender(figures)) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
