// Service worker: after a first visit, the guide works with no network.
// Its cache holds exactly one build: the files listed in sw-manifest.js, fetched when this worker
// installs. Online, every file whose address a new build can reuse comes from the network, so a
// page and its scripts always come from the same build; offline, they come from that one cache.
// Files addressed by their content (the runtime's folder is named by its version, the compiled
// Python and the theme's bundles by a digest) cannot go stale: they come from the browser's own HTTP
// cache as they are, so it keeps their compiled code, and from this worker's cache only when that has
// lost them. Only this site's own files are ever cached.
// Registered as sw.js?build=<the manifest's version> (offline.mjs): a host that answers "not modified"
// to every request for a file it has replaced cannot hide a new build behind an address seen before.
importScripts(`sw-manifest.js${location.search}`);

const SITE_CACHE = `cp523-site-${self.BUILD.version}`;
const RUNTIME_CACHE = `cp523-runtime-${self.BUILD.runtime}`;
const SCOPE = new URL(self.registration.scope);
// The runtime never changes within a Pyodide version, so its cache outlives builds.
const isRuntime = (url) => url.pathname.startsWith(`${SCOPE.pathname}pyodide/`);
const CONTENT_ADDRESSED = /\/(pyodide\/[^/]+\/|py\/[^/]+-[0-9a-f]{16}\.zip$)|\.[0-9a-f]{8,}\.min\.(js|css)$/;
const cacheFor = (url) => (isRuntime(url) ? RUNTIME_CACHE : SITE_CACHE);
// Revalidated with the server, never taken from the browser's HTTP cache as it is: a host that
// sends only Last-Modified, or max-age=600, would otherwise hand back the previous build's files.
// A request that asks for more (a page reading past every cache) keeps its own mode.
const fresh = (request) => (request.cache === "default" ? new Request(request, { cache: "no-cache" }) : request);

// The copy kept for offline use is fetched whole from the server ("reload"), whatever the host's
// validators say, and each file is checked against the digest this build gave it: a host still being
// copied to, file by file, can serve this worker beside the last build's pages. Nothing that differs
// is kept; after a second try the install fails, the last build's worker stays in charge, and the
// browser installs this one again on a later visit, once the copy is whole.
// Another language's pages (the manifest's `languages`, by folder) are kept only for a reader who
// reads them: those with a page open now, and later on a page's word ("keep-language", offline.mjs).
const languagePart = (url) => Object.keys(self.BUILD.languages).find((part) => new URL(url).pathname.startsWith(SCOPE.pathname + part));
const digestOf = (path) => self.BUILD.precache[path] ?? Object.values(self.BUILD.languages).find((files) => path in files)?.[path];

async function filesToKeep() {
  const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const parts = new Set(open.map((client) => languagePart(client.url)).filter(Boolean));
  return Object.assign({}, self.BUILD.precache, ...[...parts].map((part) => self.BUILD.languages[part]));
}

const keepAllChecked = (cache, files) => Promise.all(Object.entries(files).map(([path, digest]) => keepChecked(cache, path, digest)));

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([caches.open(SITE_CACHE), filesToKeep()])
      .then(([cache, files]) => keepAllChecked(cache, files))
      .then(
        () => self.skipWaiting(),
        (error) => caches.delete(SITE_CACHE).then(() => Promise.reject(error)),
      ),
  );
});

async function keepChecked(cache, path, digest, tries = 2) {
  const request = new Request(new URL(path, SCOPE), { cache: "reload" });
  const response = await fetch(request);
  const body = await response.arrayBuffer();
  if (response.ok && (await sha256(body)) === digest) return cache.put(request, new Response(body, response));
  if (tries > 1) return new Promise((resolve) => setTimeout(resolve, 2000)).then(() => keepChecked(cache, path, digest, tries - 1));
  throw new Error(`${path} is not this build's`);
}

const sha256 = async (bytes) =>
  Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");

// The Python snapshot (calculator-worker.mjs) is not this worker's: it knows its own build, and
// replaces itself.
const OURS = (name) => name.startsWith("cp523-") && name !== "cp523-snapshot";

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => OURS(name) && name !== SITE_CACHE && name !== RUNTIME_CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll())
      .then((clients) => {
        for (const client of clients) client.postMessage({ type: "offline-ready", version: self.BUILD.version });
      }),
  );
});

