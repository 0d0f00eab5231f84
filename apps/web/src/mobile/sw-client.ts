// The page's side of the service worker (public/m/sw.js): registration, and handing it the code the
// page loaded before the worker was in control (the first visit), so that it works offline too.

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  // after the first paint: installing caches the shell and must not slow the start
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/m/sw.js", { scope: "/m/" }).catch((err: unknown) => {
      console.warn("service worker not registered", err);
    });
    void navigator.serviceWorker.ready.then((reg) => {
      const loaded = () =>
        performance
          .getEntriesByType("resource")
          .map((e) => new URL(e.name))
          .filter((u) => u.origin === location.origin && u.pathname.startsWith("/assets/"))
          .map((u) => u.pathname);
      reg.active?.postMessage({ type: "cache-assets", urls: loaded() });
      // chunks loaded on demand later (the map) go through the worker and are kept by it
    });
  });
}
