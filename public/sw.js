// Packetwalk's service worker: the whole build is precached on install, so the
// app keeps working offline after the first visit. Same-origin GETs are served
// cache-first. The build stamps VERSION (vite.config.ts, precacheManifest), so
// each new build installs afresh and its activation deletes the old caches.
const VERSION = "__PRECACHE_VERSION__";
const PREFIX = "packetwalk-";
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const res = await fetch(new URL("precache-manifest.json", self.registration.scope), {
        cache: "no-cache",
      });
      if (!res.ok) throw new Error(`precache manifest: HTTP ${res.status}`);
      const manifest = await res.json();
      if (manifest.version !== VERSION) throw new Error("precache manifest is from another build");
      const cache = await caches.open(CACHE);
      const urls = manifest.files.map((f) => new URL(f, self.registration.scope).href);
      await cache.addAll(urls.map((u) => new Request(u, { cache: "no-cache" })));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // The first visit's page is served by this worker from now on (its lazy chunks too).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(cacheFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // ignoreVary: the precache requests carried no Origin, a module script's does; a host that sends
  // `Vary: Origin` (many CDNs) would otherwise make every module and stylesheet miss offline.
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate", ignoreVary: true });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const page =
      request.mode === "navigate"
        ? await cache.match(new URL("./", self.registration.scope).href, { ignoreVary: true })
        : undefined;
    if (page) return page;
    throw error;
  }
}
