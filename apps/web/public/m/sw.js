// The grid workers' app service worker (scope /m/): the app opens and works without a network.
// - pages under /m/: network first (a new version is picked up at once), else the cached shell;
// - built assets (/assets/…, names carry a content hash): cache first, stored as they are fetched;
// - the app's own files (manifest, icons): network first, else cache;
// - map outlines (/api/v1/geo/…): network first, else the last copy (the offline base map);
// - any other API request, and anything not GET: never touched (the app keeps its own outbox and
//   copies of what it read in IndexedDB, cleared on sign-out).
const SHELL_CACHE = "cg-m-shell-v1";
const ASSET_CACHE = "cg-m-assets-v1";
const GEO_CACHE = "cg-m-geo-v1";
const KEEP = [SHELL_CACHE, ASSET_CACHE, GEO_CACHE];
const SHELL_URL = "/m/";
const APP_FILES = ["/m/manifest.webmanifest", "/m/icon.svg", "/m/icon-192.png", "/m/icon-512.png"];
/** Old builds' assets are dropped beyond this many entries (oldest first). */
const MAX_ASSETS = 150;

async function precache() {
  const shell = await caches.open(SHELL_CACHE);
  const res = await fetch(SHELL_URL, { headers: { accept: "text/html" }, cache: "no-cache" });
  if (!res.ok) throw new Error(`shell: HTTP ${res.status}`);
  const html = await res.clone().text();
  await shell.put(SHELL_URL, res);
  await shell.addAll(APP_FILES);
  // the entry script, its preloaded chunks and styles, as the shell names them
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await (await caches.open(ASSET_CACHE)).addAll([...new Set(assets)]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("cg-m-") && !KEEP.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function trimAssets() {
  const cache = await caches.open(ASSET_CACHE);
  const keys = await cache.keys();
  for (const req of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(req);
}

async function networkFirst(request, cacheName, cacheKey) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(cacheKey ?? request, res.clone());
    return res;
  } catch (err) {
    const cached = await cache.match(cacheKey ?? request, { ignoreVary: true });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    await cache.put(request, res.clone());
    void trimAssets();
  }
  return res;
}

// the page lists the code it loaded before this worker was in control (the first visit)
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache-assets" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && u.startsWith("/assets/"));
  event.waitUntil(
    caches.open(ASSET_CACHE).then(async (cache) => {
      for (const url of urls) if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === "navigate" && (path === "/m" || path.startsWith("/m/"))) {
    // every page of the app is the same shell; the router shows the right screen
    event.respondWith(networkFirst(request, SHELL_CACHE, SHELL_URL));
  } else if (path.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (APP_FILES.includes(path)) {
    event.respondWith(networkFirst(request, SHELL_CACHE));
  } else if (path.startsWith("/api/v1/geo/")) {
    event.respondWith(networkFirst(request, GEO_CACHE));
  }
});
