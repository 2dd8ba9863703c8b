// Service worker: after a first visit, the guide works with no network.
// Guide files are cached per build (BUILD.version); the Python runtime is cached per Pyodide
// version, the first time a calculator loads it. Only this site's own files are ever cached.
importScripts("sw-manifest.js");

const SITE_CACHE = `cp523-site-${self.BUILD.version}`;
const RUNTIME_CACHE = `cp523-runtime-${self.BUILD.runtime}`;
const SCOPE = new URL(self.registration.scope);
// The runtime never changes within a Pyodide version, so it outlives builds; the wheel is per build.
const isRuntime = (url) => url.pathname.startsWith(`${SCOPE.pathname}pyodide/`);
const cacheFor = (url) => (isRuntime(url) ? RUNTIME_CACHE : SITE_CACHE);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SITE_CACHE)
      .then((cache) => cache.addAll(self.BUILD.precache.map((path) => new URL(path, SCOPE).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith("cp523-") && name !== SITE_CACHE && name !== RUNTIME_CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll())
      .then((clients) => clients.forEach((client) => client.postMessage({ type: "offline-ready", version: self.BUILD.version }))),
  );
});

// Pages: network first, so a new build shows at once; the cached copy when offline.
async function fromNetworkThenCache(request) {
  const cache = await caches.open(SITE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

// Files that only change with a new build or a new runtime: the cache first.
async function fromCacheThenNetwork(request, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (event.request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html") || url.pathname.endsWith("sitemap.xml")) {
    event.respondWith(fromNetworkThenCache(event.request));
  } else {
    event.respondWith(fromCacheThenNetwork(event.request, cacheFor(url)));
  }
});

// A page with a calculator asks for the calculator's files to be kept. They were usually just
// downloaded, so the browser's HTTP cache answers most of these requests.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "cache-calculators") return;
  event.waitUntil(
    Promise.all(
      self.BUILD.calculator_files.map(async (path) => {
        const url = new URL(path, SCOPE);
        const cache = await caches.open(cacheFor(url));
        if (!(await cache.match(url))) await cache.add(url);
      }),
    ).then(() => event.source?.postMessage({ type: "calculators-cached" })),
  );
});