// The page keeps the files it loaded in memory, and would use them again on a reload without asking
// here, for as long as the host's headers (Last-Modified, max-age) let it: so every file this worker
// gives out is marked to be checked on each use.
// The body is read in full here (these files are small): a body still streaming through this worker
// would keep it busy, and hold back the next build's worker from taking over.
async function checkedOnEachUse(response) {
  if (response.type !== "basic") return response; // a redirect, passed on as it is
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-cache");
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// Online: the server's current file. Offline: this build's copy. Nothing fetched here is written to
// the cache, so the cache never mixes two builds.
// A server that answers with an error (an outage, 5xx), or with a page that is not the guide's (a Wi-Fi
// login page, answering every address), is treated as no network: this build's copy, if there is one.
// Offline, a page this build does not have gets the guide's own "not found" page.
async function fromNetworkThenCache(request) {
  const cached = () => caches.match(request, { ignoreSearch: true, cacheName: SITE_CACHE });
  let response;
  try {
    response = await checkedOnEachUse(await thisBuilds(request));
  } catch (error) {
    const copy = (await cached()) ?? (request.mode === "navigate" && (await notFoundPage(request.url)));
    if (copy) return await checkedOnEachUse(copy);
    throw error;
  }
  if (await isTheGuides(request, response)) return response;
  return (await cached().then((copy) => copy && checkedOnEachUse(copy))) ?? response;
}

// The server's file, revalidated. A file this build lists whose bytes are not this build's (a host that
// sends the same Last-Modified for every deploy answers "not modified", and the browser hands back
// the last build's copy) is fetched again whole.
async function thisBuilds(request) {
  const response = await fetch(fresh(request));
  const path = new URL(request.url).pathname.slice(SCOPE.pathname.length);
  const digest = digestOf(path);
  if (!digest || !response.ok || (await sha256(await response.clone().arrayBuffer())) === digest) return response;
  return fetch(new Request(request, { cache: "reload" }));
}

// In the language of the address asked for, when that language's pages are kept.
const notFoundPage = async (url) => {
  const page =
    (await caches.match(new URL(`${languagePart(url) ?? ""}404.html`, SCOPE), { cacheName: SITE_CACHE })) ??
    (await caches.match(new URL("404.html", SCOPE), { cacheName: SITE_CACHE }));
  return page && new Response(await page.blob(), { status: 404, headers: page.headers });
};

// The guide's pages all name their generator, and its scripts and styles come with their own types; a
// login page or a host's error page does neither.
const TYPES = { script: "javascript", worker: "javascript", style: "text/css" };
async function isTheGuides(request, response) {
  if (response.status >= 500 || response.type === "opaqueredirect") return false;
  if (!response.ok) return true; // the host's answer, such as the guide's own "not found" page
  if (TYPES[request.destination]) return Boolean(response.headers.get("content-type")?.includes(TYPES[request.destination]));
  if (request.mode !== "navigate") return true;
  return (await response.clone().text()).includes('<meta name="generator" content="mkdocs-');
}

// A device short of space refuses a copy (QuotaExceededError). Keeping one is only for offline use:
// the page still gets its file, and the pages are told, so that a failure offline can name the cause.
async function keep(cache, request, response) {
  try {
    await cache.put(request, response);
    return true;
  } catch (error) {
    if (error?.name === "QuotaExceededError") await tellPages({ type: "storage-full" });
    return false;
  }
}

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage(message);
}

// A content-addressed file. The browser's HTTP cache keeps the code it compiled from a script or a
// WebAssembly file beside the file (a second visit then skips compiling Pyodide), but only for the
// response it gave, passed on untouched: one rebuilt here, or read from this worker's cache, is compiled
// again on every visit. So: the HTTP cache first, then this worker's copy (offline, or the HTTP cache
// evicted: no download), then the network. Copies are made apart, in idle time ("cache-calculators").
async function contentAddressed(request, cacheName) {
  try {
    return await fetch(request, { cache: "only-if-cached", mode: "same-origin" });
  } catch {
    // not in the HTTP cache
  }
  return (await caches.match(request, { ignoreSearch: true, cacheName })) ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (CONTENT_ADDRESSED.test(url.pathname)) event.respondWith(contentAddressed(event.request, cacheFor(url)));
  else event.respondWith(fromNetworkThenCache(event.request));
});

// A page with a calculator asks for the calculator's files to be kept. They were usually just
// downloaded, so the browser's HTTP cache answers most of these requests.
self.addEventListener("message", (event) => {
  if (event.data?.type === "keep-language") {
    const files = self.BUILD.languages[event.data.part];
    if (files)
      event.waitUntil(
        caches
          .open(SITE_CACHE)
          .then((cache) => keepAllChecked(cache, files))
          .catch(() => {}),
      );
    return;
  }
  if (event.data?.type !== "cache-calculators") return;
  event.waitUntil(
    Promise.all(
      self.BUILD.calculator_files.map(async (path) => {
        const url = new URL(path, SCOPE);
        const cache = await caches.open(cacheFor(url));
        if (await cache.match(url)) return true;
        const response = await fetch(url).catch(() => null);
        return Boolean(response?.ok) && (await keep(cache, url, response));
      }),
    ).then((kept) => kept.every(Boolean) && event.source?.postMessage({ type: "calculators-cached" })),
  );
});
