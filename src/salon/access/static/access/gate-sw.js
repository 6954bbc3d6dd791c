// Gate service worker: keeps the gate page and its scripts available when the venue network drops.
// API calls are never cached here: the page queues scans itself and keeps the last bundle in localStorage.
const CACHE = "salon-gate-v1";

self.addEventListener("install", (event) => { self.skipWaiting(); });
self.addEventListener("activate", (event) => { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const page = url.pathname.startsWith("/gate/");
  const asset = url.pathname.startsWith("/static/");
  if (!page && !asset) return;
  // Network first (fresh page and scripts when online), the cached copy when not.
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit || Response.error())),
  );
});
